import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { deferIndexes, deferrable, type RawConnection } from './deferred-indexes.ts';
import { openTestDatabase } from './testing.ts';

/**
 * The pg_restore order on the real schema: into empty tables the secondary indexes, exclusion constraints and
 * foreign keys are dropped and rebuilt identically; a table with rows keeps everything; data that violate a
 * rebuilt constraint fail the load, and the rollback brings the definitions back.
 */
const TABLES = ['status_periods', 'household_memberships', 'persons'];

describe('deferIndexes', () => {
  let db: Database;
  let conn: RawConnection;
  let release = () => {};
  const definitions = async () => (await deferrable(conn, TABLES)).map((d) => d.create).sort();
  const inTransaction = async (fn: () => Promise<void>) => {
    await conn.query('BEGIN');
    try {
      await fn();
      await conn.query('COMMIT');
    } catch (err) {
      await conn.query('ROLLBACK');
      throw err;
    }
  };
  beforeAll(async () => {
    db = await openTestDatabase();
    // one connection for the whole file: a transaction must stay on it
    conn = {
      query: async (text) => ({ rows: await db.rows(sql.raw(text)) }),
    };
    if (db.kind === 'postgres') {
      const pool = (db.orm as unknown as { $client: import('pg').Pool }).$client;
      const client = await pool.connect();
      conn = client;
      release = () => client.release();
    }
  });
  afterAll(async () => {
    release();
    await db?.close();
  });

  it('drops and rebuilds the same definitions around a load into empty tables', async () => {
    const before = await definitions();
    expect(before.some((d) => d.includes('EXCLUDE USING gist'))).toBe(true);
    expect(before.some((d) => d.includes('FOREIGN KEY'))).toBe(true);
    expect(before.some((d) => d.includes('gist_trgm_ops'))).toBe(true);
    // a primary key that only the load's own foreign keys refer to is deferred; one that a table outside the
    // load refers to (persons ← measure_assignments and others) stays
    expect(before.some((d) => d.includes('"status_periods_tenant_id_id_pk" PRIMARY KEY'))).toBe(true);
    expect(before.some((d) => d.includes('"persons_tenant_id_id_pk"'))).toBe(false);
    await inTransaction(async () => {
      const rebuild = await deferIndexes(conn, TABLES);
      expect(await definitions()).toEqual([]);
      await rebuild();
    });
    expect(await definitions()).toEqual(before);
  });

  it('rolls the definitions back with the data when a rebuilt constraint fails', async () => {
    const before = await definitions();
    await expect(
      inTransaction(async () => {
        const rebuild = await deferIndexes(conn, TABLES);
        // a status period of a person that does not exist: the foreign key refuses it on rebuild
        await conn.query(`INSERT INTO status_periods (id, tenant_id, person_id, kind, value, valid_from)
          VALUES (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'labour', 'arbeitslos', '2020-01-01')`);
        await rebuild();
      }),
    ).rejects.toThrow();
    expect(await definitions()).toEqual(before);
    expect((await conn.query('SELECT 1 FROM status_periods')).rows).toEqual([]);
  });
});
