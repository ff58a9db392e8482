import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { dropTenantFacts } from './facts-cache.ts';
import { indicatorService } from './service.ts';

describe('indicator API', () => {
  let t: TestApp;
  let householdId: string;
  let personId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const leistung = await Agent.login(t.app, 'leistung');
    const nord = t.tenant.teamIds['Team Wetzlar Nord'] as string;
    const h = await leistung.post('/api/people/households', { number: '53201BG0000001', teamId: nord });
    householdId = h.json().id;
    const p = await leistung.post('/api/people/persons', {
      customerNumber: '532D000001',
      familyName: 'Muster',
      givenNames: 'Maria',
      birthDate: '1980-01-01',
      sex: 'w',
      teamId: nord,
      householdId: h.json().id,
      role: 'applicant',
      memberFrom: '2015-01-01',
    });
    personId = p.json().id;
    await leistung.post(`/api/people/persons/${p.json().id}/benefit-periods`, {
      validFrom: '2015-01-01',
      householdId: h.json().id,
      employable: true,
      personVersion: 1,
    });
  });
  afterAll(() => t.close());

  it('controlling gets every figure of a month for the Jobcenter, its sites and teams', async () => {
    const controlling = await Agent.login(t.app, 'controlling');
    const res = await controlling.get('/api/indicators?month=2019-12');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.scopes.map((s: { label: string }) => s.label)).toContain('Jobcenter insgesamt');
    expect(body.scopes.length).toBe(1 + 2 + 8); // tenant, two sites, eight teams
    const k1e2 = body.figures.find(
      (f: { code: string; split: string; scope: string }) => f.code === 'K1E2' && f.split === 'all' && f.scope === 'tenant',
    );
    expect(k1e2).toMatchObject({ numerator: 1, denominator: 1, value: 0 });
    const structure = body.structure.find(
      (s: { code: string; scope: string; split: string }) => s.code === 'lzb_share' && s.scope === 'tenant' && s.split === 'all',
    );
    expect(structure.value).toBe(100);
  });

  it('a team lead sees the Jobcenter and their own teams only; caseworkers see no aggregates here', async () => {
    const lead = await Agent.login(t.app, 'teamleitung');
    const body = (await lead.get('/api/indicators?month=2019-12')).json();
    expect(body.scopes.map((s: { label: string }) => s.label).sort()).toEqual(
      ['Jobcenter insgesamt', 'Standort Wetzlar', 'Team Wetzlar Nord', 'Team Wetzlar Süd'].sort(),
    );
    const pap = await Agent.login(t.app, 'pap');
    expect((await pap.get('/api/indicators?month=2019-12')).statusCode).toBe(403);
  });

  it('opens on the last completed month, or on the last month with payments when the data end earlier', async () => {
    const controlling = await Agent.login(t.app, 'controlling');
    const service = indicatorService(t.db);
    // no payments recorded: the last completed month
    expect(await service.dataMonth(t.tenant.tenantId, '2026-11-25')).toBe('2026-10');
    expect(await service.dataMonth(t.tenant.tenantId, '2026-01-03')).toBe('2025-12');
    const leistung = await Agent.login(t.app, 'leistung');
    const household = (await leistung.get(`/api/people/households/${householdId}`)).json();
    const pay = await leistung.put(`/api/people/households/${household.id}/payments`, {
      month: '2020-12',
      standardCents: 43_200,
      additionalCents: 0,
      housingCents: 38_000,
      householdVersion: household.version,
    });
    expect(pay.statusCode, pay.body).toBe(200);
    // the data end in December 2020: that month, not an empty one
    expect(await service.dataMonth(t.tenant.tenantId, '2026-11-25')).toBe('2020-12');
    expect(await service.dataMonth(t.tenant.tenantId, '2021-01-10')).toBe('2020-12');
    expect(await service.dataMonth(t.tenant.tenantId, '2020-12-10')).toBe('2020-11');
    const res = await controlling.get('/api/indicators/data-month');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ month: '2020-12' });
    // caseworkers open their team report on it; benefit staff see no aggregates
    const pap = await Agent.login(t.app, 'pap');
    expect((await pap.get('/api/indicators/data-month')).statusCode).toBe(200);
    expect((await leistung.get('/api/indicators/data-month')).statusCode).toBe(403);
  });

  it('refuses a malformed month with a German message', async () => {
    const controlling = await Agent.login(t.app, 'controlling');
    const res = await controlling.get('/api/indicators?month=2019-13');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toMatch(/JJJJ-MM/);
  });

  it('computeMany: one report per month, in the order asked, equal to each month computed alone', async () => {
    const service = indicatorService(t.db);
    const tenantId = t.tenant.tenantId;
    const many = await service.computeMany(tenantId, ['2019-12', '2018-12', '2019-06'], '2026-11-25');
    expect(many.map((r) => r.month)).toEqual(['2019-12', '2018-12', '2019-06']);
    for (const r of many) expect(r).toEqual(await service.compute(tenantId, r.month, '2026-11-25'));
    expect(await service.computeMany(tenantId, [])).toEqual([]);
  });

  it('serves the same figures again only while no data changed: every write path moves them', async () => {
    const service = indicatorService(t.db);
    const tenantId = t.tenant.tenantId;
    const stock = async () =>
      (await service.compute(tenantId, '2019-12', '2026-11-25')).figures.find(
        (f) => f.code === 'K1E2' && f.split === 'all' && f.scope === 'tenant',
      )?.numerator;
    const first = await service.compute(tenantId, '2019-12', '2026-11-25');
    const again = await service.compute(tenantId, '2019-12', '2026-11-25');
    expect(again).toEqual(first);
    again.figures.length = 0; // a caller's copy: changing it does not change what the next caller gets
    expect(await service.compute(tenantId, '2019-12', '2026-11-25')).toEqual(first);
    const before = await stock();

    // through the API (a second eLb in the household)
    const leistung = await Agent.login(t.app, 'leistung');
    const nord = t.tenant.teamIds['Team Wetzlar Nord'] as string;
    const p = await leistung.post('/api/people/persons', {
      customerNumber: '532D000002',
      familyName: 'Muster',
      givenNames: 'Max',
      birthDate: '1981-02-02',
      sex: 'm',
      teamId: nord,
      householdId,
      role: 'partner',
      memberFrom: '2015-01-01',
    });
    expect(p.statusCode, p.body).toBe(201);
    await leistung.post(`/api/people/persons/${p.json().id}/benefit-periods`, {
      validFrom: '2015-01-01',
      householdId,
      employable: true,
      personVersion: 1,
    });
    expect(await stock()).toBe((before ?? 0) + 1);

    // by hand in SQL, as another process or a repair would (no service involved): the period ends
    await t.db.rows(sql`UPDATE benefit_periods SET valid_to = '2019-01-01' WHERE person_id = ${p.json().id}`);
    expect(await stock()).toBe(before);
  });

  it('a further month is counted from the cached facts, and a new status period is counted at once (never stale facts)', async () => {
    const service = indicatorService(t.db);
    const tenantId = t.tenant.tenantId;
    const today = '2026-11-25';
    const refugees = async (month: string) =>
      (await service.compute(tenantId, month, today)).structure.find(
        (s) => s.code === 'refugee_share' && s.scope === 'tenant' && s.split === 'all',
      )?.numerator;
    // facts loaded for one month's days, then a month outside them (the whole history is loaded), then one
    // counted from the cached facts: each the same as from facts loaded anew for it alone
    await service.compute(tenantId, '2019-12', today);
    const november = await service.compute(tenantId, '2019-11', today);
    const march = await service.compute(tenantId, '2020-03', today);
    dropTenantFacts(t.db);
    expect(await service.computeFresh(tenantId, ['2019-11'], today)).toEqual([november]);
    dropTenantFacts(t.db);
    expect(await service.computeFresh(tenantId, ['2020-03'], today)).toEqual([march]);
    expect(await refugees('2019-10')).toBe(0);

    // a new status period through the API: the next month asked (and one asked before) counts it
    const leistung = await Agent.login(t.app, 'leistung');
    const person = (await leistung.get(`/api/people/persons/${personId}`)).json().person;
    const res = await leistung.post(`/api/people/persons/${personId}/status-periods`, {
      validFrom: '2019-01-01',
      kind: 'refugee',
      value: 'yes',
      personVersion: person.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await refugees('2019-09')).toBe(1);
    expect(await refugees('2019-10')).toBe(1);

    // ended by hand in SQL (no service involved): months after the end no longer count it
    await t.db.rows(sql`UPDATE status_periods SET valid_to = '2019-08-01' WHERE person_id = ${personId} AND kind = 'refugee'`);
    expect(await refugees('2019-07')).toBe(1);
    expect(await refugees('2019-08')).toBe(0);
    expect(await refugees('2019-10')).toBe(0);
  });
});
