import { integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../org/schema.ts';

/**
 * Narrative texts of the Eingliederungsbericht, one row per Jobcenter, year and section once someone
 * has edited the default. Optimistic locking with `version`; every change is in the audit log.
 */
export const reportTexts = pgTable(
  'report_texts',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    year: integer('year').notNull(),
    section: text('section').notNull(),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('report_texts_year_section_uq').on(t.tenantId, t.year, t.section),
  ],
);
