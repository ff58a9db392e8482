import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../modules/demo/organisation.ts';
import { createTenant } from '../modules/org/bootstrap.ts';
import type { Database } from './client.ts';
import { uuidv7 } from './ids.ts';
import { changeSnapshot, compactPersonChanges, personChangesSince } from './person-changes.ts';
import { openTestDatabase } from './testing.ts';

/** The person-level tables the key figures read (migration 0012): each write names its persons. */
const TABLES = ['persons', 'household_memberships', 'benefit_periods', 'status_periods', 'team_assignments', 'employments'];

/**
 * The log of which persons changed names exactly the persons of the writes a snapshot did not see, per
 * Jobcenter; bulk writes, TRUNCATE and compacted rows say "everyone".
 */
describe('personChangesSince', () => {
  let db: Database;
  let a: string;
  let b: string;
  let teamA: string;
  let teamA2: string;

  const addPerson = async (tenantId: string, id = uuidv7()) => {
    await db.rows(sql`
      INSERT INTO persons (tenant_id, id, customer_number, family_name, given_names, birth_date, sex, search_key)
      VALUES (${tenantId}, ${id}, ${`K${id.slice(-8)}`}, 'Muster', 'Erika', '1980-05-01', 'w', 'muster erika')`);
    return id;
  };
  /** The changes since `snapshot`, ids sorted, and the snapshot to go on from. */
  const since = async (tenantId: string, snapshot: string) => {
    const c = await personChangesSince(db, tenantId, snapshot);
    return {
      everyone: c.everyone,
      payments: c.payments,
      persons: [...c.personIds].sort(),
      households: [...c.householdIds].sort(),
      next: c.snapshot,
    };
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    const ta = await createTenant(db, { ...DEMO_TENANT, name: 'Jobcenter A', staff: [] });
    const tb = await createTenant(db, { ...DEMO_TENANT, name: 'Jobcenter B', staff: [] });
    a = ta.tenantId;
    b = tb.tenantId;
    teamA = Object.values(ta.teamIds)[0] as string;
    teamA2 = Object.values(ta.teamIds)[1] as string;
  });
  afterAll(async () => db?.close());

  it('names the persons written since a snapshot, per Jobcenter, and nothing the snapshot saw', async () => {
    const s0 = await changeSnapshot(db);
    const p = await addPerson(a);
    const q = await addPerson(b);
    let ca = await since(a, s0);
    expect(ca).toMatchObject({ everyone: false, persons: [p], households: [] });
    expect(await since(b, s0)).toMatchObject({ everyone: false, persons: [q], households: [] });
    // from the snapshot of the answer on: nothing new
    expect(await since(a, ca.next)).toMatchObject({ everyone: false, persons: [], households: [] });

    // UPDATE and DELETE of a period, an employment: the person
    const s1 = ca.next;
    await db.rows(sql`INSERT INTO status_periods (tenant_id, id, person_id, kind, value, valid_from)
                      VALUES (${a}, ${uuidv7()}, ${p}, 'labour_market', 'unemployed', '2019-01-01')`);
    await db.rows(sql`UPDATE status_periods SET valid_to = '2019-06-01' WHERE person_id = ${p}`);
    await db.rows(sql`INSERT INTO employments (tenant_id, id, person_id, kind, valid_from)
                      VALUES (${a}, ${uuidv7()}, ${p}, 'regular', '2019-06-01')`);
    ca = await since(a, s1);
    expect(ca).toMatchObject({ everyone: false, persons: [p], households: [], payments: false });
    await db.rows(sql`DELETE FROM employments WHERE person_id = ${p}`);
    expect(await since(a, ca.next)).toMatchObject({ everyone: false, persons: [p] });

    // memberships name the household too (its other members' lists changed); a delete as well
    const household = uuidv7();
    await db.rows(sql`INSERT INTO households (tenant_id, id, number, team_id) VALUES (${a}, ${household}, 'BG-PC-1', ${teamA})`);
    const s2 = (await since(a, ca.next)).next;
    await db.rows(sql`INSERT INTO household_memberships (tenant_id, id, household_id, person_id, role, valid_from)
                      VALUES (${a}, ${uuidv7()}, ${household}, ${p}, 'applicant', '2019-01-01')`);
    ca = await since(a, s2);
    expect(ca).toMatchObject({ everyone: false, persons: [p], households: [household] });
    await db.rows(sql`DELETE FROM household_memberships WHERE household_id = ${household}`);
    expect(await since(a, ca.next)).toMatchObject({ everyone: false, persons: [p], households: [household] });
    // A's writes are not B's
    expect(await since(b, s1)).toMatchObject({ everyone: false, persons: [], payments: false });
  });

  it('a write to payments or a household’s team names no person, but the payments', async () => {
    const s = await changeSnapshot(db);
    const household = uuidv7();
    // a new household has no payments yet: nothing to log
    await db.rows(sql`INSERT INTO households (tenant_id, id, number, team_id) VALUES (${a}, ${household}, 'BG-PC-2', ${teamA})`);
    expect(await personChangesSince(db, a, s)).toMatchObject({ everyone: false, personIds: [], payments: false });
    // another caseworker: the sums stay; another team: they move
    await db.rows(sql`UPDATE households SET number = 'BG-PC-2a' WHERE tenant_id = ${a} AND id = ${household}`);
    expect(await personChangesSince(db, a, s)).toMatchObject({ payments: false });
    await db.rows(sql`UPDATE households SET team_id = ${teamA2} WHERE tenant_id = ${a} AND id = ${household}`);
    const c = await personChangesSince(db, a, s);
    expect(c).toMatchObject({ everyone: false, personIds: [], householdIds: [], payments: true });
    await db.rows(sql`INSERT INTO household_payments (tenant_id, household_id, month, standard_cents, additional_cents, housing_cents)
                      VALUES (${a}, ${household}, '2019-12-01', 42400, 0, 35000)`);
    expect(await personChangesSince(db, a, c.snapshot)).toMatchObject({ everyone: false, personIds: [], payments: true });
    expect(await personChangesSince(db, b, s)).toMatchObject({ everyone: false, payments: false });
  });

  it('a rolled-back write names nobody', async () => {
    const s = await changeSnapshot(db);
    await expect(
      db.orm.transaction(async (tx) => {
        await tx.execute(sql`UPDATE persons SET sex = 'm' WHERE tenant_id = ${a}`);
        throw new Error('zurück');
      }),
    ).rejects.toThrow('zurück');
    expect(await since(a, s)).toMatchObject({ everyone: false, persons: [] });
  });

  it('a statement of more than 100 rows and a TRUNCATE say "everyone" (only for the Jobcenters touched)', async () => {
    const s = await changeSnapshot(db);
    await db.rows(sql`
      INSERT INTO persons (tenant_id, id, customer_number, family_name, given_names, birth_date, sex, search_key)
      SELECT ${b}, gen_random_uuid(), 'M' || i, 'Muster', 'Max', '1970-01-01', 'm', 'muster max' FROM generate_series(1, 101) i`);
    expect(await since(b, s)).toMatchObject({ everyone: true });
    expect(await since(a, s)).toMatchObject({ everyone: false, persons: [] });
    // exactly 100 rows: still each person
    const s2 = (await since(a, s)).next;
    const updated = await db.rows<{ id: string }>(
      sql`UPDATE persons SET sex = 'd' WHERE id IN (SELECT id FROM persons WHERE tenant_id = ${b} AND family_name = 'Muster' AND given_names = 'Max' LIMIT 100) RETURNING id`,
    );
    const c = await since(b, s2);
    expect(c.everyone).toBe(false);
    expect(c.persons).toEqual(updated.map((r) => r.id).sort());

    const s3 = c.next;
    await db.rows(sql`TRUNCATE employments`);
    expect(await since(a, s3)).toMatchObject({ everyone: true });
    expect(await since(b, s3)).toMatchObject({ everyone: true });
  });

  it('compaction deletes only rows below the previous horizon; a snapshot below the floor says "everyone"', async () => {
    // (the floor follows the oldest snapshot of the whole server: other databases' open transactions hold it
    // back, so the test reads it rather than assuming it moved)
    const horizon = async () =>
      (
        await db.rows<{ floor: string; next: string }>(
          sql`SELECT floor::text AS floor, next_floor::text AS next FROM person_changes_horizon`,
        )
      )[0] as { floor: string; next: string };
    const old = await changeSnapshot(db);
    await addPerson(a);
    await compactPersonChanges(db, true);
    const first = await horizon();
    const between = await changeSnapshot(db);
    const p = await addPerson(a);
    await compactPersonChanges(db, true);
    const second = await horizon();
    expect(second.floor).toBe(first.next); // the floor is the horizon of the compaction before
    const [below] = await db.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM person_changes WHERE xid < ${second.floor}::xid8`,
    );
    expect(below?.n).toBe(0);
    // a snapshot taken after the first compaction is at or above the floor: it still gets its persons
    expect(await since(a, between)).toMatchObject({ everyone: false, persons: [p] });
    // a snapshot below the floor (here: the floor moved past it by hand) can no longer be answered
    await db.rows(
      sql`UPDATE person_changes_horizon SET floor = (pg_snapshot_xmax(${old}::pg_snapshot)::text::bigint + 1)::text::xid8`,
    );
    expect(await since(a, old)).toMatchObject({ everyone: true });
    await db.rows(sql`UPDATE person_changes_horizon SET floor = ${second.floor}::xid8`);
    // back to back within the interval (two requests compacting at once): the log keeps its rows
    const s = await changeSnapshot(db);
    const q = await addPerson(a);
    await compactPersonChanges(db);
    await compactPersonChanges(db);
    expect(await since(a, s)).toMatchObject({ everyone: false, persons: [q] });
    expect(await horizon()).toEqual(second);
  });

  it('every person-level table has its trigger for each event', async () => {
    // tgtype bits (pg_trigger.h): row 1, insert 4, delete 8, update 16, truncate 32
    const triggers = await db.rows<{ table: string; event: string; fn: string; old: string | null; new: string | null }>(sql`
      SELECT c.relname AS table, e.event, p.proname AS fn, t.tgoldtable AS old, t.tgnewtable AS new
        FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_proc p ON p.oid = t.tgfoid
        CROSS JOIN LATERAL (VALUES (4, 'insert'), (8, 'delete'), (16, 'update'), (32, 'truncate')) e(bit, event)
       WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND t.tgtype & 1 = 0 AND t.tgtype & e.bit <> 0
         AND p.proname LIKE 'person\\_changed%'`);
    const found = new Map(triggers.map((t) => [`${t.table}:${t.event}`, t]));
    for (const table of TABLES) {
      expect(found.get(`${table}:insert`)?.new, `${table} INSERT`).toBeTruthy();
      const update = found.get(`${table}:update`);
      expect(update?.old && update?.new, `${table} UPDATE`).toBeTruthy();
      expect(found.get(`${table}:delete`)?.old, `${table} DELETE`).toBeTruthy();
      expect(found.get(`${table}:truncate`)?.fn, `${table} TRUNCATE`).toBe('person_changed_truncate');
    }
  });
});
