import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, expectPage, login, startE2E, TEST_PASSWORD } from './support/browser.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
afterEach(() => {
  expect(e2e.pageErrors).toEqual([]);
});

describe('Passwort ändern', () => {
  it('checks the input in the browser and on the server, then changes the password', async () => {
    const page = await e2e.newPage();
    await login(page, 'fallmanagement');
    await page.getByRole('link', { name: 'Passwort ändern' }).click();
    await expectPage(page, 'Passwort ändern');

    const current = page.getByLabel('Bisheriges Passwort');
    const next = page.getByLabel('Neues Passwort', { exact: true });
    const repeat = page.getByLabel('Neues Passwort wiederholen');
    const submit = page.getByRole('button', { name: 'Passwort ändern' });
    const summary = page.locator('.error-summary');

    await submit.click();
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(3);
    await expectAccessible(page, 'Passwort ändern, leer abgeschickt');

    // Checked in the browser: too short, repetition differs.
    await current.fill('irgendetwas');
    await next.fill('kurz');
    await repeat.fill('anders');
    await submit.click();
    await summary.getByText('Neues Passwort: Das Passwort muss mindestens 12 Zeichen lang sein.').waitFor();
    await summary.getByText('Neues Passwort wiederholen: Die beiden neuen Passwörter stimmen nicht überein.').waitFor();

    // Checked by the server: the current password, the password policy.
    await next.fill('fallmanagement-und-mehr');
    await repeat.fill('fallmanagement-und-mehr');
    await submit.click();
    await summary.getByText('Bisheriges Passwort: Das bisherige Passwort stimmt nicht.').waitFor();
    await current.fill(TEST_PASSWORD);
    await submit.click();
    await summary.getByText('Neues Passwort: Das Passwort darf den Benutzernamen nicht enthalten.').waitFor();
    expect(await next.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Passwort ändern mit Serverfehlern');

    await next.fill('Frieda-neues-Passwort-2026');
    await repeat.fill('Frieda-neues-Passwort-2026');
    await submit.click();
    await page.getByRole('status').getByText('Ihr Passwort wurde geändert.').waitFor();
    expect(await current.inputValue()).toBe('');
    await expectAccessible(page, 'Passwort geändert');

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL('**/anmelden?grund=abgemeldet');
    await page.getByLabel('Benutzername', { exact: true }).fill('fallmanagement');
    await page.getByLabel('Passwort', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('Benutzername oder Passwort ist falsch.').waitFor();
    await login(page, 'fallmanagement', 'Frieda-neues-Passwort-2026');
    await expectPage(page, 'Guten Tag, Frieda Maurer');
  });
});
