import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { type Role, sites, staff, staffRoles, type TEAM_KINDS, teamMemberships, teams, tenants } from './schema.ts';

/**
 * The organisation's part of the Jobcenter interchange format (people/exchange): sites, teams and staff
 * by name, read and written here so that no other module touches org's tables.
 */
export type TeamKind = (typeof TEAM_KINDS)[number];
export interface OrgSnapshot {
  tenantName: string;
  sites: { id: string; name: string }[];
  teams: { id: string; name: string; siteName: string; kind: TeamKind }[];
  staff: { id: string; username: string; displayName: string; roles: Role[]; teams: string[]; active: boolean }[];
}

export async function readOrg(db: Database, tenantId: string, executor?: Executor): Promise<OrgSnapshot> {
  const [tenant] = await db.rows<{ name: string }>(sql`SELECT name FROM tenants WHERE id = ${tenantId}`, executor);
  const siteRows = await db.rows<{ id: string; name: string }>(
    sql`SELECT id, name FROM sites WHERE tenant_id = ${tenantId} ORDER BY name`,
    executor,
  );
  const teamRows = await db.rows<{ id: string; name: string; siteName: string; kind: TeamKind }>(
    sql`SELECT t.id, t.name, s.name AS "siteName", t.kind FROM teams t
          JOIN sites s ON s.tenant_id = t.tenant_id AND s.id = t.site_id
         WHERE t.tenant_id = ${tenantId} ORDER BY t.name`,
    executor,
  );
  const staffRows = await db.rows<OrgSnapshot['staff'][number]>(
    sql`SELECT s.id, s.username, s.display_name AS "displayName", s.active,
               COALESCE((SELECT array_agg(r.role ORDER BY r.role) FROM staff_roles r
                          WHERE r.tenant_id = s.tenant_id AND r.staff_id = s.id), '{}') AS roles,
               COALESCE((SELECT array_agg(t.name ORDER BY t.name) FROM team_memberships m
                          JOIN teams t ON t.tenant_id = m.tenant_id AND t.id = m.team_id
                          WHERE m.tenant_id = s.tenant_id AND m.staff_id = s.id), '{}') AS teams
          FROM staff s WHERE s.tenant_id = ${tenantId} ORDER BY s.username`,
    executor,
  );
  return { tenantName: tenant?.name ?? '', sites: siteRows, teams: teamRows, staff: staffRows };
}

export interface OrgImport {
  sites: { name: string }[];
  teams: { name: string; site: string; kind: TeamKind }[];
  staff: { username: string; displayName: string; roles: Role[]; teams: string[]; active: boolean }[];
}

export async function createEmptyTenant(tx: Executor, name: string): Promise<string> {
  const id = uuidv7();
  await tx.insert(tenants).values({ id, name });
  return id;
}

/** Upserts sites, teams and staff by name; returns the ids of all teams and staff afterwards. */
export async function applyOrg(
  db: Database,
  tx: Executor,
  tenantId: string,
  input: OrgImport,
): Promise<{ changed: number; teamIds: Map<string, string>; staffIds: Map<string, string> }> {
  const before = await readOrg(db, tenantId, tx);
  let changed = 0;
  const siteIds = new Map(before.sites.map((s) => [s.name, s.id]));
  for (const s of input.sites) {
    if (siteIds.has(s.name)) continue;
    const id = uuidv7();
    await tx.insert(sites).values({ tenantId, id, name: s.name });
    siteIds.set(s.name, id);
    changed++;
  }
  const teamIds = new Map(before.teams.map((t) => [t.name, t.id]));
  for (const t of input.teams) {
    const siteId = siteIds.get(t.site) as string;
    const old = before.teams.find((x) => x.name === t.name);
    if (!old) {
      const id = uuidv7();
      await tx.insert(teams).values({ tenantId, id, siteId, name: t.name, kind: t.kind });
      teamIds.set(t.name, id);
      changed++;
    } else if (old.siteName !== t.site || old.kind !== t.kind) {
      await tx
        .update(teams)
        .set({ siteId, kind: t.kind, version: sql`${teams.version} + 1` })
        .where(and(eq(teams.tenantId, tenantId), eq(teams.id, old.id)));
      changed++;
    }
  }
  const staffIds = new Map(before.staff.map((s) => [s.username.toLowerCase(), s.id]));
  for (const s of input.staff) {
    const old = before.staff.find((x) => x.username.toLowerCase() === s.username.toLowerCase());
    const same =
      old &&
      old.displayName === s.displayName &&
      old.active === s.active &&
      [...old.roles].sort().join('|') === [...s.roles].sort().join('|') &&
      [...old.teams].sort().join('|') === [...s.teams].sort().join('|');
    if (same) continue;
    changed++;
    let id = old?.id;
    if (!id) {
      id = uuidv7();
      // Passwords are never part of an exchange: a new account gets an unknown one and must be reset.
      await tx.insert(staff).values({
        tenantId,
        id,
        username: s.username,
        displayName: s.displayName,
        active: s.active,
        passwordHash: await hashPassword(generatePassword()),
        mustChangePassword: true,
      });
      staffIds.set(s.username.toLowerCase(), id);
    } else {
      await tx
        .update(staff)
        .set({ displayName: s.displayName, active: s.active, version: sql`${staff.version} + 1` })
        .where(and(eq(staff.tenantId, tenantId), eq(staff.id, id)));
      await tx.delete(staffRoles).where(and(eq(staffRoles.tenantId, tenantId), eq(staffRoles.staffId, id)));
      await tx.delete(teamMemberships).where(and(eq(teamMemberships.tenantId, tenantId), eq(teamMemberships.staffId, id)));
    }
    if (s.roles.length) await tx.insert(staffRoles).values(s.roles.map((role) => ({ tenantId, staffId: id, role })));
    if (s.teams.length)
      await tx.insert(teamMemberships).values(s.teams.map((t) => ({ tenantId, staffId: id, teamId: teamIds.get(t) as string })));
  }
  return { changed, teamIds, staffIds };
}
