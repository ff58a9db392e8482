import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { type Role, staff } from './schema.ts';

/**
 * What the auth module needs to know about staff, exported so that auth never reads org's tables.
 */
export interface LoginRecord {
  tenantId: string;
  staffId: string;
  passwordHash: string;
  active: boolean;
  mustChangePassword: boolean;
}

export async function findLogin(db: Database, username: string): Promise<LoginRecord | undefined> {
  const [row] = await db.orm
    .select({
      tenantId: staff.tenantId,
      staffId: staff.id,
      passwordHash: staff.passwordHash,
      active: staff.active,
      mustChangePassword: staff.mustChangePassword,
    })
    .from(staff)
    .where(sql`lower(${staff.username}) = lower(${username})`);
  return row;
}

export interface StaffContext {
  /** The name of the staff member's Jobcenter (shown with the session). */
  tenantName: string;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  roles: Role[];
  teamIds: string[];
}

/**
 * The staff member, their roles and teams as one subquery (columns as in StaffContext) over the
 * given tenant and staff id, which may be values or column references of an enclosing query:
 * auth resolves a session and its staff context in one round trip on every request
 * (`… JOIN LATERAL (staffContextQuery(sql\`s.tenant_id\`, sql\`s.staff_id\`)) …`) without
 * reading org's tables itself.
 */
export function staffContextQuery(tenantId: SQL, staffId: SQL): SQL {
  return sql`
    SELECT (SELECT t.name FROM tenants t WHERE t.id = st.tenant_id) AS "tenantName",
           st.username, st.display_name AS "displayName", st.active, st.must_change_password AS "mustChangePassword",
           COALESCE((SELECT array_agg(r.role) FROM staff_roles r
                      WHERE r.tenant_id = st.tenant_id AND r.staff_id = st.id), '{}') AS roles,
           COALESCE((SELECT array_agg(m.team_id::text) FROM team_memberships m
                      WHERE m.tenant_id = st.tenant_id AND m.staff_id = st.id), '{}') AS "teamIds"
      FROM staff st WHERE st.tenant_id = ${tenantId} AND st.id = ${staffId}`;
}

/** The staff member, their roles and teams, in one query. */
export async function staffContext(db: Database, tenantId: string, staffId: string): Promise<StaffContext | undefined> {
  const [row] = await db.rows<StaffContext>(staffContextQuery(sql`${tenantId}::uuid`, sql`${staffId}::uuid`));
  return row;
}

export async function setPasswordHash(
  tx: Executor,
  tenantId: string,
  staffId: string,
  passwordHash: string,
  mustChangePassword: boolean,
) {
  await tx
    .update(staff)
    .set({ passwordHash, mustChangePassword, version: sql`${staff.version} + 1` })
    .where(and(eq(staff.tenantId, tenantId), eq(staff.id, staffId)));
}

/** Teams and staff by id and name, for modules that reference them (people, import). */
export interface TeamRef {
  id: string;
  name: string;
  kind: string;
  siteId: string;
  siteName: string;
}
export async function listTeamRefs(db: Database, tenantId: string, executor?: Executor): Promise<TeamRef[]> {
  return db.rows<TeamRef>(
    sql`SELECT t.id, t.name, t.kind, t.site_id AS "siteId", s.name AS "siteName"
          FROM teams t JOIN sites s ON s.tenant_id = t.tenant_id AND s.id = t.site_id
         WHERE t.tenant_id = ${tenantId} ORDER BY t.name`,
    executor,
  );
}

export interface StaffRef {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}
export async function listStaffRefs(db: Database, tenantId: string, executor?: Executor): Promise<StaffRef[]> {
  return db.rows<StaffRef>(
    sql`SELECT s.id, s.username, s.display_name AS "displayName",
               COALESCE((SELECT array_agg(r.role ORDER BY r.role) FROM staff_roles r
                          WHERE r.tenant_id = s.tenant_id AND r.staff_id = s.id), '{}') AS roles
          FROM staff s WHERE s.tenant_id = ${tenantId} ORDER BY s.username`,
    executor,
  );
}
