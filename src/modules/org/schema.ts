import { sql } from 'drizzle-orm';
import {
  boolean,
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

/**
 * Organisation: Jobcenter (tenant), sites, teams, staff, roles, team memberships.
 * tenant_id leads every primary and foreign key, so a Citus-distributed PostgreSQL
 * can shard by tenant (docs/decisions/0002-tenancy.md).
 */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sites = pgTable(
  'sites',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('sites_tenant_name_uq').on(t.tenantId, t.name)],
);

export const TEAM_KINDS = ['regional', 'u25', 'reha_sb', 'agps', 'other'] as const;

export const teams = pgTable(
  'teams',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    siteId: uuid('site_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: TEAM_KINDS }).notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }),
    uniqueIndex('teams_tenant_name_uq').on(t.tenantId, t.name),
  ],
);

export const ROLES = ['pap', 'leistung', 'fallmanagement', 'teamleitung', 'agps', 'controlling', 'vorstand', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const staff = pgTable(
  'staff',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull(),
    /** Login name; unique across the installation because the login form asks for nothing else. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** Set when an admin resets the password: the user must choose a new one at next login. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('staff_username_uq').on(sql`lower(${t.username})`)],
);

export const staffRoles = pgTable(
  'staff_roles',
  {
    tenantId: uuid('tenant_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.staffId, t.role] }),
    foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }).onDelete('cascade'),
  ],
);

export const teamMemberships = pgTable(
  'team_memberships',
  {
    tenantId: uuid('tenant_id').notNull(),
    staffId: uuid('staff_id').notNull(),
    teamId: uuid('team_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.staffId, t.teamId] }),
    foreignKey({ columns: [t.tenantId, t.staffId], foreignColumns: [staff.tenantId, staff.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }),
    index('team_memberships_team_idx').on(t.tenantId, t.teamId),
  ],
);
