import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * Which persons of a Jobcenter were written since a reader's snapshot (migration 0012): statement triggers on
 * the person-level tables the key figures read (persons, memberships, benefit, status and team periods,
 * employments) log each touched person (and household, for memberships) with its transaction id. A reader
 * takes a snapshot (`changeSnapshot`) before it loads; later, `personChangesSince(snapshot)` returns exactly
 * the persons of the transactions that snapshot did not see and that have committed since, with the snapshot
 * to ask from next time. Transaction ids, not a sequence: a sequence number is taken before commit, so a
 * transaction with a lower number can commit after a reader has seen a higher one; visibility in a snapshot
 * has no such gap.
 *
 * `payments`: households or their payments were written (households and household_payments log one row per
 * statement and Jobcenter, no persons: their writes change the payment sums, no person's facts).
 *
 * `everyone`: a statement of more than 100 rows (import, seed, COPY), a TRUNCATE, or rows that compaction has
 * deleted: the reader must load in full. The data version (data-version.ts) stays the test of whether anything
 * changed at all; this log only narrows what did.
 */
export interface PersonChanges {
  /** The snapshot the answer is complete up to: ask from it next time. */
  snapshot: string;
  everyone: boolean;
  personIds: string[];
  /** Households whose memberships were written (their members' household lists changed). */
  householdIds: string[];
  /** Households or payments were written: the payment sums must be read again. */
  payments: boolean;
}

/** The current snapshot, to be taken before loading (text of a `pg_snapshot`). */
export async function changeSnapshot(db: Database): Promise<string> {
  const [row] = await db.rows<{ snapshot: string }>(sql`SELECT pg_current_snapshot()::text AS snapshot`);
  return row?.snapshot as string;
}

export async function personChangesSince(db: Database, tenantId: string, snapshot: string): Promise<PersonChanges> {
  // one statement: the rows it sees are those of the transactions its own snapshot sees, which it returns
  const [row] = await db.rows<{
    snapshot: string;
    gone: boolean;
    everyone: boolean;
    payments: boolean;
    persons: string | null;
    households: string | null;
  }>(sql`
    WITH old AS (SELECT ${snapshot}::pg_snapshot AS s),
    changed AS (
      SELECT c.person_id, c.household_id, c.payments FROM person_changes c, old
       WHERE (c.tenant_id = ${tenantId}::uuid OR c.tenant_id IS NULL)
         AND c.xid >= pg_snapshot_xmin(old.s) AND NOT pg_visible_in_snapshot(c.xid, old.s))
    SELECT pg_current_snapshot()::text AS snapshot,
           (SELECT floor FROM person_changes_horizon) > (SELECT pg_snapshot_xmin(s) FROM old) AS gone,
           EXISTS (SELECT 1 FROM changed WHERE person_id IS NULL AND household_id IS NULL AND NOT payments) AS everyone,
           EXISTS (SELECT 1 FROM changed WHERE payments) AS payments,
           (SELECT string_agg(DISTINCT person_id::text, ',') FROM changed) AS persons,
           (SELECT string_agg(DISTINCT household_id::text, ',') FROM changed) AS households`);
  if (!row) throw new Error('person_changes: keine Antwort');
  return {
    snapshot: row.snapshot,
    everyone: row.gone || row.everyone,
    personIds: row.persons ? row.persons.split(',') : [],
    householdIds: row.households ? row.households.split(',') : [],
    payments: row.gone || row.everyone || row.payments,
  };
}

/** The floor moves at most this often: compactions back to back (two requests at once) must not empty the log. */
export const COMPACT_INTERVAL_MINUTES = 10;

/**
 * Deletes the rows older than the previous compaction's horizon and moves the horizon to now: a row lives at
 * least one compaction cycle and `COMPACT_INTERVAL_MINUTES`, so a reader that refreshed since the last
 * compaction keeps refreshing by delta; an older one loads in full once (`everyone`). Run with the data
 * version's compaction; `force` (tests) ignores the interval. One statement: a second compaction at the same
 * time waits for the first's row lock, then finds the horizon moved and does nothing.
 */
export async function compactPersonChanges(db: Database, force = false): Promise<void> {
  const due = force ? sql`true` : sql`advanced_at < now() - make_interval(mins => ${COMPACT_INTERVAL_MINUTES})`;
  await db.rows(sql`
    WITH moved AS (
      UPDATE person_changes_horizon
         SET floor = next_floor, next_floor = pg_snapshot_xmin(pg_current_snapshot()), advanced_at = now()
       WHERE ${due} RETURNING floor)
    DELETE FROM person_changes WHERE xid < (SELECT floor FROM moved)`);
}
