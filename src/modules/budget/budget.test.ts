import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { measureBudget } from './measure-commitments.ts';
import { budgetReportSection } from './service.ts';

describe('budget: plan, commitments, payments, overview', () => {
  let t: TestApp;
  let controlling: Agent;
  let fallmanagement: Agent;
  let pap: Agent;
  let egt: string;
  let pat: string;

  const overview = async (year = 2019, asOf = '2019-06-30') => {
    const res = await controlling.get(`/api/budget/overview?year=${year}&asOf=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const cell = (o: { cells: { sourceId: string; instrument: string }[] }, sourceId: string, instrument: string) =>
    o.cells.find((c) => c.sourceId === sourceId && c.instrument === instrument) as Record<string, number> | undefined;

  beforeAll(async () => {
    t = await startTestApp();
    controlling = await Agent.login(t.app, 'controlling');
    fallmanagement = await Agent.login(t.app, 'fallmanagement');
    pap = await Agent.login(t.app, 'pap');
    egt = (await controlling.post('/api/budget/sources', { kind: 'integration', label: 'Eingliederungsbudget' })).json().id;
    pat = (await controlling.post('/api/budget/sources', { kind: 'pat', label: 'Passiv-Aktiv-Transfer' })).json().id;
    for (const [sourceId, cents] of [
      [egt, 920_000_000],
      [pat, 33_620_000],
    ] as const) {
      const r = await controlling.put('/api/budget/allocations', { year: 2019, sourceId, allocatedCents: cents });
      expect(r.statusCode, r.body).toBe(200);
    }
    for (const [sourceId, instrument, plannedCents] of [
      [egt, 'activation_45', 100_000_00],
      [egt, 'teilhabe_16i', 200_000_00],
      [pat, 'teilhabe_16i', 33_620_000],
    ] as const) {
      const r = await controlling.put('/api/budget/plan-lines', { year: 2019, sourceId, instrument, plannedCents });
      expect(r.statusCode, r.body).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('a manual commitment across years, an invoice, and plan/committed/paid/free change', async () => {
    const before = cell(await overview(), egt, 'activation_45');
    expect(before).toMatchObject({ plannedCents: 10_000_000, committedCents: 0, paidCents: 0, freeCents: 10_000_000 });
    // 12.000,00 € over Nov 2019 – Apr 2020: 2.000,00 € a month, 4.000,00 € in 2019, 8.000,00 € in 2020
    const c = await controlling.post('/api/budget/commitments', {
      sourceId: egt,
      instrument: 'activation_45',
      description: 'Maßnahme Aktivierung Wetzlar, 2 Plätze',
      fromMonth: '2019-11',
      toMonth: '2020-04',
      totalCents: 1_200_000,
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id;
    const pay = await controlling.post(`/api/budget/commitments/${id}/payments`, {
      paidOn: '2019-06-20',
      cents: 150_000,
      reference: 'RE-2019-001',
    });
    expect(pay.statusCode, pay.body).toBe(201);
    expect(pay.json().openCents).toBe(1_050_000);
    const after = cell(await overview(), egt, 'activation_45');
    expect(after).toMatchObject({ plannedCents: 10_000_000, committedCents: 400_000, paidCents: 150_000, freeCents: 9_600_000 });
    const detail = (await controlling.get(`/api/budget/commitments/${id}`)).json();
    expect(detail.months).toHaveLength(6);
    expect(detail).toMatchObject({ committedCents: 1_200_000, paidCents: 150_000, openCents: 1_050_000 });
    // fallmanagement may read the overview but not book
    expect((await fallmanagement.get('/api/budget/overview?year=2019')).statusCode).toBe(200);
    expect(
      (await fallmanagement.post(`/api/budget/commitments/${id}/payments`, { paidOn: '2019-06-20', cents: 1 })).statusCode,
    ).toBe(403);
    expect((await pap.get('/api/budget/overview?year=2019')).statusCode).toBe(403);
  });

  it('refuses a payment above the open commitment and a negative amount, naming the field in German', async () => {
    const c = await controlling.post('/api/budget/commitments', {
      sourceId: egt,
      instrument: 'activation_45',
      description: 'Rechnungstest',
      fromMonth: '2019-03',
      toMonth: '2019-03',
      totalCents: 10_000,
    });
    const id = c.json().id;
    const over = await controlling.post(`/api/budget/commitments/${id}/payments`, { paidOn: '2019-03-31', cents: 10_001 });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0]).toMatchObject({ field: 'cents' });
    expect(over.json().errors[0].message).toContain('übersteigt die offene Verpflichtung von 100,00 €');
    const negative = await controlling.post(`/api/budget/commitments/${id}/payments`, { paidOn: '2019-03-31', cents: -5 });
    expect(negative.statusCode).toBe(422);
    expect(negative.json().errors[0]).toMatchObject({ field: 'cents' });
    expect(negative.json().errors[0].message).toMatch(/negativ|größer als 0/);
    const negCommit = await controlling.post('/api/budget/commitments', {
      sourceId: egt,
      instrument: 'activation_45',
      description: 'x',
      fromMonth: '2019-03',
      toMonth: '2019-03',
      totalCents: -1,
    });
    expect(negCommit.statusCode).toBe(422);
    expect(negCommit.json().errors[0].field).toBe('totalCents');
  });

  it('two payments booked at once never overdraw the commitment', async () => {
    const c = await controlling.post('/api/budget/commitments', {
      sourceId: egt,
      instrument: 'activation_45',
      description: 'Gleichzeitige Rechnungen',
      fromMonth: '2019-05',
      toMonth: '2019-05',
      totalCents: 100_000,
    });
    const id = c.json().id;
    const other = await Agent.login(t.app, 'controlling');
    const results = await Promise.all([
      controlling.post(`/api/budget/commitments/${id}/payments`, { paidOn: '2019-05-31', cents: 70_000 }),
      other.post(`/api/budget/commitments/${id}/payments`, { paidOn: '2019-05-31', cents: 70_000 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    const [sum] = await t.db.rows<{ paid: number }>(
      sql`SELECT sum(cents)::int8 AS paid FROM budget_payments WHERE commitment_id = ${id}`,
    );
    expect(Number(sum?.paid)).toBe(70_000);
  });

  it('warns before exceeding the free amount (409 with the numbers); controlling overrides with an audited reason', async () => {
    const body = {
      sourceId: egt,
      instrument: 'teilhabe_16i',
      description: 'Zu groß',
      fromMonth: '2019-01',
      toMonth: '2019-12',
      totalCents: 20_000_001,
    };
    const refused = await controlling.post('/api/budget/commitments', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('2019: frei 200.000,00 €, benötigt 200.000,01 €');
    expect(refused.json().shortfalls).toEqual([{ year: 2019, freeCents: 20_000_000, requestedCents: 20_000_001 }]);
    const ok = await controlling.post('/api/budget/commitments', { ...body, overrideReason: 'Vorstandsbeschluss vom 3.5.2019' });
    expect(ok.statusCode, ok.body).toBe(201);
    const audit = await t.db.rows<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_id = ${ok.json().id} AND action = 'budget.commitment.override'`,
    );
    expect(audit).toHaveLength(1);
    expect(cell(await overview(), egt, 'teilhabe_16i')?.freeCents).toBe(-1);
  });

  it('the measures port commits an assignment to the integration budget and releases it on exit', async () => {
    const assignmentId = '0190a0a0-0000-7000-8000-0000000000a1';
    await t.db.orm.transaction((tx) =>
      measureBudget.commitAssignment(tx, {
        tenantId: t.tenant.tenantId,
        assignmentId,
        measureId: '0190a0a0-0000-7000-8000-0000000000b1',
        legalBasis: '§ 45 SGB III',
        months: [
          { month: '2019-09', cents: 50_000 },
          { month: '2019-10', cents: 50_000 },
          { month: '2019-11', cents: 50_000 },
        ],
        actorStaffId: t.tenant.staffIds.controlling as string,
      }),
    );
    const list = (await controlling.get('/api/budget/commitments?instrument=activation_45')).json();
    const mine = list.find((c: { originRef: string }) => c.originRef === assignmentId);
    expect(mine).toMatchObject({ origin: 'measure', committedCents: 150_000, firstMonth: '2019-09', lastMonth: '2019-11' });
    await t.db.orm.transaction((tx) =>
      measureBudget.releaseAssignment(tx, {
        tenantId: t.tenant.tenantId,
        assignmentId,
        fromMonth: '2019-10',
        actorStaffId: t.tenant.staffIds.controlling as string,
      }),
    );
    const detail = (await controlling.get(`/api/budget/commitments/${mine.id}`)).json();
    expect(detail.committedCents).toBe(50_000);
    // beyond the free amount without a reason: 409; a pap (no budget.override) with a reason: 403
    await expect(
      t.db.orm.transaction((tx) =>
        measureBudget.commitAssignment(tx, {
          tenantId: t.tenant.tenantId,
          assignmentId: '0190a0a0-0000-7000-8000-0000000000a2',
          measureId: '0190a0a0-0000-7000-8000-0000000000b1',
          legalBasis: '§ 45 SGB III',
          months: [{ month: '2019-12', cents: 99_000_000 }],
          actorStaffId: t.tenant.staffIds.pap as string,
          overrideReason: 'dringend notwendig',
        }),
      ),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('sums reconcile to the cent: sources = cells = records, for random bookings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 5,
        }),
        async (bookings) => {
          for (const [total, paidPct] of bookings) {
            const c = await controlling.post('/api/budget/commitments', {
              sourceId: pat,
              instrument: 'teilhabe_16i',
              description: 'Eigenschaftstest',
              fromMonth: '2019-07',
              toMonth: '2020-02',
              totalCents: total,
              overrideReason: 'Eigenschaftstest, Überschreitung erlaubt',
            });
            expect(c.statusCode, c.body).toBe(201);
            const pay = Math.floor((total * paidPct) / 100);
            if (pay > 0)
              expect(
                (await controlling.post(`/api/budget/commitments/${c.json().id}/payments`, { paidOn: '2019-08-01', cents: pay }))
                  .statusCode,
              ).toBe(201);
          }
          const o = await overview();
          const [raw] = await t.db.rows<{ committed: number; paid: number }>(
            sql`SELECT (SELECT COALESCE(sum(cents), 0) FROM budget_commitment_months WHERE tenant_id = ${t.tenant.tenantId}
                        AND month >= '2019-01-01' AND month < '2020-01-01')::int8 AS committed,
                     (SELECT COALESCE(sum(cents), 0) FROM budget_payments WHERE tenant_id = ${t.tenant.tenantId}
                        AND paid_on >= '2019-01-01' AND paid_on < '2020-01-01')::int8 AS paid`,
          );
          const sum = (k: string) => o.cells.reduce((a: number, c: Record<string, number>) => a + (c[k] as number), 0);
          const sumS = (k: string) => o.sources.reduce((a: number, c: Record<string, number>) => a + (c[k] as number), 0);
          return (
            sum('committedCents') === Number(raw?.committed) &&
            sum('paidCents') === Number(raw?.paid) &&
            sumS('committedCents') === o.totals.committedCents &&
            sumS('plannedCents') === o.totals.plannedCents &&
            sum('freeCents') === o.totals.freeCents
          );
        },
      ),
      { numRuns: 4 },
    );
  });

  it('gives the report section of a year', async () => {
    const r = await budgetReportSection(t.db, t.tenant.tenantId, 2019);
    const egtRow = r.sources.find((s) => s.kind === 'integration');
    expect(egtRow?.plannedCents).toBe(30_000_000);
    expect(r.byInstrument.find((i) => i.instrument === 'activation_45')?.plannedCents).toBe(10_000_000);
  });
});
