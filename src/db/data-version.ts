import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { compactPersonChanges } from './person-changes.ts';

/**
 * The version of a Jobcenter's data the key figures are computed from (org: sites, teams; people: households,
 * persons, memberships, benefit, status and team periods, employments, payments). Per Jobcenter (migration
 * 0011), so that a write in one Jobcenter leaves the cached figures of the others current: one database may
 * host many Jobcenters, and with one global version every write anywhere made every dashboard cold.
 *
 * How: statement triggers on each of those tables (one per event, since PostgreSQL gives transition tables
 * only to single-event triggers) append one row to `data_changes` per distinct `tenant_id` the statement
 * wrote, read once per statement from its transition table (`SELECT DISTINCT tenant_id`), not per row; an
 * UPDATE counts the tenants before and after. TRUNCATE (no transition table) appends one row with
 * `tenant_id` NULL, which means "all Jobcenters", as do the rows written before 0011. A Jobcenter's version
 * is the global base (`data_changes_base`) + its base (`data_changes_tenant_base`) + its rows + the NULL
 * rows, read in one statement (one snapshot). It grows with every committed write statement that touched
 * the Jobcenter's rows, through any path (services, imports, COPY, SQL by hand, another process), and never
 * goes back, so a result computed after reading version v is current as long as the version still is v.
 * A write that commits while the result is being computed makes the next read see a higher version: the
 * result is then computed again (never served stale). Versions of different Jobcenters are not comparable;
 * compare a Jobcenter's only with its own. A statement that writes no row appends nothing.
 *
 * Triggers rather than a call in each service: a forgotten call would serve stale statistics silently.
 * Insert-only rather than one counter row per Jobcenter: a counter row would make every writer of a tenant
 * wait for the others until commit (and could deadlock with their row locks).
 */
export async function dataVersion(db: Database, tenantId: string): Promise<bigint> {
  const [row] = await db.rows<{ base: string; mine: string; rows: string; all_rows: string }>(sql`
    SELECT (SELECT changes FROM data_changes_base)::text AS base,
           coalesce((SELECT changes FROM data_changes_tenant_base WHERE tenant_id = ${tenantId}::uuid), 0)::text AS mine,
           c.rows::text AS rows, c.all_rows::text AS all_rows
      FROM (SELECT count(*) FILTER (WHERE tenant_id IS NULL OR tenant_id = ${tenantId}::uuid) AS rows,
                   count(*) AS all_rows
              FROM data_changes) c`);
  if (BigInt(row?.all_rows ?? 0) > COMPACT_AFTER) await compact(db);
  return BigInt(row?.base ?? 0) + BigInt(row?.mine ?? 0) + BigInt(row?.rows ?? 0);
}

/** Rows kept (of all Jobcenters together) before they are folded into the bases (so counting stays cheap). */
const COMPACT_AFTER = 10_000n;

/**
 * Folds the committed rows into the bases in one statement: the rows deleted, and each Jobcenter's base
 * raised by exactly the number of its rows, the global base by the number of NULL rows, atomically, so no
 * Jobcenter's version changes. Rows of transactions still open are not visible here and stay; two
 * compactions at once delete disjoint rows (the second waits for the first's row locks; the upsert of a
 * base waits for the other's insert and then adds to it).
 */
export async function compact(db: Database): Promise<void> {
  await db.rows(sql`
    WITH gone AS (DELETE FROM data_changes RETURNING tenant_id),
    global AS (UPDATE data_changes_base SET changes = changes + (SELECT count(*) FROM gone WHERE tenant_id IS NULL))
    INSERT INTO data_changes_tenant_base (tenant_id, changes)
      SELECT tenant_id, count(*) FROM gone WHERE tenant_id IS NOT NULL GROUP BY tenant_id
    ON CONFLICT (tenant_id) DO UPDATE SET changes = data_changes_tenant_base.changes + excluded.changes`);
  // the log of which persons changed (person-changes.ts) grows with the same writes
  await compactPersonChanges(db);
}
