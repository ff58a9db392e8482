import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2E, expectAccessible, expectPage, login, navLinks, startE2E } from './support/browser.ts';

/**
 * The Eingliederungsbericht page: controlling chooses the year, reads the preview, edits a text and
 * downloads the Word document. Data: six women in receipt since 2015, created through the API.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
  const team = e2e.server.tenant.teamIds['Team Wetzlar Nord'];
  const leistung = await apiAs(e2e.url, 'leistung');
  for (let i = 0; i < 6; i++) {
    const h = await leistung.post<{ id: string }>('/api/people/households', { number: `53201BG000010${i}`, teamId: team });
    const p = await leistung.post<{ id: string }>('/api/people/persons', {
      customerNumber: `532D00010${i}`,
      familyName: 'Beispiel',
      givenNames: 'Eva',
      birthDate: '1975-05-05',
      sex: 'w',
      teamId: team,
      householdId: h.id,
      role: 'applicant',
      memberFrom: '2015-01-01',
    });
    await leistung.post(`/api/people/persons/${p.id}/benefit-periods`, {
      validFrom: '2015-01-01',
      householdId: h.id,
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

describe('Eingliederungsbericht', () => {
  it('controlling opens the report, edits a text and downloads Word', async () => {
    const page = await e2e.newPage();
    await login(page, 'controlling');
    expect(await navLinks(page)).toContain('Eingliederungsbericht');
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Eingliederungsbericht', exact: true })
      .click();
    await expectPage(page, 'Eingliederungsbericht');
    await page.getByLabel('Berichtsjahr').selectOption('2019');
    await page.waitForURL(/jahr=2019/);
    const sexTable = page.getByRole('region', { name: 'Tabelle 3: eLb nach Geschlecht, Dezember 2019' });
    await expect
      .poll(() => sexTable.locator('tbody tr').first().textContent(), { timeout: 30_000 })
      .toMatch(/Frauen\s*6\s*100,0/);
    await expectAccessible(page, 'Eingliederungsbericht mit Vorschau');

    await page.getByLabel('Abschnitt', { exact: true }).selectOption({ label: 'Fazit (Standardtext)' });
    const text = page.getByLabel('Text des Abschnitts „Fazit“');
    await expect.poll(() => text.inputValue()).toContain('Vielen Leistungsberechtigten');
    await text.fill('Unser Fazit {{jahr}}: {{elb.dezember}} erwerbsfähige Leistungsberechtigte.');
    await page.getByRole('button', { name: 'Text speichern' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Gespeichert' }).count()).toBe(1);
    await expect
      .poll(() => page.getByText('Unser Fazit 2019: 6 erwerbsfähige Leistungsberechtigte.').count(), { timeout: 30_000 })
      .toBe(1);

    // an unknown placeholder is refused at the field
    await text.fill('{{unbekannt}}');
    await page.getByRole('button', { name: 'Text speichern' }).click();
    await expect.poll(() => page.getByText('Unbekannter Platzhalter: {{unbekannt}}').count()).toBe(1);
    await expectAccessible(page, 'Eingliederungsbericht, Text mit Fehler');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Word (.docx) 2019' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Eingliederungsbericht-2019.docx');
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('a caseworker has no entry for the report', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    expect(await navLinks(page)).not.toContain('Eingliederungsbericht');
  });
});
