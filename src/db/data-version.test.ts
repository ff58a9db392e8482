import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../modules/demo/organisation.ts';
import { createTenant } from '../modules/org/bootstrap.ts';
import { bulkInsert, COPY_MIN_ROWS } from './bulk.ts';
import type { Database } from './client.ts';
import { compact, dataVersion } from './data-version.ts';
import { uuidv7 } from './ids.ts';
import { openTestDatabase } from './testing.ts';

/** The tables the key figures read (migrations 0009, 0011): every write to them moves the data version. */
const TABLES = [
  'sites',
  'teams',
  'households',
  'persons',
  'household_memberships',
  'benefit_periods',
  'status_periods',
  'team_assignments',
  'employments',
  'household_payments',
];

/**
 * The data version of each Jobcenter moves with every committed write to its rows of the tables the key
 * figures read, on every path, and not with writes of other Jobcenters.
 */
describe('dataVersion', () => {
  let db: Database;
  let a: string;
  let b: string;
  /** A Jobcenter that never writes: only writes for all Jobcenters (NULL rows) move it. */
  let c: string;
  let teamA: string;
  let teamB: string;
  const versions = async () => ({ a: await dataVersion(db, a), b: await dataVersion(db, b), c: await dataVersion(db, c) });
  const households = (tenantIds: string[], teamIds: string[], prefix: string) => {
    const ids = tenantIds.map(() => uuidv7());
    return db.orm.transaction((tx) =>
      bulkInsert(
        tx,
        'households',
        [
          { name: 'tenant_id', type: 'uuid' },
          { name: 'id', type: 'uuid' },
          { name: 'number', type: 'text' },
          { name: 'team_id', type: 'uuid' },
        ],
        [tenantIds, ids, ids.map((_, i) => `${prefix}${i}`), teamIds],
      ),
    );
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    const tenant = async (name: string) => {
      const created = await createTenant(db, { ...DEMO_TENANT, name, staff: [] });
      return { id: created.tenantId, team: Object.values(created.teamIds)[0] as string };
    };
    const ta = await tenant('Jobcenter A');
    const tb = await tenant('Jobcenter B');
    a = ta.id;
    b = tb.id;
    teamA = ta.team;
    teamB = tb.team;
    c = (await tenant('Jobcenter C')).id;
  });
  afterAll(async () => db?.close());

  it('grows with each write statement, COPY included, and not with reads, empty or rolled-back writes', async () => {
    const v0 = await versions();
    expect(await versions()).toEqual(v0);
    await db.rows(sql`SELECT count(*) FROM persons`);
    await db.rows(sql`UPDATE persons SET sex = sex WHERE false`); // writes no row
    expect(await versions()).toEqual(v0);
    await db.rows(sql`UPDATE teams SET name = name WHERE tenant_id = ${a}`);
    const v1 = await versions();
    expect(v1.a).toBeGreaterThan(v0.a);
    expect(v1.b).toBe(v0.b);
    // a bulk load through COPY (db/bulk.ts from COPY_MIN_ROWS rows on, inside a transaction)
    const n = COPY_MIN_ROWS + 1;
    await db.orm.transaction(async (tx) => {
      const ids = Array.from({ length: n }, () => uuidv7());
      await bulkInsert(
        tx,
        'households',
        [
          { name: 'tenant_id', type: 'uuid' },
          { name: 'id', type: 'uuid' },
          { name: 'number', type: 'text' },
          { name: 'team_id', type: 'uuid' },
        ],
        [ids.map(() => a), ids, ids.map((_, i) => `BG${i}`), ids.map(() => teamA)],
      );
    });
    const v2 = await versions();
    expect(v2.a).toBe(v1.a + 1n); // one row for the whole statement (one tenant touched), not one per row
    expect(v2.b).toBe(v0.b);
    await expect(
      db.orm.transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM households WHERE tenant_id = ${a}`);
        throw new Error('zurück');
      }),
    ).rejects.toThrow('zurück');
    expect(await versions()).toEqual(v2);
  });

  it('INSERT, UPDATE, DELETE and COPY each move the version of exactly the Jobcenters touched', async () => {
    // INSERT (array insert, below COPY_MIN_ROWS): A only
    let v = await versions();
    await households([a, a, a], [teamA, teamA, teamA], 'INS');
    let w = await versions();
    expect(w).toEqual({ ...v, a: v.a + 1n });

    // UPDATE: B only
    v = w;
    await db.rows(sql`UPDATE teams SET name = name WHERE tenant_id = ${b}`);
    w = await versions();
    expect(w).toEqual({ ...v, b: v.b + 1n });

    // DELETE: A only (one statement, one row for A, however many rows)
    v = w;
    await db.rows(sql`DELETE FROM households WHERE tenant_id = ${a} AND number LIKE 'INS%'`);
    w = await versions();
    expect(w).toEqual({ ...v, a: v.a + 1n });

    // COPY of rows of two Jobcenters in one statement: A and B, C not
    v = w;
    const n = COPY_MIN_ROWS + 2;
    await db.orm.transaction(async (tx) => {
      const tenants = Array.from({ length: n }, (_, i) => (i % 2 ? a : b));
      const ids = tenants.map(() => uuidv7());
      await bulkInsert(
        tx,
        'households',
        [
          { name: 'tenant_id', type: 'uuid' },
          { name: 'id', type: 'uuid' },
          { name: 'number', type: 'text' },
          { name: 'team_id', type: 'uuid' },
        ],
        [tenants, ids, ids.map((_, i) => `COPY${i}`), tenants.map((t) => (t === a ? teamA : teamB))],
      );
    });
    w = await versions();
    expect(w).toEqual({ ...v, a: v.a + 1n, b: v.b + 1n });

    // UPDATE and DELETE of rows of two Jobcenters in one statement: both
    v = w;
    await db.rows(sql`UPDATE households SET number = number || 'x' WHERE number LIKE 'COPY%'`);
    w = await versions();
    expect(w).toEqual({ ...v, a: v.a + 1n, b: v.b + 1n });
    v = w;
    await db.rows(sql`DELETE FROM households WHERE number LIKE 'COPY%'`);
    w = await versions();
    expect(w).toEqual({ ...v, a: v.a + 1n, b: v.b + 1n });

    // TRUNCATE has no transition table: it moves every Jobcenter
    v = w;
    await db.rows(sql`TRUNCATE household_payments`);
    w = await versions();
    expect(w).toEqual({ a: v.a + 1n, b: v.b + 1n, c: v.c + 1n });
  });

  it('every table has its trigger for each event, INSERT, UPDATE and DELETE with their transition tables', async () => {
    // tgtype bits (pg_trigger.h): row 1, insert 4, delete 8, update 16, truncate 32
    const triggers = await db.rows<{ table: string; event: string; fn: string; old: string | null; new: string | null }>(sql`
      SELECT c.relname AS table, e.event, p.proname AS fn, t.tgoldtable AS old, t.tgnewtable AS new
        FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_proc p ON p.oid = t.tgfoid
        CROSS JOIN LATERAL (VALUES (4, 'insert'), (8, 'delete'), (16, 'update'), (32, 'truncate')) e(bit, event)
       WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND t.tgtype & 1 = 0 AND t.tgtype & e.bit <> 0
         AND p.proname LIKE 'data\\_changed%'`);
    const found = new Map(triggers.map((t) => [`${t.table}:${t.event}`, t]));
    for (const table of TABLES) {
      const insert = found.get(`${table}:insert`);
      const update = found.get(`${table}:update`);
      const del = found.get(`${table}:delete`);
      expect(insert?.fn, `${table} INSERT`).toBe('data_changed_insert');
      expect(insert?.new, `${table} INSERT`).toBeTruthy();
      expect(update?.fn, `${table} UPDATE`).toBe('data_changed_update');
      expect(update?.old && update?.new, `${table} UPDATE`).toBeTruthy();
      expect(del?.fn, `${table} DELETE`).toBe('data_changed_delete');
      expect(del?.old, `${table} DELETE`).toBeTruthy();
      expect(found.get(`${table}:truncate`)?.fn, `${table} TRUNCATE`).toBe('data_changed');
    }
  });

  it('keeps every Jobcenter’s version when the rows are folded into the bases, again and again', async () => {
    await db.rows(sql`UPDATE teams SET name = name WHERE tenant_id IN (${a}, ${b})`);
    await db.rows(sql`UPDATE teams SET name = name WHERE tenant_id = ${a}`);
    await db.rows(sql`TRUNCATE household_payments`);
    const before = await versions();
    await compact(db);
    expect((await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM data_changes`))[0]?.n).toBe(0);
    expect(await versions()).toEqual(before);
    // a Jobcenter that has no rows and no base of its own yet: the global part only
    expect(await dataVersion(db, uuidv7())).toBe(
      BigInt((await db.rows<{ n: string }>(sql`SELECT changes::text AS n FROM data_changes_base`))[0]?.n ?? -1),
    );

    // after a compaction, writes move only the Jobcenters touched; a second compaction adds to the bases
    await db.rows(sql`DELETE FROM households WHERE tenant_id = ${a}`);
    const after = await versions();
    expect(after.a).toBeGreaterThan(before.a); // one per table, the cascades included
    expect(after.b).toBe(before.b);
    expect(after.c).toBe(before.c);
    await db.rows(sql`UPDATE teams SET name = name WHERE tenant_id = ${b}`);
    const again = await versions();
    await compact(db);
    expect(await versions()).toEqual(again);
    await compact(db); // nothing to fold
    expect(await versions()).toEqual(again);
  });
});
