import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/dates.ts';
import { apiAs, type E2E, expectAccessible, expectPage, login, startE2E } from './support/browser.ts';

/**
 * The caseworker's planning loop in the browser: open a long-term recipient, record the potential
 * analysis and a plan with three steps (one first without owner: the German message appears), see
 * the agenda show the due steps, print the plan; a contact; the MitArbeit review; axe on every page.
 */

let e2e: E2E;
let personId: string;

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

beforeAll(async () => {
  e2e = await startE2E();
  const { teamIds, staffIds } = e2e.server.tenant;
  const leistung = await apiAs(e2e.url, 'leistung');
  const { id: householdId } = await leistung.post<{ id: string }>('/api/people/households', {
    number: '53201BG0000077',
    teamId: teamIds['Team Wetzlar Nord'],
    caseworkerId: staffIds.pap,
    benefitOfficerId: staffIds.leistung,
  });
  ({ id: personId } = await leistung.post<{ id: string }>('/api/people/persons', {
    customerNumber: '532D000077',
    familyName: 'Keller',
    givenNames: 'Jana',
    birthDate: '1984-02-02',
    sex: 'w',
    teamId: teamIds['Team Wetzlar Nord'],
    householdId,
    role: 'applicant',
    memberFrom: '2017-01-01',
  }));
  await leistung.post(`/api/people/persons/${personId}/benefit-periods`, {
    validFrom: '2017-01-01',
    householdId,
    employable: true,
    personVersion: 1,
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
const rowTexts = (page: Page, name: string) =>
  page
    .getByRole('region', { name, exact: true })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => (r.textContent ?? '').replace(/\s+/g, ' ').trim()));

describe('Integrationsplanung (pAp)', () => {
  it('records the potential analysis and a plan with three steps, and the agenda shows the due steps', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await expectPage(page, 'Guten Tag, Petra Albers');

    // open the long-term recipient: the person page has the planning section with its link
    await page.goto(`/personen/${personId}`);
    await expectPage(page, 'Keller, Jana');
    const section = page.getByRole('region', { name: 'Integrationsplanung' });
    await section.getByText('Für diese Person gibt es noch keinen Plan.').waitFor();
    await section.getByRole('link', { name: 'Integrationsplanung öffnen' }).click();
    await expectPage(page, 'Integrationsplanung: Keller, Jana');
    await page.getByText('Langzeitleistungsbeziehend (LZB)', { exact: false }).first().waitFor();

    await page.getByRole('button', { name: 'Plan erfassen' }).click();
    const form = page.getByRole('form', { name: 'Plan erfassen' });
    await form.getByLabel('Datum des Plans').waitFor();
    expect(await form.getByLabel('Datum des Plans').inputValue()).toBe(today());
    await form.getByLabel('Stärken').fill('Zuverlässig, kennt sich in Wetzlar gut aus');
    await form.getByLabel('Berufliche Fähigkeiten').fill('Staplerschein, fünf Jahre Lagerarbeit');
    await form.getByRole('checkbox', { name: 'Kinderbetreuung' }).check();
    await form.getByLabel('Hemmnisse (Freitext)').fill('Kita öffnet erst um 8 Uhr');
    await form.getByLabel('Ziel der Eingliederung').fill('Teilzeitstelle im Lager ab 9 Uhr');
    // the occupation picker: a code typed in, with its requirement level derived
    await form.getByLabel('Zielberuf suchen oder KldB-Code eingeben').fill('51312');
    await form.getByRole('button', { name: 'Zielberuf hinzufügen' }).click();
    await form.getByText('Lagerwirtschaft und Logistik – Fachkraft').waitFor();
    await form.getByLabel('In eigenen Worten', { exact: false }).fill('Ich will wieder arbeiten, aber erst ab 9 Uhr.');

    const step = (n: number) => form.getByRole('group', { name: `Schritt ${n}`, exact: true });
    await step(1).getByLabel('Was ist zu tun?').fill('Drei Bewerbungen schreiben');
    await step(1).getByLabel('Zuständig').selectOption({ label: 'Kundin/Kunde' });
    await step(1).getByLabel('Fällig am').fill(addDays(today(), 7));
    await form.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await step(2).getByLabel('Was ist zu tun?').fill('Kita-Zeiten mit der Fachstelle klären');
    await step(2).getByLabel('Fällig am').fill(addDays(today(), 3));
    await form.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await step(3).getByLabel('Was ist zu tun?').fill('Förderung des Führerscheins prüfen');
    await step(3).getByLabel('Zuständig').selectOption({ label: 'Jobcenter' });
    await step(3).getByLabel('Fällig am').fill(addDays(today(), 60));

    // step 2 has no owner: the server's German message, at the field and in the summary
    await form.getByRole('button', { name: 'Plan speichern (neue Fassung)' }).click();
    await form
      .locator('.error-summary')
      .getByText('Schritt 2 – Zuständig: Schritt 2: Bitte wählen Sie, wer zuständig ist (Kundin/Kunde oder Jobcenter).')
      .waitFor();
    expect(await step(2).getByLabel('Zuständig').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Plan mit Fehler');

    await step(2).getByLabel('Zuständig').selectOption({ label: 'Jobcenter' });
    await form.getByRole('button', { name: 'Plan speichern (neue Fassung)' }).click();
    await page.getByRole('status').getByText('Der Plan wurde als neue Fassung gespeichert.').waitFor();
    await page.getByRole('heading', { name: `Kooperationsplan vom ${german(today())}` }).waitFor();
    await expect.poll(() => rowTexts(page, 'Vereinbarte Schritte')).toHaveLength(3);
    const steps = await rowTexts(page, 'Vereinbarte Schritte');
    expect(steps[1]).toBe(`Kita-Zeiten mit der Fachstelle klärenJobcenter${german(addDays(today(), 3))}offen`);
    await page.getByText('51312 Lagerwirtschaft und Logistik – Fachkraft').waitFor();
    await expectAccessible(page, 'Integrationsplanung mit Plan');

    // a counselling appointment next week
    await page.getByRole('button', { name: 'Kontakt oder Termin erfassen' }).click();
    const contact = page.getByRole('form', { name: 'Kontakt oder Termin erfassen' });
    await contact.getByLabel('Datum').fill(addDays(today(), 2));
    await contact.getByLabel('Uhrzeit').fill('10:30');
    await contact.getByRole('button', { name: 'Kontakt speichern' }).click();
    await page.getByRole('status').getByText('Der Kontakt wurde gespeichert.').waitFor();

    // the printable plan, in plain German
    await page.getByRole('link', { name: 'Plan für die Kundin / den Kunden drucken' }).click();
    await expectPage(page, 'Ihr Kooperationsplan');
    await page.getByRole('heading', { name: 'Das tun wir – und bis wann' }).waitFor();
    await page.getByRole('cell', { name: 'Sie', exact: true }).waitFor();

    // the agenda: the two steps due within four weeks, the appointment, nothing of the step in 60 days
    await nav(page, 'Meine Termine und Fristen');
    await expectPage(page, 'Meine Termine und Fristen');
    await expect
      .poll(() => rowTexts(page, 'Fällige Schritte'))
      .toEqual([
        `${german(addDays(today(), 3))}Keller, JanaKita-Zeiten mit der Fachstelle klärenJobcenter`,
        `${german(addDays(today(), 7))}Keller, JanaDrei Bewerbungen schreibenKundin/Kunde`,
      ]);
    expect(await rowTexts(page, 'Termine')).toEqual([
      `${german(addDays(today(), 2))}, 10:30Keller, JanaBeratungsgesprächPetra Albers`,
    ]);
    await page.getByLabel('Zeitraum in Tagen').selectOption('365');
    await expect.poll(() => rowTexts(page, 'Fällige Schritte')).toHaveLength(3);
    await expect.poll(() => rowTexts(page, 'Fällige Überprüfungen')).toHaveLength(1);
    await expectAccessible(page, 'Termine, 365 Tage');
  });

  it('records a MitArbeit review for the long-term recipient; controlling sees only the counts', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await page.goto(`/personen/${personId}/integrationsplanung`);
    await expectPage(page, 'Integrationsplanung: Keller, Jana');
    await page.getByRole('button', { name: 'MitArbeit-Prüfung anlegen' }).click();
    const form = page.getByRole('form', { name: 'MitArbeit-Prüfung' });
    await form.getByRole('checkbox', { name: 'Kinderbetreuung oder Pflege Angehöriger' }).check();
    await form.getByRole('checkbox', { name: 'Eingeschränkte Mobilität', exact: false }).check();
    await form.getByRole('button', { name: 'Prüfung speichern' }).click();
    await page.getByRole('status').getByText('Die MitArbeit-Prüfung wurde gespeichert.').waitFor();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'MitArbeit', exact: true }).click();
    await expectPage(page, 'MitArbeit: Langzeitleistungsbeziehende prüfen');
    await page.getByRole('status').getByText('1 von 1 geprüft').waitFor();

    const lead = await e2e.newPage();
    await login(lead, 'controlling');
    await nav(lead, 'MitArbeit-Auswertung');
    await expectPage(lead, 'MitArbeit-Auswertung');
    const rows = await lead
      .getByRole('region', { name: /^Gründe je Team/ })
      .locator('tbody tr')
      .evaluateAll((r) => r.map((x) => (x.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual(['Team Wetzlar Nord1111', 'Gesamt1111']);
    await lead.getByRole('link', { name: 'Als CSV herunterladen (Gruppen unter 5 unterdrückt)' }).waitFor();
  });
});
