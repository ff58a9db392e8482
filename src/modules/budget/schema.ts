import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '../org/schema.ts';
import { COMMITMENT_ORIGINS, INSTRUMENTS, SOURCE_KINDS } from './codes.ts';

/**
 * Eingliederungsbudget: funding sources, the yearly allocation per source, the plan per instrument,
 * commitments (spread over months, possibly into later years) and the payments that settle them.
 * All money is integer cents. Only this module reads and writes these tables.
 */

export const budgetSources = pgTable(
  'budget_sources',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: SOURCE_KINDS }).notNull(),
    label: text('label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** The allocation of one source for one budget year (Zuteilung); the row is also the lock for that year's commitments. */
export const budgetAllocations = pgTable(
  'budget_allocations',
  {
    tenantId: uuid('tenant_id').notNull(),
    year: integer('year').notNull(),
    sourceId: uuid('source_id').notNull(),
    allocatedCents: bigint('allocated_cents', { mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.year, t.sourceId] }),
    foreignKey({ columns: [t.tenantId, t.sourceId], foreignColumns: [budgetSources.tenantId, budgetSources.id] }),
    check('budget_allocations_cents_ck', sql`allocated_cents >= 0`),
    check('budget_allocations_year_ck', sql`year BETWEEN 2005 AND 2100`),
  ],
);

/** Planned amount per year, source and instrument (Haushaltsplan je Instrument). */
export const budgetPlanLines = pgTable(
  'budget_plan_lines',
  {
    tenantId: uuid('tenant_id').notNull(),
    year: integer('year').notNull(),
    sourceId: uuid('source_id').notNull(),
    instrument: text('instrument', { enum: INSTRUMENTS }).notNull(),
    plannedCents: bigint('planned_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.year, t.sourceId, t.instrument] }),
    foreignKey({
      columns: [t.tenantId, t.year, t.sourceId],
      foreignColumns: [budgetAllocations.tenantId, budgetAllocations.year, budgetAllocations.sourceId],
    }),
    check('budget_plan_lines_cents_ck', sql`planned_cents >= 0`),
  ],
);

export const budgetCommitments = pgTable(
  'budget_commitments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    sourceId: uuid('source_id').notNull(),
    instrument: text('instrument', { enum: INSTRUMENTS }).notNull(),
    origin: text('origin', { enum: COMMITMENT_ORIGINS }).notNull(),
    /** The assignment (measures) or subsidy contract id; NULL for manual commitments. */
    originRef: uuid('origin_ref'),
    description: text('description').notNull(),
    /** Why the commitment was booked beyond the free amount (audited), else NULL. */
    overrideReason: text('override_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.sourceId], foreignColumns: [budgetSources.tenantId, budgetSources.id] }),
    index('budget_commitments_origin_idx').on(t.tenantId, t.origin, t.originRef),
  ],
);

/** The committed amount of one month (first day of the month); the year of the month is the budget year. */
export const budgetCommitmentMonths = pgTable(
  'budget_commitment_months',
  {
    tenantId: uuid('tenant_id').notNull(),
    commitmentId: uuid('commitment_id').notNull(),
    month: date('month').notNull(),
    cents: bigint('cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.commitmentId, t.month] }),
    foreignKey({
      columns: [t.tenantId, t.commitmentId],
      foreignColumns: [budgetCommitments.tenantId, budgetCommitments.id],
    }).onDelete('cascade'),
    index('budget_commitment_months_month_idx').on(t.tenantId, t.month),
    check('budget_commitment_months_cents_ck', sql`cents >= 0`),
    check('budget_commitment_months_month_ck', sql`extract(day from month) = 1`),
  ],
);

/** A payment (provider invoice, monthly subsidy to an employer) settling part of a commitment. */
export const budgetPayments = pgTable(
  'budget_payments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    commitmentId: uuid('commitment_id').notNull(),
    paidOn: date('paid_on').notNull(),
    /** The month the payment is for (subsidies), first day; NULL for invoices. */
    forMonth: date('for_month'),
    cents: bigint('cents', { mode: 'number' }).notNull(),
    /** Invoice number or a short note (no social data). */
    reference: text('reference'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.commitmentId],
      foreignColumns: [budgetCommitments.tenantId, budgetCommitments.id],
    }),
    index('budget_payments_commitment_idx').on(t.tenantId, t.commitmentId),
    index('budget_payments_paid_idx').on(t.tenantId, t.paidOn),
    check('budget_payments_cents_ck', sql`cents > 0`),
  ],
);
