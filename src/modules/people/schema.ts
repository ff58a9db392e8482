import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff, teams, tenants } from '../org/schema.ts';
import { EMPLOYMENT_KINDS, MEMBERSHIP_ROLES, STATUS_KINDS } from './code-lists.ts';

// The code lists live in code-lists.ts (no drizzle there, so the web app can use them too).
export { EMPLOYMENT_KINDS, MEMBERSHIP_ROLES, STATUS_KINDS };

/**
 * People: households (Bedarfsgemeinschaften), persons and their history.
 *
 * Every attribute that changes over time is a period [valid_from, valid_to): valid_to is the first day
 * it no longer holds (NULL = open). Inclusive "bis" dates exist only at the edges (forms, CSV).
 * Overlaps are refused by the database itself (EXCLUDE constraints, btree_gist; see migration 0002),
 * so two concurrent writers can never create one. Their GiST indexes, led by (tenant_id, person_id), also
 * serve a person's lookups, so those tables carry no second btree on person_id: every index costs
 * time on bulk loads (an import of 100,000 persons writes ~2.5 million rows).
 */

const periodColumns = {
  validFrom: date('valid_from').notNull(),
  validTo: date('valid_to'),
};
const periodCheck = (name: string) => check(name, sql`valid_to IS NULL OR valid_to > valid_from`);

export const households = pgTable(
  'households',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** BG-Nummer as staff type it, e.g. 12345BG0001234. */
    number: text('number').notNull(),
    teamId: uuid('team_id').notNull(),
    /** The tandem: caseworker (pAp) for integration, benefit officer (Leistung) for money. */
    caseworkerId: uuid('caseworker_id'),
    benefitOfficerId: uuid('benefit_officer_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('households_number_uq').on(t.tenantId, t.number),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    foreignKey({ columns: [t.tenantId, t.caseworkerId], foreignColumns: [staff.tenantId, staff.id] }),
    foreignKey({ columns: [t.tenantId, t.benefitOfficerId], foreignColumns: [staff.tenantId, staff.id] }),
    index('households_team_idx').on(t.tenantId, t.teamId),
  ],
);

export const persons = pgTable(
  'persons',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** Kundennummer, e.g. 123D456789. */
    customerNumber: text('customer_number').notNull(),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['m', 'w', 'd'] }).notNull(),
    /** ISO 3166-1 alpha-2, e.g. DE, SY. */
    nationality: text('nationality'),
    phone: text('phone'),
    email: text('email'),
    street: text('street'),
    postcode: text('postcode'),
    city: text('city'),
    /** Folded names and numbers for typo-tolerant search (trigram index); see rules.searchKey. */
    searchKey: text('search_key').notNull(),
    /** The responsible team today: derived from team_assignments, kept for scope checks and caseload lists. */
    teamId: uuid('team_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('persons_customer_number_uq').on(t.tenantId, t.customerNumber),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    index('persons_team_idx').on(t.tenantId, t.teamId),
    index('persons_birth_date_idx').on(t.tenantId, t.birthDate),
    // GiST, not GIN: it serves the nearest-neighbour order (<<->), so a search reads 20 index entries, not every match.
    index('persons_search_trgm_idx').using('gist', sql`${t.searchKey} gist_trgm_ops(siglen=64)`),
  ],
);

// biome-ignore lint/suspicious/noExplicitAny: drizzle's extra-config column type is not exported
type Col = any;
const personRef = (t: { tenantId: Col; personId: Col }, name: string) =>
  foreignKey({ name, columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade');

export const householdMemberships = pgTable(
  'household_memberships',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    householdId: uuid('household_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    ...periodColumns,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.householdId], foreignColumns: [households.tenantId, households.id] }).onDelete(
      'cascade',
    ),
    personRef(t, 'household_memberships_person_fk'),
    index('household_memberships_household_idx').on(t.tenantId, t.householdId),
    periodCheck('household_memberships_period_ck'),
  ],
);

export const benefitPeriods = pgTable(
  'benefit_periods',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    /** NULL for periods of another Jobcenter (imported history that counts for LZB, not for stocks). */
    householdId: uuid('household_id'),
    /** eLb in this period (able to work ≥ 3 h a day, § 8 SGB II); false = nEf. */
    employable: boolean('employable').notNull(),
    /** Name or number of the previous Jobcenter; NULL = this Jobcenter. */
    otherJobcenter: text('other_jobcenter'),
    ...periodColumns,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    personRef(t, 'benefit_periods_person_fk'),
    foreignKey({ columns: [t.tenantId, t.householdId], foreignColumns: [households.tenantId, households.id] }).onDelete(
      'cascade',
    ),
    index('benefit_periods_person_idx').on(t.tenantId, t.personId),
    index('benefit_periods_range_idx').on(t.tenantId, t.validFrom, t.validTo),
    periodCheck('benefit_periods_period_ck'),
    check('benefit_periods_household_ck', sql`(other_jobcenter IS NULL) = (household_id IS NOT NULL)`),
  ],
);

export const statusPeriods = pgTable(
  'status_periods',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: STATUS_KINDS }).notNull(),
    /** A code of the kind's list (model.ts STATUS_VALUES). */
    value: text('value').notNull(),
    /** Country of origin (ISO alpha-2) for refugee background; otherwise empty. */
    detail: text('detail'),
    ...periodColumns,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    personRef(t, 'status_periods_person_fk'),
    periodCheck('status_periods_period_ck'),
  ],
);

export const teamAssignments = pgTable(
  'team_assignments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    teamId: uuid('team_id').notNull(),
    ...periodColumns,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    personRef(t, 'team_assignments_person_fk'),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    index('team_assignments_team_idx').on(t.tenantId, t.teamId, t.validFrom),
    periodCheck('team_assignments_period_ck'),
  ],
);

export const employments = pgTable(
  'employments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: EMPLOYMENT_KINDS }).notNull(),
    /** Weekly working hours, e.g. 19.5. */
    weeklyHours: numeric('weekly_hours', { precision: 4, scale: 1 }),
    employer: text('employer'),
    version: integer('version').notNull().default(1),
    ...periodColumns,
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    personRef(t, 'employments_person_fk'),
    index('employments_person_idx').on(t.tenantId, t.personId),
    index('employments_start_idx').on(t.tenantId, t.validFrom),
    periodCheck('employments_period_ck'),
    check('employments_hours_ck', sql`weekly_hours IS NULL OR (weekly_hours > 0 AND weekly_hours <= 80)`),
  ],
);

/** Monthly benefit claims of a household, in cents, before sanctions. month = first day of the month. */
export const householdPayments = pgTable(
  'household_payments',
  {
    tenantId: uuid('tenant_id').notNull(),
    householdId: uuid('household_id').notNull(),
    month: date('month').notNull(),
    /** Regelbedarf (§ 20 SGB II) of all members. */
    standardCents: bigint('standard_cents', { mode: 'number' }).notNull(),
    /** Mehrbedarfe (§ 21, § 23, § 24 (1) SGB II). */
    additionalCents: bigint('additional_cents', { mode: 'number' }).notNull(),
    /** Kosten der Unterkunft und Heizung (§ 22 SGB II). */
    housingCents: bigint('housing_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.householdId, t.month] }),
    foreignKey({ columns: [t.tenantId, t.householdId], foreignColumns: [households.tenantId, households.id] }).onDelete(
      'cascade',
    ),
    check('household_payments_month_ck', sql`extract(day from month) = 1`),
    check('household_payments_amounts_ck', sql`standard_cents >= 0 AND additional_cents >= 0 AND housing_cents >= 0`),
  ],
);
