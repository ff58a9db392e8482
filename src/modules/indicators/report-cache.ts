import type { Database } from '../../db/client.ts';
import { dataVersion } from '../../db/data-version.ts';

/**
 * Key-figure reports of a Jobcenter's current data version, per database (one cache per `Database`, so tests
 * and tenants in other databases never share). Every writer of the underlying tables moves the version of
 * the Jobcenters whose rows it wrote (db/data-version.ts, triggers), so an entry is served only while nothing
 * of its Jobcenter has been written since its data were read; otherwise it is computed again. Writes in other
 * Jobcenters leave it served. Entries are keyed by Jobcenter and `key` (versions of different Jobcenters
 * are not comparable). Concurrent requests for the same key share one computation.
 * Callers get their own copy: a filtered or annotated report must not change the cached one. `compute` gets
 * the version read, so that what it reads from other caches by version (facts-cache.ts) is of the same one.
 */
const MAX_ENTRIES = 48;

interface Entry<T> {
  version: bigint;
  value: Promise<T>;
}

const caches = new WeakMap<Database, Map<string, Entry<unknown>>>();

export async function cachedByDataVersion<T>(
  db: Database,
  tenantId: string,
  key: string,
  compute: (version: bigint) => Promise<T>,
): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  // read before computing: a write committed meanwhile makes the next read see a newer version
  const version = await dataVersion(db, tenantId);
  key = `${tenantId}|${key}`;
  const hit = cache.get(key) as Entry<T> | undefined;
  if (hit && hit.version === version) return structuredClone(await hit.value);
  const entry: Entry<T> = { version, value: compute(version) };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  try {
    return structuredClone(await entry.value);
  } catch (err) {
    if (cache.get(key) === entry) cache.delete(key);
    throw err;
  }
}
