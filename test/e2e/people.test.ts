import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatEuro, parseEuro } from '../../web/src/lib/money.ts';
import { apiAs, type E2E, expectAccessible, expectPage, login, navLinks, startE2E } from './support/browser.ts';

/**
 * The caseworker's screens for people: search, person page with history and timeline, household page,
 * caseload, the create forms, and the data import. Data is prepared through the API as benefit staff.
 */

let e2e: E2E;
let personId: string;
let householdId: string;
const HOUSEHOLD = '53201BG0000042';
const CUSTOMER = '532D000042';

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

beforeAll(async () => {
  e2e = await startE2E();
  const { teamIds, staffIds } = e2e.server.tenant;
  const leistung = await apiAs(e2e.url, 'leistung');
  ({ id: householdId } = await leistung.post<{ id: string }>('/api/people/households', {
    number: HOUSEHOLD,
    teamId: teamIds['Team Wetzlar Nord'],
    caseworkerId: staffIds.pap,
    benefitOfficerId: staffIds.leistung,
  }));
  ({ id: personId } = await leistung.post<{ id: string }>('/api/people/persons', {
    customerNumber: CUSTOMER,
    familyName: 'Müller',
    givenNames: 'Sabine',
    birthDate: '1985-03-14',
    sex: 'w',
    teamId: teamIds['Team Wetzlar Nord'],
    householdId,
    role: 'applicant',
    memberFrom: '2022-01-01',
  }));
  const record = await leistung.get<{ person: { version: number } }>(`/api/people/persons/${personId}`);
  await leistung.post(`/api/people/persons/${personId}/benefit-periods`, {
    validFrom: '2022-01-01',
    householdId,
    employable: true,
    personVersion: record.person.version,
  });
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(() => {
  expect(e2e.pageErrors).toEqual([]);
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name, exact: true });
/** The rows of a table region as text, one string per row (header row excluded). */
const rowTexts = (page: Page, name: string | RegExp) =>
  region(page, name)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim()));

describe('Euro amounts', () => {
  it('German input is read exactly as cents; more than two decimals are refused', () => {
    expect(parseEuro('1.033,00')).toEqual({ ok: true, cents: 103300 });
    expect(parseEuro('1033')).toEqual({ ok: true, cents: 103300 });
    expect(parseEuro('12,5 €')).toEqual({ ok: true, cents: 1250 });
    expect(parseEuro('0,07')).toEqual({ ok: true, cents: 7 });
    expect(parseEuro('1.234.567,89')).toEqual({ ok: true, cents: 123456789 });
    expect(parseEuro('1,005')).toEqual({ ok: false, message: 'Bitte höchstens zwei Nachkommastellen angeben (Cent).' });
    expect(parseEuro('10.50').ok).toBe(false);
    expect(parseEuro('-3,00').ok).toBe(false);
    expect(parseEuro('').ok).toBe(false);
    expect(formatEuro(103300)).toBe('1.033,00\u00a0€');
  });
});

describe('Personen (pAp)', () => {
  it('finds a person by a misspelt name, records a job start, and sees it in the table and the timeline', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await expectPage(page, 'Guten Tag, Petra Albers');
    expect(await navLinks(page)).toEqual([
      'Startseite',
      'Personen',
      'Fallbestand',
      'Meine Termine und Fristen',
      'MitArbeit',
      'Maßnahmen',
      'Geförderte Beschäftigung',
      'Teamreport',
    ]);
    await nav(page, 'Personen');
    await expectPage(page, 'Personen suchen');

    // keyboard: type, Enter; the search text never enters the address
    await page.getByLabel('Suchbegriff').fill('Mülller');
    await page.keyboard.press('Enter');
    const hit = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Müller' }) });
    await hit.waitFor();
    const text = (await hit.textContent()) ?? '';
    for (const part of ['Sabine', '14.03.1985', CUSTOMER, HOUSEHOLD, 'Team Wetzlar Nord']) expect(text).toContain(part);
    await page.getByRole('status').getByText('Suchergebnis: 1 Treffer').waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/personen');
    await expectAccessible(page, 'Personen suchen, mit Treffer');

    await hit.getByRole('link', { name: 'Müller' }).focus();
    await page.keyboard.press('Enter');
    await expectPage(page, 'Müller, Sabine');
    expect(new URL(page.url()).pathname).toBe(`/personen/${personId}`);
    const facts = await page.getByRole('list', { name: /^Merkmale am/ }).textContent();
    expect(facts).toContain('erwerbsfähige/r Leistungsberechtigte/r');
    expect(facts).toContain('Langzeitleistungsbezug');
    const household = region(page, 'Bedarfsgemeinschaft');
    await household.getByRole('link', { name: HOUSEHOLD }).waitFor();
    for (const who of ['Petra Albers', 'Lars Engel', 'Team Wetzlar Nord (Wetzlar)']) await household.getByText(who).waitFor();

    // "back" shows the same results again (kept in the history entry, not in the address)
    await page.goBack();
    await expectPage(page, 'Personen suchen');
    expect(await page.getByLabel('Suchbegriff').inputValue()).toBe('Mülller');
    await hit.waitFor();
    await page.goForward();
    await expectPage(page, 'Müller, Sabine');

    // a new job: Beschäftigung, sozialversicherungspflichtig, from the first of this month, 19,5 hours
    const start = `${today().slice(0, 8)}01`;
    const jobs = region(page, 'Beschäftigungen');
    await jobs.getByText('Keine Zeiträume erfasst.').waitFor();
    await jobs.getByRole('button', { name: 'Zeitraum erfassen' }).click();
    await jobs.getByRole('heading', { name: 'Beschäftigung: Zeitraum erfassen' }).waitFor();
    await jobs.getByLabel('Art der Beschäftigung').selectOption({ label: 'sozialversicherungspflichtige Beschäftigung' });
    // a start before the birth: the server's message appears at the field
    await jobs.getByLabel('Beginn', { exact: true }).fill('1980-01-01');
    await jobs.getByLabel('Wochenstunden').fill('19,5');
    await jobs.getByRole('button', { name: 'Speichern' }).click();
    await jobs.locator('.error-summary').getByText('Beginn: Beginn liegt vor der Geburt').waitFor();
    expect(await jobs.getByLabel('Beginn', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Beschäftigung mit Fehler');

    await jobs.getByLabel('Beginn', { exact: true }).fill(start);
    await jobs.getByRole('button', { name: 'Speichern' }).click();
    await jobs.getByRole('status').getByText('Der Zeitraum wurde gespeichert.').waitFor();
    await expect.poll(() => rowTexts(page, 'Beschäftigungen')).toHaveLength(1);
    const [job] = await rowTexts(page, 'Beschäftigungen');
    expect(job).toMatch(new RegExp(`^seit ${german(start)}sozialversicherungspflichtige Beschäftigung19,5–berichtigen`));
    const timeline = await rowTexts(page, 'Verlauf, neueste Einträge zuerst');
    expect(timeline[0]).toBe(`${german(start)}BeginnBeschäftigungsozialversicherungspflichtige Beschäftigung`);
    expect(timeline).toContain('01.01.2022BeginnLeistungsbezugLeistungsbezug als eLb');
    await expectAccessible(page, 'Person mit neuer Beschäftigung');

    // a status, shown in the header, then deleted after a confirmation
    const status = region(page, 'Status');
    await status.getByRole('button', { name: 'Zeitraum erfassen' }).click();
    await status.getByLabel('Art des Status').selectOption({ label: 'Arbeitsmarktstatus' });
    await status.getByLabel('Wert').selectOption({ label: 'arbeitslos' });
    await status.getByLabel('Beginn', { exact: true }).fill('2022-01-01');
    await status.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('list', { name: 'Aktueller Status' }).getByText('Arbeitsmarktstatus: arbeitslos').waitFor();
    await status.getByRole('button', { name: /^löschen/ }).click();
    await status.getByText('wirklich gelöscht werden?', { exact: false }).waitFor();
    await expectAccessible(page, 'Status löschen, Rückfrage');
    await status.getByRole('button', { name: 'Ja, Zeitraum löschen' }).click();
    await status.getByRole('status').getByText('Der Zeitraum wurde gelöscht.').waitFor();
    await status.getByText('Keine Zeiträume erfasst.').waitFor();
    expect(await page.getByRole('list', { name: 'Aktueller Status' }).count()).toBe(0);

    // another purpose of the read: the page reloads the record, the audit log records the purpose
    await page.getByLabel('Zweck des Aufrufs').selectOption({ label: 'Fallbesprechung / Prüfung' });
    await page.getByRole('button', { name: 'Mit diesem Zweck neu laden' }).click();
    await expect
      .poll(async () => {
        const { rows } = (await e2e.server.db.orm.execute(
          sql`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = ${e2e.server.tenant.tenantId}
                AND entity_id = ${personId} AND action = 'person.read' AND purpose = 'review'`,
        )) as unknown as { rows: { n: number }[] };
        return rows[0]?.n;
      })
      .toBe(1);
    await expectPage(page, 'Müller, Sabine');
  });

  it('a conflicting edit of the master data names the changed fields, keeps the input, and can be redone', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await page.goto(`/personen/${personId}`);
    await expectPage(page, 'Müller, Sabine');
    const card = region(page, 'Stammdaten');
    await card.getByRole('button', { name: 'Stammdaten bearbeiten' }).click();
    await card.getByLabel('Telefon').fill('06441 99999');

    // meanwhile a colleague records the city
    const other = await apiAs(e2e.url, 'pap');
    const current = await other.get<{ person: { version: number } }>(`/api/people/persons/${personId}`);
    await other.patch(`/api/people/persons/${personId}`, { city: 'Wetzlar', version: current.person.version });

    await card.getByRole('button', { name: 'Speichern' }).click();
    const alert = card.getByRole('alert');
    await alert.getByText('Inzwischen geändert').waitFor();
    await alert.getByText('Diese Person wurde inzwischen von jemand anderem geändert.', { exact: false }).waitFor();
    const changed = (await card.getByTestId('geaenderte-felder').textContent()) ?? '';
    expect(changed).toContain('Ort');
    expect(changed).toContain('Telefon');
    expect(await card.getByLabel('Telefon').inputValue()).toBe('06441 99999');
    await expectAccessible(page, 'Stammdaten mit Konflikt');

    await card.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
    await expect.poll(() => card.getByLabel('Ort (freiwillig)', { exact: true }).inputValue()).toBe('Wetzlar');
    await card.getByLabel('Telefon').fill('06441 99999');
    await card.getByRole('button', { name: 'Speichern' }).click();
    await card.getByRole('status').getByText('Die Stammdaten wurden gespeichert.').waitFor();
    await card.getByText('06441 99999').waitFor();
    await card.getByText('Wetzlar').waitFor();
  });

  it('a pAp of another team gets the German not-found page, and the denied access is audited', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap2');
    await page.goto(`/personen/${personId}`);
    await expectPage(page, 'Seite nicht gefunden');
    await page.getByText('Diese Person gibt es nicht oder sie liegt nicht in Ihrem Zuständigkeitsbereich.').waitFor();
    const { rows } = (await e2e.server.db.orm.execute(
      sql`SELECT action, entity_type AS "entityType", outcome FROM audit_log
           WHERE tenant_id = ${e2e.server.tenant.tenantId} AND actor_id = ${e2e.server.tenant.staffIds.pap2}
             AND entity_id = ${personId}`,
    )) as unknown as { rows: { action: string; entityType: string; outcome: string }[] };
    expect(rows).toContainEqual({ action: 'person.read', entityType: 'person', outcome: 'denied' });
  });
});

describe('Bedarfsgemeinschaft und Fallbestand (Leistung)', () => {
  it('caseload with filters; household page with amounts in euros; new member and new household', async () => {
    const page = await e2e.newPage();
    await login(page, 'leistung');
    await nav(page, 'Fallbestand');
    await expectPage(page, 'Fallbestand');
    const caption = `Fallbestand Team Wetzlar Nord am ${german(today())}`;
    await expect.poll(() => rowTexts(page, caption)).toHaveLength(1);
    expect((await rowTexts(page, caption))[0]).toContain('Müller, Sabine');
    expect((await rowTexts(page, caption))[0]).toContain('LZB');
    await page.getByLabel('im Langzeitleistungsbezug sind (LZB) (1)').check();
    await page.getByRole('status').getByText('1 von 1 eLb im Team Wetzlar Nord').waitFor();
    await page.getByLabel('unter 25 sind (U25) (0)').check();
    await page.getByText('Keine Personen, auf die alle gewählten Angaben zutreffen.').waitFor();
    await expectAccessible(page, 'Fallbestand, gefiltert');

    await page.goto(`/bedarfsgemeinschaften/${householdId}`);
    await expectPage(page, `Bedarfsgemeinschaft ${HOUSEHOLD}`);
    const amounts = region(page, 'Monatliche Ansprüche');
    await amounts.getByRole('button', { name: 'Monatsbeträge erfassen' }).click();
    await amounts.getByLabel('Monat', { exact: true }).fill('2025-01');
    await amounts.getByLabel('Regelbedarf').fill('1.033,005');
    await amounts.getByLabel('Mehrbedarfe').fill('148');
    await amounts.getByLabel('Kosten der Unterkunft').fill('620,00');
    await amounts.getByRole('button', { name: 'Speichern' }).click();
    await amounts
      .locator('.error-summary')
      .getByText('Regelbedarf: Bitte höchstens zwei Nachkommastellen angeben (Cent).')
      .waitFor();
    await expectAccessible(page, 'Beträge mit Fehler');
    await amounts.getByLabel('Regelbedarf').fill('1.033,00');
    await amounts.getByRole('button', { name: 'Speichern' }).click();
    await amounts.getByRole('status').getByText('Die Beträge wurden gespeichert.').waitFor();
    expect(await rowTexts(page, 'Monatliche Ansprüche in Euro, neueste zuerst')).toEqual([
      'Januar 20251.033,00 €148,00 €620,00 €1.801,00 €ändern: Januar 2025',
    ]);
    const leistung = await apiAs(e2e.url, 'leistung');
    const stored = await leistung.get<{ payments: unknown[] }>(`/api/people/households/${householdId}`);
    expect(stored.payments).toEqual([{ month: '2025-01', standardCents: 103300, additionalCents: 14800, housingCents: 62000 }]);

    // a child, created from the household page
    await page.getByRole('link', { name: 'Neue Person anlegen und aufnehmen' }).click();
    await expectPage(page, 'Person anlegen');
    await page.getByText(`Die Person wird Mitglied der Bedarfsgemeinschaft ${HOUSEHOLD}.`).waitFor();
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.locator('.error-summary').getByText('Kundennummer: Bitte füllen Sie „Kundennummer“ aus.').waitFor();
    await expectAccessible(page, 'Person anlegen mit Fehlern');
    await page.getByLabel('Kundennummer').fill('532D000043');
    await page.getByLabel('Nachname').fill('Müller');
    await page.getByLabel('Vorname').fill('Lena');
    await page.getByLabel('Geburtsdatum').fill('2010-06-01');
    await page.getByLabel('Geschlecht').selectOption({ label: 'weiblich' });
    await page.getByLabel('Rolle').selectOption({ label: 'Kind' });
    await page.getByLabel('Mitglied seit').fill('2022-01-01');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByRole('status').getByText('Die Person wurde angelegt.').waitFor();
    await expectPage(page, 'Müller, Lena');
    await region(page, 'Bedarfsgemeinschaft').getByRole('link', { name: HOUSEHOLD }).click();
    await expectPage(page, `Bedarfsgemeinschaft ${HOUSEHOLD}`);
    await expect.poll(async () => (await rowTexts(page, 'Mitglieder im Zeitverlauf')).length).toBe(2);

    // a person without household joins (found by customer number); the child's membership ends today
    await leistung.post('/api/people/persons', {
      customerNumber: '532D000044',
      familyName: 'Müller',
      givenNames: 'Tom',
      birthDate: '2012-09-09',
      sex: 'm',
      teamId: e2e.server.tenant.teamIds['Team Wetzlar Nord'],
    });
    const members = region(page, 'Mitglieder im Zeitverlauf');
    await members.getByRole('button', { name: 'Mitglied aufnehmen' }).click();
    await members.getByLabel('Kundennummer der Person').fill('532d000099');
    await members.getByRole('button', { name: 'Person suchen' }).click();
    await members.getByText('Keine Person mit dieser Kundennummer in Ihrem Zuständigkeitsbereich gefunden.').waitFor();
    await members.getByLabel('Kundennummer der Person').fill('532d000044');
    await members.getByRole('button', { name: 'Person suchen' }).click();
    await members.getByText('Müller, Tom').waitFor();
    await members.getByLabel('Rolle').selectOption({ label: 'Kind' });
    await members.getByLabel('Beginn', { exact: true }).fill('2024-03-01');
    await expectAccessible(page, 'Mitglied aufnehmen');
    await members.getByRole('button', { name: 'Mitglied aufnehmen' }).click();
    await members.getByRole('status').getByText('Die Person wurde in die Bedarfsgemeinschaft aufgenommen.').waitFor();
    await expect.poll(async () => (await rowTexts(page, 'Mitglieder im Zeitverlauf')).length).toBe(3);
    await members.getByRole('button', { name: /^Mitgliedschaft beenden.*Lena/ }).click();
    await members.getByRole('button', { name: 'Mitgliedschaft beenden', exact: true }).click();
    await members.getByRole('status').getByText('Die Mitgliedschaft wurde beendet.').waitFor();
    expect((await rowTexts(page, 'Mitglieder im Zeitverlauf')).find((r) => r.includes('Lena'))).toContain(
      `01.01.2022 – ${german(today())}`,
    );

    // the tandem: no pAp for now
    const tandem = region(page, 'Tandem');
    await tandem.getByRole('button', { name: 'Team und Tandem ändern' }).click();
    await tandem.getByLabel('pAp (Integrationsfachkraft)').selectOption({ label: 'nicht zugeordnet' });
    await tandem.getByRole('button', { name: 'Speichern' }).click();
    await tandem.getByRole('status').getByText('Team und Tandem wurden gespeichert.').waitFor();
    expect(await tandem.locator('dl').textContent()).toContain('pAp (Integrationsfachkraft)nicht zugeordnet');

    // a new household from the search page
    await nav(page, 'Personen');
    await expectPage(page, 'Personen suchen');
    await page.getByRole('link', { name: 'Bedarfsgemeinschaft anlegen' }).click();
    await expectPage(page, 'Bedarfsgemeinschaft anlegen');
    await page.getByLabel('BG-Nummer').fill('53201bg0000043');
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Team Wetzlar Nord' });
    await page.getByLabel('pAp (Integrationsfachkraft)').selectOption({ label: 'Petra Albers' });
    await expect.poll(() => page.getByLabel('Leistungssachbearbeitung').inputValue()).toBe(e2e.server.tenant.staffIds.leistung);
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.getByRole('status').getByText('Die Bedarfsgemeinschaft 53201BG0000043 wurde angelegt.').waitFor();
    await expectPage(page, 'Bedarfsgemeinschaft 53201BG0000043');
  });
});

describe('Datenimport (Administration)', () => {
  it('shows every problem of a file with a planted error, then imports the clean files', async () => {
    const dir = path.resolve('test/fixtures/exchange-small');
    const clean = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((name) => ({ name, mimeType: 'text/csv', buffer: fs.readFileSync(path.join(dir, name)) }));
    // persons.csv with an impossible birth date in its third line (the second person)
    const planted = clean.map((f) =>
      f.name === 'persons.csv'
        ? {
            ...f,
            buffer: Buffer.from(
              f.buffer.toString('utf8').replace('532D000002;Müller;Lena;2010-06-01', '532D000002;Müller;Lena;31.02.2010'),
            ),
          }
        : f,
    );
    expect(planted.find((f) => f.name === 'persons.csv')?.buffer.toString('utf8')).toContain('31.02.2010');

    const page = await e2e.newPage();
    await login(page, 'admin');
    expect(await navLinks(page)).toEqual([
      'Startseite',
      'Maßnahmen',
      'Budget',
      'Kennzahlen',
      'Zielvereinbarung',
      'Teamreport',
      'Eingliederungsbericht',
      'Teams',
      'Mitarbeitende',
      'Datenimport',
      'Protokoll',
    ]);
    await nav(page, 'Datenimport');
    await expectPage(page, 'Datenimport');
    // the format description (docs/import-format.md) is one link away
    await page.getByText('Aufbau der Dateien').click();
    await page.getByRole('link', { name: 'Beschreibung des Austauschformats', exact: false }).click();
    await expectPage(page, 'Austauschformat: Daten eines Jobcenters als CSV-Dateien');
    expect(await rowTexts(page, 'Spalten: persons.csv: Personen')).toContain('birth_datejaGeburtsdatum');
    await page.getByRole('link', { name: 'Zurück zum Datenimport' }).click();
    await expectPage(page, 'Datenimport');

    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page.locator('.error-summary').getByText('CSV-Dateien: Bitte wählen Sie mindestens eine CSV-Datei aus.').waitFor();

    await page.getByLabel('CSV-Dateien').setInputFiles(planted);
    await page.getByTestId('ausgewaehlte-dateien').getByText('12 Dateien ausgewählt', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page
      .getByRole('alert')
      .getByText(/^Die Dateien enthalten \d+ Fehler$/)
      .waitFor();
    const problems = await rowTexts(page, /^Gefundene Fehler \(\d+\)$/);
    expect(problems.some((p) => p.startsWith('persons.csv3birth_date'))).toBe(true);
    await expectAccessible(page, 'Datenimport mit Fehlern');

    await page.getByLabel('CSV-Dateien').setInputFiles(clean);
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page.getByText('Prüfung ohne Fehler').waitFor();
    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.getByText('Import abgeschlossen').waitFor();
    const counts = await rowTexts(page, 'Ergebnis nach Satzart');
    expect(counts).toContain('Personen70–');
    expect(counts).toContain('Bedarfsgemeinschaften30–');
    await expectAccessible(page, 'Datenimport abgeschlossen');
    const [row] = (
      (await e2e.server.db.orm.execute(
        sql`SELECT count(*)::int AS n FROM persons WHERE tenant_id = ${e2e.server.tenant.tenantId} AND customer_number LIKE '532D00000%'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(row?.n).toBe(7);
  });
});
