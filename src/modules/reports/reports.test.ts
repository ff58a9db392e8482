import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, type TestApp } from '../../../test/support/app.ts';

/**
 * The Eingliederungsbericht on a small hand-built Jobcenter: 6 women and 2 men in receipt since 2015,
 * the women job-seeking (3 with and 3 without vocational qualification), one woman in § 16i employment.
 * Groups under five persons must be suppressed with a footnote in every format.
 */
describe('Eingliederungsbericht', () => {
  let t: TestApp;
  let controlling: Agent;
  const url = '/api/reports/eingliederungsbericht/2019';

  beforeAll(async () => {
    t = await startTestApp();
    const leistung = await Agent.login(t.app, 'leistung');
    const team = t.tenant.teamIds['Team Wetzlar Nord'] as string;
    const people = [...Array.from({ length: 6 }, () => 'w' as const), 'm' as const, 'm' as const];
    for (const [i, sex] of people.entries()) {
      const h = await leistung.post('/api/people/households', { number: `53201BG000000${i}`, teamId: team });
      const p = await leistung.post('/api/people/persons', {
        customerNumber: `532D00000${i}`,
        familyName: 'Muster',
        givenNames: 'Kim',
        birthDate: '1980-01-01',
        sex,
        teamId: team,
        householdId: h.json().id,
        role: 'applicant',
        memberFrom: '2015-01-01',
      });
      const id = p.json().id;
      let version = 1;
      const add = async (segment: string, body: Record<string, unknown>) => {
        const res = await leistung.post(`/api/people/persons/${id}/${segment}`, { ...body, personVersion: version });
        expect(res.statusCode, res.body).toBe(201);
        version += 1;
      };
      await add('benefit-periods', { validFrom: '2015-01-01', householdId: h.json().id, employable: true });
      if (sex === 'w') {
        await add('status-periods', { validFrom: '2015-01-01', kind: 'labour_market', value: 'unemployed' });
        await add('status-periods', {
          validFrom: '2015-01-01',
          kind: 'vocational_qualification',
          value: i < 3 ? 'vocational' : 'none',
        });
      }
      if (i === 0) await add('employments', { validFrom: '2019-03-01', kind: 'public_16i' });
    }
    controlling = await Agent.login(t.app, 'controlling');
  }, 60_000);
  afterAll(() => t.close());

  it('HTML: the structure of the seed report, German numbers, small groups suppressed with a footnote', async () => {
    const res = await controlling.get(`${url}?format=html`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    // shown as a page: the pages' policy (its inline styles), still never cached
    expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers['cache-control']).toBe('no-store');
    const html = res.body;
    for (const h of [
      '1 Porträt des Jobcenters',
      '2 Rahmenbedingungen',
      '2.3 Struktur der Leistungsberechtigten',
      '3 Strategische Ausrichtung der Förderung',
      '4 Einsatz des Eingliederungsbudgets',
      '5 Interne Organisationsentwicklung',
      '6 Der Weg zur Ko-Produktion',
      '7 Fazit',
    ])
      expect(html).toContain(h);
    // 8 eLb, 6 women (75,0\u00a0%), the 2 men suppressed
    expect(html).toContain('<th scope="row">Frauen</th><td class="num">6</td><td class="num">75,0\u00a0%</td>');
    expect(html).toContain('<th scope="row">Männer</th><td class="num">•</td><td class="num">•</td>');
    expect(html).toContain('<th scope="row">insgesamt</th><td class="num">8</td>');
    expect(html).toContain('weniger als 5 Personen');
    // the default text quotes the numbers through placeholders
    expect(html).toContain('Unter den 8 erwerbsfähigen Leistungsberechtigten (Stand: Dezember 2019)');
    expect(html).toContain('mehr Frauen (6 eLb) als Männer (• eLb)');
    // the one § 16i job is a group under five; modules without data say so
    expect(html).toMatch(/§ 16i SGB II<\/th><td class="num">•<\/td>/);
    expect(html).toContain(
      'Für das Eingliederungsbudget (Mittel und Ausgaben nach Instrumenten) liegen aus dem zuständigen Modul noch keine Daten vor.',
    );
    expect(html).toContain('<svg role="img"');
    expect(html).not.toMatch(/\{\{|\[\[/);
  });

  it('Excel: one sheet per table, numbers as numbers', async () => {
    const res = await controlling.get(`${url}?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('Eingliederungsbericht-2019.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.name.endsWith('geschlecht'));
    expect(sheet).toBeDefined();
    const rows = (sheet as ExcelJS.Worksheet).getSheetValues().filter(Boolean) as unknown[][];
    const women = rows.find((r) => r[1] === 'Frauen');
    expect(women?.[2]).toBe(6);
    expect(women?.[3]).toBe(75);
    expect(rows.find((r) => r[1] === 'Männer')?.[2]).toBe('•');
    expect(book.worksheets.length).toBeGreaterThanOrEqual(8);
  });

  it('Word: a valid document with real headings, tables and numbers; PDF with several pages', async () => {
    const docx = await controlling.get(`${url}?format=docx`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) as string;
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('2.3 Struktur der Leistungsberechtigten');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('75,0\u00a0%');
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);

    const pdf = await controlling.get(`${url}?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(5);
  });

  it('texts: defaults, save, 409 on a stale version, unknown placeholders refused, the saved text in the report', async () => {
    const list = await controlling.get(`${url}/texts`);
    expect(list.statusCode).toBe(200);
    const fazit = list.json().sections.find((s: { key: string }) => s.key === 'fazit');
    expect(fazit).toMatchObject({ isDefault: true, version: 0 });
    expect(list.json().placeholders).toContain('elb.dezember');

    const body = 'Ende {{jahr}}: {{elb.dezember}} eLb, davon {{elb.frauen}} Frauen.';
    const saved = await controlling.put(`${url}/texts/fazit`, { body, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, version: 1, body });
    // a second writer who still had the default
    const stale = await controlling.put(`${url}/texts/fazit`, { body: 'anders', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(1);
    const again = await controlling.put(`${url}/texts/fazit`, { body: `${body} Gut.`, version: 1 });
    expect(again.json().version).toBe(2);
    expect((await controlling.put(`${url}/texts/fazit`, { body: 'x', version: 1 })).statusCode).toBe(409);

    const unknown = await controlling.put(`${url}/texts/fazit`, { body: '{{gibtsnicht}}', version: 2 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body' });
    expect(unknown.json().errors[0].message).toContain('{{gibtsnicht}}');
    expect((await controlling.put(`${url}/texts/gibtsnicht`, { body: 'x', version: 0 })).statusCode).toBe(422);

    const html = (await controlling.get(`${url}?format=html`)).body;
    expect(html).toContain('Ende 2019: 8 eLb, davon 6 Frauen. Gut.');
    // other years keep their own texts
    const other = (await controlling.get('/api/reports/eingliederungsbericht/2018/texts')).json();
    expect(other.sections.find((s: { key: string }) => s.key === 'fazit').isDefault).toBe(true);
  });

  it('only controlling, board and administration: a caseworker is refused; a malformed year is a 422', async () => {
    const pap = await Agent.login(t.app, 'pap');
    expect((await pap.get(`${url}?format=html`)).statusCode).toBe(403);
    expect((await pap.get(`${url}/texts`)).statusCode).toBe(403);
    expect((await pap.put(`${url}/texts/fazit`, { body: 'x', version: 0 })).statusCode).toBe(403);
    const vorstand = await Agent.login(t.app, 'vorstand');
    expect((await vorstand.get(`${url}?format=json`)).statusCode).toBe(200);
    const bad = await controlling.get('/api/reports/eingliederungsbericht/19?format=html');
    expect(bad.statusCode).toBe(422);
  });
});
