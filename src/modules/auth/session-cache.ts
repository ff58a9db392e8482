import type { Database } from '../../db/client.ts';

/**
 * How long a session resolved from the database is used without asking the database again: the
 * bound within which a change made elsewhere (the CLI, another server process, a direct SQL write)
 * takes effect. Changes made through this process take effect at once (see sessionsChanged).
 * Decision record: docs/decisions/0006-session-cache.md.
 */
export const SESSION_REVALIDATE_MS = 1000;

/** Far above the sessions of one Jobcenter; only bounds memory against a flood of logins. */
const MAX_ENTRIES = 20_000;

export interface CachedSession<T> {
  value: T;
  /** When the database last recorded activity on the session (last_seen_at), epoch ms. */
  lastSeen: number;
  /** When the database was asked, epoch ms. */
  fetchedAt: number;
}

/**
 * Resolved sessions by token hash, for at most SESSION_REVALIDATE_MS each. Only found, valid
 * sessions are kept; an unknown or expired token goes to the database every time.
 *
 * Concurrent misses on one token share one query. Every invalidation moves a generation counter,
 * and a query started before an invalidation neither stores its result nor is shared with a
 * request that arrives after it: a load that read the state before a change (say, a disable
 * committed while the query ran) cannot put that state back into the cache.
 */
export class SessionCache<T> {
  private readonly entries = new Map<string, CachedSession<T>>();
  private readonly loading = new Map<string, { generation: number; promise: Promise<CachedSession<T> | undefined> }>();
  private generation = 0;

  constructor(
    readonly ttlMs = SESSION_REVALIDATE_MS,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  /** The entry if it was fetched at most ttlMs ago. */
  fresh(key: string, now: number): CachedSession<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.fetchedAt <= this.ttlMs && now >= entry.fetchedAt) return entry;
    this.entries.delete(key);
    return undefined;
  }

  /** Loads through `load` (shared with concurrent callers of this generation) and keeps a found entry. */
  load(key: string, load: () => Promise<CachedSession<T> | undefined>): Promise<CachedSession<T> | undefined> {
    const generation = this.generation;
    const running = this.loading.get(key);
    if (running && running.generation === generation) return running.promise;
    const promise = load().then(
      (entry) => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
        if (entry && generation === this.generation) this.store(key, entry);
        return entry;
      },
      (err: unknown) => {
        if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
        throw err;
      },
    );
    this.loading.set(key, { generation, promise });
    return promise;
  }

  /** One session ended (logout, idle timeout). */
  forget(key: string): void {
    this.generation++;
    this.entries.delete(key);
    this.loading.delete(key);
  }

  /** Anything a session depends on changed (account, roles, teams, password): every entry goes. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, entry: CachedSession<T>) {
    this.entries.delete(key); // re-inserted at the end: the Map's order is the age order
    this.entries.set(key, entry);
    // the oldest first: the Map iterates in insertion order
    for (const k of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
    }
  }
}

const caches = new WeakMap<Database['orm'], SessionCache<unknown>>();

/**
 * The session cache of one database connection (pool or PGlite): shared by every auth service and
 * app instance of this process that uses it, so that a change made through any of them clears it.
 */
export function sessionCacheOf<T>(db: Database): SessionCache<T> {
  let cache = caches.get(db.orm);
  if (!cache) {
    cache = new SessionCache<unknown>();
    caches.set(db.orm, cache);
  }
  return cache as SessionCache<T>;
}

/**
 * To be called after a transaction that changed what a session depends on has committed (account
 * disabled, roles or teams changed, password reset or changed, sessions deleted). After the commit,
 * not inside the transaction: a concurrent request could otherwise load the old state again
 * before the commit and keep it for SESSION_REVALIDATE_MS.
 */
export function sessionsChanged(db: Database): void {
  caches.get(db.orm)?.clear();
}
