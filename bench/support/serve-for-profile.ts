import fs from 'node:fs';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/http/app.ts';
import { DEMO_TENANT } from '../../src/modules/demo/organisation.ts';
import { createTenant } from '../../src/modules/org/bootstrap.ts';
import { freshDatabase } from './databases.ts';

/**
 * The audited-read bench's server without its load: for `node --cpu-prof` on the server alone.
 * Writes the three URLs and the cookie as JSON to the file named in argv[2], runs until SIGTERM.
 */
const out = process.argv[2] ?? 'serve.json';
const PASSWORD = 'Bench-Passwort-2026!';
const db = await freshDatabase('postgres');
const tenant = await createTenant(db, { ...DEMO_TENANT, staff: DEMO_TENANT.staff.map((s) => ({ ...s, password: PASSWORD })) });
const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent' }), serveWeb: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const login = await fetch(`${appUrl}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'teamleitung', password: PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
const audited = `${appUrl}/api/org/staff/${tenant.staffIds.pap}`;
const body = await (await fetch(audited, { headers: { cookie } })).json();
const bare = Fastify({ logger: false });
bare.get('/bare', async () => body);
await bare.listen({ port: 0, host: '127.0.0.1' });
fs.writeFileSync(
  out,
  JSON.stringify({
    cookie,
    bare: `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/bare`,
    session: `${appUrl}/api/auth/session`,
    audited,
  }),
);
// With PROFILE=file: a CPU profile of the server from SIGUSR2 (start of the load) to SIGTERM.
const profileFile = process.env.PROFILE;
const inspector = profileFile ? new Session() : undefined;
const post = (method: string) =>
  new Promise<unknown>((resolve, reject) => inspector?.post(method, (err, result) => (err ? reject(err) : resolve(result))));
if (inspector) {
  inspector.connect();
  await post('Profiler.enable');
  process.on('SIGUSR2', () => void post('Profiler.start'));
}
const stop = async () => {
  if (inspector && profileFile) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(profileFile, JSON.stringify(profile));
  }
  await bare.close();
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
