import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE, withDatabaseName } from '../src/db/testing.ts';

/** Makes the migrated templates each test file's database is cloned from (see src/db/testing.ts). */
export default async function setup() {
  fs.mkdirSync(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  const lite = await openPglite(undefined);
  await migrate(lite);
  const client = (lite.orm as unknown as { $client: PGlite }).$client;
  const blob = await client.dumpDataDir('none');
  fs.writeFileSync(PGLITE_TEMPLATE, Buffer.from(await blob.arrayBuffer()));
  await lite.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
    await admin.end();
    const db = await openPostgres(withDatabaseName(url, PG_TEMPLATE_DB), 1);
    await migrate(db);
    await db.close();
  }
}
