import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * The version of the data the key figures are computed from (org: sites, teams; people: households, persons,
 * memberships, benefit, status and team periods, employments, payments). Migration 0009 puts a statement
 * trigger on each of those tables that appends a row to `data_changes`; the version is `data_changes_base` plus
 * the number of rows, read in one statement (one snapshot). It grows with every committed write, through any
 * path (services, imports, COPY, SQL by hand, another process) and never goes back, so a result computed after
 * reading version v is current as long as the version still is v. A write that commits while the result is
 * being computed makes the next read see v + 1: the result is then computed again (never served stale).
 *
 * Triggers rather than a call in each service: a forgotten call would serve stale statistics silently.
 * Insert-only rather than one counter row: a counter row would make every writer of a tenant wait for the
 * others until commit (and could deadlock with their row locks).
 */
export async function dataVersion(db: Database): Promise<bigint> {
  const [row] = await db.rows<{ base: string; rows: string }>(
    sql`SELECT (SELECT changes FROM data_changes_base)::text AS base, (SELECT count(*) FROM data_changes)::text AS rows`,
  );
  const rows = BigInt(row?.rows ?? 0);
  if (rows > COMPACT_AFTER) await compact(db);
  return BigInt(row?.base ?? 0) + rows;
}

/** Rows kept before they are folded into the base (so that counting them stays cheap). */
const COMPACT_AFTER = 10_000n;

/**
 * Folds the committed rows into the base in one statement: the rows deleted and the base raised by exactly
 * their number, atomically, so the version does not change. Rows of transactions still open are not visible
 * here and stay; two compactions at once delete disjoint rows (the second waits for the first's row locks).
 */
export async function compact(db: Database): Promise<void> {
  await db.rows(sql`
    WITH gone AS (DELETE FROM data_changes RETURNING 1)
    UPDATE data_changes_base SET changes = changes + (SELECT count(*) FROM gone)`);
}
