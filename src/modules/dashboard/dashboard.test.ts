import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';

/**
 * Dashboard and team report over the API: permissions, team scope (404 for another team), and the
 * exported CSV/XLSX with small groups suppressed. Data: six eLb in Team Wetzlar Nord since 2015
 * (five women, one man), so the team has a group of one (men) and its complement (women).
 */
let t: TestApp;
let nord: string;
let sued: string;
let dill: string;

async function addPerson(leistung: Agent, n: number, sex: 'm' | 'w', teamId: string) {
  const h = await leistung.post('/api/people/households', { number: `53201BG${String(n).padStart(7, '0')}`, teamId });
  expect(h.statusCode, h.body).toBe(201);
  const p = await leistung.post('/api/people/persons', {
    customerNumber: `532D${String(n).padStart(6, '0')}`,
    familyName: 'Muster',
    givenNames: `Person ${n}`,
    birthDate: '1980-01-01',
    sex,
    teamId,
    householdId: h.json().id,
    role: 'applicant',
    memberFrom: '2015-01-01',
  });
  expect(p.statusCode, p.body).toBe(201);
  const b = await leistung.post(`/api/people/persons/${p.json().id}/benefit-periods`, {
    validFrom: '2015-01-01',
    householdId: h.json().id,
    employable: true,
    personVersion: 1,
  });
  expect(b.statusCode, b.body).toBe(201);
}

beforeAll(async () => {
  t = await startTestApp();
  nord = t.tenant.teamIds['Team Wetzlar Nord'] as string;
  sued = t.tenant.teamIds['Team Wetzlar Süd'] as string;
  dill = t.tenant.teamIds['Team Dillenburg'] as string;
  const leistung = await Agent.login(t.app, 'leistung');
  for (let i = 1; i <= 6; i++) await addPerson(leistung, i, i === 1 ? 'm' : 'w', nord);
});
afterAll(() => t?.close());

describe('dashboard API', () => {
  it('controlling drills down from the Jobcenter to a site and a team, with a series per figure', async () => {
    const c = await Agent.login(t.app, 'controlling');
    const top = await c.get('/api/dashboard?month=2019-12');
    expect(top.statusCode, top.body).toBe(200);
    const view = top.json();
    expect(view.scope).toMatchObject({ key: 'tenant', label: 'Jobcenter insgesamt' });
    expect(view.children.map((s: { label: string }) => s.label)).toEqual(['Standort Dillenburg', 'Standort Wetzlar']);
    const series = (await c.get('/api/dashboard/series?month=2019-12&months=3')).json();
    expect(series.map((p: { month: string }) => p.month)).toEqual(['2019-10', '2019-11', '2019-12']);
    expect(series[2].values.K1E2).toBe(0);
    expect(series[2].values.K1).toBeNull(); // no payments recorded: no value
    const k1e2 = view.figures.find((f: { code: string }) => f.code === 'K1E2');
    expect(k1e2.values[0]).toMatchObject({ split: 'all', numerator: 6, denominator: 6, value: 0 });
    expect(k1e2.values.map((v: { split: string }) => v.split)).toContain('age:50plus');

    const site = view.children.find((s: { label: string }) => s.label === 'Standort Wetzlar');
    const siteView = (await c.get(`/api/dashboard?month=2019-12&scope=${site.key}`)).json();
    expect(siteView.breadcrumb.map((b: { label: string }) => b.label)).toEqual(['Jobcenter insgesamt', 'Standort Wetzlar']);
    expect(siteView.children.map((s: { key: string }) => s.key)).toContain(`team:${nord}`);
    const teamView = (await c.get(`/api/dashboard?month=2019-12&scope=team:${nord}`)).json();
    expect(teamView.breadcrumb.map((b: { label: string }) => b.label)).toEqual([
      'Jobcenter insgesamt',
      'Standort Wetzlar',
      'Team Wetzlar Nord',
    ]);
    expect(teamView.structure.find((s: { code: string }) => s.code === 'elb').values[0].numerator).toBe(6);
  });

  it('a team lead sees the Jobcenter and their own teams; another team is 404; a caseworker gets 403', async () => {
    const lead = await Agent.login(t.app, 'teamleitung');
    const top = (await lead.get('/api/dashboard?month=2019-12')).json();
    expect(top.children.map((s: { label: string }) => s.label)).toEqual(['Standort Wetzlar']);
    expect((await lead.get(`/api/dashboard?month=2019-12&scope=team:${sued}`)).statusCode).toBe(200);
    const other = await lead.get(`/api/dashboard?month=2019-12&scope=team:${dill}`);
    expect(other.statusCode).toBe(404);
    expect((await lead.get(`/api/dashboard/series?month=2019-12&scope=team:${dill}`)).statusCode).toBe(404);
    expect((await lead.get(`/api/dashboard/export?month=2019-12&format=csv&scope=team:${dill}`)).statusCode).toBe(404);
    const unknown = await lead.get('/api/dashboard?month=2019-12&scope=team:00000000-0000-7000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe(other.json().detail);
    const pap = await Agent.login(t.app, 'pap');
    expect((await pap.get('/api/dashboard?month=2019-12')).statusCode).toBe(403);
    expect((await pap.get('/api/dashboard/export?month=2019-12&format=csv')).statusCode).toBe(403);
  });

  it('CSV: German numbers, suppressed small groups with footnote, the complement hidden too', async () => {
    const c = await Agent.login(t.app, 'controlling');
    const res = await c.get(`/api/dashboard/export?month=2019-12&scope=team:${nord}&format=csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="kennzahlen-2019-12-team-.*\.csv"/);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Kennzahlen nach § 48a SGB II – Team Wetzlar Nord');
    expect(lines).toContain(
      'K1E2;Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten;insgesamt;6,0;6,0;0,0;Veränderung zum Vorjahresmonat',
    );
    expect(lines).toContain(
      'K1E2;Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten;Männer;•;•;•;Veränderung zum Vorjahresmonat',
    );
    // five women would be shown, but men = total − women: secondary suppression
    expect(lines).toContain(
      'K1E2;Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten;Frauen;•;•;•;Veränderung zum Vorjahresmonat',
    );
    expect(lines).toContain('Erwerbsfähige Leistungsberechtigte (Bestand am Stichtag);insgesamt;6;;;');
    expect(lines.some((l) => l.startsWith('• = Wert aus Gründen der statistischen Geheimhaltung'))).toBe(true);
  });

  it('XLSX: numbers stay numbers with number formats; suppressed cells show •', async () => {
    const c = await Agent.login(t.app, 'controlling');
    const res = await c.get(`/api/dashboard/export?month=2019-12&scope=team:${nord}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Kennzahlen');
    const rows: ExcelJS.Row[] = [];
    sheet?.eachRow((r) => rows.push(r));
    const all = rows.find((r) => r.getCell(1).value === 'K1E2' && r.getCell(3).value === 'insgesamt');
    expect(all?.getCell(4).value).toBe(6);
    expect(all?.getCell(4).numFmt).toBe('#,##0.0');
    expect(all?.getCell(6).value).toBe(0);
    expect(all?.getCell(6).numFmt).toBe('0.0%');
    const men = rows.find((r) => r.getCell(1).value === 'K1E2' && r.getCell(3).value === 'Männer');
    expect(men?.getCell(6).value).toBe('•');
  });
});

describe('team report API', () => {
  it('a team lead reads their team against the Jobcenter, with small groups suppressed; another team is 404', async () => {
    const lead = await Agent.login(t.app, 'teamleitung');
    const teams = (await lead.get('/api/team-reports/teams')).json();
    expect(teams.map((x: { name: string }) => x.name).sort()).toEqual(['Team Wetzlar Nord', 'Team Wetzlar Süd']);
    const res = await lead.get(`/api/team-reports/${nord}?month=2019-12`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.team.name).toBe('Team Wetzlar Nord');
    const elb = r.structure.find((s: { code: string }) => s.code === 'elb');
    expect(elb.team).toMatchObject({ numerator: 6, suppressed: false });
    expect(elb.jobcenter).toMatchObject({ numerator: 6, suppressed: false });
    expect(elb.perTeam).toBe(6); // only this team has a caseload
    expect(r.structure.find((s: { code: string }) => s.code === 'lzb_share').perTeam).toBeNull();
    const men = r.groups.find((g: { split: string }) => g.split === 'sex:m');
    expect(men.team).toEqual({ numerator: null, denominator: null, value: null, suppressed: true });
    expect(r.groups.find((g: { split: string }) => g.split === 'sex:w').team.suppressed).toBe(true);
    expect(r.groups.find((g: { split: string }) => g.split === 'age:25to49').team).toMatchObject({ numerator: 6, value: 100 });
    expect(r.footnotes[0]).toMatch(/statistischen Geheimhaltung/);
    expect((await lead.get(`/api/team-reports/${dill}?month=2019-12`)).statusCode).toBe(404);
    expect((await lead.get(`/api/team-reports/${dill}/export?month=2019-12&format=csv`)).statusCode).toBe(404);
  });

  it('a caseworker reads their own team only; controlling every team; CSV download', async () => {
    const pap = await Agent.login(t.app, 'pap');
    expect((await pap.get('/api/team-reports/teams')).json().map((x: { name: string }) => x.name)).toEqual(['Team Wetzlar Nord']);
    expect((await pap.get(`/api/team-reports/${nord}?month=2019-12`)).statusCode).toBe(200);
    expect((await pap.get(`/api/team-reports/${sued}?month=2019-12`)).statusCode).toBe(404);
    const c = await Agent.login(t.app, 'controlling');
    expect((await c.get(`/api/team-reports/${dill}?month=2019-12`)).statusCode).toBe(200);
    const csv = await pap.get(`/api/team-reports/${nord}/export?month=2019-12&format=csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split('\r\n');
    expect(lines).toContain('Männer;•;•;•;•');
    expect(lines).toContain('25 bis 49 Jahre;6;100,0;6;100,0');
    const leistung = await Agent.login(t.app, 'leistung');
    expect((await leistung.get(`/api/team-reports/${nord}?month=2019-12`)).statusCode).toBe(403);
  });
});
