import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, TEST_PASSWORD, TEST_TENANT } from '../../test/support/app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { openTestDatabase } from '../db/testing.ts';
import { AppError } from '../lib/errors.ts';
import { createTenant } from '../modules/org/bootstrap.ts';
import { buildApp } from './app.ts';

/** Errors as RFC 9457 problem+json: German, with a request id, never a stack trace. */
describe('problem+json answers', () => {
  let db: Database;
  let app: FastifyInstance;
  let webDist: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    await createTenant(db, TEST_TENANT);
    // a built web app of our own, to check that pages and API 404s share the not-found handler
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Teilhabe</title>');
    fs.writeFileSync(path.join(webDist, 'assets', 'app-1234.js'), 'console.log(1)');
    app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent' }), webDist });
    const open = { config: { access: { public: true as const } } };
    app.get('/api/test/boom', open, async () => {
      const err = new Error('Geheimer Fehlertext mit Hildegard Musterfrau');
      err.stack = `Error: Geheimer Fehlertext\n    at handler (${path.resolve('src/secret.ts')}:1:1)`;
      throw err;
    });
    app.get('/api/test/teapot', open, async () => {
      throw Object.assign(new Error('intern'), { statusCode: 418 });
    });
    app.get('/api/test/app-error', open, async () => {
      throw new AppError(409, 'Konflikt', 'Schon vergeben.', '/problems/conflict', { current: { version: 3 } });
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  const expectProblem = (res: LightMyRequestResponse, status: number) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const body = res.json();
    expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(body)).not.toMatch(/stack|\bat .*:\d+:\d+|node_modules|src\//);
    return body;
  };
  const login = (payload: string, contentType = 'application/json') =>
    app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': contentType }, payload });

  it('invalid JSON → 400 in German', async () => {
    const body = expectProblem(await login('{"username": "pap", '), 400);
    expect(body).toMatchObject({ title: 'Ungültige Anfrage', detail: 'Der Inhalt der Anfrage ist kein gültiges JSON.' });
  });

  it('an empty JSON body → 400 in German', async () => {
    expect(expectProblem(await login(''), 400).detail).toBe('Die Anfrage hat den Typ JSON, aber keinen Inhalt.');
  });

  it('a body over 1 MiB → 413', async () => {
    const big = JSON.stringify({ username: 'pap', password: 'x'.repeat(1024 * 1024) });
    const body = expectProblem(await login(big), 413);
    expect(body.title).toBe('Anfrage zu groß');
  });

  it('a content type other than JSON → 415', async () => {
    expect(expectProblem(await login('username=pap', 'application/x-www-form-urlencoded'), 415).title).toBe(
      'Falscher Inhaltstyp',
    );
  });

  it('an unknown /api route → 404 problem+json, also with a query string (not echoed)', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/gibt-es-nicht?name=Hildegard' });
    const body = expectProblem(res, 404);
    expect(body).toMatchObject({ title: 'Nicht gefunden', instance: '/api/gibt-es-nicht' });
    expect(res.body).not.toContain('Hildegard');
    expectProblem(await app.inject({ method: 'DELETE', url: '/api/org/sites' }), 404);
    expectProblem(await app.inject({ method: 'GET', url: '/api' }), 404);
  });

  it('pages of the web app outside /api are its index.html; assets are files', async () => {
    const page = await app.inject({ method: 'GET', url: '/personen/0190a0a0-0000-7000-8000-000000000000' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<title>Teilhabe</title>');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log(1)');
    expectProblem(await app.inject({ method: 'POST', url: '/personen' }), 404);
  });

  it('schema validation → 422 with errors[].field naming body fields as the services do', async () => {
    const res = await login(JSON.stringify({ username: '', password: TEST_PASSWORD }));
    const body = expectProblem(res, 422);
    expect(body).toMatchObject({
      type: '/problems/validation',
      title: 'Eingabe ungültig',
      errors: [{ field: 'username', message: 'Bitte geben Sie Ihren Benutzernamen ein.' }],
    });
    expect(body.detail).toBe('Bitte prüfen Sie: username – Bitte geben Sie Ihren Benutzernamen ein.');

    const missing = expectProblem(await login(JSON.stringify({})), 422);
    expect(missing.errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'username']);
    // Zod's own messages are German too
    for (const e of missing.errors) expect(e.message).toMatch(/Ungültige Eingabe|erwartet/);

    const admin = await Agent.login(app, 'admin');
    const param = expectProblem(await admin.get('/api/org/staff/keine-uuid'), 422);
    expect(param.errors).toEqual([{ field: 'params.id', message: 'keine gültige Kennung' }]);
    const query = expectProblem(await admin.get('/api/audit?limit=9999'), 422);
    expect(query.errors).toEqual([{ field: 'querystring.limit', message: expect.stringMatching(/500/) }]);
    const nested = expectProblem(
      await admin.post('/api/org/staff', { username: 'x.y', displayName: 'X', roles: ['pap', 'boss'] }),
      422,
    );
    expect(nested.errors).toEqual([{ field: 'roles.1', message: expect.stringMatching(/^Rolle muss eine von/) }]);
  });

  it('an unexpected error → 500 in German with the request id, no message and no stack trace', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
    const body = expectProblem(res, 500);
    expect(body.title).toBe('Interner Fehler');
    expect(body.detail).toContain(String(res.headers['x-request-id']));
    expect(res.body).not.toContain('Geheim');
    expect(res.body).not.toContain('Hildegard');
    expect(Object.keys(body).sort()).toEqual(['detail', 'instance', 'requestId', 'status', 'title', 'type']);
  });

  it('other client errors keep their status without internal text; AppErrors carry their extras', async () => {
    const teapot = expectProblem(await app.inject({ method: 'GET', url: '/api/test/teapot' }), 418);
    expect(teapot.detail).toBe('Die Anfrage konnte nicht verarbeitet werden.');
    const conflict = expectProblem(await app.inject({ method: 'GET', url: '/api/test/app-error' }), 409);
    expect(conflict).toMatchObject({ type: '/problems/conflict', detail: 'Schon vergeben.', current: { version: 3 } });
  });

  it('401 and 403 are problems too', async () => {
    const anonymous = expectProblem(await app.inject({ method: 'GET', url: '/api/org/teams' }), 401);
    expect(anonymous.title).toBe('Nicht angemeldet');
    const pap = await Agent.login(app, 'pap');
    expect(expectProblem(await pap.post('/api/org/sites', { name: 'X' }), 403).title).toBe('Keine Berechtigung');
  });

  it('every answer carries the security headers: data and problems the API set, pages and assets the page set', async () => {
    const pap = await Agent.login(app, 'pap');
    const api = [
      await pap.get('/api/auth/session'),
      await app.inject({ method: 'GET', url: '/api/org/teams' }),
      await app.inject({ method: 'GET', url: '/api/gibt-es-nicht' }),
      await app.inject({ method: 'GET', url: '/api/test/boom' }),
      await login('{'),
    ];
    const pages = [
      await app.inject({ method: 'GET', url: '/personen/123' }),
      await app.inject({ method: 'GET', url: '/assets/app-1234.js' }),
    ];
    expect([...api, ...pages].map((r) => r.statusCode)).toEqual([200, 401, 404, 500, 400, 200, 200]);
    for (const res of api) {
      expect(res.headers).toMatchObject({
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cross-origin-resource-policy': 'same-origin',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    for (const res of pages) {
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';" +
          "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';" +
          "style-src 'self' 'unsafe-inline';connect-src 'self'",
      );
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
