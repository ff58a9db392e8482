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
