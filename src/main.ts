import type { Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { generateDemo } from './modules/demo/generate.ts';
import { isEmpty } from './modules/org/bootstrap.ts';
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
  return app;
}
