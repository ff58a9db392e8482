import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { subsidisedJobsTable } from './service.ts';

describe('subsidies: § 16i / § 16e eligibility, contracts, schedule, payments, coaching', () => {
  let t: TestApp;
  let leistung: Agent;
  let pap: Agent;
  let pap2: Agent;
  let teamleitung: Agent;
  let controlling: Agent;
  let eligibleId: string;
  let shortId: string;
  let nord: string;

  async function person(customerNumber: string, sex: 'm' | 'w', receiptFrom: string, withChild: boolean) {
    const h = await leistung.post('/api/people/households', { number: `53201BG000${customerNumber.slice(-4)}`, teamId: nord });
    expect(h.statusCode, h.body).toBe(201);
    const householdId = h.json().id;
    const p = await leistung.post('/api/people/persons', {
      customerNumber,
      familyName: 'Beispiel',
      givenNames: sex === 'w' ? 'Anna' : 'Bernd',
      birthDate: '1975-02-01',
      sex,
      teamId: nord,
      householdId,
      role: 'applicant',
      memberFrom: '2008-01-01',
    });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().id;
    if (withChild) {
      const c = await leistung.post('/api/people/persons', {
        customerNumber: `${customerNumber.slice(0, 6)}9${customerNumber.slice(7)}`,
        familyName: 'Beispiel',
        givenNames: 'Kind',
        birthDate: '2010-01-01',
        sex: 'w',
        teamId: nord,
        householdId,
        role: 'child',
        memberFrom: '2010-01-01',
      });
      expect(c.statusCode, c.body).toBe(201);
    }
    const b = await leistung.post(`/api/people/persons/${id}/benefit-periods`, {
      validFrom: receiptFrom,
      householdId,
      employable: true,
      personVersion: 1,
    });
    expect(b.statusCode, b.body).toBe(201);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    nord = t.tenant.teamIds['Team Wetzlar Nord'] as string;
    leistung = await Agent.login(t.app, 'leistung');
    pap = await Agent.login(t.app, 'pap');
    pap2 = await Agent.login(t.app, 'pap2');
    teamleitung = await Agent.login(t.app, 'teamleitung');
    controlling = await Agent.login(t.app, 'controlling');
    eligibleId = await person('532D001001', 'w', '2012-01-01', false);
    // 5 years of receipt and a minor child: eligible under the shorter rule; the other one without a child is not
    shortId = await person('532D001002', 'm', '2014-07-01', false);
    const egt = (await controlling.post('/api/budget/sources', { kind: 'integration', label: 'Eingliederungsbudget' })).json().id;
    const pat = (await controlling.post('/api/budget/sources', { kind: 'pat', label: 'PAT' })).json().id;
    for (const year of [2019, 2020]) {
      await controlling.put('/api/budget/allocations', { year, sourceId: egt, allocatedCents: 100_000_000 });
      await controlling.put('/api/budget/allocations', { year, sourceId: pat, allocatedCents: 10_000_000 });
      await controlling.put('/api/budget/plan-lines', {
        year,
        sourceId: egt,
        instrument: 'teilhabe_16i',
        plannedCents: 50_000_000,
      });
      await controlling.put('/api/budget/plan-lines', { year, sourceId: egt, instrument: 'elb_16e', plannedCents: 10_000_000 });
      await controlling.put('/api/budget/plan-lines', {
        year,
        sourceId: pat,
        instrument: 'teilhabe_16i',
        plannedCents: 10_000_000,
      });
    }
  });
  afterAll(() => t.close());

  it('shows each § 16i criterion with the person’s data, audited as a read of the person', async () => {
    const res = await pap.get(`/api/subsidies/persons/${eligibleId}/eligibility?basis=16i&day=2019-07-01`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.eligible).toBe(true);
    expect(r.criteria.find((c: { key: string }) => c.key === 'receipt').detail).toContain('84 Monate');
    const audit = await t.db.rows(
      sql`SELECT 1 FROM audit_log WHERE entity_id = ${eligibleId} AND action = 'subsidy.eligibility'`,
    );
    expect(audit).toHaveLength(1);
    const short = (await pap.get(`/api/subsidies/persons/${shortId}/eligibility?basis=16i&day=2019-07-01`)).json();
    expect(short.eligible).toBe(false);
    // another team's caseworker gets the same 404 as for an unknown person
    expect((await pap2.get(`/api/subsidies/persons/${eligibleId}/eligibility?basis=16i`)).statusCode).toBe(404);
  });

  it('a § 16i contract with PAT share: schedule committed to both sources, a month paid, coaching averaged', async () => {
    const res = await pap.post('/api/subsidies/contracts', {
      personId: eligibleId,
      basis: '16i',
      employer: 'Stadtwerke Wetzlar',
      startsOn: '2019-10-15',
      endsOnInclusive: '2024-10-14',
      weeklyHours: 39,
      wageBasis: 'minimum_wage',
      patShareBp: 2500,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const c = (await pap.get(`/api/subsidies/contracts/${id}`)).json();
    expect(c.schedule[1]).toMatchObject({ month: '2019-11', cents: 184168, patCents: 46042, integrationCents: 138126 });
    expect(c.commitments).toHaveLength(2);
    const total = c.schedule.reduce((a: number, m: { cents: number }) => a + m.cents, 0);
    expect(c.commitments.reduce((a: number, x: { committed: number }) => a + x.committed, 0)).toBe(total);
    const pay = await pap.post(`/api/subsidies/contracts/${id}/payments`, { month: '2019-11', paidOn: '2019-12-05' });
    expect(pay.statusCode, pay.body).toBe(201);
    expect(pay.json().paidCents).toBe(184168);
    // the same month twice: nothing left to pay
    expect(
      (await pap.post(`/api/subsidies/contracts/${id}/payments`, { month: '2019-11', paidOn: '2019-12-06' })).statusCode,
    ).toBe(422);
    expect((await pap.post(`/api/subsidies/contracts/${id}/coaching`, { heldOn: '2019-12-03', hours: 2 })).statusCode).toBe(201);
    expect((await pap.post(`/api/subsidies/contracts/${id}/coaching`, { heldOn: '2019-12-17', hours: 1.5 })).statusCode).toBe(
      201,
    );
    const avg = (await pap.get('/api/subsidies/coaching-average?month=2019-12')).json();
    expect(avg).toMatchObject({ persons: 1, hours: 3.5, averageHours: 3.5 });
    const o = (await controlling.get('/api/budget/overview?year=2019&asOf=2019-12-31')).json();
    const patCell = o.cells.find(
      (x: { instrument: string; sourceId: string }) =>
        x.instrument === 'teilhabe_16i' &&
        o.sources.find((s: { sourceId: string; kind: string }) => s.sourceId === x.sourceId)?.kind === 'pat',
    );
    expect(patCell.paidCents).toBe(46042);
  });

  it('refuses an ineligible person unless a team lead overrides with an audited reason', async () => {
    const body = {
      personId: shortId,
      basis: '16i',
      employer: 'Lebenshilfe',
      startsOn: '2019-07-01',
      endsOnInclusive: '2020-06-30',
      weeklyHours: 30,
      wageBasis: 'minimum_wage',
    };
    const refused = await pap.post('/api/subsidies/contracts', body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].message).toContain('Leistungsbezug');
    const noRight = await pap.post('/api/subsidies/contracts', { ...body, eligibilityOverrideReason: 'Einzelfallentscheidung' });
    expect(noRight.statusCode).toBe(403);
    const ok = await teamleitung.post('/api/subsidies/contracts', {
      ...body,
      eligibilityOverrideReason: 'Einzelfallentscheidung der Teamleitung',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const audit = await t.db.rows(
      sql`SELECT 1 FROM audit_log WHERE entity_id = ${ok.json().id} AND action = 'subsidy.contract.override'`,
    );
    expect(audit).toHaveLength(1);
  });

  it('a § 16e contract ended early releases the rest', async () => {
    const unemployed = await pap.post(`/api/people/persons/${eligibleId}/status-periods`, {
      kind: 'labour_market',
      value: 'unemployed',
      validFrom: '2015-01-01',
      validUntil: '2019-02-28',
      personVersion: 2,
    });
    expect(unemployed.statusCode, unemployed.body).toBe(201);
    const res = await pap.post('/api/subsidies/contracts', {
      personId: eligibleId,
      basis: '16e',
      employer: 'Bäckerei Schmidt',
      startsOn: '2019-03-01',
      endsOnInclusive: '2021-02-28',
      weeklyHours: 40,
      wageBasis: 'agreed',
      agreedHourlyCents: 1200,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const end = await pap.post(`/api/subsidies/contracts/${id}/end`, { lastDay: '2019-06-15', version: 1 });
    expect(end.statusCode, end.body).toBe(200);
    const c = (await pap.get(`/api/subsidies/contracts/${id}`)).json();
    expect(c.schedule.map((m: { cents: number }) => m.cents)).toEqual([184985, 184985, 184985, 92492]);
    expect(c.commitments[0].committed).toBe(647447);
    expect((await pap.post(`/api/subsidies/contracts/${id}/end`, { lastDay: '2019-06-01', version: 1 })).statusCode).toBe(409);
  });

  it('counts the jobs on a reference date by sex', async () => {
    const table = await subsidisedJobsTable(t.db, t.tenant.tenantId, '2019-12-01');
    expect(table.rows).toEqual([
      { basis: '16i', men: 1, women: 1, diverse: 0, total: 2 },
      { basis: '16e', men: 0, women: 0, diverse: 0, total: 0 },
    ]);
    const list = (await pap.get('/api/subsidies/contracts?activeOn=2019-12-01')).json();
    expect(list).toHaveLength(2);
    expect((await pap2.get('/api/subsidies/contracts')).json()).toEqual([]);
  });
});
