import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, expectAccessible, expectPage, login, navLinks, startE2E, TEST_PASSWORD } from './support/browser.ts';

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

describe('Anmelden und Abmelden', () => {
  it('login → start page with name, roles and areas → logout', async () => {
    const page = await e2e.newPage();
    await page.goto('/');
    // Not signed in: the app sends the person to the login page.
    await page.waitForURL('**/anmelden');
    await expectPage(page, 'Anmelden');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');

    await login(page, 'admin');
    await expectPage(page, 'Guten Tag, Adrian Mehler');
    await page.getByText('Administration', { exact: true }).waitFor();
    await page.getByText('Jobcenter Lahn-Dill (Demo)').waitFor();
    await page.getByText('Angemeldet als Adrian Mehler').waitFor();
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
    const tiles = page.getByRole('region', { name: 'Ihre Bereiche' }).getByRole('link');
    expect(await tiles.allTextContents()).toEqual([
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

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL('**/anmelden?grund=abgemeldet');
    await page.getByText('Sie haben sich abgemeldet.').waitFor();
    await expectPage(page, 'Anmelden');
    // The session is gone on the server too.
    await page.goto('/');
    await page.waitForURL('**/anmelden');
  });

  it('wrong password: the server’s German message, the password field emptied', async () => {
    const page = await e2e.newPage();
    await page.goto('/anmelden');
    await page.getByLabel('Benutzername', { exact: true }).fill('pap');
    await page.getByLabel('Passwort', { exact: true }).fill('falsch-falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Anmeldung fehlgeschlagen').waitFor();
    await alert.getByText('Benutzername oder Passwort ist falsch.').waitFor();
    expect(await page.getByLabel('Passwort', { exact: true }).inputValue()).toBe('');
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    await expectAccessible(page, 'Anmelden mit Fehler');
  });

  it('empty form: error summary with links to the fields, errors wired to the inputs', async () => {
    const page = await e2e.newPage();
    await page.goto('/anmelden');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Bitte prüfen Sie Ihre Eingaben').waitFor();
    // The summary takes the focus, so screen readers read it first.
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const username = page.getByLabel('Benutzername', { exact: true });
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await username.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Bitte geben Sie Ihren Benutzernamen ein.');
    await summary.getByRole('link', { name: /Benutzername/ }).click();
    expect(await username.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'Anmelden, leeres Formular');
  });

  it('a page opened without session returns there after login', async () => {
    const page = await e2e.newPage();
    await page.goto('/verwaltung/mitarbeitende');
    await page.waitForURL('**/anmelden?weiter=**');
    await login(page, 'admin');
    await page.waitForURL('**/verwaltung/mitarbeitende');
    await expectPage(page, 'Mitarbeitende');
  });

  it('a 401 from any API call (session ended) leads to the login page', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await page.getByRole('link', { name: 'Teams' }).first().click();
    await expectPage(page, 'Teams');
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Mitarbeitende' }).click();
    await page.waitForURL('**/anmelden?**grund=abgelaufen**');
    await page.getByText('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
    await login(page, 'admin');
    await page.waitForURL('**/verwaltung/mitarbeitende');
  });
});

describe('Seitenrahmen', () => {
  it('skip link is the first tab stop and moves the focus to the main content', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await expectPage(page, 'Guten Tag, Petra Albers');
    // a fresh load (after the login the focus sits on the new page's heading, not at the start)
    await page.reload();
    await expectPage(page, 'Guten Tag, Petra Albers');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
  });

  it('keyboard only: sign in and open an area, with a visible focus on every stop', async () => {
    const page = await e2e.newPage();
    await page.goto('/anmelden');
    await expectPage(page, 'Anmelden');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        // KERN draws the focus of a card's stretched link on its ::after (the whole card).
        const visible = (s: CSSStyleDeclaration) => s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2;
        return {
          text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() || (el as HTMLInputElement).name,
          outline: visible(getComputedStyle(el)) || visible(getComputedStyle(el, '::after')),
        };
      });
    const stops: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      stops.push(f.text);
      expect(f.outline, `sichtbarer Fokus auf „${f.text}“`).toBe(true);
    }
    expect(stops).toEqual(['Zum Inhalt springen', 'TeilhabeFachsoftware für Jobcenter', 'username', 'password', 'Anmelden']);

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await expectPage(page, 'Guten Tag, Adrian Mehler');

    // Tab to the "Protokoll" entry of the main navigation and open it with Enter.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      expect(f.outline, `sichtbarer Fokus auf „${f.text}“`).toBe(true);
      if (f.text === 'Protokoll') break;
    }
    await page.keyboard.press('Enter');
    await expectPage(page, 'Protokoll');
  });

  it('unknown address: German 404 page inside the frame', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await page.goto('/gibt-es-nicht');
    await expectPage(page, 'Seite nicht gefunden');
    await page.getByText('Diese Seite gibt es nicht.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Zur Startseite' }).click();
    await expectPage(page, 'Guten Tag, Petra Albers');
  });

  it('a record that does not exist: German not-found message from the server', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await page.goto('/verwaltung/teams/00000000-0000-7000-8000-000000000000');
    await expectPage(page, 'Seite nicht gefunden');
    await page.getByText('Dieses Team gibt es nicht.').waitFor();
  });
});
