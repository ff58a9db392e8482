import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { persons } from '../people/schema.ts';
import { SUBSIDY_BASES, WAGE_BASES } from './codes.ts';

/**
 * Subsidised employment (§ 16i, § 16e SGB II): the contract with the employer, and the coaching sessions
 * (beschäftigungsbegleitende Betreuung). The money lives in the budget module (commitments and payments
 * with origin 'subsidy' and this contract's id). The foreign key to persons is integrity only: this
 * module reads persons through the people module's exported functions.
 */
export const subsidyContracts = pgTable(
  'subsidy_contracts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    basis: text('basis', { enum: SUBSIDY_BASES }).notNull(),
    employer: text('employer').notNull(),
    startsOn: date('starts_on').notNull(),
    /** Planned end, half-open (first day no longer employed). */
    endsOn: date('ends_on').notNull(),
    /** Early end, half-open; NULL while the contract runs as planned. */
    endedOn: date('ended_on'),
    weeklyHours: numeric('weekly_hours', { precision: 4, scale: 1 }).notNull(),
    wageBasis: text('wage_basis', { enum: WAGE_BASES }).notNull(),
    /** Hourly wage in cents for wage_basis 'agreed'. */
    agreedHourlyCents: integer('agreed_hourly_cents'),
    /** Share of each month funded by the passive-active transfer, in basis points (10000 = 100 %). */
    patShareBp: integer('pat_share_bp').notNull().default(0),
    /** The eligibility rule version applied and, if the person did not meet it, the audited reason. */
    ruleVersion: text('rule_version').notNull(),
    eligible: text('eligible', { enum: ['yes', 'no', 'not_checked'] }).notNull(),
    overrideReason: text('override_reason'),
    /** The person's employment record this contract funds (people module), if known. */
    employmentId: uuid('employment_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'subsidy_contracts_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }),
    index('subsidy_contracts_person_idx').on(t.tenantId, t.personId),
    index('subsidy_contracts_start_idx').on(t.tenantId, t.startsOn),
    check(
      'subsidy_contracts_period_ck',
      sql`ends_on > starts_on AND (ended_on IS NULL OR (ended_on > starts_on AND ended_on <= ends_on))`,
    ),
    check('subsidy_contracts_hours_ck', sql`weekly_hours > 0 AND weekly_hours <= 48`),
    check('subsidy_contracts_pat_ck', sql`pat_share_bp BETWEEN 0 AND 10000`),
    check(
      'subsidy_contracts_wage_ck',
      sql`(wage_basis = 'agreed') = (agreed_hourly_cents IS NOT NULL) AND (agreed_hourly_cents IS NULL OR agreed_hourly_cents > 0)`,
    ),
  ],
);

export const subsidyCoaching = pgTable(
  'subsidy_coaching',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    contractId: uuid('contract_id').notNull(),
    heldOn: date('held_on').notNull(),
    /** Duration in minutes (2,5 h = 150). */
    minutes: integer('minutes').notNull(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [subsidyContracts.tenantId, subsidyContracts.id],
    }).onDelete('cascade'),
    index('subsidy_coaching_contract_idx').on(t.tenantId, t.contractId, t.heldOn),
    check('subsidy_coaching_minutes_ck', sql`minutes > 0 AND minutes <= 600`),
  ],
);
