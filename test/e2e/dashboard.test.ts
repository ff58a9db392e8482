import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatPercent,
  lastCompleteMonth,
  parsePercent,
} from '../../web/src/modules/dashboard/format.ts';
import { apiAs, type E2E, expectAccessible, expectPage, login, navLinks, startE2E } from './support/browser.ts';

/**
 * Key figures for controlling, board and team leads: the dashboard with drill-down and download, the
 * target agreement, and the team report. Data: six eLb in Team Wetzlar Nord since 2015 (one man).
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
  const teamId = e2e.server.tenant.teamIds['Team Wetzlar Nord'];
  const leistung = await apiAs(e2e.url, 'leistung');
  for (let n = 1; n <= 6; n++) {
    const { id: householdId } = await leistung.post<{ id: string }>('/api/people/households', {
      number: `53201BG${String(n).padStart(7, '0')}`,
      teamId,
    });
    const { id } = await leistung.post<{ id: string }>('/api/people/persons', {
      customerNumber: `532D${String(n).padStart(6, '0')}`,
      familyName: 'Muster',
      givenNames: `Person ${n}`,
      birthDate: '1980-01-01',
      sex: n === 1 ? 'm' : 'w',
      teamId,
      householdId,
      role: 'applicant',
      memberFrom: '2015-01-01',
    });
    await leistung.post(`/api/people/persons/${id}/benefit-periods`, {
      validFrom: '2015-01-01',
      householdId,
      employable: true,
      personVersion: 1,
    });
  }
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(() => {
  expect(e2e.pageErrors).toEqual([]);
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();

async function showMonth(page: Page, month: string) {
  await page.getByLabel('Berichtsmonat').fill(month);
  await page.getByRole('button', { name: 'Anzeigen' }).click();
}

describe('German numbers', () => {
  it('formats counts, rates and changes the German way and reads target values', () => {
    expect(formatCount(10597)).toBe('10.597');
    expect(formatPercent(24.24)).toBe('24,2\u00a0%');
    expect(formatPercent(null)).toBe('–');
    expect(formatChange(-2)).toBe('-2,0\u00a0%');
    expect(formatChange(1.25)).toBe('+1,3\u00a0%');
    expect(parsePercent('24,5')).toBe(24.5);
    expect(parsePercent('−2')).toBe(-2);
    expect(parsePercent('-2,25 %')).toBe(-2.25);
    expect(parsePercent('24.5')).toBe(24.5);
    expect(parsePercent('1,234')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
    expect(lastCompleteMonth('2026-01-10')).toBe('2025-12');
    expect(lastCompleteMonth('2026-11-25')).toBe('2026-10');
  });
});

describe('dashboard, target agreement and team report', () => {
  it('controlling opens the dashboard, drills down to a team, downloads CSV and enters a target', async () => {
    const page = await e2e.newPage();
    await login(page, 'controlling');
    expect(await navLinks(page)).toEqual(expect.arrayContaining(['Kennzahlen', 'Zielvereinbarung', 'Teamreport']));
    await nav(page, 'Kennzahlen');
    await expectPage(page, 'Kennzahlen');
    await showMonth(page, '2019-12');
    await page.getByRole('heading', { level: 2, name: 'Jobcenter insgesamt, Dezember 2019' }).waitFor();
    // figures with German numbers, and the series as an image with its values in words
    const figures = page.getByRole('region', { name: /^Kennzahlen Jobcenter insgesamt, Dezember 2019/ });
    await expect.poll(() => figures.locator('tbody tr').count()).toBe(15);
    await expect.poll(() => page.getByRole('img', { name: /^Verlauf K1E2: Januar 2019 0,0 %/ }).count()).toBe(1);
    await page.locator('.sparkline svg').first().waitFor();
    await expectAccessible(page, 'Kennzahlen Jobcenter');

    await page.getByRole('navigation', { name: 'Standorte' }).getByRole('link', { name: 'Standort Wetzlar' }).click();
    await page.getByRole('heading', { level: 2, name: 'Standort Wetzlar, Dezember 2019' }).waitFor();
    await page.getByRole('navigation', { name: 'Teams' }).getByRole('link', { name: 'Team Wetzlar Nord' }).click();
    await page.getByRole('heading', { level: 2, name: 'Team Wetzlar Nord, Dezember 2019' }).waitFor();
    const crumbs = await page.getByRole('navigation', { name: 'Bereich' }).getByRole('listitem').allTextContents();
    expect(crumbs).toEqual(['Jobcenter insgesamt', 'Standort Wetzlar', 'Team Wetzlar Nord']);
    // the split by sex: numerator of K1E2 for women
    await page.getByLabel('Gruppe').selectOption({ label: 'Frauen' });
    const k1e2 = page.getByRole('row', { name: /^K1E2 / });
    await expect.poll(() => k1e2.textContent()).toMatch(/Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten55/);
    await expectAccessible(page, 'Kennzahlen Team');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kennzahlen-2019-12-team-.*\.csv$/);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain('Kennzahlen nach § 48a SGB II – Team Wetzlar Nord');
    expect(csv).toContain('K1E2;Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten;insgesamt;6,0;6,0;0,0');
    expect(csv).toContain(';Männer;•;•;•;');

    await nav(page, 'Zielvereinbarung');
    await expectPage(page, 'Zielvereinbarung');
    await page.getByLabel('Jahr').selectOption('2019');
    await page.getByText('Für dieses Jahr sind noch keine Ziele erfasst.').waitFor();
    await page.getByRole('button', { name: 'Ziel erfassen' }).click();
    await page.getByLabel('Kennzahl').selectOption('K1E2');
    await page.getByLabel('Vergleich').selectOption({ label: 'höchstens (≤)' });
    await page.getByLabel('Zielwert in Prozent').fill('-1,5');
    await expectAccessible(page, 'Ziel erfassen');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Das Ziel wurde gespeichert.' }).waitFor();
    const row = page.getByRole('row', { name: /^K1E2 / });
    await expect.poll(() => row.textContent()).toMatch(/≤ -1,5\s%0,0\s% \(Dezember 2019\)0,0\s%verfehlt/);
    await expectAccessible(page, 'Zielvereinbarung mit Ziel');
  });

  it('a team lead opens the team report of their team, small groups suppressed', async () => {
    const page = await e2e.newPage();
    await login(page, 'teamleitung');
    expect(await navLinks(page)).toEqual(expect.arrayContaining(['Kennzahlen', 'Teamreport']));
    await nav(page, 'Teamreport');
    await expectPage(page, 'Teambezogener Ergebnisreport');
    const options = await page.getByLabel('Team', { exact: true }).locator('option').allTextContents();
    expect(options).toEqual(['Team Wetzlar Nord', 'Team Wetzlar Süd']);
    await showMonth(page, '2019-12');
    await page.getByRole('heading', { level: 2, name: 'Teambezogener Ergebnisreport: Team Wetzlar Nord' }).waitFor();
    const men = page.getByRole('row', { name: /^Männer/ });
    await expect.poll(() => men.textContent()).toContain('unterdrückt (weniger als 5 Personen)');
    await page.getByText(/statistischen Geheimhaltung/).waitFor();
    await expectAccessible(page, 'Teamreport');
  });

  it('a caseworker has the team report but not the dashboard', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    const links = await navLinks(page);
    expect(links).toContain('Teamreport');
    expect(links).not.toContain('Kennzahlen');
    await page.goto('/kennzahlen');
    await expectPage(page, 'Keine Berechtigung');
  });
});
