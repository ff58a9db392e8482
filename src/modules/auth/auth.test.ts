import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { LOGIN_FAILED, LOGIN_LOCKED, MAX_FAILED_LOGINS } from './service.ts';

describe('login and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('logs in with an HttpOnly, SameSite=Strict session cookie and returns roles and a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'pap', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'teilhabe_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(cookie?.secure).toBeFalsy(); // plain http in the test; Secure when served over TLS
    const body = res.json();
    expect(body.roles).toEqual(['pap']);
    expect(body.tenantName).toBe('Jobcenter Lahn-Dill (Demo)');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.permissions).toContain('org.read');
    expect(body.permissions).not.toContain('org.manage');
  });

  it('an X-Forwarded-Proto header from an untrusted client does not change the cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'pap', password: TEST_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'teilhabe_session')?.secure).toBeFalsy();
  });

  it('the username is case-insensitive', async () => {
    await expect(Agent.login(t.app, 'PAP')).resolves.toBeInstanceOf(Agent);
  });

  it('answers an unknown user exactly like a wrong password (no user enumeration)', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leistung', password: 'falsch' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'niemand', password: 'falsch' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(LOGIN_FAILED);
    expect(unknown.json().detail).toBe(LOGIN_FAILED);
  });

  it(`locks an account for a while after ${MAX_FAILED_LOGINS} failed logins, also for the right password`, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'agps', password: `falsch${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agps', password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toBe(LOGIN_LOCKED);
    // unknown names lock the same way, so a lockout reveals nothing either
    for (let i = 0; i <= MAX_FAILED_LOGINS; i++)
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gibtsnicht', password: 'x' } });
    const ghost = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gibtsnicht', password: 'x' },
    });
    expect(ghost.statusCode).toBe(429);
    // once the lock has expired, the right password works again
    await t.db.rows(sql`UPDATE login_throttle SET locked_until = now() - interval '1 second'`);
    await expect(Agent.login(t.app, 'agps')).resolves.toBeInstanceOf(Agent);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const admin = await Agent.login(t.app, 'admin');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/org/sites',
      headers: { cookie: admin.cookie },
      payload: { name: 'Herborn' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().detail).toMatch(/CSRF/);
    const withToken = await admin.post('/api/org/sites', { name: 'Herborn' });
    expect(withToken.statusCode).toBe(201);
  });

  it('logout ends the session on the server', async () => {
    const a = await Agent.login(t.app, 'leistung');
    const cookie = a.cookie;
    expect((await a.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const a = await Agent.login(t.app, 'vorstand');
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    await t.db.rows(sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'`);
    const res = await a.get('/api/auth/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/abgelaufen/);
  });

  it('changes the own password with the current one and checks the new one', async () => {
    const a = await Agent.login(t.app, 'controlling');
    const weak = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'kurz' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors[0].field).toBe('newPassword');
    const wrong = await a.post('/api/auth/password', { currentPassword: 'falsch', newPassword: 'Ein-langes-neues-Passwort-1' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const ok = await a.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Ein-langes-neues-Passwort-1' });
    expect(ok.statusCode).toBe(204);
    await expect(Agent.login(t.app, 'controlling', 'Ein-langes-neues-Passwort-1')).resolves.toBeInstanceOf(Agent);
  });

  it('stores argon2id hashes, never the password', async () => {
    const [row] = await t.db.rows<{ h: string }>(sql`SELECT password_hash AS h FROM staff WHERE username = 'pap'`);
    expect(row?.h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('behind a TLS-terminating proxy (TEILHABE_TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TEILHABE_TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('sets the Secure flag when the trusted proxy says the request came over HTTPS', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'pap', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'teilhabe_session')?.secure).toBe(true);
  });
});
