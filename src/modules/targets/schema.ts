import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../org/schema.ts';

export const COMPARATORS = ['>=', '<='] as const;
export type Comparator = (typeof COMPARATORS)[number];

/**
 * The target agreement (Zielvereinbarung, § 48b SGB II): per Jobcenter, year and key figure the agreed
 * annual target. The value is stored exactly, in hundredths of a percent (24 % → 2400, −2 % → −200),
 * like money in cents.
 */
export const targets = pgTable(
  'targets',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    /** Key figure code of indicators/definitions.ts (K2, K3 …). */
    code: text('code').notNull(),
    comparator: text('comparator', { enum: COMPARATORS }).notNull(),
    valueHundredths: integer('value_hundredths').notNull(),
    /** Where the target comes from (e.g. "Zielvereinbarung mit dem HSMI vom 14.03.2019"); no social data. */
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('targets_tenant_year_code_uq').on(t.tenantId, t.year, t.code),
    check('targets_year_ck', sql`${t.year} BETWEEN 2005 AND 2100`),
  ],
);
