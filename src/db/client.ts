import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

type Schema = typeof schema;
export type AppDb = PgDatabase<PgQueryResultHKT, Schema>;
export type AppTx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or an open transaction. */
export type Executor = AppDb | AppTx;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  orm: AppDb;
  /** Raw rows of a SQL statement, the same shape on both drivers. */
  rows<T = Record<string, unknown>>(query: SQL, executor?: Executor): Promise<T[]>;
  close(): Promise<void>;
}

/** bigint (int8) and numeric come back as strings from node-postgres; counts are safe as numbers. */
pg.types.setTypeParser(20, (v) => Number(v));
// Dates stay strings ('2019-12-15'): a date is not an instant, so it never becomes a JS Date.
pg.types.setTypeParser(1082, (v) => v);

/** Extensions the migrations create; PGlite must load them at start. */
export const PGLITE_EXTENSIONS = { pg_trgm, btree_gist };

export function wrap(kind: DbKind, orm: AppDb, close: () => Promise<void>): Database {
  return {
    kind,
    orm,
    async rows<T>(query: SQL, executor: Executor = orm) {
      const result = (await executor.execute(query)) as unknown as { rows: T[] };
      return result.rows;
    },
    close,
  };
}

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir, extensions: PGLITE_EXTENSIONS });
  await client.waitReady;
  const orm = drizzlePglite(client, { schema }) as unknown as AppDb;
  return wrap('pglite', orm, () => client.close());
}

export async function openPostgres(url: string, poolSize = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that dies (server restart, failover, a dropped test database) is reported on
  // the pool; without a listener that 'error' event would end the process. The pool discards the
  // connection and opens a new one when needed, so a note suffices (code only, never data).
  let closing = false;
  pool.on('error', (err) => {
    if (!closing)
      console.error(`Datenbank: eine ruhende Verbindung wurde getrennt (${(err as { code?: string }).code ?? err.name}).`);
  });
  // Fail at start, with the server's own message, rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const orm = drizzlePg(pool, { schema }) as unknown as AppDb;
  return wrap('postgres', orm, () => {
    closing = true;
    return pool.end();
  });
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
