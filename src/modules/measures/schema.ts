import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff, tenants } from '../org/schema.ts';
import { ASSIGNMENT_STATE_CODES, CUSTOMER_CHOICE_CODES, EXIT_REASON_CODES, OUTCOME_CODES } from './code-lists.ts';

/**
 * Measures: providers (Träger), their measures with places and rules, the assignments of persons to
 * measures (proposal … outcome) and the quality notes of review meetings. Person ids refer to the
 * people module by id only (no foreign key into another module's tables; the module talks to people
 * through its exports).
 */

export interface ProviderContact {
  name: string;
  role?: string | null;
  phone?: string | null;
  email?: string | null;
}

export const measureProviders = pgTable(
  'measure_providers',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** Contact persons of the provider (staff of the provider, not customers). */
    contacts: jsonb('contacts').$type<ProviderContact[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const measures = pgTable(
  'measures',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    providerId: uuid('provider_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Code of code-lists.ts LEGAL_BASES. */
    legalBasis: text('legal_basis').notNull(),
    /** Codes of TARGET_GROUPS; empty = open to every eLb. */
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    site: text('site').notNull(),
    /** Participants at the same time (contract capacity). */
    places: integer('places').notNull(),
    /** At most this many entries in one calendar week (ISO week); NULL = no limit. */
    weeklyEntryLimit: integer('weekly_entry_limit'),
    /** ISO weekdays on which entries are possible (2 = every Tuesday); empty = any working day. */
    entryWeekdays: integer('entry_weekdays').array().notNull().default(sql`'{}'::int[]`),
    durationValue: integer('duration_value').notNull(),
    durationUnit: text('duration_unit', { enum: ['weeks', 'months'] }).notNull(),
    scheduleKind: text('schedule_kind', { enum: ['full_time', 'part_time', 'flexible'] }).notNull(),
    /** e.g. "vormittags", "vier frei wählbare Termine je Woche". */
    scheduleNote: text('schedule_note'),
    daysPerWeek: integer('days_per_week'),
    childcareOnSite: boolean('childcare_on_site').notNull().default(false),
    costPerMonthCents: integer('cost_per_month_cents').notNull(),
    /** Contract period, half-open [contract_from, contract_to). */
    contractFrom: date('contract_from').notNull(),
    contractTo: date('contract_to'),
    /** The contract's target: share of exits integrated within 6 months, in percent. */
    integrationTargetPercent: integer('integration_target_percent'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.providerId], foreignColumns: [measureProviders.tenantId, measureProviders.id] }),
    index('measures_provider_idx').on(t.tenantId, t.providerId),
    check('measures_places_ck', sql`places > 0`),
    check('measures_weekly_ck', sql`weekly_entry_limit IS NULL OR weekly_entry_limit > 0`),
    check('measures_cost_ck', sql`cost_per_month_cents >= 0`),
    check('measures_duration_ck', sql`duration_value > 0`),
    check('measures_contract_ck', sql`contract_to IS NULL OR contract_to > contract_from`),
  ],
);

export const measureAssignments = pgTable(
  'measure_assignments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    measureId: uuid('measure_id').notNull(),
    /** A person of the people module (by id; scope is checked through people's exports). */
    personId: uuid('person_id').notNull(),
    state: text('state', { enum: ASSIGNMENT_STATE_CODES }).notNull(),
    /** The day of the assignment (proposal); entry may not be before it. */
    assignedOn: date('assigned_on').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    plannedEntry: date('planned_entry'),
    /** Last planned day (inclusive, as on the assignment letter). */
    plannedEnd: date('planned_end'),
    agreedOn: date('agreed_on'),
    customerChoice: text('customer_choice', { enum: CUSTOMER_CHOICE_CODES }),
    /** The customer's own words about the choice (Ko-Produktion). */
    customerReasons: text('customer_reasons'),
    /** Set when the person is outside the measure's target groups and the caseworker overrode the warning. */
    targetGroupOverride: text('target_group_override'),
    /** Snapshot at the assignment, for the evaluation by sex and group without reading people again. */
    personSex: text('person_sex', { enum: ['m', 'w', 'd'] }).notNull(),
    personGroups: text('person_groups').array().notNull().default(sql`'{}'::text[]`),
    inTargetGroup: boolean('in_target_group').notNull(),
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    entryDate: date('entry_date'),
    /** Last day of participation (inclusive). */
    exitDate: date('exit_date'),
    exitReason: text('exit_reason', { enum: EXIT_REASON_CODES }),
    outcome: text('outcome', { enum: OUTCOME_CODES }),
    outcomeOn: date('outcome_on'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.measureId], foreignColumns: [measures.tenantId, measures.id] }),
    foreignKey({ columns: [t.tenantId, t.assignedBy], foreignColumns: [staff.tenantId, staff.id] }),
    index('measure_assignments_measure_idx').on(t.tenantId, t.measureId, t.state),
    index('measure_assignments_person_idx').on(t.tenantId, t.personId),
    check('measure_assignments_entry_ck', sql`entry_date IS NULL OR entry_date >= assigned_on`),
    check('measure_assignments_exit_ck', sql`exit_date IS NULL OR (entry_date IS NOT NULL AND exit_date >= entry_date)`),
    check(
      'measure_assignments_active_ck',
      sql`(state IN ('active', 'exited')) = (entry_date IS NOT NULL) AND (state = 'exited') = (exit_date IS NOT NULL)`,
    ),
  ],
);

export const measureQualityNotes = pgTable(
  'measure_quality_notes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    measureId: uuid('measure_id').notNull(),
    meetingOn: date('meeting_on').notNull(),
    note: text('note').notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.measureId], foreignColumns: [measures.tenantId, measures.id] }),
    foreignKey({ columns: [t.tenantId, t.authorId], foreignColumns: [staff.tenantId, staff.id] }),
  ],
);
