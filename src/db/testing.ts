import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { AppDb } from './client.ts';
import { type Database, openPostgres, PGLITE_EXTENSIONS, wrap } from './client.ts';
import * as schema from './schema.ts';

/**
 * Test databases. Each test file gets its own fresh, migrated database so that files run in parallel:
 * on PGlite it is loaded from a migrated data-dir dump (≈0.5 s instead of ≈3 s for init + migrate);
 * on PostgreSQL (TEST_DATABASE_URL, project "postgres") it is a new database cloned from a migrated
 * template database, dropped again when the file is done. Both templates are made once per run by
 * test/global-setup.ts.
 */
export const PGLITE_TEMPLATE = path.resolve('.test-results/pglite-template.tar');
/** Per checkout, so that test runs in two worktrees on the same server do not drop each other's template. */
export const PG_TEMPLATE_DB = `teilhabe_test_template_${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}`;

export function testBackend(): 'pglite' | 'postgres' {
  return process.env.TEILHABE_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function openTestDatabase(): Promise<Database> {
  if (testBackend() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL fehlt für das Test-Backend postgres');
    const name = `teilhabe_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DB}`);
    await admin.end();
    const db = await openPostgres(withDatabaseName(url, name), 5);
    return {
      ...db,
      async close() {
        await db.close();
        const drop = new pg.Client({ connectionString: url });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await drop.end();
      },
    };
  }
  const blob = new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
  const client = new PGlite({ loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
  await client.waitReady;
  return wrap('pglite', drizzle(client, { schema }) as unknown as AppDb, () => client.close());
}
