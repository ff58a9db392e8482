import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';

describe('people: households, persons, history, scope', () => {
  let t: TestApp;
  let leistung: Agent;
  let pap: Agent;
  let pap2: Agent;
  let householdId: string;
  let personId: string;
  let childId: string;
  let nord: string;

  beforeAll(async () => {
    t = await startTestApp();
    nord = t.tenant.teamIds['Team Wetzlar Nord'] as string;
    leistung = await Agent.login(t.app, 'leistung');
    pap = await Agent.login(t.app, 'pap');
    pap2 = await Agent.login(t.app, 'pap2');
    const h = await leistung.post('/api/people/households', {
      number: '53201BG0000001',
      teamId: nord,
      caseworkerId: t.tenant.staffIds.pap,
      benefitOfficerId: t.tenant.staffIds.leistung,
    });
    expect(h.statusCode, h.body).toBe(201);
    householdId = h.json().id;
    const p = await leistung.post('/api/people/persons', {
      customerNumber: '532D000001',
      familyName: 'Müller',
      givenNames: 'Sabine',
      birthDate: '1985-03-14',
      sex: 'w',
      teamId: nord,
      householdId,
      role: 'applicant',
      memberFrom: '2015-01-01',
    });
    expect(p.statusCode, p.body).toBe(201);
    personId = p.json().id;
    const c = await leistung.post('/api/people/persons', {
      customerNumber: '532D000002',
      familyName: 'Müller',
      givenNames: 'Lena',
      birthDate: '2012-06-01',
      sex: 'w',
      teamId: nord,
      householdId,
      role: 'child',
      memberFrom: '2015-01-01',
    });
    expect(c.statusCode, c.body).toBe(201);
    childId = c.json().id;
    const b = await leistung.post(`/api/people/persons/${personId}/benefit-periods`, {
      validFrom: '2015-01-01',
      householdId,
      employable: true,
      personVersion: 1,
    });
    expect(b.statusCode, b.body).toBe(201);
  });
  afterAll(() => t.close());

  it('finds a person by a misspelt name, customer number, household number and birth date', async () => {
    for (const q of ['Mülller Sabine', 'mueller', 'Muller', '532d000001', '53201BG0000001', '14.03.1985', '1985-03-14']) {
      const res = await pap.get(`/api/people/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(
        res.json().map((h: { id: string }) => h.id),
        q,
      ).toContain(personId);
    }
  });

  it('shows the person page with household, tandem, facts and timeline, and audits the read with its purpose', async () => {
    const res = await pap.get(`/api/people/persons/${personId}?purpose=casework`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.person.familyName).toBe('Müller');
    expect(r.household.number).toBe('53201BG0000001');
    expect(r.household.caseworker.displayName).toBe('Petra Albers');
    expect(r.household.benefitOfficer.displayName).toBe('Lars Engel');
    expect(r.household.members).toHaveLength(2);
    expect(r.household.payments).toBeUndefined(); // amounts are for benefit staff
    expect(r.facts).toMatchObject({ elb: true, longTermRecipient: true, singleParent: true, u25: false });
    expect(r.timeline.length).toBeGreaterThanOrEqual(3);
    const rows = await t.db.rows<{ action: string; purpose: string }>(
      sql`SELECT action, purpose FROM audit_log WHERE entity_id = ${personId} AND action = 'person.read'`,
    );
    expect(rows).toContainEqual({ action: 'person.read', purpose: 'casework' });
  });

  it('a caseworker of another team can neither find nor open the person, and the refusal is audited', async () => {
    const search = await pap2.get('/api/people/search?q=Mueller');
    expect(search.json()).toEqual([]);
    const res = await pap2.get(`/api/people/persons/${personId}`);
    expect(res.statusCode).toBe(404);
    // the same answer as for an id that does not exist: existence itself is confidential
    const unknown = await pap2.get('/api/people/persons/0190a0a0-0000-7000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(res.json().detail).toBe(unknown.json().detail);
    const denied = await t.db.rows<{ outcome: string }>(
      sql`SELECT outcome FROM audit_log WHERE entity_id = ${personId} AND outcome = 'denied'`,
    );
    expect(denied.length).toBeGreaterThan(0);
    const change = await pap2.post(`/api/people/persons/${personId}/employments`, {
      kind: 'regular',
      validFrom: '2026-01-01',
      personVersion: 99,
    });
    expect(change.statusCode).toBe(404);
  });

  it('records a job start and detects a concurrent change by the version', async () => {
    const before = (await pap.get(`/api/people/persons/${personId}`)).json().person.version;
    const ok = await pap.post(`/api/people/persons/${personId}/employments`, {
      kind: 'regular',
      validFrom: '2026-02-01',
      weeklyHours: 30,
      employer: 'Pflegedienst Lahn',
      personVersion: before,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().personVersion).toBe(before + 1);
    const stale = await pap.post(`/api/people/persons/${personId}/employments`, {
      kind: 'minijob',
      validFrom: '2026-03-01',
      personVersion: before,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/inzwischen/);
  });

  it('a second save of the master data gets a conflict naming what changed', async () => {
    const v = (await pap.get(`/api/people/persons/${personId}`)).json().person.version;
    const first = await pap.patch(`/api/people/persons/${personId}`, { phone: '06441 1111', version: v });
    expect(first.statusCode, first.body).toBe(200);
    const second = await leistung.patch(`/api/people/persons/${personId}`, { phone: '06441 2222', version: v });
    expect(second.statusCode).toBe(409);
    expect(second.json().changedFields).toEqual(['phone']);
    const now = (await pap.get(`/api/people/persons/${personId}`)).json().person;
    expect(now.phone).toBe('06441 1111');
  });

  it('refuses overlapping periods, inverted periods and an eLb under 15 with German messages', async () => {
    let v = (await pap.get(`/api/people/persons/${personId}`)).json().person.version;
    const first = await pap.post(`/api/people/persons/${personId}/status-periods`, {
      kind: 'labour_market',
      value: 'unemployed',
      validFrom: '2015-01-01',
      validUntil: '2019-08-31',
      personVersion: v,
    });
    expect(first.statusCode, first.body).toBe(201);
    v = first.json().personVersion;
    const overlap = await pap.post(`/api/people/persons/${personId}/status-periods`, {
      kind: 'labour_market',
      value: 'employed',
      validFrom: '2019-08-01',
      personVersion: v,
    });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().errors[0]).toMatchObject({ field: 'validFrom' });
    expect(overlap.json().errors[0].message).toMatch(/überschneidet sich.*01\.01\.2015 bis 31\.08\.2019/);
    const inverted = await pap.post(`/api/people/persons/${personId}/status-periods`, {
      kind: 'german_level',
      value: 'B1',
      validFrom: '2020-01-01',
      validUntil: '2019-01-01',
      personVersion: v,
    });
    expect(inverted.statusCode).toBe(422);
    expect(inverted.json().errors[0]).toMatchObject({ field: 'validUntil', message: 'Ende liegt vor dem Beginn' });
    const badCode = await pap.post(`/api/people/persons/${personId}/status-periods`, {
      kind: 'german_level',
      value: 'B3',
      validFrom: '2020-01-01',
      personVersion: v,
    });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().errors[0].field).toBe('value');
    const cv = (await leistung.get(`/api/people/persons/${childId}`)).json().person.version;
    const young = await leistung.post(`/api/people/persons/${childId}/benefit-periods`, {
      validFrom: '2015-01-01',
      householdId,
      employable: true,
      personVersion: cv,
    });
    expect(young.statusCode).toBe(422);
    expect(young.json().errors[0].field).toBe('employable');
  });

  it('refuses a child older than the adults of its household', async () => {
    const p = await leistung.post('/api/people/persons', {
      customerNumber: '532D000003',
      familyName: 'Alt',
      givenNames: 'Otto',
      birthDate: '1950-01-01',
      sex: 'm',
      teamId: nord,
    });
    expect(p.statusCode).toBe(201);
    const h = (await leistung.get(`/api/people/households/${householdId}`)).json();
    const res = await leistung.post(`/api/people/households/${householdId}/members`, {
      personId: p.json().id,
      role: 'child',
      validFrom: '2020-01-01',
      householdVersion: h.version,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toMatch(/älter/);
  });

  it('benefit staff record monthly amounts in cents; negative or fractional amounts are refused', async () => {
    const h = (await leistung.get(`/api/people/households/${householdId}`)).json();
    const ok = await leistung.put(`/api/people/households/${householdId}/payments`, {
      month: '2019-12',
      standardCents: 103300,
      additionalCents: 14800,
      housingCents: 62000,
      householdVersion: h.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const bad = await leistung.put(`/api/people/households/${householdId}/payments`, {
      month: '2019-12',
      standardCents: -1,
      additionalCents: 10.5,
      housingCents: 0,
      householdVersion: ok.json().householdVersion,
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['additionalCents', 'standardCents']);
    const seen = (await leistung.get(`/api/people/households/${householdId}`)).json();
    expect(seen.payments).toEqual([{ month: '2019-12', standardCents: 103300, additionalCents: 14800, housingCents: 62000 }]);
    // caseworkers may not change money
    const papTry = await pap.put(`/api/people/households/${householdId}/payments`, {
      month: '2019-11',
      standardCents: 1,
      additionalCents: 0,
      housingCents: 0,
      householdVersion: seen.version,
    });
    expect(papTry.statusCode).toBe(403);
  });

  it("lists a team's caseload with facts and filters; other teams' caseloads are closed", async () => {
    const all = await pap.get(`/api/people/caseload?teamId=${nord}`);
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json();
    expect(body.rows.map((r: { id: string }) => r.id)).toEqual([personId]); // the child is not eLb
    expect(body.rows[0].flags).toMatchObject({ lzb: true, single_parent: true, u25: false });
    expect(body.counts).toMatchObject({ total: 1, lzb: 1, single_parent: 1, u25: 0 });
    const u25 = await pap.get(`/api/people/caseload?teamId=${nord}&filter=u25&filter=lzb`);
    expect(u25.json().rows).toEqual([]);
    const past = await pap.get(`/api/people/caseload?teamId=${nord}&day=2016-06-15`);
    expect(past.json().rows[0].flags.lzb).toBe(false); // 18 months in receipt is not yet long-term
    const other = await pap2.get(`/api/people/caseload?teamId=${nord}`);
    expect(other.statusCode).toBe(404);
  });

  it('controlling and admin see no individual records', async () => {
    for (const user of ['controlling', 'admin']) {
      const a = await Agent.login(t.app, user);
      expect((await a.get(`/api/people/persons/${personId}`)).statusCode).toBe(403);
    }
  });
});
