import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { CoalescedReads } from '../../db/coalesced-reads.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { uuidv7 } from '../../db/ids.ts';
import { preparedRows } from '../../db/prepared.ts';
import { ConflictError, NotFoundError, ScopeDeniedError, ValidationError } from '../../lib/errors.ts';
import { appendAudit } from '../audit/service.ts';
import { assertTeamAccess, type Caller, can, teamScope } from '../auth/caller.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { endSessionsOf } from '../auth/service.ts';
import { sessionsChanged } from '../auth/session-cache.ts';
import type { StaffOut, siteInput, staffInput, staffUpdate, TeamOut, teamInput, teamUpdate } from './model.ts';
import { type Role, sites, staff, staffRoles, teamMemberships, teams, tenants } from './schema.ts';

const STAFF_NOT_FOUND = 'Diese Mitarbeiterin oder diesen Mitarbeiter gibt es nicht.';
const TEAM_NOT_FOUND = 'Dieses Team gibt es nicht.';
const SITE_NAME_TAKEN = 'Einen Standort mit diesem Namen gibt es schon.';
const TEAM_NAME_TAKEN = 'Ein Team mit diesem Namen gibt es schon.';
const USERNAME_TAKEN = 'Diesen Benutzernamen gibt es schon.';

/**
 * Runs a change; a unique index that refuses it (a concurrent request got there first, after the
 * check in the transaction had passed) becomes the same 422 as the check, not a 500.
 */
async function uniquely<T>(run: () => Promise<T>, index: string, field: string, message: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err, index)) throw new ValidationError([{ field, message }]);
    throw err;
  }
}

/**
 * Whether a staff record lies in the caller's scope under staff.read: all of the tenant, the
 * members of the caller's teams, or only the caller. The list query (inCallersTeams) applies the
 * same rule in SQL; a test holds the two together.
 */
export function staffVisible(caller: Caller, row: Pick<StaffOut, 'id' | 'teamIds'>): boolean {
  const scope = can(caller, 'staff.read');
  if (scope === 'tenant' || row.id === caller.staffId) return true;
  return scope === 'team' && row.teamIds.some((t) => caller.teamIds.includes(t));
}

function idsByTenant(keys: { tenantId: string; staffId: string }[]): Map<string, string[]> {
  const byTenant = new Map<string, string[]>();
  for (const k of keys) byTenant.set(k.tenantId, [...(byTenant.get(k.tenantId) ?? []), k.staffId]);
  return byTenant;
}

/** Organisation use cases. Every change writes its audit entry in the same transaction. */
export function orgService(db: Database) {
  const audit = (tx: Executor, caller: Caller, action: string, entityType: string, entityId: string) =>
    appendAudit(tx, [
      {
        tenantId: caller.tenantId,
        actorId: caller.staffId,
        action,
        entityType,
        entityId,
        requestId: caller.requestId,
        outcome: 'success',
      },
    ]);

  /** Staff rows with roles and teams. Inside a transaction, pass it: PGlite has one connection, and a
   *  query beside the open transaction would wait for it forever. */
  async function staffRows(
    tenantId: string,
    where: ReturnType<typeof sql>,
    executor?: Executor,
    /** Name of a prepared statement, for the reads on every page view (the text must not vary). */
    prepared?: string,
  ): Promise<StaffOut[]> {
    const query = sql`
      SELECT s.id, s.username, s.display_name AS "displayName", s.email, s.active,
             s.must_change_password AS "mustChangePassword", s.version,
             COALESCE((SELECT array_agg(r.role ORDER BY r.role) FROM staff_roles r
                        WHERE r.tenant_id = s.tenant_id AND r.staff_id = s.id), '{}') AS roles,
             COALESCE((SELECT array_agg(m.team_id::text ORDER BY m.team_id) FROM team_memberships m
                        WHERE m.tenant_id = s.tenant_id AND m.staff_id = s.id), '{}') AS "teamIds"
        FROM staff s
       WHERE s.tenant_id = ${tenantId} AND ${where}
       ORDER BY s.display_name, s.id`;
    return prepared ? preparedRows<StaffOut>(executor ?? db.orm, prepared, query) : db.rows<StaffOut>(query, executor);
  }

  /**
   * Single staff records, read by the page behind every link to a colleague: concurrent requests
   * share one query (db/coalesced-reads.ts), so the caller's scope is checked on the row
   * (staffVisible) rather than in the query.
   */
  const staffById = new CoalescedReads<{ tenantId: string; staffId: string }, StaffOut>(
    async (keys) => {
      const found = new Map<string, StaffOut>();
      for (const [tenantId, ids] of idsByTenant(keys)) {
        const rows = await staffRows(tenantId, sql`s.id = ANY(${sql.param(ids)}::uuid[])`, undefined, 'org.staff.byIds');
        for (const row of rows) found.set(`${tenantId}/${row.id}`, row);
      }
      return found;
    },
    (k) => `${k.tenantId}/${k.staffId}`,
  );

  /** Staff of the caller's teams, and the caller: the rows of team scope under staff.read. */
  const inCallersTeams = (caller: Caller) =>
    sql`(s.id = ${caller.staffId} OR EXISTS (SELECT 1 FROM team_memberships m WHERE m.tenant_id = s.tenant_id
          AND m.staff_id = s.id AND m.team_id = ANY(${sql.param(caller.teamIds)}::uuid[])))`;

  async function assertTeamsExist(tx: Executor, tenantId: string, teamIds: string[]) {
    if (!teamIds.length) return;
    const found = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.tenantId, tenantId), inArray(teams.id, teamIds)));
    const known = new Set(found.map((f) => f.id));
    const problems = teamIds
      .map((tid, i) => ({ tid, i }))
      .filter(({ tid }) => !known.has(tid))
      .map(({ i }) => ({ field: `teamIds.${i}`, message: 'Dieses Team gibt es in Ihrem Jobcenter nicht.' }));
    if (problems.length) throw new ValidationError(problems);
  }

  async function setRolesAndTeams(
    tx: Executor,
    tenantId: string,
    staffId: string,
    roles: Role[] | undefined,
    teamIds: string[] | undefined,
  ) {
    if (roles) {
      await tx.delete(staffRoles).where(and(eq(staffRoles.tenantId, tenantId), eq(staffRoles.staffId, staffId)));
      await tx.insert(staffRoles).values([...new Set(roles)].map((role) => ({ tenantId, staffId, role })));
    }
    if (teamIds) {
      await assertTeamsExist(tx, tenantId, teamIds);
      await tx.delete(teamMemberships).where(and(eq(teamMemberships.tenantId, tenantId), eq(teamMemberships.staffId, staffId)));
      if (teamIds.length)
        await tx.insert(teamMemberships).values([...new Set(teamIds)].map((teamId) => ({ tenantId, staffId, teamId })));
    }
  }

  return {
    async tenantName(tenantId: string): Promise<string | undefined> {
      const [t] = await db.orm.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
      return t?.name;
    },

    async listSites(caller: Caller) {
      return db.orm
        .select({ id: sites.id, name: sites.name, version: sites.version })
        .from(sites)
        .where(eq(sites.tenantId, caller.tenantId))
        .orderBy(sites.name);
    },

    async createSite(caller: Caller, input: z.infer<typeof siteInput>) {
      const id = uuidv7();
      const create = () =>
        db.orm.transaction(async (tx) => {
          const clash = await tx
            .select({ id: sites.id })
            .from(sites)
            .where(and(eq(sites.tenantId, caller.tenantId), eq(sites.name, input.name)));
          if (clash.length) throw new ValidationError([{ field: 'name', message: SITE_NAME_TAKEN }]);
          await tx.insert(sites).values({ tenantId: caller.tenantId, id, name: input.name });
          await audit(tx, caller, 'site.create', 'site', id);
        });
      await uniquely(create, 'sites_tenant_name_uq', 'name', SITE_NAME_TAKEN);
      return { id, name: input.name, version: 1 };
    },

    /** Teams the caller may see under org.read, with their site and size. */
    async listTeams(caller: Caller): Promise<TeamOut[]> {
      const scope = teamScope(caller, 'org.read');
      if (scope !== 'all' && scope.length === 0) return [];
      const filter = scope === 'all' ? sql`TRUE` : sql`t.id IN ${scope}`;
      return db.rows<TeamOut>(sql`
        SELECT t.id, t.name, t.kind, t.site_id AS "siteId", s.name AS "siteName", t.active, t.version,
               (SELECT count(*)::int FROM team_memberships m
                 WHERE m.tenant_id = t.tenant_id AND m.team_id = t.id) AS "memberCount"
          FROM teams t JOIN sites s ON s.tenant_id = t.tenant_id AND s.id = t.site_id
         WHERE t.tenant_id = ${caller.tenantId} AND ${filter}
         ORDER BY s.name, t.name`);
    },

    async getTeam(caller: Caller, teamId: string) {
      assertTeamAccess(caller, 'org.read', teamId, { type: 'team', id: teamId, notFound: TEAM_NOT_FOUND });
      const [team] = (await this.listTeams(caller)).filter((t) => t.id === teamId);
      if (!team) throw new NotFoundError(TEAM_NOT_FOUND);
      const members = await db.rows<{ id: string; displayName: string; roles: Role[] }>(sql`
        SELECT s.id, s.display_name AS "displayName",
               COALESCE((SELECT array_agg(r.role ORDER BY r.role) FROM staff_roles r
                          WHERE r.tenant_id = s.tenant_id AND r.staff_id = s.id), '{}') AS roles
          FROM team_memberships m JOIN staff s ON s.tenant_id = m.tenant_id AND s.id = m.staff_id
         WHERE m.tenant_id = ${caller.tenantId} AND m.team_id = ${teamId} AND s.active
         ORDER BY s.display_name`);
      return { ...team, members };
    },

    async createTeam(caller: Caller, input: z.infer<typeof teamInput>) {
      const id = uuidv7();
      const create = () =>
        db.orm.transaction(async (tx) => {
          const site = await tx
            .select({ id: sites.id })
            .from(sites)
            .where(and(eq(sites.tenantId, caller.tenantId), eq(sites.id, input.siteId)));
          if (!site.length)
            throw new ValidationError([{ field: 'siteId', message: 'Diesen Standort gibt es in Ihrem Jobcenter nicht.' }]);
          const clash = await tx
            .select({ id: teams.id })
            .from(teams)
            .where(and(eq(teams.tenantId, caller.tenantId), eq(teams.name, input.name)));
          if (clash.length) throw new ValidationError([{ field: 'name', message: TEAM_NAME_TAKEN }]);
          await tx.insert(teams).values({ tenantId: caller.tenantId, id, ...input });
          await audit(tx, caller, 'team.create', 'team', id);
        });
      await uniquely(create, 'teams_tenant_name_uq', 'name', TEAM_NAME_TAKEN);
      return id;
    },

    async updateTeam(caller: Caller, teamId: string, input: z.infer<typeof teamUpdate>) {
      const { version, ...changes } = input;
      const update = () =>
        db.orm.transaction(async (tx) => {
          if (changes.name) {
            const clash = await tx
              .select({ id: teams.id })
              .from(teams)
              .where(and(eq(teams.tenantId, caller.tenantId), eq(teams.name, changes.name), ne(teams.id, teamId)));
            if (clash.length) throw new ValidationError([{ field: 'name', message: TEAM_NAME_TAKEN }]);
          }
          if (changes.siteId) {
            const site = await tx
              .select({ id: sites.id })
              .from(sites)
              .where(and(eq(sites.tenantId, caller.tenantId), eq(sites.id, changes.siteId)));
            if (!site.length)
              throw new ValidationError([{ field: 'siteId', message: 'Diesen Standort gibt es in Ihrem Jobcenter nicht.' }]);
          }
          const updated = await tx
            .update(teams)
            .set({ ...changes, version: sql`${teams.version} + 1` })
            .where(and(eq(teams.tenantId, caller.tenantId), eq(teams.id, teamId), eq(teams.version, version)))
            .returning({ id: teams.id });
          if (!updated.length) {
            const [current] = await tx
              .select()
              .from(teams)
              .where(and(eq(teams.tenantId, caller.tenantId), eq(teams.id, teamId)));
            if (!current) throw new NotFoundError(TEAM_NOT_FOUND);
            throw new ConflictError(
              'Das Team wurde inzwischen von jemand anderem geändert. Bitte laden Sie es neu und übernehmen Sie Ihre Änderung erneut.',
              { current },
            );
          }
          await audit(tx, caller, 'team.update', 'team', teamId);
        });
      await uniquely(update, 'teams_tenant_name_uq', 'name', TEAM_NAME_TAKEN);
    },

    /** Staff visible to the caller: all (admin), the members of their teams (team lead), or themselves. */
    async listStaff(caller: Caller): Promise<StaffOut[]> {
      const scope = can(caller, 'staff.read');
      if (scope === 'tenant') return staffRows(caller.tenantId, sql`TRUE`);
      if (scope === 'team' && caller.teamIds.length) return staffRows(caller.tenantId, inCallersTeams(caller));
      return staffRows(caller.tenantId, sql`s.id = ${caller.staffId}`);
    },

    /**
     * One staff member within the caller's scope. Outside it the answer is the same 404 as for an
     * unknown id, but thrown as ScopeDeniedError, so that the attempt is recorded as denied.
     */
    async getStaff(caller: Caller, staffId: string): Promise<StaffOut> {
      const row = await staffById.load({ tenantId: caller.tenantId, staffId });
      if (!row) throw new NotFoundError(STAFF_NOT_FOUND);
      if (!staffVisible(caller, row)) throw new ScopeDeniedError('staff', staffId, 'staff.read', STAFF_NOT_FOUND);
      return row;
    },

    async createStaff(caller: Caller, input: z.infer<typeof staffInput>) {
      const id = uuidv7();
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      const create = () =>
        db.orm.transaction(async (tx) => {
          const clash = await tx
            .select({ id: staff.id })
            .from(staff)
            .where(sql`lower(${staff.username}) = lower(${input.username})`);
          if (clash.length) throw new ValidationError([{ field: 'username', message: USERNAME_TAKEN }]);
          await tx.insert(staff).values({
            tenantId: caller.tenantId,
            id,
            username: input.username,
            displayName: input.displayName,
            email: input.email ?? null,
            passwordHash,
            mustChangePassword: true,
          });
          await setRolesAndTeams(tx, caller.tenantId, id, input.roles, input.teamIds);
          await audit(tx, caller, 'staff.create', 'staff', id);
        });
      await uniquely(create, 'staff_username_uq', 'username', USERNAME_TAKEN);
      return { id, initialPassword: password };
    },

    async updateStaff(caller: Caller, staffId: string, input: z.infer<typeof staffUpdate>) {
      const { version, roles, teamIds, ...fields } = input;
      await db.orm.transaction(async (tx) => {
        const updated = await tx
          .update(staff)
          .set({ ...fields, version: sql`${staff.version} + 1` })
          .where(and(eq(staff.tenantId, caller.tenantId), eq(staff.id, staffId), eq(staff.version, version)))
          .returning({ id: staff.id });
        if (!updated.length) {
          const [current] = await staffRows(caller.tenantId, sql`s.id = ${staffId}`, tx);
          if (!current) throw new NotFoundError(STAFF_NOT_FOUND);
          throw new ConflictError('Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie ihn neu.', {
            current,
          });
        }
        await setRolesAndTeams(tx, caller.tenantId, staffId, roles, teamIds);
        // A disabled account is logged out everywhere, in the same transaction.
        if (fields.active === false) await endSessionsOf(tx, caller.tenantId, staffId);
        await audit(tx, caller, fields.active === false ? 'staff.disable' : 'staff.update', 'staff', staffId);
      });
      // roles, teams, name or the account's state are part of a resolved session: drop the cached ones
      sessionsChanged(db);
    },

    /** Sets a new random password, which the admin hands over; the user must change it at login. */
    async resetPassword(caller: Caller, staffId: string) {
      const password = generatePassword();
      const passwordHash = await hashPassword(password);
      await db.orm.transaction(async (tx) => {
        const updated = await tx
          .update(staff)
          .set({ passwordHash, mustChangePassword: true, version: sql`${staff.version} + 1` })
          .where(and(eq(staff.tenantId, caller.tenantId), eq(staff.id, staffId)))
          .returning({ id: staff.id });
        if (!updated.length) throw new NotFoundError(STAFF_NOT_FOUND);
        // Whoever knew the old password (or holds a stolen session) is out from now on.
        await endSessionsOf(tx, caller.tenantId, staffId);
        await audit(tx, caller, 'staff.reset_password', 'staff', staffId);
      });
      sessionsChanged(db);
      return password;
    },
  };
}
export type OrgService = ReturnType<typeof orgService>;
