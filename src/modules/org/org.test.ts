import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';

interface AuditRow {
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  outcome: string;
  request_id: string | null;
}

describe('organisation: sites, teams, staff', () => {
  let t: TestApp;
  let admin: Agent;
  const audit = (requestId: string) =>
    t.db.rows<AuditRow>(
      sql`SELECT actor_id, action, entity_type, entity_id, outcome, request_id FROM audit_log
           WHERE request_id = ${requestId} ORDER BY seq`,
    );
  const requestId = (res: { headers: Record<string, unknown> }) => String(res.headers['x-request-id']);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await Agent.login(t.app, 'admin');
  });
  afterAll(() => t.close());

  describe('admin creates the organisation', () => {
    it('creates a site, a team in it and a staff account, each with an audit entry', async () => {
      const site = await admin.post('/api/org/sites', { name: 'Herborn' });
      expect(site.statusCode).toBe(201);
      const siteId = site.json().id;
      expect(site.json()).toEqual({ id: siteId, name: 'Herborn', version: 1 });
      expect(await audit(requestId(site))).toMatchObject([{ action: 'site.create', entity_id: siteId, outcome: 'success' }]);

      const team = await admin.post('/api/org/teams', { name: 'Team Herborn', siteId, kind: 'regional' });
      expect(team.statusCode).toBe(201);
      const teamId = team.json().id;
      const teams = (await admin.get('/api/org/teams')).json() as { id: string; siteName: string; memberCount: number }[];
      expect(teams.find((x) => x.id === teamId)).toMatchObject({ siteName: 'Herborn', memberCount: 0 });

      const staff = await admin.post('/api/org/staff', {
        username: 'h.neu',
        displayName: 'Hanna Neu',
        roles: ['pap'],
        teamIds: [teamId],
      });
      expect(staff.statusCode).toBe(201);
      const { id, initialPassword } = staff.json();
      expect(initialPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
      expect(await audit(requestId(staff))).toMatchObject([{ action: 'staff.create', entity_id: id }]);

      const read = await admin.get(`/api/org/staff/${id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ username: 'h.neu', roles: ['pap'], teamIds: [teamId], mustChangePassword: true });

      // the new account logs in with the initial password and must change it first
      const hanna = await Agent.login(t.app, 'h.neu', initialPassword);
      expect((await hanna.get('/api/org/teams')).statusCode).toBe(403);
      expect((await hanna.get('/api/auth/session')).json().mustChangePassword).toBe(true);
    });

    it('refuses bad input with a German 422 that names the fields', async () => {
      const emptyName = await admin.post('/api/org/sites', { name: '   ' });
      expect(emptyName.statusCode).toBe(422);
      expect(emptyName.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(emptyName.json()).toMatchObject({
        title: 'Eingabe ungültig',
        errors: [{ field: 'name', message: 'Name des Standorts darf nicht leer sein' }],
      });

      const duplicateSite = await admin.post('/api/org/sites', { name: 'Wetzlar' });
      expect(duplicateSite.statusCode).toBe(422);
      expect(duplicateSite.json().errors).toEqual([{ field: 'name', message: 'Einen Standort mit diesem Namen gibt es schon.' }]);

      const duplicateUser = await admin.post('/api/org/staff', { username: 'PAP', displayName: 'Noch wer', roles: ['pap'] });
      expect(duplicateUser.statusCode).toBe(422);
      expect(duplicateUser.json().errors).toEqual([{ field: 'username', message: 'Diesen Benutzernamen gibt es schon.' }]);

      const unknownTeam = await admin.post('/api/org/staff', {
        username: 'ohne.team',
        displayName: 'Otto Ohneteam',
        roles: ['pap'],
        teamIds: [t.tenant.teamIds['Team Dillenburg'], '0190a0a0-0000-7000-8000-000000000000'],
      });
      expect(unknownTeam.statusCode).toBe(422);
      expect(unknownTeam.json().errors).toEqual([
        { field: 'teamIds.1', message: 'Dieses Team gibt es in Ihrem Jobcenter nicht.' },
      ]);
      // nothing half-done: the account was not created either
      const [n] = await t.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM staff WHERE username = 'ohne.team'`);
      expect(n?.n).toBe(0);

      const badRole = await admin.post('/api/org/staff', { username: 'rolle.x', displayName: 'Rolf X', roles: ['chef'] });
      expect(badRole.statusCode).toBe(422);
      expect(badRole.json().errors).toEqual([{ field: 'roles.0', message: expect.stringMatching(/^Rolle muss eine von pap, /) }]);

      const several = await admin.post('/api/org/teams', { name: '', siteId: 'keine-uuid', kind: 'x' });
      expect(several.statusCode).toBe(422);
      expect(
        several
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['kind', 'name', 'siteId']);
      expect(several.json().detail).toMatch(/^Bitte prüfen Sie: /);
    });

    it('concurrent creations of the same username: one 201, one 422 (never a 500)', async () => {
      const body = { username: 'zwilling', displayName: 'Zora Zwilling', roles: ['leistung'] };
      const [a, b] = await Promise.all([admin.post('/api/org/staff', body), admin.post('/api/org/staff', body)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 422]);
    });
  });

  describe('optimistic concurrency', () => {
    it('PATCH of a team with a stale version gets 409 and overwrites nothing', async () => {
      const teamId = t.tenant.teamIds['Team Herborn/Haiger'] as string;
      const first = await admin.patch(`/api/org/teams/${teamId}`, { name: 'Team Herborn-Haiger', version: 1 });
      expect(first.statusCode).toBe(204);
      const stale = await admin.patch(`/api/org/teams/${teamId}`, { name: 'Team Haiger', kind: 'u25', version: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ title: 'Konflikt', current: { name: 'Team Herborn-Haiger', version: 2 } });
      const now = (await admin.get(`/api/org/teams/${teamId}`)).json();
      expect(now).toMatchObject({ name: 'Team Herborn-Haiger', kind: 'regional', version: 2 });
    });

    it('renaming a team to a name in use is a 422, not a 500', async () => {
      const teamId = t.tenant.teamIds['U25 Dillenburg'] as string;
      const res = await admin.patch(`/api/org/teams/${teamId}`, { name: 'U25 Wetzlar', version: 1 });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([{ field: 'name', message: 'Ein Team mit diesem Namen gibt es schon.' }]);
    });

    it('PATCH of a staff account with a stale version gets 409', async () => {
      const id = t.tenant.staffIds.leistung as string;
      const current = (await admin.get(`/api/org/staff/${id}`)).json();
      expect(
        (await admin.patch(`/api/org/staff/${id}`, { email: 'l.engel@example.org', version: current.version })).statusCode,
      ).toBe(204);
      const stale = await admin.patch(`/api/org/staff/${id}`, { roles: ['admin'], version: current.version });
      expect(stale.statusCode).toBe(409);
      expect((await admin.get(`/api/org/staff/${id}`)).json().roles).toEqual(['leistung']);
    });
  });

  describe('authorization', () => {
    it('a caseworker gets 403 on every manage route, and each denial is in the audit log', async () => {
      const pap = await Agent.login(t.app, 'pap');
      const teamId = t.tenant.teamIds['Team Wetzlar Nord'];
      const someone = t.tenant.staffIds.pap2;
      const attempts = [
        () => pap.post('/api/org/sites', { name: 'Aßlar' }),
        () => pap.post('/api/org/teams', { name: 'Team X', siteId: t.tenant.siteIds.Wetzlar, kind: 'regional' }),
        () => pap.patch(`/api/org/teams/${teamId}`, { name: 'Meins', version: 1 }),
        () => pap.post('/api/org/staff', { username: 'neu.x', displayName: 'Neu X', roles: ['admin'] }),
        () => pap.patch(`/api/org/staff/${someone}`, { active: false, version: 1 }),
        () => pap.post(`/api/org/staff/${someone}/reset-password`),
      ];
      for (const attempt of attempts) {
        const res = await attempt();
        expect(res.statusCode).toBe(403);
        expect(res.json().title).toBe('Keine Berechtigung');
        expect(await audit(requestId(res))).toEqual([
          {
            actor_id: t.tenant.staffIds.pap,
            action: 'org.manage',
            entity_type: 'route',
            entity_id: expect.stringMatching(/^(POST|PATCH) \/api\/org\//),
            outcome: 'denied',
            request_id: requestId(res),
          },
        ]);
      }
      // and nothing was changed
      expect((await admin.get(`/api/org/teams/${teamId}`)).json().name).toBe('Team Wetzlar Nord');
    });

    it('team scope: a caseworker cannot read a colleague of another team (404, recorded as denied)', async () => {
      const pap = await Agent.login(t.app, 'pap'); // Team Wetzlar Nord
      const otherTeam = t.tenant.staffIds.pap2 as string; // only in Team Dillenburg
      const res = await pap.get(`/api/org/staff/${otherTeam}`);
      expect(res.statusCode).toBe(404);
      // exactly the answer for an id that does not exist: existence is not revealed
      const missing = await pap.get('/api/org/staff/0190a0a0-0000-7000-8000-000000000000');
      expect(missing.statusCode).toBe(404);
      expect({ ...res.json(), requestId: '', instance: '' }).toEqual({ ...missing.json(), requestId: '', instance: '' });

      expect(await audit(requestId(res))).toEqual([
        {
          actor_id: t.tenant.staffIds.pap,
          action: 'staff.read',
          entity_type: 'staff',
          entity_id: otherTeam,
          outcome: 'denied',
          request_id: requestId(res),
        },
      ]);
      // a plain unknown id is a 404 without a denial on file
      expect(await audit(requestId(missing))).toEqual([]);
      // the own record is readable
      expect((await pap.get(`/api/org/staff/${t.tenant.staffIds.pap}`)).statusCode).toBe(200);
    });

    it('team scope: a team lead sees the members of both of their teams and no one else', async () => {
      const sued = await admin.post('/api/org/staff', {
        username: 's.sued',
        displayName: 'Sina Süd',
        roles: ['pap'],
        teamIds: [t.tenant.teamIds['Team Wetzlar Süd']],
      });
      const suedId = sued.json().id as string;
      const lead = await Agent.login(t.app, 'teamleitung');
      const list = (await lead.get('/api/org/staff')).json() as { id: string }[];
      const ids = list.map((s) => s.id);
      expect(ids).toEqual(
        expect.arrayContaining([suedId, t.tenant.staffIds.pap, t.tenant.staffIds.leistung, t.tenant.staffIds.teamleitung]),
      );
      expect(ids).not.toContain(t.tenant.staffIds.pap2);
      expect(ids).not.toContain(t.tenant.staffIds.admin);
      expect((await lead.get(`/api/org/staff/${suedId}`)).statusCode).toBe(200);
      expect((await lead.get(`/api/org/staff/${t.tenant.staffIds.pap}`)).statusCode).toBe(200);
      const outside = await lead.get(`/api/org/staff/${t.tenant.staffIds.pap2}`);
      expect(outside.statusCode).toBe(404);
      expect(await audit(requestId(outside))).toMatchObject([{ outcome: 'denied', entity_id: t.tenant.staffIds.pap2 }]);
    });

    it('single reads and the list apply the same scope: for every account as every caller, read concurrently', async () => {
      // getStaff checks the scope on the row (staffVisible), listStaff in SQL (inCallersTeams)
      const everyone = (await admin.get('/api/org/staff')).json() as { id: string; username: string }[];
      for (const caller of ['admin', 'teamleitung', 'pap', 'pap2', 'leistung']) {
        const agent = await Agent.login(t.app, caller);
        const listed = new Set(((await agent.get('/api/org/staff')).json() as { id: string }[]).map((s) => s.id));
        const reads = await Promise.all(everyone.map((s) => agent.get(`/api/org/staff/${s.id}`)));
        const readable = everyone.filter((_, i) => reads[i]?.statusCode === 200).map((s) => s.id);
        expect(new Set(readable), caller).toEqual(listed);
        for (const [i, res] of reads.entries()) if (res.statusCode === 200) expect(res.json().id).toBe(everyone[i]?.id);
        expect(reads.every((r) => r.statusCode === 200 || r.statusCode === 404)).toBe(true);
      }
    });

    it('every read of a staff record writes its audit entry before the answer leaves', async () => {
      const lead = await Agent.login(t.app, 'teamleitung');
      const id = t.tenant.staffIds.leistung as string;
      const reads = await Promise.all(Array.from({ length: 12 }, () => lead.get(`/api/org/staff/${id}`)));
      for (const res of reads) {
        expect(res.statusCode).toBe(200);
        // no waiting: the group commit resolves each read only once its entry is committed
        expect(await audit(requestId(res))).toEqual([
          {
            actor_id: t.tenant.staffIds.teamleitung,
            action: 'staff.read',
            entity_type: 'staff',
            entity_id: id,
            outcome: 'success',
            request_id: requestId(res),
          },
        ]);
      }
      const list = await lead.get('/api/org/staff');
      expect(await audit(requestId(list))).toMatchObject([{ action: 'staff.list', entity_id: null, outcome: 'success' }]);
    });
  });

  describe('sessions end when an admin steps in', () => {
    const accountWithSession = async (username: string) => {
      const created = await admin.post('/api/org/staff', { username, displayName: 'Sam Sitzung', roles: ['leistung'] });
      const { id, initialPassword } = created.json();
      const agent = await Agent.login(t.app, username, initialPassword);
      const other = await Agent.login(t.app, username, initialPassword);
      expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
      return { id: id as string, agent, other };
    };
    const sessionCount = async (id: string) =>
      (await t.db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM sessions WHERE staff_id = ${id}`))[0]?.n;

    it('reset-password ends every open session of that person: the old cookie gets 401', async () => {
      const { id, agent, other } = await accountWithSession('sitzung.reset');
      expect(await sessionCount(id)).toBe(2);
      const reset = await admin.post(`/api/org/staff/${id}/reset-password`);
      expect(reset.statusCode).toBe(200);
      expect(await sessionCount(id)).toBe(0);
      expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
      expect((await other.get('/api/auth/session')).statusCode).toBe(401);
      // the new password works, and must be changed at once
      const again = await Agent.login(t.app, 'sitzung.reset', reset.json().password);
      expect((await again.get('/api/auth/session')).json().mustChangePassword).toBe(true);
      // the admin's own session is untouched
      expect((await admin.get('/api/auth/session')).statusCode).toBe(200);
    });

    it('deactivating an account ends its sessions, and it cannot log in again', async () => {
      const { id, agent } = await accountWithSession('sitzung.aus');
      const { version } = (await admin.get(`/api/org/staff/${id}`)).json();
      const off = await admin.patch(`/api/org/staff/${id}`, { active: false, version });
      expect(off.statusCode).toBe(204);
      expect(await audit(requestId(off))).toMatchObject([{ action: 'staff.disable', entity_id: id, outcome: 'success' }]);
      expect(await sessionCount(id)).toBe(0);
      expect((await agent.get('/api/auth/session')).statusCode).toBe(401);
    });
  });
});
