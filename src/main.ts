import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { SERIES_MONTHS } from './modules/dashboard/service.ts';
import { generateDemo } from './modules/demo/generate.ts';
import { MAX_TENANTS } from './modules/indicators/facts-cache.ts';
import { indicatorService } from './modules/indicators/service.ts';
import { isEmpty, listTenantIds } from './modules/org/bootstrap.ts';
import { ROLE_LABELS } from './modules/org/model.ts';

/** Starts Teilhabe: opens the database, migrates, creates the demo Jobcenter when empty, serves. */
export async function start(config: Config) {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  const where = db.kind === 'pglite' ? `eingebettet (PGlite) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(`Datenbank: ${where}${applied.length ? `; Migrationen angewendet: ${applied.join(', ')}` : ''}`);

  if (await isEmpty(db)) {
    console.log('\nLeere Datenbank: das Demo-Jobcenter wird angelegt (dauert etwa eine halbe Minute) …');
    const demo = await generateDemo(db);
    console.log(`Demo-Jobcenter „${demo.tenantName}“ angelegt. Zugänge (werden nur dieses eine Mal angezeigt):`);
    for (const p of demo.accounts)
      console.log(`  ${p.username.padEnd(16)} ${p.password}   ${p.roles.map((r) => ROLE_LABELS[r]).join(', ')}`);
    console.log('Bitte ändern Sie die Passwörter nach der ersten Anmeldung.\n');
  }

  const app = await buildApp({ db, config });
  const close = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Teilhabe läuft auf http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
  if (config.warmFigures)
    void warmFigures(
      db,
      (msg) => app.log.info(msg),
      (msg, err) => app.log.error({ err }, msg),
    );
  return app;
}

/**
 * In the background after start: each Jobcenter's key-figure facts into memory (the dashboard's series), one
 * Jobcenter after the other so that requests keep their share of the machine. A failure is logged, not fatal:
 * the first request then loads them itself.
 */
async function warmFigures(
  db: Awaited<ReturnType<typeof openDatabase>>,
  info: (msg: string) => void,
  error: (msg: string, err: unknown) => void,
) {
  const indicators = indicatorService(db);
  // no more than the facts cache keeps: a further one would only push out one warmed before
  for (const tenantId of (await listTenantIds(db)).slice(0, MAX_TENANTS)) {
    const started = performance.now();
    try {
      const persons = await indicators.warm(tenantId, SERIES_MONTHS.default);
      info(`Kennzahlen vorbereitet: Jobcenter ${tenantId}, ${persons} Personen, ${Math.round(performance.now() - started)} ms`);
    } catch (err) {
      error(`Kennzahlen konnten beim Start nicht vorbereitet werden (Jobcenter ${tenantId})`, err);
    }
  }
}
