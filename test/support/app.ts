import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { openTestDatabase } from '../../src/db/testing.ts';
import { buildApp } from '../../src/http/app.ts';
import { DEMO_TENANT } from '../../src/modules/demo/organisation.ts';
import { type CreatedTenant, createTenant } from '../../src/modules/org/bootstrap.ts';

export const TEST_PASSWORD = 'Test-Passwort-2026!';

/** The demo organisation with one known password for every account. */
export const TEST_TENANT = {
  ...DEMO_TENANT,
  staff: DEMO_TENANT.staff.map((s) => ({ ...s, password: TEST_PASSWORD })),
};

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  tenant: CreatedTenant;
  close(): Promise<void>;
}

export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const db = await openTestDatabase();
  const tenant = await createTenant(db, TEST_TENANT);
  const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent', ...env }), serveWeb: false });
  await app.ready();
  return {
    app,
    db,
    tenant,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** A logged-in browser: keeps the session cookie and sends the CSRF token on changes. */
export class Agent {
  cookie = '';
  csrf = '';
  constructor(private app: FastifyInstance) {}

  static async login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Agent> {
    const agent = new Agent(app);
    const res = await agent.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return agent;
  }

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && opts.method && opts.method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ ...opts, headers });
    const set = res.cookies.find((c) => c.name === 'teilhabe_session');
    if (set) this.cookie = set.value ? `teilhabe_session=${set.value}` : '';
    if (res.statusCode === 200 && res.headers['content-type']?.toString().includes('json')) {
      const body = res.json() as { csrfToken?: string };
      if (typeof body?.csrfToken === 'string') this.csrf = body.csrfToken;
    }
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
}
