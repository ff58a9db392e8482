import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Agent, startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { LOGIN_FAILED, LOGIN_LOCKED, MAX_FAILED_LOGINS } from './service.ts';
import { SESSION_REVALIDATE_MS } from './session-cache.ts';

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

  it('ends a session after the idle timeout; requests in between keep it alive', async () => {
    const a = await Agent.login(t.app, 'vorstand');
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    // the clock moves on (only Date: the database and the event loop keep their own time)
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 29 * 60_000);
      expect((await a.get('/api/auth/session')).statusCode).toBe(200);
      vi.setSystemTime(Date.now() + 29 * 60_000);
      expect((await a.get('/api/auth/session')).statusCode).toBe(200);
      vi.setSystemTime(Date.now() + 31 * 60_000);
      const res = await a.get('/api/auth/session');
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toMatch(/abgelaufen/);
      const [left] = await t.db.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM sessions s JOIN staff st ON st.id = s.staff_id WHERE st.username = 'vorstand'`,
      );
      expect(left?.n).toBe(0);
    } finally {
      vi.useRealTimers();
    }
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

describe('the session cache (docs/decisions/0006-session-cache.md)', () => {
  let t: TestApp;
  let admin: Agent;
  const staffId = (username: string) => t.tenant.staffIds[username] as string;
  const version = async (id: string) => (await admin.get(`/api/org/staff/${id}`)).json().version as number;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await Agent.login(t.app, 'admin');
  });
  afterAll(() => t.close());
  // The clock stands still (only Date): a cached session stays fresh until a test moves the clock,
  // so each change below is seen either because it evicted the cache or because the bound passed.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('logout ends the cached session at once', async () => {
    const a = await Agent.login(t.app, 'leistung');
    const cookie = a.cookie;
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    expect((await a.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('a role or team taken away through the API applies to the next request', async () => {
    const lead = await Agent.login(t.app, 'teamleitung');
    const pap = staffId('pap');
    expect((await lead.get(`/api/org/staff/${pap}`)).statusCode).toBe(200);
    const id = staffId('teamleitung');
    const changed = await admin.patch(`/api/org/staff/${id}`, { roles: ['pap'], version: await version(id) });
    expect(changed.statusCode).toBe(204);
    expect((await lead.get('/api/auth/session')).json().roles).toEqual(['pap']);
    // only the own record now, and someone else's is reported as unknown
    expect((await lead.get(`/api/org/staff/${pap}`)).statusCode).toBe(404);
    const back = await admin.patch(`/api/org/staff/${id}`, { roles: ['teamleitung'], teamIds: [], version: await version(id) });
    expect(back.statusCode).toBe(204);
    expect((await lead.get('/api/auth/session')).json()).toMatchObject({ roles: ['teamleitung'], teamIds: [] });
    expect((await lead.get(`/api/org/staff/${pap}`)).statusCode).toBe(404);
  });

  it('disabling an account through the API ends its cached sessions at once', async () => {
    const a = await Agent.login(t.app, 'pap2');
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    const id = staffId('pap2');
    expect((await admin.patch(`/api/org/staff/${id}`, { active: false, version: await version(id) })).statusCode).toBe(204);
    expect((await a.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('a changed password lifts the must-change block at once', async () => {
    const id = staffId('fallmanagement');
    const reset = await admin.post(`/api/org/staff/${id}/reset-password`);
    const a = await Agent.login(t.app, 'fallmanagement', reset.json().password);
    expect((await a.get('/api/org/teams')).statusCode).toBe(403);
    const changed = await a.post('/api/auth/password', {
      currentPassword: reset.json().password,
      newPassword: 'Ein-langes-neues-Passwort-2',
    });
    expect(changed.statusCode).toBe(204);
    expect((await a.get('/api/org/teams')).statusCode).toBe(200);
  });

  it('a change written by another process (here: plain SQL) applies within SESSION_REVALIDATE_MS', async () => {
    const a = await Agent.login(t.app, 'agps');
    const b = await Agent.login(t.app, 'controlling');
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).statusCode).toBe(200);
    // e.g. `teilhabe user disable agps` on the command line, and an idle session as another process would see it
    await t.db.rows(sql`UPDATE staff SET active = false WHERE id = ${staffId('agps')}`);
    await t.db.rows(
      sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE staff_id = ${staffId('controlling')}`,
    );
    // within the bound the cached sessions still answer: that is the documented staleness
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + SESSION_REVALIDATE_MS + 1);
    expect((await a.get('/api/auth/session')).statusCode).toBe(401);
    const idle = await b.get('/api/auth/session');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().detail).toMatch(/abgelaufen/);
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
