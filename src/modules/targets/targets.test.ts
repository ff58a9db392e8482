import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';

/** Target agreement over the API: who may write, optimistic locking, audit, target vs actual. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('targets API', () => {
  it('controlling creates, changes and deletes a target; a stale version gets 409 with the current state', async () => {
    const c = await Agent.login(t.app, 'controlling');
    const created = await c.post('/api/targets', { year: 2019, code: 'K2', comparator: '>=', value: 24, note: 'ZV 2019' });
    expect(created.statusCode, created.body).toBe(201);
    const target = created.json();
    expect(target).toMatchObject({ year: 2019, code: 'K2', comparator: '>=', value: 24, version: 1 });

    const again = await c.post('/api/targets', { year: 2019, code: 'K2', comparator: '>=', value: 25 });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0]).toMatchObject({ field: 'code' });

    const changed = await c.patch(`/api/targets/${target.id}`, { comparator: '>=', value: 24.5, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ value: 24.5, version: 2 });

    const stale = await c.patch(`/api/targets/${target.id}`, { comparator: '>=', value: 23, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ value: 24.5, version: 2 });

    expect((await c.get('/api/targets?year=2019')).json().map((x: { code: string }) => x.code)).toEqual(['K2']);

    const staleDelete = await c.request({ method: 'DELETE', url: `/api/targets/${target.id}?version=1` });
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await c.request({ method: 'DELETE', url: `/api/targets/${target.id}?version=2` });
    expect(deleted.statusCode).toBe(204);
    expect((await c.get('/api/targets?year=2019')).json()).toEqual([]);

    const audit = await t.db.rows<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_type = 'target' AND entity_id = ${target.id} ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(['target.create', 'target.update', 'target.delete']);
  });

  it('refuses unknown figures and values with more than two decimals, in German', async () => {
    const c = await Agent.login(t.app, 'controlling');
    const res = await c.post('/api/targets', { year: 2019, code: 'K9', comparator: '=', value: 1.234 });
    expect(res.statusCode).toBe(422);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'comparator', 'value']));
    expect(JSON.stringify(res.json().errors)).toMatch(/zwei Nachkommastellen/);
  });

  it('a team lead may read but not write targets; a caseworker may do neither', async () => {
    const lead = await Agent.login(t.app, 'teamleitung');
    expect((await lead.get('/api/targets?year=2019')).statusCode).toBe(200);
    expect((await lead.post('/api/targets', { year: 2019, code: 'K3', comparator: '<=', value: -2 })).statusCode).toBe(403);
    const pap = await Agent.login(t.app, 'pap');
    expect((await pap.get('/api/targets?year=2019')).statusCode).toBe(403);
    const vorstand = await Agent.login(t.app, 'vorstand');
    expect((await vorstand.post('/api/targets', { year: 2019, code: 'K3', comparator: '<=', value: -2 })).statusCode).toBe(201);
  });

  it('progress: twelve monthly values of a past year, December decides the status', async () => {
    // five eLb since 2015: the number of eLb does not change in 2019 (K1E2 = 0 % every month)
    const leistung = await Agent.login(t.app, 'leistung');
    const teamId = t.tenant.teamIds['Team Wetzlar Nord'];
    for (let n = 1; n <= 5; n++) {
      const h = await leistung.post('/api/people/households', { number: `53201BG${String(n).padStart(7, '0')}`, teamId });
      const p = await leistung.post('/api/people/persons', {
        customerNumber: `532D${String(n).padStart(6, '0')}`,
        familyName: 'Muster',
        givenNames: `Person ${n}`,
        birthDate: '1980-01-01',
        sex: 'w',
        teamId,
        householdId: h.json().id,
        role: 'applicant',
        memberFrom: '2015-01-01',
      });
      const b = await leistung.post(`/api/people/persons/${p.json().id}/benefit-periods`, {
        validFrom: '2015-01-01',
        householdId: h.json().id,
        employable: true,
        personVersion: 1,
      });
      expect(b.statusCode, b.body).toBe(201);
    }
    const c = await Agent.login(t.app, 'controlling');
    await c.post('/api/targets', { year: 2019, code: 'K1E2', comparator: '<=', value: -1 });
    const res = await c.get('/api/targets/progress?year=2019');
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json();
    const k1e2 = rows.find((r: { target: { code: string } }) => r.target.code === 'K1E2');
    expect(k1e2.months).toHaveLength(12);
    expect(k1e2.base.month).toBe('2018-12');
    expect(k1e2.months.map((m: { value: number }) => m.value)).toEqual(Array(12).fill(0));
    expect(k1e2.latestMonth).toBe('2019-12');
    // December 0 % is more than the agreed −1 %: the year is over, the target missed
    expect(k1e2).toMatchObject({ status: 'missed', statusLabel: 'verfehlt', projection: 0 });
    const k3 = rows.find((r: { target: { code: string } }) => r.target.code === 'K3');
    expect(k3).toMatchObject({ status: 'missed', projection: 0 });
    // a year without a single month of data yet
    await c.post('/api/targets', { year: 2099, code: 'K2', comparator: '>=', value: 24 });
    const future = (await c.get('/api/targets/progress?year=2099')).json();
    expect(future[0]).toMatchObject({ status: 'no_data', statusLabel: 'noch keine Daten', projection: null, latestMonth: null });
  });
});
