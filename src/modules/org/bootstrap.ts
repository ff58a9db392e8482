import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { appendAudit } from '../audit/service.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { type Role, sites, staff, staffRoles, type TEAM_KINDS, teamMemberships, teams, tenants } from './schema.ts';

/** Actor of changes made from the command line or at first start, where no one is logged in. */
export const SYSTEM_ACTOR = '00000000-0000-0000-0000-000000000000';

export interface TenantPlan {
  name: string;
  sites: string[];
  teams: { name: string; site: string; kind: (typeof TEAM_KINDS)[number] }[];
  staff: { username: string; displayName: string; roles: Role[]; teams: string[]; password?: string }[];
}

export interface CreatedTenant {
  tenantId: string;
  siteIds: Record<string, string>;
  teamIds: Record<string, string>;
  staffIds: Record<string, string>;
  /** Initial passwords, shown once; only their hashes are stored. */
  passwords: { username: string; displayName: string; roles: Role[]; password: string }[];
}

export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM tenants`);
  return (row?.n ?? 0) === 0;
}

/** Every Jobcenter of the database (start-up work per Jobcenter). */
export async function listTenantIds(db: Database): Promise<string[]> {
  const rows = await db.rows<{ id: string }>(sql`SELECT id FROM tenants ORDER BY name`);
  return rows.map((r) => r.id);
}

/** Creates a Jobcenter with its sites, teams and staff in one transaction. */
export async function createTenant(db: Database, plan: TenantPlan): Promise<CreatedTenant> {
  const tenantId = uuidv7();
  const siteIds = Object.fromEntries(plan.sites.map((s) => [s, uuidv7()]));
  const teamIds = Object.fromEntries(plan.teams.map((t) => [t.name, uuidv7()]));
  const staffIds = Object.fromEntries(plan.staff.map((s) => [s.username, uuidv7()]));
  const passwords = plan.staff.map((s) => ({
    username: s.username,
    displayName: s.displayName,
    roles: s.roles,
    password: s.password ?? generatePassword(),
  }));
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p.password)));
  await db.orm.transaction(async (tx) => {
    await tx.insert(tenants).values({ id: tenantId, name: plan.name });
    await tx.insert(sites).values(plan.sites.map((name) => ({ tenantId, id: siteIds[name] as string, name })));
    await tx.insert(teams).values(
      plan.teams.map((t) => {
        const siteId = siteIds[t.site];
        if (!siteId) throw new Error(`Standort ${t.site} fehlt im Plan`);
        return { tenantId, id: teamIds[t.name] as string, siteId, name: t.name, kind: t.kind };
      }),
    );
    if (plan.staff.length) {
      await tx.insert(staff).values(
        plan.staff.map((s, i) => ({
          tenantId,
          id: staffIds[s.username] as string,
          username: s.username,
          displayName: s.displayName,
          passwordHash: hashes[i] as string,
        })),
      );
      await tx
        .insert(staffRoles)
        .values(plan.staff.flatMap((s) => s.roles.map((role) => ({ tenantId, staffId: staffIds[s.username] as string, role }))));
      const memberships = plan.staff.flatMap((s) =>
        s.teams.map((team) => {
          const teamId = teamIds[team];
          if (!teamId) throw new Error(`Team ${team} fehlt im Plan`);
          return { tenantId, staffId: staffIds[s.username] as string, teamId };
        }),
      );
      if (memberships.length) await tx.insert(teamMemberships).values(memberships);
    }
    await appendAudit(tx, [
      { tenantId, actorId: SYSTEM_ACTOR, action: 'tenant.create', entityType: 'tenant', entityId: tenantId, outcome: 'success' },
    ]);
  });
  return { tenantId, siteIds, teamIds, staffIds, passwords };
}
