import type { Database } from '../../db/client.ts';
import { dataVersion } from '../../db/data-version.ts';
import { listTeamRefs, type TeamRef } from '../org/directory.ts';
import { loadPaymentSums, loadPersonFacts } from '../people/facts.ts';
import { type CompiledFacts, compileFacts } from './engine.ts';

/**
 * The facts the key figures are counted from, kept per Jobcenter while the data are unchanged, so that a
 * further month (or a time series) costs only the counting, not the load from the database again.
 *
 * What is kept: the whole history, not the days of one window (`loadPersonFacts` with `elbOnly`: every
 * person ever in employable receipt here, all their periods), compiled for the engine (`compileFacts`:
 * profiles at once, the rest per person when first counted), the teams and the monthly payment sums of all
 * months. The whole history makes one load good for every month; a window's load would serve that window
 * only. Results are the same as from a window's facts (the engine only looks at the window's days).
 *
 * Invalidation: by data version (db/data-version.ts, statement triggers on every table read here), read
 * before loading; an entry is used only while the version is unchanged, so a write through any path makes
 * the next request load again (never stale facts). A write committed during the load makes the next read see
 * a newer version, and it loads again.
 *
 * Memory: one entry per Jobcenter and database, replaced on a version change; at most `MAX_TENANTS`
 * Jobcenters (least recently used dropped). The demo (scale 1) is ~33,000 persons, about 60–80 MiB of
 * heap with their details (docs/indicators.md).
 */
export const MAX_TENANTS = 4;

export interface PaymentRow {
  month: string;
  teamId: string;
  subsistenceCents: number;
  housingCents: number;
}

export interface TenantFacts {
  facts: CompiledFacts;
  teams: TeamRef[];
  /** Monthly payment sums per team, all months (K1, K1E1). */
  payments: PaymentRow[];
  version: bigint;
}

interface Entry {
  version: bigint;
  value: Promise<TenantFacts>;
}

const caches = new WeakMap<Database, Map<string, Entry>>();

/**
 * The Jobcenter's facts at the current data version (`version` if the caller has just read it), loaded
 * when there are none for that version. Concurrent requests share one load.
 */
export async function tenantFacts(db: Database, tenantId: string, version?: bigint): Promise<TenantFacts> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const v = version ?? (await dataVersion(db));
  const hit = cache.get(tenantId);
  if (hit && hit.version === v) {
    // most recently used last
    cache.delete(tenantId);
    cache.set(tenantId, hit);
    return hit.value;
  }
  const entry: Entry = { version: v, value: load(db, tenantId, v) };
  // the old version's facts go at once (not after the load): one set per Jobcenter in memory
  cache.delete(tenantId);
  cache.set(tenantId, entry);
  if (cache.size > MAX_TENANTS) cache.delete(cache.keys().next().value as string);
  try {
    return await entry.value;
  } catch (err) {
    if (cache.get(tenantId) === entry) cache.delete(tenantId);
    throw err;
  }
}

/** Forgets all facts of a database (tests, bench). */
export function dropTenantFacts(db: Database): void {
  caches.delete(db);
}

async function load(db: Database, tenantId: string, version: bigint): Promise<TenantFacts> {
  const [persons, teams, payments] = await Promise.all([
    loadPersonFacts(db, tenantId, { elbOnly: true }),
    listTeamRefs(db, tenantId),
    loadPaymentSums(db, tenantId, '0001-01', '9999-12'),
  ]);
  const facts = compileFacts(persons, { teams: teams.map((t) => ({ id: t.id, siteId: t.siteId })) });
  return { facts, teams, payments, version };
}
