import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { addDays, addMonths } from '../../lib/dates.ts';
import { todayInGermany } from '../../lib/today.ts';
import { seedPlanningDemo } from './demo.ts';

describe('planning: plan versions, contacts, agenda, MitArbeit, scope', () => {
  let t: TestApp;
  let pap: Agent;
  let pap2: Agent;
  let leistung: Agent;
  let teamleitung: Agent;
  let controlling: Agent;
  let personId: string;
  let shortId: string;
  const today = todayInGermany();
  const planDate = addDays(today, -3);

  const plan = (version: number, over: Record<string, unknown> = {}) => ({
    version,
    planDate,
    reviewDate: addMonths(planDate, 3),
    strengths: 'Zuverlässig, gute Ortskenntnis',
    skills: 'Staplerschein, 5 Jahre Lager',
    obstacles: ['childcare', 'mobility'],
    obstacleNote: 'Kita erst ab 8 Uhr',
    goal: 'Arbeit im Lager in Teilzeit',
    targetOccupations: ['51311', '51312'],
    customerWords: 'Ich will wieder arbeiten, aber erst ab 9 Uhr.',
    steps: [
      { description: 'Drei Bewerbungen schreiben', owner: 'customer', dueDate: addDays(today, 7) },
      { description: 'Kita-Zeiten klären', owner: 'jobcenter', dueDate: addDays(today, 3) },
      { description: 'Führerschein-Förderung prüfen', owner: 'jobcenter', dueDate: addDays(today, 60) },
    ],
    ...over,
  });

  async function person(agent: Agent, number: string, customerNumber: string, team: string, benefitFrom: string) {
    const h = await agent.post('/api/people/households', { number, teamId: team });
    expect(h.statusCode, h.body).toBe(201);
    const p = await agent.post('/api/people/persons', {
      customerNumber,
      familyName: 'Keller',
      givenNames: 'Jana',
      birthDate: '1984-02-02',
      sex: 'w',
      teamId: team,
      householdId: h.json().id,
      role: 'applicant',
      memberFrom: benefitFrom,
    });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().id as string;
    const b = await agent.post(`/api/people/persons/${id}/benefit-periods`, {
      validFrom: benefitFrom,
      householdId: h.json().id,
      employable: true,
      personVersion: 1,
    });
    expect(b.statusCode, b.body).toBe(201);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const nord = t.tenant.teamIds['Team Wetzlar Nord'] as string;
    leistung = await Agent.login(t.app, 'leistung');
    pap = await Agent.login(t.app, 'pap');
    pap2 = await Agent.login(t.app, 'pap2');
    teamleitung = await Agent.login(t.app, 'teamleitung');
    controlling = await Agent.login(t.app, 'controlling');
    personId = await person(leistung, '53201BG0000101', '532D000101', nord, '2016-01-01');
    shortId = await person(leistung, '53201BG0000102', '532D000102', nord, addDays(today, -30));
  });
  afterAll(() => t.close());

  it('records the potential analysis and a plan with three steps; the read is audited', async () => {
    const res = await pap.put(`/api/planning/persons/${personId}/plan`, plan(0));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ revision: 1, version: 1 });
    const view = await pap.get(`/api/planning/persons/${personId}`);
    expect(view.statusCode, view.body).toBe(200);
    const v = view.json();
    expect(v.person.longTermRecipient).toBe(true);
    expect(v.plan.current.label).toBe('Kooperationsplan');
    expect(v.plan.current.steps).toHaveLength(3);
    expect(v.plan.current.targetOccupations[0]).toMatchObject({ code: '51311', level: 'Helfer' });
    expect(v.plan.current.customerWords).toContain('ab 9 Uhr');
    const audit = await t.db.rows<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_id = ${personId} AND action IN ('planning.read', 'plan.create')`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['plan.create', 'planning.read']);
  });

  it('keeps every saved version and refuses a stale one with 409', async () => {
    const second = await pap.put(
      `/api/planning/persons/${personId}/plan`,
      plan(1, {
        goal: 'Arbeit im Lager, 25 Stunden',
        steps: plan(1).steps.map((s, i) => (i === 1 ? { ...s, doneOn: today } : s)),
      }),
    );
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ revision: 2, version: 2 });
    const stale = await teamleitung.put(`/api/planning/persons/${personId}/plan`, plan(1, { goal: 'anders' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('inzwischen');
    const first = await pap.get(`/api/planning/persons/${personId}/revisions/1`);
    expect(first.statusCode).toBe(200);
    expect(first.json().goal).toBe('Arbeit im Lager in Teilzeit');
    const v = (await pap.get(`/api/planning/persons/${personId}`)).json();
    expect(v.plan.current.goal).toBe('Arbeit im Lager, 25 Stunden');
    expect(v.plan.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(v.timeline.filter((e: { category: string }) => e.category === 'plan')).toHaveLength(2);
  });

  it('answers a step without owner or due date, a late review and a bad KldB code with German 422 messages', async () => {
    const steps = [
      { description: 'Bewerben', owner: 'customer', dueDate: addDays(today, 5) },
      { description: 'Termin beim Träger', dueDate: addDays(today, 5) },
      { description: 'Kita klären', owner: 'jobcenter' },
    ];
    const res = await pap.put(
      `/api/planning/persons/${personId}/plan`,
      plan(2, { steps, reviewDate: addDays(addMonths(planDate, 6), 1), targetOccupations: ['5131'] }),
    );
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors).toContainEqual({
      field: 'steps.1.owner',
      message: 'Schritt 2: Bitte wählen Sie, wer zuständig ist (Kundin/Kunde oder Jobcenter).',
    });
    expect(errors).toContainEqual({ field: 'steps.2.dueDate', message: 'Schritt 3: Bitte geben Sie an, bis wann (Fälligkeit).' });
    expect(errors.map((e) => e.field)).toContain('reviewDate');
    expect(errors.map((e) => e.field)).toContain('targetOccupations.0');
    const noGoal = await pap.put(`/api/planning/persons/${personId}/plan`, plan(2, { goal: '' }));
    expect(noGoal.statusCode).toBe(422);
    expect(noGoal.json().errors[0]).toMatchObject({ field: 'goal', message: 'Bitte nennen Sie das Ziel der Eingliederung' });
  });

  it('records contacts, counts missed appointments and refuses a stale contact update', async () => {
    const past = await pap.post(`/api/planning/persons/${personId}/contacts`, {
      kind: 'counselling',
      contactDate: addDays(today, -2),
      contactTime: '09:30',
    });
    expect(past.statusCode, past.body).toBe(201);
    const missed = await pap.patch(`/api/planning/contacts/${past.json().id}`, { version: 1, status: 'missed' });
    expect(missed.statusCode, missed.body).toBe(200);
    const again = await pap.patch(`/api/planning/contacts/${past.json().id}`, { version: 1, status: 'held' });
    expect(again.statusCode).toBe(409);
    const future = await pap.post(`/api/planning/persons/${personId}/contacts`, {
      kind: 'home_visit',
      contactDate: addDays(today, 5),
      contactTime: '14:00',
    });
    expect(future.statusCode).toBe(201);
    const heldInFuture = await pap.patch(`/api/planning/contacts/${future.json().id}`, { version: 1, status: 'held' });
    expect(heldInFuture.statusCode).toBe(422);
    const badTime = await pap.post(`/api/planning/persons/${personId}/contacts`, {
      kind: 'phone',
      contactDate: today,
      contactTime: '25:00',
    });
    expect(badTime.statusCode).toBe(422);
    expect(badTime.json().errors[0].field).toBe('contactTime');
    const v = (await pap.get(`/api/planning/persons/${personId}`)).json();
    expect(v.missedCount).toBe(1);
    expect(v.contacts).toHaveLength(2);
  });

  it("shows the team's agenda: due steps (not done ones), reviews in the horizon, planned appointments", async () => {
    const res = await pap.get('/api/planning/agenda?days=28');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a.steps.map((s: { description: string }) => s.description)).toEqual(['Drei Bewerbungen schreiben']);
    expect(a.reviews).toHaveLength(0); // three months ahead
    expect(a.appointments.map((x: { kindLabel: string }) => x.kindLabel)).toEqual(['Hausbesuch']);
    const wide = (await pap.get('/api/planning/agenda?days=120')).json();
    expect(wide.reviews).toHaveLength(1);
    expect(wide.steps).toHaveLength(2);
    const mine = (await teamleitung.get('/api/planning/agenda?days=120&mine=true')).json();
    expect(mine.steps).toHaveLength(0);
    const other = (await pap2.get('/api/planning/agenda?days=120')).json();
    expect(other.steps).toHaveLength(0);
  });

  it('a caseworker of another team gets 404 for the plan and cannot change it; benefit staff have no planning access', async () => {
    const res = await pap2.get(`/api/planning/persons/${personId}`);
    expect(res.statusCode).toBe(404);
    const unknown = await pap2.get('/api/planning/persons/0190a0a0-0000-7000-8000-000000000000');
    expect(res.json().detail).toBe(unknown.json().detail);
    expect((await pap2.put(`/api/planning/persons/${personId}/plan`, plan(2))).statusCode).toBe(404);
    expect((await pap2.get(`/api/planning/persons/${personId}/revisions/1`)).statusCode).toBe(404);
    const v = (await pap.get(`/api/planning/persons/${personId}`)).json();
    const contactId = v.contacts[0].id;
    const foreign = await pap2.patch(`/api/planning/contacts/${contactId}`, { version: 2, status: 'held' });
    expect(foreign.statusCode).toBe(404);
    const unknownContact = await pap2.patch('/api/planning/contacts/0190a0a0-0000-7000-8000-000000000000', {
      version: 2,
      status: 'held',
    });
    expect(foreign.json().detail).toBe(unknownContact.json().detail);
    expect((await leistung.get(`/api/planning/persons/${personId}`)).statusCode).toBe(403);
    expect((await leistung.get('/api/planning/agenda')).statusCode).toBe(403);
    expect((await pap.get('/api/planning/mitarbeit/analysis')).statusCode).toBe(403);
  });

  it('MitArbeit: reviews long-term recipients only, lists the team, aggregates and suppresses small groups in the export', async () => {
    const nord = t.tenant.teamIds['Team Wetzlar Nord'] as string;
    const notLzb = await pap.post(`/api/planning/persons/${shortId}/mitarbeit`, { reviewDate: today, reasons: ['health'] });
    expect(notLzb.statusCode).toBe(422);
    expect(notLzb.json().errors[0].message).toContain('Langzeitleistungsbeziehenden');
    const noReason = await pap.post(`/api/planning/persons/${personId}/mitarbeit`, { reviewDate: today, reasons: [] });
    expect(noReason.statusCode).toBe(422);
    const ok = await pap.post(`/api/planning/persons/${personId}/mitarbeit`, {
      reviewDate: today,
      reasons: ['care_duties', 'mobility'],
      note: 'Kita ab 8 Uhr',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const list = (await pap.get(`/api/planning/mitarbeit?teamId=${nord}`)).json();
    expect(list.rows.map((r: { personId: string }) => r.personId)).toEqual([personId]);
    expect(list.reviewed).toBe(1);
    const other = t.tenant.teamIds['Team Dillenburg'] as string;
    expect((await pap.get(`/api/planning/mitarbeit?teamId=${other}`)).statusCode).toBe(404);

    const a = (await controlling.get('/api/planning/mitarbeit/analysis')).json();
    expect(a.total).toMatchObject({ longTermRecipients: 1, reviewed: 1 });
    expect(a.total.counts.care_duties).toBe(1);
    expect(a.teams[0].teamName).toBe('Team Wetzlar Nord');
    const csv = await controlling.get('/api/planning/mitarbeit/analysis.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const line = csv.body.split('\r\n').find((l) => l.startsWith('Team Wetzlar Nord')) as string;
    expect(line).toContain('<5');
    expect(line).not.toMatch(/;1(;|$)/);
    const exported = await t.db.rows(sql`SELECT 1 FROM audit_log WHERE action = 'planning.analysis.export'`);
    expect(exported).toHaveLength(1);
    // a team lead sees only their own teams
    const lead = (await teamleitung.get('/api/planning/mitarbeit/analysis')).json();
    expect(lead.teams.every((x: { teamName: string }) => x.teamName.startsWith('Team Wetzlar'))).toBe(true);
  });

  it('finds occupations for the picker', async () => {
    const res = await pap.get('/api/planning/occupations?q=pflege');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((o: { code: string }) => o.code)).toContain('82102');
  });

  it("seeds demo plans, contacts and MitArbeit reviews for the eLb of the caseworkers' teams", async () => {
    const sued = t.tenant.teamIds['Team Wetzlar Süd'] as string;
    await person(teamleitung, '53201BG0000103', '532D000103', sued, '2016-03-01');
    const result = await seedPlanningDemo(t.db, t.tenant.tenantId, {
      seed: 3,
      staff: [{ id: t.tenant.staffIds.teamleitung as string, roles: ['pap'], teamIds: [sued] }],
      planShare: 1,
      reviewShare: 1,
    });
    expect(result).toMatchObject({ plans: 1, reviews: 1 });
    expect(result.steps).toBeGreaterThanOrEqual(3);
    const lead = (await teamleitung.get('/api/planning/agenda?days=365')).json();
    expect(lead.reviews.map((r: { customerNumber: string }) => r.customerNumber)).toContain('532D000103');
  });
});
