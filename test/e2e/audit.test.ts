import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2E, expectAccessible, expectPage, login, startE2E } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  // Some history: Petra Albers signs in and looks at her own staff record.
  const pap = await apiAs(e2e.url, 'pap');
  await pap.get(`/api/org/staff/${e2e.server.tenant.staffIds.pap}`);
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(() => {
  expect(e2e.pageErrors).toEqual([]);
});

/** Column `n` (0-based) of every result row. */
async function column(page: Page, n: number): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Protokolleinträge' })
    .locator('tbody tr')
    .evaluateAll((rows, i) => rows.map((r) => (r as HTMLTableRowElement).cells[i]?.textContent ?? ''), n);
}

async function search(page: Page) {
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect.poll(() => page.locator('.kern-loader').count()).toBe(0);
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

describe('Protokoll', () => {
  it('search by person, action, object and date; verify the chain', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Protokoll' }).click();
    await expectPage(page, 'Protokoll');
    // Newest first: opening the page searched the log, and that search is itself logged, so the next
    // search shows it as the latest entry (a search never contains its own entry: it is written after).
    await search(page);
    await expect.poll(() => column(page, 3)).toContain('audit.search');
    expect((await column(page, 3))[0]).toBe('audit.search');

    await page.getByLabel('Person').selectOption({ label: 'Petra Albers (pap)' });
    await page.getByLabel('Aktion').fill('auth.login');
    await search(page);
    await expect.poll(() => column(page, 3)).toEqual(['auth.login']);
    expect(await column(page, 2)).toEqual(['Petra Albers']);
    expect(await column(page, 6)).toEqual(['erfolgreich']);
    await expectAccessible(page, 'Protokoll, gefiltert');

    await page.getByLabel('Aktion').fill('');
    await page.getByLabel('Objektart').fill('staff');
    await page.getByLabel('Objekt-Kennung').fill(e2e.server.tenant.staffIds.pap as string);
    await page.getByLabel('Von (Datum)').fill(today());
    await page.getByLabel('Bis (Datum)').fill(today());
    await search(page);
    await expect.poll(() => column(page, 3)).toEqual(['staff.read']);

    // Nothing in the future.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Von (Datum)').fill(tomorrow);
    await page.getByLabel('Bis (Datum)').fill(tomorrow);
    await search(page);
    await page.getByText('Keine Einträge gefunden. Ändern Sie die Suchangaben.').waitFor();

    // A range that ends before it starts is refused in the browser.
    await page.getByLabel('Von (Datum)').fill(today());
    await page.getByLabel('Bis (Datum)').fill('2020-01-01');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.locator('.error-summary').getByText('Bis (Datum): Das Bis-Datum darf nicht vor dem Von-Datum liegen.').waitFor();
    await expectAccessible(page, 'Protokoll mit Fehler');

    await page.getByRole('button', { name: 'Suchangaben zurücksetzen' }).click();
    await expect.poll(async () => (await column(page, 3)).length).toBeGreaterThan(5);

    await page.getByRole('button', { name: 'Kette prüfen' }).click();
    await page.getByText('Protokollkette unversehrt').waitFor();
    await page.getByText(/Alle \d+ Einträge wurden geprüft/).waitFor();
    await expectAccessible(page, 'Protokoll, Kette geprüft');
  });

  it('a tampered entry is reported by "Kette prüfen"', async () => {
    // Only a database superuser can get past the append-only trigger; the hash chain still tells.
    const db = e2e.server.db;
    await db.orm.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await db.orm.execute(
      sql`UPDATE audit_log SET action = 'auth.logout' WHERE seq = 2 AND tenant_id = ${e2e.server.tenant.tenantId}`,
    );
    await db.orm.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);

    const page = await e2e.newPage();
    await login(page, 'admin');
    await page.goto('/protokoll');
    await expectPage(page, 'Protokoll');
    await page.getByRole('button', { name: 'Kette prüfen' }).click();
    await page.getByText('Protokollkette beschädigt').waitFor();
    await page.getByText('Eintrag Nr. 2 ist nicht in Ordnung', { exact: false }).waitFor();
    await expectAccessible(page, 'Protokoll, Kette beschädigt');
  });
});
