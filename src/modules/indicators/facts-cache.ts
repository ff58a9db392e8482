import type { Database } from '../../db/client.ts';
import { dataVersion } from '../../db/data-version.ts';
import { changeSnapshot, personChangesSince } from '../../db/person-changes.ts';
import { listTeamRefs, type TeamRef } from '../org/directory.ts';
import { type FactsRange, loadPaymentSums, loadPersonFacts, personsAffected } from '../people/facts.ts';
import { type CompiledFacts, compileFacts, replacePersons } from './engine.ts';

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
 * in this Jobcenter through any path makes the next request refresh the facts (never stale facts), while
 * writes in other Jobcenters of the same database leave it in use. A write committed during the load makes
 * the next read see a newer version, and it refreshes again.
 *
 * Refresh (`refresh`): in daily work every few seconds someone writes, so most requests come after a write,
 * and a write touches one person or a few. The facts remember the database snapshot taken before they were
 * loaded; the log of person changes (db/person-changes.ts) names the persons written since, and only they
 * (with everyone sharing a household with them) are loaded again and merged in (`replacePersons`); the teams
 * are read again (cheap), the payment sums when households or payments were written. A bulk write (more than 100 rows in a statement), a change of the
 * teams or sites, or more than `REFRESH_LIMIT` persons load in full as before. The result equals a full load
 * (facts-refresh.test.ts compares both after random edits).
 *
 * Memory: one entry per Jobcenter and database, replaced on a version change or a wider load; at most
 * `MAX_TENANTS` Jobcenters (least recently used dropped). Sizes at scale 1 in docs/indicators.md.
 */
export const MAX_TENANTS = 4;

/** Beyond this many persons touched, a full load is about as cheap as loading them one set at a time. */
export const REFRESH_LIMIT = 2000;

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
  /** The database snapshot taken before loading: writes it did not see are refreshed (person-changes.ts). */
  snapshot: string;
  /** How these facts came about: a full load, or a refresh of the persons touched since the facts before. */
  refreshed: { persons: number } | null;
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
  let entry: Entry;
  if (hit && hit.version !== v && covers(hit.range, need)) {
    // facts of an older version covering the days: refresh what changed since
    const older = hit.value;
    entry = {
      version: v,
      range: hit.range,
      value: older.then(
        (facts) => refresh(db, tenantId, v, facts),
        () => load(db, tenantId, v, hit.range),
      ),
    };
  } else {
    const range = hit && hit.version === v ? null : need;
    entry = { version: v, range, value: load(db, tenantId, v, range) };
  }
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
  // before the load: whatever commits from here on is refreshed later, whether the load saw it or not
  const snapshot = await changeSnapshot(db);
  const [persons, teams, sums] = await Promise.all([
    loadPersonFacts(db, tenantId, range ? { range } : { elbOnly: true }),
    listTeamRefs(db, tenantId),
    paymentSums(db, tenantId, range),
  ]);
  const facts = compileFacts(persons, { teams: teams.map((t) => ({ id: t.id, siteId: t.siteId })) });
  return { facts, teams, payments: sums, version, range, snapshot, refreshed: null };
}

/**
 * The facts of `older` brought up to date: the persons written since its snapshot loaded again and merged in,
 * teams and payment sums read again; a full load where that is not possible or not cheaper (see above).
 */
async function refresh(db: Database, tenantId: string, version: bigint, older: TenantFacts): Promise<TenantFacts> {
  const range = older.range;
  const changes = await personChangesSince(db, tenantId, older.snapshot);
  if (changes.everyone || changes.personIds.length + changes.householdIds.length > REFRESH_LIMIT)
    return load(db, tenantId, version, range);
  const [affected, teams, sums] = await Promise.all([
    changes.personIds.length || changes.householdIds.length
      ? personsAffected(db, tenantId, changes.personIds, changes.householdIds)
      : Promise.resolve([]),
    listTeamRefs(db, tenantId),
    // the sums over all households take long on PGlite (~0.4 s at scale 1): only when households or payments changed
    changes.payments ? paymentSums(db, tenantId, range) : Promise.resolve(older.payments),
  ]);
  // the cells are numbered by the teams and sites: another organisation, another compilation
  if (!sameOrganisation(teams, older.teams) || affected.length > REFRESH_LIMIT) return load(db, tenantId, version, range);
  const persons = affected.length
    ? await loadPersonFacts(db, tenantId, range ? { range, personIds: affected } : { elbOnly: true, personIds: affected })
    : [];
  const facts = affected.length ? replacePersons(older.facts, new Set(affected), persons) : older.facts;
  return { facts, teams, payments: sums, version, range, snapshot: changes.snapshot, refreshed: { persons: affected.length } };
}

/** The payment sums of the months of the days loaded (the figures of a month read M and M − 12; a sum over all months costs hundreds of milliseconds on PGlite). */
function paymentSums(db: Database, tenantId: string, range: FactsRange | null): Promise<PaymentRow[]> {
  return loadPaymentSums(db, tenantId, range ? range.from.slice(0, 7) : '0001-01', range ? range.to.slice(0, 7) : '9999-12');
}

function sameOrganisation(a: readonly TeamRef[], b: readonly TeamRef[]): boolean {
  return a.length === b.length && a.every((t, i) => t.id === b[i]?.id && t.siteId === b[i]?.siteId);
}
