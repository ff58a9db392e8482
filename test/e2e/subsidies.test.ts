import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2E, expectAccessible, expectPage, login, startE2E } from './support/browser.ts';
import { createLongTermRecipient } from './support/long-term-recipient.ts';

/**
 * A caseworker's § 16i contract on screen: from the eligibility check to "Fördervertrag anlegen"
 * (a field error, then the refusal of § 16e with the failed criterion), a month paid, and the early
 * end, first refused because the contract changed meanwhile (409), then done with the current state.
 */

let e2e: E2E;
let personId: string;

beforeAll(async () => {
  e2e = await startE2E();
  const { teamIds } = e2e.server.tenant;
  // the contract commits its schedule to the integration budget, which must exist
  const controlling = await apiAs(e2e.url, 'controlling');
  await controlling.post('/api/budget/sources', { kind: 'integration', label: 'Eingliederungsbudget' });
  // benefits since 2011, no unemployment recorded: § 16i yes, § 16e no
  personId = await createLongTermRecipient(e2e.url, teamIds['Team Wetzlar Nord'] as string, '78');
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(() => {
  expect(e2e.pageErrors).toEqual([]);
});

describe('Fördervertrag (pAp)', () => {
  it('creates a § 16i contract via the form, pays a month and ends it early after a conflict', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await page.goto(`/personen/${personId}/foerderung`);
    await expectPage(page, '§ 16i / § 16e prüfen');
    await page.getByText('Voraussetzungen', { exact: false }).first().waitFor();
    await page.getByRole('link', { name: 'Fördervertrag anlegen' }).click();
    await expectPage(page, 'Fördervertrag anlegen');
    await page.getByText('Schäfer, Monika (Kundennummer 532D000078)').waitFor();

    await page.getByLabel('Arbeitgeber').fill('Stadtwerke Wetzlar');
    await page.getByLabel('Beginn', { exact: true }).fill('2019-10-15');
    await page.getByLabel('Ende (letzter Tag)').fill('2021-10-14');
    await page.getByLabel('Wochenstunden').fill('60');
    await page.getByRole('button', { name: 'Vertrag anlegen' }).click();
    // the server's German message at the field and in the summary
    await page
      .getByRole('region', { name: 'Bitte prüfen Sie Ihre Eingaben' })
      .getByRole('link', { name: 'Wochenstunden: höchstens 48 Wochenstunden' })
      .waitFor();
    expect(await page.getByLabel('Wochenstunden').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Fördervertrag mit Feldfehler');

    // § 16e needs recorded unemployment: refused with the criterion, no override for a caseworker
    await page.getByLabel('Wochenstunden').fill('39');
    await page.getByLabel('Förderung').selectOption('16e');
    await page.getByRole('button', { name: 'Vertrag anlegen' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Voraussetzungen nicht erfüllt' });
    await refusal.getByText('nicht als arbeitslos erfasst', { exact: false }).waitFor();
    await refusal.getByText('kann nur die Teamleitung bewilligen', { exact: false }).waitFor();
    expect(await page.getByLabel('Begründung für die Förderung trotz fehlender Voraussetzungen').count()).toBe(0);
    await expectAccessible(page, 'Fördervertrag abgelehnt');

    await page.getByLabel('Förderung').selectOption('16i');
    await page.getByRole('button', { name: 'Vertrag anlegen' }).click();
    await expectPage(page, /Teilhabe am Arbeitsmarkt/);
    await page.getByText('Der Fördervertrag wurde angelegt, die Mittel sind gebunden.').waitFor();
    const contractId = page.url().split('/').pop() as string;

    // a month paid: the schedule shows it
    await page.getByLabel('Monat', { exact: true }).selectOption('2019-11');
    await page.getByLabel('Zahltag').fill('2019-11-30');
    await page.getByRole('button', { name: 'Auszahlen' }).click();
    await page.getByRole('status').getByText('Zuschuss für 11/2019 ausgezahlt: 1.841,68 €.').waitFor();
    await expect
      .poll(async () =>
        (
          (await page
            .getByRole('row')
            .filter({ has: page.getByRole('rowheader', { name: '11/2019' }) })
            .textContent()) ?? ''
        ).replace(/\s+/g, ' '),
      )
      .toMatch(/1\.841,68\s?€.*1\.841,68\s?€$/);
    await expectAccessible(page, 'Fördervertrag mit Zahlung');

    // someone ends the contract behind the page's back: the page's version is stale
    const other = await apiAs(e2e.url, 'pap');
    const { version } = await other.get<{ version: number }>(`/api/subsidies/contracts/${contractId}`);
    await other.post(`/api/subsidies/contracts/${contractId}/end`, { lastDay: '2021-06-30', version });
    await page.getByLabel('Letzter Arbeitstag').fill('2020-12-31');
    await page.getByRole('button', { name: 'Vertrag beenden' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await conflict.getByText('Der Vertrag wurde inzwischen geändert.', { exact: false }).waitFor();
    await expectAccessible(page, 'Vertrag beenden mit Konflikt');
    await conflict.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
    await conflict.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Vertrag beenden' }).click();
    await page.getByRole('status').getByText('Der Vertrag endet mit dem 31.12.2020.', { exact: false }).waitFor();
    await page.getByText('(vorzeitig beendet)', { exact: false }).waitFor();
  });
});
