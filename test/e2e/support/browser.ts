import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { TEST_PASSWORD } from '../../support/app.ts';
import { startWebTestServer, type WebTestServer } from '../../support/web-server.ts';

/**
 * Browser tests: the real server (in this process, fresh test database, demo Jobcenter) serving the
 * built web app, driven by Debian's Chromium through playwright-core. One server and one browser per
 * test file; each test opens its own browser context (own cookies).
 */

export { TEST_PASSWORD };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let built = false;
/** Builds dist/web if web/ changed since the last build (cheap when it did not). */
function ensureWebBuilt() {
  if (built) return;
  const root = path.resolve(import.meta.dirname, '../../..');
  execFileSync(process.execPath, ['scripts/build-web-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) throw new Error('dist/web fehlt: npm run build:web');
  built = true;
}

export interface E2E {
  server: WebTestServer;
  browser: Browser;
  /** Base address of the server, e.g. http://127.0.0.1:40123 */
  url: string;
  /** A new page in a new browser context (no cookies), German locale. */
  newPage(): Promise<Page>;
  /** Uncaught errors in any page so far (should stay empty). */
  pageErrors: string[];
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  ensureWebBuilt();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium fehlt unter ${CHROMIUM} (apt-get install -y chromium)`);
  const [server, browser] = await Promise.all([
    startWebTestServer(),
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }),
  ]);
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  return {
    server,
    browser,
    url: server.url,
    pageErrors,
    async newPage() {
      const context = await browser.newContext({
        baseURL: server.url,
        locale: 'de-DE',
        timezoneId: 'Europe/Berlin',
        viewport: { width: 1280, height: 900 },
      });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
      // React reports errors its boundaries caught on the console. Expected there: API errors and
      // missing permissions (they have their pages), failed requests (401, 404). Anything else is a bug.
      page.on('console', (m) => {
        const text = m.text();
        if (m.type() === 'error' && !text.startsWith('Failed to load resource') && !/\b(ApiError|PermissionDenied)\b/.test(text))
          pageErrors.push(`${page.url()}: ${text}`);
      });
      return page;
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** Signs in through the login page and waits until the app has left it. */
export async function login(page: Page, username: string, password = TEST_PASSWORD) {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/anmelden')) await page.goto('/anmelden');
  await page.getByLabel('Benutzername', { exact: true }).fill(username);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/anmelden'));
}

/**
 * Checks the page as it is now with axe (WCAG 2.0/2.1 A and AA) and fails on any "serious" or
 * "critical" violation, listing rule, help text and the offending elements.
 */
export async function expectAccessible(page: Page, label = page.url()) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} – ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
  if (bad.length) throw new Error(`Barrierefreiheit (${label}):\n${report}`);
  return result;
}

/**
 * Waits for a page: its h1 and the document title ("<title> – Teilhabe"), no loading indicator,
 * then runs axe on it. Use after every navigation, so every page visited is checked.
 */
export async function expectPage(page: Page, title: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  if (typeof title === 'string') await expect.poll(() => page.title()).toBe(`${title} – Teilhabe`);
  else await expect.poll(() => page.title()).toMatch(title);
  await expect.poll(() => page.locator('.kern-loader').count()).toBe(0);
  await expectAccessible(page, `${typeof title === 'string' ? title : title.source} (${new URL(page.url()).pathname})`);
}

/** The navigation links shown to the signed-in person. */
export async function navLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').allTextContents();
}

/** An API client with its own session, for preparing or changing data behind the browser's back. */
export async function apiAs(baseUrl: string, username: string, password = TEST_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${p}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${await r.text()}`);
    return (r.status === 204 ? undefined : await r.json()) as T;
  };
  return {
    get: <T>(p: string) => call<T>('GET', p),
    post: <T>(p: string, body?: unknown) => call<T>('POST', p, body),
    patch: <T>(p: string, body?: unknown) => call<T>('PATCH', p, body),
  };
}
