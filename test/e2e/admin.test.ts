import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2E, expectAccessible, expectPage, login, navLinks, startE2E } from './support/browser.ts';

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

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();

/** The text of the table row whose first cell (row header) is `name`. */
async function rowText(page: Page, name: string) {
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await row.waitFor();
  return (await row.textContent()) ?? '';
}

describe('Verwaltung: Teams', () => {
  it('admin creates a team; missing and duplicate input get German messages at the fields', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await nav(page, 'Teams');
    await expectPage(page, 'Teams');
    await page.getByRole('link', { name: 'Neues Team' }).click();
    await expectPage(page, 'Neues Team');

    // Nothing filled in: the summary lists each field, each field shows its message.
    await page.getByRole('button', { name: 'Anlegen' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Name des Teams: Bitte füllen Sie „Name des Teams“ aus.',
      'Standort: Bitte füllen Sie „Standort“ aus.',
      'Art des Teams: Bitte füllen Sie „Art des Teams“ aus.',
    ]);
    await expectAccessible(page, 'Neues Team mit Fehlern');

    // A name that exists already: the server's field error lands at the field.
    await page.getByLabel('Name des Teams').fill('Team Dillenburg');
    await page.getByLabel('Standort').selectOption({ label: 'Dillenburg' });
    await page.getByLabel('Art des Teams').selectOption({ label: 'Regionalteam' });
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await summary.getByText('Name des Teams: Ein Team mit diesem Namen gibt es schon.').waitFor();
    expect(await page.getByLabel('Name des Teams').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Name des Teams').fill('Team Aßlar');
    await page.getByLabel('Standort').selectOption({ label: 'Wetzlar' });
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.waitForURL('**/verwaltung/teams');
    await page.getByRole('status').getByText('Das Team „Team Aßlar“ wurde angelegt.').waitFor();
    await expectPage(page, 'Teams');
    expect(await rowText(page, 'Team Aßlar')).toContain('Regionalteam');

    // a new site: empty name refused at the field, then created and listed with its teams
    const sites = page.getByRole('region', { name: 'Standorte' });
    await sites.getByRole('button', { name: 'Standort anlegen' }).click();
    await sites.getByText('Name des Standorts: Bitte füllen Sie „Name des Standorts“ aus.').first().waitFor();
    await sites.getByLabel('Name des Standorts').fill('Herborn');
    await sites.getByRole('button', { name: 'Standort anlegen' }).click();
    await sites.getByText('Der Standort „Herborn“ wurde angelegt.').waitFor();
    expect(await rowText(page, 'Herborn')).toContain('0');
    await expectAccessible(page, 'Teams und Standorte');
  });

  it('a stale edit gets a clear conflict message, keeps the input, and can be redone on the current state', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await nav(page, 'Teams');
    await page.getByRole('link', { name: 'Team Wetzlar Süd', exact: true }).click();
    await expectPage(page, 'Team „Team Wetzlar Süd“ bearbeiten');
    await page.getByRole('region', { name: 'Mitglieder' }).getByText('Thomas Lenz').waitFor();
    await page.getByLabel('Name des Teams').fill('Team Wetzlar Süd-Ost');

    // Meanwhile someone else renames the team.
    const other = await apiAs(e2e.url, 'admin');
    const teamId = e2e.server.tenant.teamIds['Team Wetzlar Süd'] as string;
    const current = await other.get<{ version: number }>(`/api/org/teams/${teamId}`);
    await other.patch(`/api/org/teams/${teamId}`, { name: 'Team Wetzlar Mitte', version: current.version });

    await page.getByRole('button', { name: 'Speichern' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Inzwischen geändert').waitFor();
    await alert.getByText('Das Team wurde inzwischen von jemand anderem geändert.', { exact: false }).waitFor();
    await alert.getByText('Ihre Eingaben sind erhalten.', { exact: false }).waitFor();
    expect(await page.getByLabel('Name des Teams').inputValue()).toBe('Team Wetzlar Süd-Ost');
    await expectAccessible(page, 'Team bearbeiten mit Konflikt');

    await page.getByRole('button', { name: 'Aktuellen Stand laden' }).click();
    await expect.poll(() => page.getByLabel('Name des Teams').inputValue()).toBe('Team Wetzlar Mitte');
    await page.getByLabel('Name des Teams').fill('Team Wetzlar Süd-Ost');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL('**/verwaltung/teams');
    await page.getByText('Die Änderungen wurden gespeichert.').waitFor();
    expect(await rowText(page, 'Team Wetzlar Süd-Ost')).toContain('Wetzlar');
  });
});

describe('Verwaltung: Mitarbeitende', () => {
  it('admin creates an account and sees the initial password once; with it the new person must set their own', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await nav(page, 'Mitarbeitende');
    await expectPage(page, 'Mitarbeitende');
    await page.getByRole('link', { name: 'Neues Konto' }).click();
    await expectPage(page, 'Neues Konto');

    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.locator('.error-summary').getByText('Rollen: Bitte wählen Sie mindestens eine Angabe bei „Rollen“.').waitFor();
    await expectAccessible(page, 'Neues Konto mit Fehlern');

    await page.getByLabel('Benutzername').fill('mmuster');
    await page.getByLabel('Name', { exact: true }).fill('Maria Muster');
    await page.getByLabel('E-Mail-Adresse').fill('maria.muster@jobcenter.example');
    await page.getByRole('group', { name: 'Rollen' }).getByLabel('Integrationsfachkraft (pAp)').check();
    await page.getByRole('group', { name: 'Teams' }).getByLabel('Team Wetzlar Nord (Wetzlar)').check();
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expectPage(page, 'Das Konto für Maria Muster wurde angelegt.');
    const password = (await page.getByTestId('einmal-passwort').textContent())?.trim() ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    await page.getByText('Dieses Passwort wird nur jetzt angezeigt.', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Zur Liste „Mitarbeitende“' }).click();
    await expectPage(page, 'Mitarbeitende');
    const row = await rowText(page, 'Maria Muster');
    expect(row).toContain('mmuster');
    expect(row).toContain('Team Wetzlar Nord');
    expect(row).toContain('Passwortwechsel fällig');

    // The new person signs in with the initial password and is held on the password page.
    const newcomer = await e2e.newPage();
    await login(newcomer, 'mmuster', password);
    await newcomer.waitForURL('**/passwort');
    await expectPage(newcomer, 'Passwort ändern');
    await newcomer.getByText('Bitte ändern Sie Ihr Passwort, bevor Sie weiterarbeiten.', { exact: false }).waitFor();
    expect(await newcomer.getByRole('navigation', { name: 'Hauptnavigation' }).count()).toBe(0);
    await newcomer.goto('/');
    await newcomer.waitForURL('**/passwort');

    await newcomer.getByLabel('Bisheriges Passwort').fill(password);
    await newcomer.getByLabel('Neues Passwort', { exact: true }).fill('Maria-wählt-ein-neues-2026');
    await newcomer.getByLabel('Neues Passwort wiederholen').fill('Maria-wählt-ein-neues-2026');
    await newcomer.getByRole('button', { name: 'Passwort ändern' }).click();
    await newcomer.waitForURL((u) => u.pathname === '/');
    await newcomer.getByText('Ihr Passwort wurde geändert.').waitFor();
    await expectPage(newcomer, 'Guten Tag, Maria Muster');
    await newcomer.getByText('Integrationsfachkraft (pAp)').waitFor();
    await newcomer.getByText('Team Wetzlar Nord').waitFor();
    expect(await navLinks(newcomer)).toEqual([
      'Startseite',
      'Personen',
      'Fallbestand',
      'Meine Termine und Fristen',
      'MitArbeit',
      'Maßnahmen',
      'Geförderte Beschäftigung',
      'Teamreport',
    ]);
  });

  it('admin changes roles, resets a password and locks an account', async () => {
    const page = await e2e.newPage();
    await login(page, 'admin');
    await nav(page, 'Mitarbeitende');
    await page.getByRole('link', { name: 'Lars Engel', exact: true }).click();
    await expectPage(page, 'Konto von Lars Engel bearbeiten');

    await page.getByRole('group', { name: 'Rollen' }).getByLabel('Teamleitung').check();
    await page.getByRole('group', { name: 'Teams' }).getByLabel('Team Dillenburg (Dillenburg)').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL('**/verwaltung/mitarbeitende');
    await page.getByText('Die Änderungen wurden gespeichert.').waitFor();
    const row = await rowText(page, 'Lars Engel');
    expect(row).toContain('Leistungssachbearbeitung, Teamleitung');
    expect(row).toContain('Team Dillenburg');
    expect(row).toContain('Team Wetzlar Nord');

    await page.getByRole('link', { name: 'Lars Engel', exact: true }).click();
    await expectPage(page, 'Konto von Lars Engel bearbeiten');
    await page.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    await page.getByText('Soll wirklich ein neues Passwort erzeugt werden?', { exact: false }).waitFor();
    await expectAccessible(page, 'Passwort zurücksetzen – Rückfrage');
    await page.getByRole('button', { name: 'Ja, neues Passwort erzeugen' }).click();
    const password = (await page.getByTestId('einmal-passwort').textContent())?.trim() ?? '';
    expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    await expectAccessible(page, 'Passwort zurückgesetzt');

    // The old password no longer works, the new one does.
    const lars = await e2e.newPage();
    await login(lars, 'leistung', password);
    await lars.waitForURL('**/passwort');

    // Locking the account: the form follows the record's new version after the reset.
    await page.getByLabel('Konto ist aktiv').uncheck();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL('**/verwaltung/mitarbeitende');
    await expect.poll(() => rowText(page, 'Lars Engel')).toContain('gesperrt');
    const locked = await e2e.newPage();
    await locked.goto('/anmelden');
    await locked.getByLabel('Benutzername', { exact: true }).fill('leistung');
    await locked.getByLabel('Passwort', { exact: true }).fill(password);
    await locked.getByRole('button', { name: 'Anmelden' }).click();
    await locked.getByRole('alert').getByText('Benutzername oder Passwort ist falsch.').waitFor();
  });
});

describe('Berechtigungen', () => {
  it('a pap user sees no administration and gets the German forbidden page at /verwaltung and /protokoll', async () => {
    const page = await e2e.newPage();
    await login(page, 'pap');
    await expectPage(page, 'Guten Tag, Petra Albers');
    expect(await navLinks(page)).toEqual([
      'Startseite',
      'Personen',
      'Fallbestand',
      'Meine Termine und Fristen',
      'MitArbeit',
      'Maßnahmen',
      'Geförderte Beschäftigung',
      'Teamreport',
    ]);
    expect(await page.getByRole('region', { name: 'Ihre Bereiche' }).getByRole('link').allTextContents()).toEqual([
      'Personen',
      'Fallbestand',
      'Meine Termine und Fristen',
      'MitArbeit',
      'Maßnahmen',
      'Geförderte Beschäftigung',
      'Teamreport',
    ]);

    for (const url of ['/verwaltung/teams', '/verwaltung/mitarbeitende/neu', '/verwaltung', '/verwaltung/import', '/protokoll']) {
      await page.goto(url);
      await expectPage(page, 'Keine Berechtigung');
      await page.getByText('Für diese Seite fehlt Ihnen die Berechtigung.', { exact: false }).waitFor();
      expect(await navLinks(page)).toEqual([
        'Startseite',
        'Personen',
        'Fallbestand',
        'Meine Termine und Fristen',
        'MitArbeit',
        'Maßnahmen',
        'Geförderte Beschäftigung',
        'Teamreport',
      ]);
    }
  });
});
