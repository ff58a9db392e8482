import type { Database } from '../../db/client.ts';
import { dataVersion } from '../../db/data-version.ts';
import { listTeamRefs, type TeamRef } from '../org/directory.ts';
import { type FactsRange, loadPaymentSums, loadPersonFacts } from '../people/facts.ts';
import { type CompiledFacts, compileFacts } from './engine.ts';

/**
 * The facts the key figures are counted from, kept per Jobcenter while the data are unchanged, so that a
 * further month (or a time series) costs only the counting, not the load from the database again.
 *
 * What is kept: the persons' facts (`loadPersonFacts`) compiled for the engine (`compileFacts`: profiles at
 * once, the rest per person when first counted), the teams and the monthly payment sums of the months loaded.
 * Which days: the first request after a data change loads only the days its months need (as without the
 * cache: in daily work, with writes all the time, most requests are such first ones, and they must not get
 * dearer); the dashboard's series (`computeMany` of 13 months) thus loads the days of all its months. A
 * request outside the days loaded then loads the whole history (`elbOnly`: every person ever in employable
 * receipt here, all their periods), which serves every month until the data change. Facts of more days give
 * the same counts for a window as the window's own facts (the engine only looks at the window's days;
 * figures.unit.test.ts, indicators.test.ts).
 *
 * Invalidation: by the Jobcenter's data version (db/data-version.ts, statement triggers on every table read
 * here, per tenant), read before loading; an entry is used only while the version is unchanged, so a write
 * in this Jobcenter through any path makes the next request load again (never stale facts), while writes
 * in other Jobcenters of the same database leave it in use. A write committed during the load makes the next read see
 * a newer version, and it loads again.
 *
 * Memory: one entry per Jobcenter and database, replaced on a version change or a wider load; at most
 * `MAX_TENANTS` Jobcenters (least recently used dropped). Sizes at scale 1 in docs/indicators.md.
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
  /** Monthly payment sums per team (K1, K1E1), for the months of `range` (all months without). */
  payments: PaymentRow[];
  version: bigint;
  /** The days loaded; null: the whole history. */
  range: FactsRange | null;
}

interface Entry {
  version: bigint;
  range: FactsRange | null;
  value: Promise<TenantFacts>;
}

/** Facts of `have` serve a request that needs `need` (ISO days compare as strings). */
const covers = (have: FactsRange | null, need: FactsRange) => have === null || (have.from <= need.from && need.to <= have.to);

const caches = new WeakMap<Database, Map<string, Entry>>();

/**
 * The Jobcenter's facts at its current data version (`version`: the Jobcenter's, if the caller has just read it) covering the
 * days `need`: from the cache, or loaded (only `need` after a data change, the whole history when facts of
 * this version are there but do not cover `need`). Concurrent requests share one load.
 */
export async function tenantFacts(db: Database, tenantId: string, need: FactsRange, version?: bigint): Promise<TenantFacts> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const v = version ?? (await dataVersion(db, tenantId));
  const hit = cache.get(tenantId);
  if (hit && hit.version === v && covers(hit.range, need)) {
    // most recently used last
    cache.delete(tenantId);
    cache.set(tenantId, hit);
    return hit.value;
  }
  const range = hit && hit.version === v ? null : need;
  const entry: Entry = { version: v, range, value: load(db, tenantId, v, range) };
  // the facts they replace go at once (not after the load): one set per Jobcenter in memory
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

async function load(db: Database, tenantId: string, version: bigint, range: FactsRange | null): Promise<TenantFacts> {
  const [persons, teams, payments] = await Promise.all([
    loadPersonFacts(db, tenantId, range ? { range } : { elbOnly: true }),
    listTeamRefs(db, tenantId),
    // the months of the days loaded (the figures of a month read M and M − 12; a sum over all months costs
    // hundreds of milliseconds on PGlite)
    loadPaymentSums(db, tenantId, range ? range.from.slice(0, 7) : '0001-01', range ? range.to.slice(0, 7) : '9999-12'),
  ]);
  const facts = compileFacts(persons, { teams: teams.map((t) => ({ id: t.id, siteId: t.siteId })) });
  return { facts, teams, payments, version, range };
}
