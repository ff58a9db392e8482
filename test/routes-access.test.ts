import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../src/modules/auth/permissions.ts';
import { startTestApp, type TestApp } from './support/app.ts';

/** Every route must say who may call it; a route without a declaration cannot even be registered. */
describe('access declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('every registered route declares public access or a known permission', () => {
    const routes = t.app.registeredRoutes.filter((r) => r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(10);
    for (const r of routes) {
      expect(r.access, `${r.method} ${r.url}`).toBeDefined();
      if (r.access && 'permission' in r.access) expect(Object.keys(PERMISSIONS)).toContain(r.access.permission);
    }
  });

  it('only login, health, the API docs and the web app are public', () => {
    const publicRoutes = t.app.registeredRoutes
      .filter((r) => r.access && 'public' in r.access && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !r.includes('/api/docs') && !r.includes('/assets/'));
    expect(publicRoutes.sort()).toEqual(['GET /api/health', 'POST /api/auth/login'].sort());
  });

  it('a route without an access declaration is refused at registration', async () => {
    const { default: Fastify } = await import('fastify');
    const { registerAccess } = await import('../src/http/access.ts');
    const app = Fastify();
    registerAccess(app, {} as never, {} as never);
    expect(() => app.get('/api/undeclared', async () => 'x')).toThrow(/declares no access/);
    await app.close();
  });

  it('every non-public API route answers 401 without a session', async () => {
    for (const r of t.app.registeredRoutes) {
      if (!r.access || 'public' in r.access || !r.url.startsWith('/api/')) continue;
      const url = r.url.replace(/:id/g, '0190a0a0-0000-7000-8000-000000000000');
      const res = await t.app.inject({ method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });
});
