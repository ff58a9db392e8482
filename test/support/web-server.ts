import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { openTestDatabase } from '../../src/db/testing.ts';
import { buildApp } from '../../src/http/app.ts';
import { type CreatedTenant, createTenant } from '../../src/modules/org/bootstrap.ts';
import { TEST_TENANT } from './app.ts';

export interface WebTestServer {
  app: FastifyInstance;
  db: Database;
  tenant: CreatedTenant;
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * The real server with the built web app (dist/web) on a free local port, on a fresh test
 * database with the demo Jobcenter (every account's password is TEST_PASSWORD). For browser tests.
 */
export async function startWebTestServer(env: NodeJS.ProcessEnv = {}): Promise<WebTestServer> {
  const db = await openTestDatabase();
  const tenant = await createTenant(db, TEST_TENANT);
  const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent', ...env }), serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    db,
    tenant,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
