import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staff, teams, tenants } from '../org/schema.ts';
import { persons } from '../people/schema.ts';
import { CONTACT_KINDS, CONTACT_STATUSES, STEP_OWNERS } from './codes.ts';

/**
 * Integration planning: one plan per person (§ 15 SGB II), kept as immutable revisions (each save is
 * a new revision with its steps), contacts and appointments, and MitArbeit reviews.
 * Foreign keys to persons only guard integrity; the module never reads the people tables itself.
 */

/** The plan of a person: its version is the optimistic lock, current_revision the newest revision number. */
export const plans = pgTable(
  'plans',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    currentRevision: integer('current_revision').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('plans_person_uq').on(t.tenantId, t.personId),
    foreignKey({
      name: 'plans_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
  ],
);

/** One saved state of a plan; never changed after it is written. */
export const planRevisions = pgTable(
  'plan_revisions',
  {
    tenantId: uuid('tenant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    revision: integer('revision').notNull(),
    planDate: date('plan_date').notNull(),
    reviewDate: date('review_date').notNull(),
    /** Potential analysis (§ 15 Abs. 1 SGB II). */
    strengths: text('strengths'),
    skills: text('skills'),
    /** Codes of codes.ts OBSTACLES. */
    obstacles: text('obstacles').array().notNull().default(sql`'{}'`),
    obstacleNote: text('obstacle_note'),
    goal: text('goal').notNull(),
    /** KldB 2010 five-digit codes. */
    targetOccupations: text('target_occupations').array().notNull().default(sql`'{}'`),
    /** Ko-Produktion: what the customer said, in their own words. */
    customerWords: text('customer_words'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.revision] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.createdBy], foreignColumns: [staff.tenantId, staff.id] }),
    check('plan_revisions_review_ck', sql`review_date > plan_date`),
  ],
);

export const planSteps = pgTable(
  'plan_steps',
  {
    tenantId: uuid('tenant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    revision: integer('revision').notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    owner: text('owner', { enum: STEP_OWNERS }).notNull(),
    dueDate: date('due_date').notNull(),
    doneOn: date('done_on'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.revision, t.position] }),
    foreignKey({
      columns: [t.tenantId, t.planId, t.revision],
      foreignColumns: [planRevisions.tenantId, planRevisions.planId, planRevisions.revision],
    }).onDelete('cascade'),
    index('plan_steps_due_idx').on(t.tenantId, t.dueDate),
  ],
);

/** Contacts and appointments: date and local time (Jobcenter's time zone), planned → held or missed. */
export const contacts = pgTable(
  'contacts',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
    contactDate: date('contact_date').notNull(),
    /** 'HH:MM', local time. */
    contactTime: text('contact_time').notNull(),
    status: text('status', { enum: CONTACT_STATUSES }).notNull(),
    /** Who holds the appointment (the caseworker). */
    staffId: uuid('staff_id').notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'contacts_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
    index('contacts_person_idx').on(t.tenantId, t.personId, t.contactDate),
    index('contacts_date_idx').on(t.tenantId, t.contactDate),
    check('contacts_time_ck', sql`contact_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
  ],
);

/** MitArbeit review of a long-term recipient: uniform reasons why integration has not worked yet. */
export const mitarbeitReviews = pgTable(
  'mitarbeit_reviews',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The team responsible at the time of the review: the analysis groups by it. */
    teamId: uuid('team_id').notNull(),
    reviewDate: date('review_date').notNull(),
    /** Codes of codes.ts MITARBEIT_REASONS. */
    reasons: text('reasons').array().notNull(),
    note: text('note'),
    staffId: uuid('staff_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'mitarbeit_reviews_person_fk',
      columns: [t.tenantId, t.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }),
    index('mitarbeit_reviews_person_idx').on(t.tenantId, t.personId, t.reviewDate),
    index('mitarbeit_reviews_team_idx').on(t.tenantId, t.teamId, t.reviewDate),
  ],
);
