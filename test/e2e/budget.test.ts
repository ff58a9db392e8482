import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { measureBudget } from '../../src/modules/budget/measure-commitments.ts';
import { apiAs, type E2E, expectAccessible, expectPage, login, startE2E, TEST_PASSWORD } from './support/browser.ts';
import { createLongTermRecipient } from './support/long-term-recipient.ts';

/**
 * Budget and subsidised employment in the browser: the overview per source and instrument, a measure
 * place committed through the measures port, a manual commitment (over the free amount, with a reason),
 * an invoice booked against it; a person's § 16i check with each criterion; the subsidy pages.
 */

let e2e: E2E;
let personId: string;
let contractId: string;

beforeAll(async () => {
  e2e = await startE2E();
  const { teamIds, staffIds, tenantId } = e2e.server.tenant;
  const controlling = await apiAs(e2e.url, 'controlling');
  const egt = (
    await controlling.post<{ id: string }>('/api/budget/sources', { kind: 'integration', label: 'Eingliederungsbudget' })
  ).id;
  // allocations and plan lines are PUT requests (apiAs has GET/POST/PATCH): a session of our own
  const signIn = await fetch(`${e2e.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'controlling', password: TEST_PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  for (const [path, body] of [
    ['/api/budget/allocations', { year: 2019, sourceId: egt, allocatedCents: 50_000_000 }],
    ['/api/budget/plan-lines', { year: 2019, sourceId: egt, instrument: 'activation_45', plannedCents: 10_000_000 }],
    ['/api/budget/plan-lines', { year: 2019, sourceId: egt, instrument: 'teilhabe_16i', plannedCents: 30_000_000 }],
  ] as const) {
    const r = await fetch(`${e2e.url}${path}`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`PUT ${path}: ${r.status} ${await r.text()}`);
  }
  // a measure place: the measures module books through the port
  await e2e.server.db.orm.transaction((tx) =>
    measureBudget.commitAssignment(tx, {
      tenantId,
      assignmentId: '0190a0a0-0000-7000-8000-0000000000e1',
      measureId: '0190a0a0-0000-7000-8000-0000000000e2',
      legalBasis: '§ 45 SGB III',
      months: [
        { month: '2019-09', cents: 80_000 },
        { month: '2019-10', cents: 80_000 },
      ],
      actorStaffId: staffIds.controlling as string,
    }),
  );
  personId = await createLongTermRecipient(e2e.url, teamIds['Team Wetzlar Nord'] as string, '77');
  const pap = await apiAs(e2e.url, 'pap');
  ({ id: contractId } = await pap.post<{ id: string }>('/api/subsidies/contracts', {
    personId,
    basis: '16i',
    employer: 'Stadtwerke Wetzlar',
    startsOn: '2019-10-15',
    endsOnInclusive: '2024-10-14',
    weeklyHours: 39,
    wageBasis: 'minimum_wage',
  }));
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(() => {
  expect(e2e.pageErrors).toEqual([]);
});

const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
const rowOf = (page: Page, regionName: string | RegExp, rowHeader: string) =>
  region(page, regionName)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: rowHeader, exact: true }) });
const rowText = async (page: Page, regionName: string | RegExp, rowHeader: string) =>
  ((await rowOf(page, regionName, rowHeader).first().textContent()) ?? '').replace(/\s+/g, ' ');

describe('Eingliederungsbudget', () => {
  it('a measure place, a manual commitment over the free amount, an invoice: plan/committed/paid/free change', async () => {
    const page = await e2e.newPage();
    await login(page, 'controlling');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Budget', exact: true }).click();
    await expectPage(page, 'Eingliederungsbudget');
    await page.getByLabel('Haushaltsjahr').selectOption('2019');
    await page.waitForURL('**/budget?jahr=2019');
    // the measure place (1.600,00 €) is bound under § 45; plan 100.000,00 €
    await expect.poll(() => rowText(page, 'Je Instrument', '§ 45 SGB III Aktivierung')).toContain('100.000,00');
    const before = await rowText(page, 'Je Instrument', '§ 45 SGB III Aktivierung');
    expect(before).toMatch(/100\.000,00\s?€.*1\.600,00\s?€.*0,00\s?€.*98\.400,00\s?€/);
    await region(page, /Verpflichtungen mit Monaten/)
      .getByText('Maßnahmezuweisung (§ 45 SGB III)')
      .waitFor();

    await page.getByRole('link', { name: 'Manuelle Verpflichtung' }).click();
    await expectPage(page, 'Manuelle Verpflichtung');
    await page.getByLabel('Instrument').selectOption('activation_45');
    await page.getByLabel('Bezeichnung').fill('Aktivierungscenter Wetzlar, Plätze 2019');
    await page.getByLabel('Von Monat').fill('2019-11');
    await page.getByLabel('Bis Monat').fill('2019-12');
    await page.getByLabel('Betrag insgesamt in Euro').fill('100.000,00');
    await page.getByRole('button', { name: 'Mittel binden' }).click();
    // 98.400,00 € are free: a warning with the numbers, then the override with a reason
    const warning = page.getByRole('alert').filter({ hasText: 'Freie Mittel reichen nicht' });
    await warning.getByText('2019: frei 98.400,00 €, benötigt 100.000,00 €', { exact: false }).waitFor();
    await expectAccessible(page, 'Manuelle Verpflichtung mit Warnung');
    await page.getByLabel('Begründung für die Überschreitung').fill('Beschluss der Geschäftsführung vom 4.11.2019');
    await page.getByRole('button', { name: 'Trotzdem binden' }).click();
    await expectPage(page, 'Aktivierungscenter Wetzlar, Plätze 2019');
    await page.getByText('Über die freien Mittel hinaus gebucht').waitFor();

    // an invoice; too much is refused naming the field
    await page.getByLabel('Betrag in Euro').fill('120.000,00');
    await page.getByLabel('Zahltag').fill('2019-11-30');
    await page.getByRole('button', { name: 'Rechnung buchen' }).click();
    await page.getByText('übersteigt die offene Verpflichtung von 100.000,00 €', { exact: false }).waitFor();
    await page.getByLabel('Betrag in Euro').fill('25.000,00');
    await page.getByLabel('Beleg oder Rechnungsnummer').fill('RE-2019-117');
    await page.getByRole('button', { name: 'Rechnung buchen' }).click();
    await page.getByRole('status').getByText('Rechnung über 25.000,00 € gebucht.').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('commitment-sums').textContent()) ?? '')
      .toMatch(/Gebunden\s*100\.000,00\s*€\s*Gezahlt\s*25\.000,00\s*€\s*Offen\s*75\.000,00\s*€/);
    await expectAccessible(page, 'Verpflichtung mit Zahlung');

    await page.getByRole('link', { name: 'Zur Budgetübersicht' }).click();
    await page.getByLabel('Haushaltsjahr').selectOption('2019');
    await expect
      .poll(() => rowText(page, 'Je Instrument', '§ 45 SGB III Aktivierung'))
      .toMatch(
        /100\.000,00\s?€.*101\.600,00\s?€.*25\.000,00\s?€.*−1\.600,00\s?€|100\.000,00\s?€.*101\.600,00\s?€.*25\.000,00\s?€.*-1\.600,00\s?€/,
      );
    await expectPage(page, 'Eingliederungsbudget');
  });
});

describe('§ 16i / § 16e', () => {
  it('a caseworker checks a person’s § 16i eligibility and sees why', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await page.goto(`/personen/${personId}`);
    await expectPage(page, 'Schäfer, Monika');
    await page.getByRole('link', { name: '§ 16i/§ 16e prüfen' }).click();
    await expectPage(page, '§ 16i / § 16e prüfen');
    await page.getByLabel('Geplanter Förderbeginn').fill('2019-07-01');
    await page.getByText('Voraussetzungen erfüllt', { exact: true }).waitFor();
    const receipt = (await page.getByTestId('kriterium-receipt').textContent()) ?? '';
    expect(receipt).toContain('Erfüllt');
    expect(receipt).toContain('84 Monate mit Bezug');
    expect((await page.getByTestId('kriterium-age').textContent()) ?? '').toContain('49 Jahre alt');
    await expectAccessible(page, '§ 16i geprüft');
    // § 16e: no unemployment recorded → not eligible, with the reason
    await page.getByLabel('Förderung').selectOption('16e');
    await page.getByText('Voraussetzungen nicht erfüllt', { exact: true }).waitFor();
    expect((await page.getByTestId('kriterium-unemployed').textContent()) ?? '').toContain('nicht als arbeitslos erfasst');
  });

  it('contracts on a reference date, the schedule, and a coaching session', async () => {
    const page = await e2e.newPage();
    await login(page, 'teamleitung');
    await page.goto('/foerderung');
    await expectPage(page, 'Geförderte Beschäftigung (§ 16i, § 16e SGB II)');
    await page.getByLabel('Stichtag', { exact: true }).fill('2019-12-01');
    await expect.poll(() => rowText(page, /Beschäftigungsverhältnisse am/, '§ 16i')).toMatch(/§ 16i\s*1\s*0\s*1\s*0/);
    await rowOf(page, 'Laufende Förderverträge', 'Schäfer, Monika').getByRole('link').click();
    await expectPage(page, /Teilhabe am Arbeitsmarkt/);
    expect(page.url()).toContain(contractId);
    expect(await rowText(page, 'Zahlplan', '11/2019')).toMatch(/9,19\s?€.*100 %.*1\.841,68\s?€/);
    expect(await rowText(page, 'Zahlplan', '01/2020')).toMatch(/9,35\s?€.*1\.875,32\s?€/);
    await page.getByLabel('Datum').fill('2019-12-03');
    await page.getByLabel('Stunden', { exact: true }).fill('2,5');
    await page.getByRole('button', { name: 'Termin erfassen' }).click();
    await page.getByRole('status').getByText('Coaching-Termin erfasst.').waitFor();
    await page.getByRole('heading', { name: 'Coaching (2,5 Stunden)' }).waitFor();
    await expectAccessible(page, 'Fördervertrag mit Coaching');
  });
});
