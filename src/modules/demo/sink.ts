import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../db/client.ts';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from '../../db/copy-binary.ts';
import { deferIndexes } from '../../db/deferred-indexes.ts';
import type { TableSpec } from './records.ts';

/**
 * Writes generated rows into the database with COPY, in chunks as they come (produce.ts), all in one
 * transaction (a failed generation leaves no half-written people):
 * - PostgreSQL: `COPY … FROM STDIN` (text format) on one dedicated connection, streamed with back-pressure,
 *   so a demo of a million recipients never sits in memory as a whole;
 * - PGlite: `COPY … FROM '/dev/blob'` (PGlite's way to feed COPY), one chunk at a time. Measured against
 *   `INSERT … SELECT * FROM unnest(…)` (db/bulk.ts) on the demo's tables: about 11 % faster (text format);
 *   the binary format (db/copy-binary.ts) saves another ~40 % of the COPY where the column types allow it.
 * Into empty tables (a new demo) the secondary indexes, exclusion constraints and foreign keys are built
 * after the data, before COMMIT (db/deferred-indexes.ts), as pg_restore does.
 */
export interface Sink {
  /**
   * Writes a chunk into a table: COPY text (complete lines) or rows in COPY's binary format without header
   * and trailer (db/copy-binary.ts).
   */
  copy(spec: TableSpec, payload: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Milliseconds spent per table in COPY and, as 'rebuild', in rebuilding the deferred indexes (bench). */
  readonly ms: Record<string, number>;
}

export function openSink(db: Database, tables: readonly string[]): Promise<Sink> {
  return db.kind === 'postgres' ? openCopySink(db, tables) : openPgliteCopySink(db, tables);
}

export { copyField } from '../../db/bulk.ts';

const copyStatement = (s: TableSpec, source: string, binary: boolean) =>
  `COPY ${s.table} (${s.columns.map((c) => c.name).join(', ')}) FROM ${source}${binary ? ' WITH (FORMAT binary)' : ''}`;

async function openPgliteCopySink(db: Database, tables: readonly string[]): Promise<Sink> {
  const client = (db.orm as unknown as { $client: PGlite }).$client;
  await client.exec('BEGIN');
  const ms: Record<string, number> = {};
  const rebuild = await deferIndexes(client, tables, ms);
  let finished = false;
  const end = async (statement: string) => {
    if (finished) return;
    finished = true;
    if (statement === 'COMMIT')
      try {
        const t = performance.now();
        await rebuild();
        ms.rebuild = performance.now() - t;
      } catch (err) {
        await client.exec('ROLLBACK').catch(() => {});
        throw err;
      }
    await client.exec(statement);
  };
  return {
    async copy(spec, payload) {
      const t = performance.now();
      const binary = typeof payload !== 'string';
      const blob = binary
        ? new Blob([COPY_BINARY_HEADER, payload as Uint8Array<ArrayBuffer>, COPY_BINARY_TRAILER])
        : new Blob([payload]);
      await client.query(copyStatement(spec, `'/dev/blob'`, binary), [], { blob });
      ms[spec.table] = (ms[spec.table] ?? 0) + performance.now() - t;
    },
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
    ms,
  };
}

async function openCopySink(db: Database, tables: readonly string[]): Promise<Sink> {
  const pool = (db.orm as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  await client.query('BEGIN');
  const ms: Record<string, number> = {};
  const rebuild = await deferIndexes(client, tables, ms);
  let spec: TableSpec | null = null;
  let binary = false;
  let stream: ReturnType<typeof copyFrom> | null = null;
  let failure: Error | null = null;
  const close = async () => {
    const s = stream;
    if (!s) return;
    stream = null;
    spec = null;
    const done = new Promise<void>((resolve, reject) => {
      s.once('finish', () => resolve());
      s.once('error', reject);
    });
    if (binary) s.write(COPY_BINARY_TRAILER);
    s.end();
    await done;
  };
  let finished = false;
  const end = async (statement: string) => {
    if (finished) return;
    finished = true;
    try {
      if (statement === 'COMMIT') {
        try {
          await close();
          const t = performance.now();
          await rebuild();
          ms.rebuild = performance.now() - t;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => {});
          throw err;
        }
      } else if (stream) stream.destroy();
      await client.query(statement);
    } finally {
      client.release();
    }
  };
  return {
    async copy(s, payload) {
      if (failure) throw failure;
      const asBinary = typeof payload !== 'string';
      if (s !== spec || asBinary !== binary) {
        await close();
        spec = s;
        binary = asBinary;
        stream = client.query(copyFrom(copyStatement(s, 'STDIN', binary)));
        stream.on('error', (err: Error) => {
          failure = err;
        });
        if (binary) stream.write(COPY_BINARY_HEADER);
      }
      const st = stream as ReturnType<typeof copyFrom>;
      if (!st.write(payload))
        await new Promise<void>((resolve, reject) => {
          const drained = () => {
            st.off('error', failed);
            resolve();
          };
          const failed = (err: Error) => {
            st.off('drain', drained);
            reject(err);
          };
          st.once('drain', drained);
          st.once('error', failed);
        });
      if (failure) throw failure;
    },
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
    ms,
  };
}
