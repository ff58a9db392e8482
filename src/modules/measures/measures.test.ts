import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';
import type { Caller } from '../auth/caller.ts';
import type { MeasureBudgetPort } from './budget-port.ts';
import { seedMeasureCatalogue } from './catalogue.ts';
import { measuresService } from './service.ts';

describe('measures: catalogue, assignment flow, places, waiting list, scope, budget hook', () => {
  let t: TestApp;
  let leistung: Agent;
  let pap: Agent;
  let pap2: Agent;
  let admin: Agent;
  let controlling: Agent;
  let nord: string;
  let ids: Record<string, string>;
  let householdId: string;
  let seq = 0;

  /** A person of Team Wetzlar Nord in receipt since 2015 (long-term recipient), unemployed since 2015. */
  async function person(sex: 'm' | 'w' = 'w', withHistory = true): Promise<string> {
    seq++;
    let household: { householdId?: string; role?: string; memberFrom?: string } = {};
    if (withHistory) {
      const h = await leistung.post('/api/people/households', { number: `53201BG${String(1000000 + seq)}`, teamId: nord });
      expect(h.statusCode, h.body).toBe(201);
      householdId = h.json().id;
      household = { householdId, role: 'applicant', memberFrom: '2015-01-01' };
    }
    const p = await leistung.post('/api/people/persons', {
      customerNumber: `532D${String(100000 + seq)
        .slice(1)
        .padStart(6, '0')}`,
      familyName: `Test${seq}`,
      givenNames: 'Kim',
      birthDate: '1980-05-05',
      sex,
      teamId: nord,
      ...household,
    });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().id as string;
    if (withHistory) {
      const b = await leistung.post(`/api/people/persons/${id}/benefit-periods`, {
        validFrom: '2015-01-01',
        householdId,
        employable: true,
        personVersion: 1,
      });
      expect(b.statusCode, b.body).toBe(201);
      const s = await leistung.post(`/api/people/persons/${id}/status-periods`, {
        validFrom: '2015-01-01',
        kind: 'labour_market',
        value: 'unemployed',
        personVersion: 2,
      });
      expect(s.statusCode, s.body).toBe(201);
    }
    return id;
  }

  async function agreed(
    personId: string,
    measureId: string,
    assignedOn = '2024-03-04',
  ): Promise<{ id: string; version: number }> {
    const p = await pap.post('/api/measures/assignments', { personId, measureId, assignedOn });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().id as string;
    const a = await pap.post(`/api/measures/assignments/${id}/agree`, {
      version: 1,
      agreedOn: assignedOn,
      customerChoice: 'own_wish',
      customerReasons: 'Ich will wieder eine feste Tagesstruktur.',
    });
    expect(a.statusCode, a.body).toBe(200);
    return { id, version: a.json().version };
  }

  beforeAll(async () => {
    t = await startTestApp();
    nord = t.tenant.teamIds['Team Wetzlar Nord'] as string;
    ids = await seedMeasureCatalogue(t.db, t.tenant.tenantId, t.tenant.staffIds.admin as string);
    leistung = await Agent.login(t.app, 'leistung');
    pap = await Agent.login(t.app, 'pap');
    pap2 = await Agent.login(t.app, 'pap2');
    admin = await Agent.login(t.app, 'admin');
    controlling = await Agent.login(t.app, 'controlling');
    // entries commit their costs to the integration budget (app.ts wires the budget module in)
    const source = await controlling.post('/api/budget/sources', { kind: 'integration', label: 'Eingliederungsbudget' });
    expect(source.statusCode, source.body).toBe(201);
  });
  afterAll(() => t.close());

  it('lists the catalogue with filters for target group, site and free places', async () => {
    const all = await pap.get('/api/measures');
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().map((m: { name: string }) => m.name)).toContain('JobAktiv');
    const jobAktiv = all.json().find((m: { name: string }) => m.name === 'JobAktiv');
    expect(jobAktiv).toMatchObject({ places: 100, weeklyEntryLimit: 28, durationValue: 8, durationUnit: 'weeks', free: 100 });
    const lzb = await pap.get('/api/measures?targetGroup=lzb');
    expect(
      lzb
        .json()
        .map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['Aktivierungszentrum', 'Frau Stark']);
    const dill = await pap.get('/api/measures?site=Dillenburg&freeOnly=true');
    expect(dill.json().map((m: { name: string }) => m.name)).toContain('Frau Stark');
  });

  it('refuses a measure with zero places, naming the field in German; only managers may create', async () => {
    const provider = (await admin.get('/api/measures/providers')).json()[0].id;
    const body = {
      providerId: provider,
      name: 'Test',
      legalBasis: '16_1_45',
      site: 'Wetzlar',
      places: 0,
      durationValue: 3,
      durationUnit: 'months',
      scheduleKind: 'part_time',
      costPerMonthCents: 10_000,
      contractFrom: '2024-01-01',
    };
    const zero = await admin.post('/api/measures', body);
    expect(zero.statusCode).toBe(422);
    expect(zero.json().errors).toEqual([
      { field: 'places', message: 'Eine Maßnahme braucht mindestens einen Platz (Plätze: 0 ist nicht möglich)' },
    ]);
    expect((await pap.post('/api/measures', { ...body, places: 3 })).statusCode).toBe(403);
    const early = await admin.post('/api/measures', { ...body, places: 3, legalBasis: '16k', contractFrom: '2020-01-01' });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].field).toBe('legalBasis');
  });

  it('runs proposal → agreement → entry → exit → outcome, with the status timeline and German 422s', async () => {
    const personId = await person('w');
    const prop = await pap.post('/api/measures/assignments', { personId, measureId: ids.jobaktiv, assignedOn: '2024-03-04' });
    expect(prop.statusCode, prop.body).toBe(201);
    const id = prop.json().id;
    // entry before agreement is not a valid step
    const tooSoon = await pap.post(`/api/measures/assignments/${id}/entry`, { version: 1, entryDate: '2024-03-05' });
    expect(tooSoon.statusCode).toBe(422);
    const missing = await pap.post(`/api/measures/assignments/${id}/agree`, { version: 1, agreedOn: '2024-03-04' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('customerChoice');
    const agree = await pap.post(`/api/measures/assignments/${id}/agree`, {
      version: 1,
      agreedOn: '2024-03-04',
      customerChoice: 'own_wish',
      customerReasons: 'Ich möchte meine Bewerbungen selbst in die Hand nehmen.',
    });
    expect(agree.statusCode, agree.body).toBe(200);
    const before = await pap.post(`/api/measures/assignments/${id}/entry`, { version: 2, entryDate: '2024-03-01' });
    expect(before.statusCode).toBe(422);
    expect(before.json().errors).toEqual([
      { field: 'entryDate', message: 'Der Eintritt liegt vor der Zuweisung vom 04.03.2024' },
    ]);
    const entry = await pap.post(`/api/measures/assignments/${id}/entry`, { version: 2, entryDate: '2024-03-05' });
    expect(entry.statusCode, entry.body).toBe(200);
    expect(entry.json().plannedEnd).toBe('2024-04-29');
    const stale = await pap.post(`/api/measures/assignments/${id}/exit`, {
      version: 2,
      exitDate: '2024-04-12',
      exitReason: 'job',
    });
    expect(stale.statusCode).toBe(409);
    const badExit = await pap.post(`/api/measures/assignments/${id}/exit`, {
      version: 3,
      exitDate: '2024-03-04',
      exitReason: 'job',
    });
    expect(badExit.statusCode).toBe(422);
    expect(badExit.json().errors).toEqual([{ field: 'exitDate', message: 'Der Austritt liegt vor dem Eintritt am 05.03.2024' }]);
    const exit = await pap.post(`/api/measures/assignments/${id}/exit`, {
      version: 3,
      exitDate: '2024-04-12',
      exitReason: 'job',
    });
    expect(exit.statusCode, exit.body).toBe(200);
    const outcome = await pap.post(`/api/measures/assignments/${id}/outcome`, {
      version: 4,
      outcome: 'integration',
      outcomeOn: '2024-10-12',
    });
    expect(outcome.statusCode, outcome.body).toBe(200);

    const record = (await pap.get(`/api/people/persons/${personId}`)).json();
    const labour = record.statusPeriods
      .filter((s: { kind: string }) => s.kind === 'labour_market')
      .map((s: { value: string; validFrom: string; validUntil: string | null }) => [s.value, s.validFrom, s.validUntil]);
    expect(labour).toEqual([
      ['unemployed', '2015-01-01', '2024-03-04'],
      ['measure', '2024-03-05', '2024-04-12'],
      ['employed', '2024-04-13', null],
    ]);
    const list = await pap.get(`/api/measures/assignments?personId=${personId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()[0]).toMatchObject({ measureName: 'JobAktiv', state: 'exited', exitReason: 'job', outcome: 'integration' });
    const audits = await t.db.rows<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_id = ${personId} ORDER BY at, seq`,
    );
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'measure_assignment.create',
        'measure_assignment.enter',
        'measure_assignment.exit',
        'measure_assignment.read',
      ]),
    );
  });

  it('warns outside the target group and accepts an audited override with a reason', async () => {
    const man = await person('m');
    const warn = await pap.post('/api/measures/assignments', {
      personId: man,
      measureId: ids.fraustark,
      assignedOn: '2021-03-01',
    });
    expect(warn.statusCode).toBe(422);
    expect(warn.json().errors[0].field).toBe('targetGroupOverride');
    expect(warn.json().errors[0].message).toContain('fehlt: Frauen');
    const ok = await pap.post('/api/measures/assignments', {
      personId: man,
      measureId: ids.fraustark,
      assignedOn: '2021-03-01',
      targetGroupOverride: 'Alleinerziehender Vater, Gruppe hat zugestimmt',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().inTargetGroup).toBe(false);
    const audit = await t.db.rows(
      sql`SELECT 1 FROM audit_log WHERE entity_id = ${ok.json().id} AND action = 'measure_assignment.target_group_override'`,
    );
    expect(audit).toHaveLength(1);
  });

  it('enters the Aktivierungszentrum only on Tuesdays', async () => {
    const p = await person('w');
    const a = await agreed(p, ids.aktivierungszentrum as string);
    const wed = await pap.post(`/api/measures/assignments/${a.id}/entry`, { version: a.version, entryDate: '2024-03-06' });
    expect(wed.statusCode).toBe(422);
    expect(wed.json().errors[0].message).toBe('Ein Einstieg ist nur dienstags möglich');
    const tue = await pap.post(`/api/measures/assignments/${a.id}/entry`, { version: a.version, entryDate: '2024-03-05' });
    expect(tue.statusCode, tue.body).toBe(200);
  });

  it('never overbooks: 50 parallel entries for the last 3 places give exactly 3, the rest are offered the waiting list', async () => {
    const provider = (await admin.get('/api/measures/providers')).json()[0].id;
    const m = await admin.post('/api/measures', {
      providerId: provider,
      name: 'Kleine Gruppe',
      legalBasis: '16_1_45',
      site: 'Wetzlar',
      places: 4,
      durationValue: 3,
      durationUnit: 'months',
      scheduleKind: 'part_time',
      costPerMonthCents: 10_000,
      contractFrom: '2024-01-01',
    });
    expect(m.statusCode, m.body).toBe(201);
    const measureId = m.json().id;
    const first = await agreed(await person('w', false), measureId);
    expect(
      (await pap.post(`/api/measures/assignments/${first.id}/entry`, { version: first.version, entryDate: '2024-03-05' }))
        .statusCode,
    ).toBe(200);
    const list: { id: string; version: number }[] = [];
    for (let i = 0; i < 50; i++) list.push(await agreed(await person('w', false), measureId));
    const results = await Promise.all(
      list.map((a) => pap.post(`/api/measures/assignments/${a.id}/entry`, { version: a.version, entryDate: '2024-03-05' })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(47);
    const refused = results.find((r) => r.statusCode === 409);
    expect(refused?.json().detail).toBe(
      'Alle 4 Plätze der Maßnahme „Kleine Gruppe“ sind belegt. Sie können die Person auf die Warteliste setzen.',
    );
    expect(refused?.json().waitingListOffered).toBe(true);
    const [count] = await t.db.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM measure_assignments WHERE measure_id = ${measureId} AND state = 'active'`,
    );
    expect(count?.n).toBe(4);

    // waiting list: two wait; a place frees; someone not on the list cannot jump the queue; the first waiting enters
    const losers = list.filter((_, i) => results[i]?.statusCode === 409);
    const w1 = losers[0] as { id: string; version: number };
    const w2 = losers[1] as { id: string; version: number };
    const j1 = await pap.post(`/api/measures/assignments/${w1.id}/waiting-list`, { version: w1.version });
    expect(j1.statusCode, j1.body).toBe(200);
    expect(j1.json().position).toBe(1);
    const j2 = await pap.post(`/api/measures/assignments/${w2.id}/waiting-list`, { version: w2.version });
    expect(j2.json().position).toBe(2);
    const out = await pap.post(`/api/measures/assignments/${first.id}/exit`, {
      version: first.version + 1,
      exitDate: '2024-03-20',
      exitReason: 'dropout',
    });
    expect(out.statusCode, out.body).toBe(200);
    const jumper = losers[2] as { id: string; version: number };
    const jump = await pap.post(`/api/measures/assignments/${jumper.id}/entry`, {
      version: jumper.version,
      entryDate: '2024-03-26',
    });
    expect(jump.statusCode).toBe(409);
    expect(jump.json().reason).toBe('waiting_list_first');
    const second = await pap.post(`/api/measures/assignments/${w2.id}/entry`, {
      version: j2.json().version,
      entryDate: '2024-03-26',
    });
    expect(second.statusCode).toBe(409);
    const firstWaiting = await pap.post(`/api/measures/assignments/${w1.id}/entry`, {
      version: j1.json().version,
      entryDate: '2024-03-26',
    });
    expect(firstWaiting.statusCode, firstWaiting.body).toBe(200);
    const detail = (await pap.get(`/api/measures/${measureId}`)).json();
    expect(detail).toMatchObject({ occupied: 4, free: 0 });
    expect(detail.waitingList).toHaveLength(1);
    expect(detail.waitingList[0].person).toMatch(/^Test\d+, Kim \(532D\d{6}\)$/);
    // another team's caseworker sees the list without names
    const other = (await pap2.get(`/api/measures/${measureId}`)).json();
    expect(other.waitingList[0].person).toBeNull();
  });

  it('keeps a caseworker of another team out: no reading, no proposing', async () => {
    const p = await person('w', false);
    const read = await pap2.get(`/api/measures/assignments?personId=${p}`);
    expect(read.statusCode).toBe(404);
    const propose = await pap2.post('/api/measures/assignments', {
      personId: p,
      measureId: ids.jobaktiv,
      assignedOn: '2024-03-04',
    });
    expect(propose.statusCode).toBe(404);
    const a = await agreed(p, ids.jobaktiv as string);
    const step = await pap2.post(`/api/measures/assignments/${a.id}/entry`, { version: a.version, entryDate: '2024-03-05' });
    expect(step.statusCode).toBe(404);
    expect((await leistung.get(`/api/measures/assignments?personId=${p}`)).statusCode).toBe(403);
  });

  it('calls the budget port in the transaction: a refusal rolls the entry back and reaches the user', async () => {
    const p = await person('w');
    const a = await agreed(p, ids.aktivierungszentrum as string);
    const calls: unknown[] = [];
    const caller: Caller = {
      tenantId: t.tenant.tenantId,
      staffId: t.tenant.staffIds.pap as string,
      username: 'pap',
      displayName: 'Petra Albers',
      roles: ['pap'],
      teamIds: [nord],
      requestId: 'test',
    };
    const refusing: MeasureBudgetPort = {
      async commitAssignment(_tx, input) {
        calls.push(input);
        throw new Error('Budget § 16 Abs. 1 SGB II für 2024 überschritten');
      },
      async releaseAssignment() {},
    };
    await expect(
      measuresService(t.db, { budget: refusing }).enter(caller, a.id, { version: a.version, entryDate: '2024-03-05' }),
    ).rejects.toThrow('überschritten');
    const [row] = await t.db.rows<{ state: string }>(sql`SELECT state FROM measure_assignments WHERE id = ${a.id}`);
    expect(row?.state).toBe('agreed');
    const status = await t.db.rows(
      sql`SELECT 1 FROM status_periods WHERE person_id = ${p} AND kind = 'labour_market' AND value = 'measure'`,
    );
    expect(status).toHaveLength(0);

    const recorded: { commit: unknown[]; release: unknown[] } = { commit: [], release: [] };
    const recording: MeasureBudgetPort = {
      async commitAssignment(_tx, input) {
        recorded.commit.push(input);
      },
      async releaseAssignment(_tx, input) {
        recorded.release.push(input);
      },
    };
    const svc = measuresService(t.db, { budget: recording });
    const entered = await svc.enter(caller, a.id, { version: a.version, entryDate: '2024-03-05' });
    expect(recorded.commit[0]).toMatchObject({
      assignmentId: a.id,
      measureId: ids.aktivierungszentrum,
      legalBasis: '16_1_45',
      months: [
        { month: '2024-03', cents: 45_290 }, // 27/31 × 52.000 ct = 45.290,32
        { month: '2024-04', cents: 52_000 },
        { month: '2024-05', cents: 52_000 },
        { month: '2024-06', cents: 52_000 },
        { month: '2024-07', cents: 52_000 },
        { month: '2024-08', cents: 52_000 },
        // 4/30 × 52.000 ct = 6.933,33; exact total 312.223,66 → 312.224: the missing cent goes to the larger rest (,33 > ,32)
        { month: '2024-09', cents: 6_934 },
      ],
    });
    await svc.exit(caller, a.id, { version: entered.version, exitDate: '2024-05-15', exitReason: 'dropout' });
    expect(recorded.release).toEqual([
      { tenantId: t.tenant.tenantId, assignmentId: a.id, fromMonth: '2024-06', actorStaffId: caller.staffId },
    ]);
  });

  it('evaluates per measure and provider for controlling only', async () => {
    expect((await pap.get('/api/measures/evaluation?from=2024-01-01&to=2024-12-31')).statusCode).toBe(403);
    const res = await controlling.get('/api/measures/evaluation?from=2024-01-01&to=2024-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const jobAktiv = res.json().measures.find((m: { name: string }) => m.name === 'JobAktiv');
    expect(jobAktiv).toMatchObject({
      entries: 1,
      exits: 1,
      integrated: 1,
      integrationRate: 100,
      integrationTargetPercent: 50,
      meetsTarget: true,
    });
    expect(jobAktiv.bySex.w.entries).toBe(1);
    expect(jobAktiv.byGroup.lzb.integrationRate).toBe(100);
  });

  it('feeds K3E2: long-term recipients in a measure on the reference day are counted as activated', async () => {
    const k3e2 = async (month: string) => {
      const res = await controlling.get(`/api/indicators?month=${month}`);
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .figures.find(
          (f: { code: string; split: string; scope: string }) => f.code === 'K3E2' && f.split === 'all' && f.scope === 'tenant',
        );
    };
    // entries on 05.03.2024 (JobAktiv, Aktivierungszentrum): nobody in a measure on 15.02., several on 15.03.
    expect((await k3e2('2024-02')).numerator).toBe(0);
    expect((await k3e2('2024-03')).numerator).toBeGreaterThan(0);
  });
});
