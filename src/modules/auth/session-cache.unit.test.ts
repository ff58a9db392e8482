import { describe, expect, it } from 'vitest';
import { type CachedSession, SessionCache } from './session-cache.ts';

const entry = (value: string, fetchedAt = 1000): CachedSession<string> => ({ value, lastSeen: fetchedAt, fetchedAt });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('SessionCache', () => {
  it('keeps a found session for ttlMs, an unknown token not at all', async () => {
    const cache = new SessionCache<string>(1000);
    await cache.load('a', async () => entry('A', 1000));
    await cache.load('x', async () => undefined);
    expect(cache.fresh('a', 2000)?.value).toBe('A');
    expect(cache.fresh('a', 2001)).toBeUndefined();
    expect(cache.fresh('x', 1000)).toBeUndefined();
    // a clock that went backwards does not stretch the bound
    await cache.load('a', async () => entry('A', 1000));
    expect(cache.fresh('a', 999)).toBeUndefined();
  });

  it('concurrent misses on one token share one load', async () => {
    const cache = new SessionCache<string>();
    const d = deferred<CachedSession<string>>();
    let loads = 0;
    const load = () => {
      loads++;
      return d.promise;
    };
    const both = Promise.all([cache.load('a', load), cache.load('a', load)]);
    d.resolve(entry('A'));
    expect((await both).map((e) => e?.value)).toEqual(['A', 'A']);
    expect(loads).toBe(1);
  });

  it('a load begun before an invalidation is neither kept nor shared with a later request', async () => {
    const cache = new SessionCache<string>();
    const before = deferred<CachedSession<string>>();
    const early = cache.load('a', () => before.promise);
    cache.clear(); // e.g. the account was disabled while the query ran
    const late = cache.load('a', async () => undefined);
    before.resolve(entry('stale'));
    expect((await early)?.value).toBe('stale'); // the request that came first sees the state it read
    expect(await late).toBeUndefined(); // the one after the change loaded anew
    expect(cache.fresh('a', 1000)).toBeUndefined();

    const again = deferred<CachedSession<string>>();
    const pending = cache.load('b', () => again.promise);
    cache.forget('other');
    again.resolve(entry('B'));
    await pending;
    expect(cache.fresh('b', 1000)).toBeUndefined();
  });

  it('forgets one session, clears all, and drops the oldest beyond its size', async () => {
    const cache = new SessionCache<string>(1000, 2);
    for (const k of ['a', 'b', 'c']) await cache.load(k, async () => entry(k.toUpperCase()));
    expect(cache.size).toBe(2);
    expect(cache.fresh('a', 1000)).toBeUndefined();
    cache.forget('b');
    expect(cache.fresh('b', 1000)).toBeUndefined();
    expect(cache.fresh('c', 1000)?.value).toBe('C');
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
