import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedMeasureCatalogue } from '../../src/modules/measures/catalogue.ts';
import { apiAs, type E2E, expectAccessible, expectPage, login, startE2E } from './support/browser.ts';

/**
 * The caseworker's measure loop in the browser: a long-term recipient is proposed JobAktiv, agrees,
 * enters and leaves for a job; the person page and the measure's weekly occupancy show it.
 */

let e2e: E2E;
let personId: string;
let measureIds: Record<string, string>;

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name, exact: true });

beforeAll(async () => {
  e2e = await startE2E();
  const { teamIds, tenantId, staffIds } = e2e.server.tenant;
  measureIds = await seedMeasureCatalogue(e2e.server.db, tenantId, staffIds.admin as string);
  // an entry commits the place's costs to the integration budget, which must exist
  const controlling = await apiAs(e2e.url, 'controlling');
  await controlling.post('/api/budget/sources', { kind: 'integration', label: 'Eingliederungsbudget' });
  const leistung = await apiAs(e2e.url, 'leistung');
  const { id: householdId } = await leistung.post<{ id: string }>('/api/people/households', {
    number: '53201BG0000077',
    teamId: teamIds['Team Wetzlar Nord'],
    caseworkerId: staffIds.pap,
  });
  ({ id: personId } = await leistung.post<{ id: string }>('/api/people/persons', {
    customerNumber: '532D000077',
    familyName: 'Lang',
    givenNames: 'Erika',
    birthDate: '1976-09-02',
    sex: 'w',
    teamId: teamIds['Team Wetzlar Nord'],
    householdId,
    role: 'applicant',
    memberFrom: '2015-01-01',
  }));
  await leistung.post(`/api/people/persons/${personId}/benefit-periods`, {
    validFrom: '2015-01-01',
    householdId,
    employable: true,
    personVersion: 1,
  });
  await leistung.post(`/api/people/persons/${personId}/status-periods`, {
    validFrom: '2015-01-01',
    kind: 'labour_market',
    value: 'unemployed',
    personVersion: 2,
  });
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(() => {
  expect(e2e.pageErrors).toEqual([]);
});

describe('Maßnahmen (pAp)', () => {
  it('proposes JobAktiv to a long-term recipient, records agreement, entry and exit for a job; person page and occupancy show it', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await page.goto(`/personen/${personId}`);
    await expectPage(page, 'Lang, Erika');
    expect(await page.getByRole('list', { name: /^Merkmale am/ }).textContent()).toContain('Langzeitleistungsbezug');
    const section = region(page, 'Maßnahmen');
    await section.getByText('Keine Zuweisung zu einer Maßnahme.').waitFor();

    await section.getByLabel('Maßnahme', { exact: true }).selectOption(measureIds.jobaktiv as string);
    await section.getByRole('button', { name: 'Vorschlagen' }).click();
    await section.getByRole('cell', { name: 'vorgeschlagen' }).waitFor();

    // the customer's choice is required: the server's German message appears at the field
    await section.getByRole('button', { name: 'Vereinbarung speichern' }).click();
    await section.getByText('Bitte die Entscheidung der Kundin / des Kunden wählen').waitFor();
    await expectAccessible(page, 'Personenseite mit Fehlermeldung im Maßnahmeschritt');
    await section.getByLabel('Entscheidung der Kundin / des Kunden').selectOption('own_wish');
    await section.getByLabel('Gründe in eigenen Worten').fill('Ich will meine Bewerbungen selbst in die Hand nehmen.');
    await section.getByRole('button', { name: 'Vereinbarung speichern' }).click();
    await section.getByRole('cell', { name: /eigener Wunsch/ }).waitFor();

    await section.getByLabel('Eintrittsdatum').fill(today());
    await section.getByRole('button', { name: 'Eintritt erfassen' }).click();
    await section.getByRole('cell', { name: 'in der Maßnahme' }).waitFor();
    // the labour-market status "in einer Maßnahme" is recorded in the person's history (K3E2 counts it)
    await page.getByText('in einer Maßnahme').first().waitFor();

    await section.getByLabel('Austrittsgrund').selectOption('job');
    await section.getByRole('button', { name: 'Austritt erfassen' }).click();
    await section.getByRole('cell', { name: `${german(today())} (vorzeitig in Arbeit oder Ausbildung)` }).waitFor();
    await section.getByRole('button', { name: 'Verbleib speichern' }).waitFor();
    await expectAccessible(page, 'Personenseite nach dem Austritt');

    await section.getByRole('link', { name: 'JobAktiv' }).click();
    await expectPage(page, 'JobAktiv');
    const weeks = region(page, 'Belegung JobAktiv je Woche');
    const thisWeek = (await weeks.locator('tbody tr').first().textContent()) ?? '';
    expect(thisWeek.replace(/\s+/g, ' ')).toMatch(/^\d{2}\.\d{2}\.\d{4} ?1 ?1 ?1 %/);
    await page.getByText('Niemand wartet auf einen Platz.').waitFor();
  });

  it('shows the catalogue with filters, and the evaluation to controlling', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Maßnahmen', exact: true }).click();
    await expectPage(page, 'Maßnahmekatalog');
    // creating measures and providers is for measure.manage only
    expect(await page.getByRole('link', { name: 'Maßnahme anlegen' }).count()).toBe(0);
    await page.getByLabel('Zielgruppe').selectOption('lzb');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('status').getByText('2 Maßnahmen').waitFor();
    await page.getByRole('rowheader', { name: 'Aktivierungszentrum' }).waitFor();
    await expectAccessible(page, 'Maßnahmekatalog gefiltert');

    const boss = await e2e.newPage();
    await login(boss, 'controlling');
    await boss.goto('/massnahmen/auswertung');
    await expectPage(boss, 'Auswertung der Maßnahmen');
    // the first test's exit into work, computed from the record: JobAktiv 1 of 1 integrated, target 50 % reached
    const row = boss.getByRole('row').filter({ has: boss.getByRole('rowheader', { name: 'JobAktiv', exact: true }) });
    const text = ((await row.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('100 % (1 von 1)');
    expect(text).toContain('50 % – erreicht');
  });
});

describe('Maßnahmen und Träger verwalten (Teamleitung)', () => {
  it('creates a provider with a contact person and edits it; creates a measure and edits it; German errors at the fields', async () => {
    const page = await e2e.newPage();
    await login(page, 'teamleitung');
    await page.goto('/massnahmen');
    await expectPage(page, 'Maßnahmekatalog');
    await page.getByRole('link', { name: 'Träger verwalten' }).click();
    await expectPage(page, 'Träger');
    await page.getByRole('link', { name: 'Träger anlegen' }).click();
    await expectPage(page, 'Träger anlegen');

    await page.getByLabel('Name des Trägers').fill('Lernwerkstatt Herborn (Demo-Träger)');
    await page.getByRole('button', { name: 'Kontaktperson hinzufügen' }).click();
    const contact = page.getByRole('group', { name: 'Kontaktperson 1' });
    // the new contact's first field has the focus (keyboard users type on)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('feld-contacts-0-name');
    await contact.getByLabel('Name', { exact: true }).fill('Paul Weber');
    await contact.getByLabel('Funktion').fill('Leitung');
    await contact.getByLabel('E-Mail-Adresse').fill('paul.weber@');
    await page.getByRole('button', { name: 'Träger anlegen' }).click();
    // the server's message at the field and in the summary, which takes the focus
    const summary = page.getByRole('region', { name: 'Bitte prüfen Sie Ihre Eingaben' });
    await summary.getByRole('link', { name: 'Kontaktperson 1 – E-Mail-Adresse: E-Mail-Adresse ist ungültig' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await contact.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Träger anlegen mit Fehler');
    await contact.getByLabel('E-Mail-Adresse').fill('paul.weber@example.org');
    await page.getByRole('button', { name: 'Träger anlegen' }).click();
    await expectPage(page, 'Träger');
    await page.getByText('Der Träger „Lernwerkstatt Herborn (Demo-Träger)“ wurde angelegt.').waitFor();
    await page.getByRole('cell', { name: 'Paul Weber, Leitung, paul.weber@example.org' }).waitFor();

    await page.getByRole('link', { name: 'Lernwerkstatt Herborn (Demo-Träger) bearbeiten' }).click();
    await expectPage(page, 'Träger bearbeiten: Lernwerkstatt Herborn (Demo-Träger)');
    await page.getByRole('group', { name: 'Kontaktperson 1' }).getByLabel('Telefon').fill('02772 000-501');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expectPage(page, 'Träger');
    await page.getByRole('cell', { name: 'Paul Weber, Leitung, 02772 000-501, paul.weber@example.org' }).waitFor();

    await page.getByRole('link', { name: 'Zum Maßnahmekatalog' }).click();
    await expectPage(page, 'Maßnahmekatalog');
    await page.getByRole('link', { name: 'Maßnahme anlegen' }).click();
    await expectPage(page, 'Maßnahme anlegen');
    await page.getByLabel('Träger', { exact: true }).selectOption({ label: 'Lernwerkstatt Herborn (Demo-Träger)' });
    await page.getByLabel('Name der Maßnahme').fill('Bewerbungswerkstatt Herborn');
    await page.getByLabel('Rechtsgrundlage').selectOption('16_1_45');
    await page.getByLabel('Alleinerziehende').check();
    await page.getByLabel('Standort', { exact: true }).fill('Herborn');
    await page.getByLabel('Plätze', { exact: true }).fill('0');
    await page.getByLabel('Dienstag').check();
    await page.getByLabel('Regeldauer', { exact: true }).fill('8');
    await page.getByLabel('Zeitmodell').selectOption('part_time');
    await page.getByLabel('Kosten je Teilnehmermonat in Euro').fill('850,00');
    await page.getByLabel('Vertragsbeginn').fill('2026-01-01');
    await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
    const places = 'Eine Maßnahme braucht mindestens einen Platz (Plätze: 0 ist nicht möglich)';
    await page.getByRole('region', { name: 'Bitte prüfen Sie Ihre Eingaben' }).getByText(`Plätze: ${places}`).waitFor();
    expect(await page.getByLabel('Plätze', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Maßnahme anlegen mit Fehler');
    await page.getByLabel('Plätze', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Maßnahme anlegen' }).click();
    await expectPage(page, 'Bewerbungswerkstatt Herborn');
    await page.getByText('Die Maßnahme wurde angelegt.').waitFor();
    await page.getByText('12 (belegt 0, frei 12)').waitFor();
    await page.getByText('jeden Dienstag').waitFor();

    await page.getByRole('link', { name: 'Maßnahme bearbeiten' }).click();
    await expectPage(page, 'Maßnahme bearbeiten: Bewerbungswerkstatt Herborn');
    expect(await page.getByLabel('Kosten je Teilnehmermonat in Euro').inputValue()).toBe('850,00');
    // a colleague changes the measure meanwhile: the save is refused (409), the input stays
    const measureId = new URL(page.url()).pathname.split('/')[2] as string;
    const colleague = await apiAs(e2e.url, 'teamleitung');
    const { measure } = await colleague.get<{ measure: { version: number } }>(`/api/measures/${measureId}`);
    await colleague.patch(`/api/measures/${measureId}`, { version: measure.version, site: 'Herborn, Hauptstraße 1' });
    await page.getByLabel('Plätze', { exact: true }).fill('15');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await conflict.getByText('Diese Maßnahme wurde inzwischen geändert.', { exact: false }).waitFor();
    expect(await page.getByLabel('Plätze', { exact: true }).inputValue()).toBe('15');
    await expectAccessible(page, 'Maßnahme bearbeiten mit Konflikt');
    await conflict.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Standort', { exact: true }).inputValue()).toBe('Herborn, Hauptstraße 1');
    await page.getByLabel('Plätze', { exact: true }).fill('15');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expectPage(page, 'Bewerbungswerkstatt Herborn');
    await page.getByText('15 (belegt 0, frei 15)').waitFor();
    await page.getByText('Herborn, Hauptstraße 1').waitFor();
  });
});
