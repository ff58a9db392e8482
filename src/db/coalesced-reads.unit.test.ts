import { describe, expect, it } from 'vitest';
import { CoalescedReads } from './coalesced-reads.ts';

/** A loader over a map that records each call and can be held open to model a query in flight. */
function fakeLoader(rows: Record<string, string>) {
  const calls: string[][] = [];
  const held: (() => void)[] = [];
  let hold = false;
  const reads = new CoalescedReads<string, string>(
    async (keys) => {
      calls.push(keys);
      // what the database holds when the query runs
      const found = new Map(keys.flatMap((k) => (rows[k] ? [[k, rows[k]] as const] : [])));
      if (hold) await new Promise<void>((release) => held.push(release));
      return found;
    },
    (k) => k,
    1,
  );
  return {
    reads,
    calls,
    holdNext: () => {
      hold = true;
    },
    releaseAll: () => {
      hold = false;
      for (const r of held.splice(0)) r();
    },
  };
}

describe('coalesced point reads', () => {
  it('reads asked for in the same turn share one load; each gets its own row, unknown keys get undefined', async () => {
    const f = fakeLoader({ a: 'A', b: 'B' });
    const got = await Promise.all([f.reads.load('a'), f.reads.load('b'), f.reads.load('a'), f.reads.load('x')]);
    expect(got).toEqual(['A', 'B', 'A', undefined]);
    expect(f.calls).toEqual([['a', 'b', 'x']]);
  });

  it('a key asked for while a load is in flight waits for the next load, never joins the one already sent', async () => {
    const rows: Record<string, string> = { a: 'alt' };
    const f = fakeLoader(rows);
    f.holdNext();
    const first = f.reads.load('a');
    await new Promise((r) => setImmediate(r)); // the first load is now sent and held open
    rows.a = 'neu'; // a change committed after that load was sent …
    const second = f.reads.load('a'); // … is seen by a read asked for afterwards
    f.releaseAll();
    expect(await first).toBe('alt');
    expect(await second).toBe('neu');
    expect(f.calls).toEqual([['a'], ['a']]);
  });

  it('a failing load rejects every read in it, and the next load runs again', async () => {
    let fail = true;
    const reads = new CoalescedReads<string, string>(
      async (keys) => {
        if (fail) throw new Error('Verbindung weg');
        return new Map(keys.map((k) => [k, k.toUpperCase()]));
      },
      (k) => k,
    );
    const results = await Promise.allSettled([reads.load('a'), reads.load('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await reads.load('c')).toBe('C');
  });
});
