/**
 * Point reads that concurrent requests share (the DataLoader pattern; for reads what the audit
 * writer's group commit is for writes). Keys asked for while loads are in flight wait and go out
 * together in the next load: alone, a read costs one round trip as before; under load, one round
 * trip serves many. On a small server that is what counts: each query costs the database backend
 * and the app a wake-up and a context switch, far more than the lookup itself
 * (docs/decisions/0007-coalesced-reads.md has the measurements).
 *
 * Consistency: a key never joins a load that has already been sent, so every read sees at least
 * what was committed before it was asked for (read-your-writes holds for the asking request).
 * Outside a transaction only: a read inside one must see that transaction's own changes.
 */
export class CoalescedReads<K, V> {
  private waiting = new Map<string, { key: K; waiters: Waiter<V>[] }>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    /** Loads the rows of these keys; keys without a row are simply missing from the map. */
    private readonly loadMany: (keys: K[]) => Promise<Map<string, V>>,
    private readonly keyOf: (key: K) => string,
    /** Loads at the same time: enough to keep the pool busy, few enough that batches form. */
    private readonly maxInFlight = 2,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const k = this.keyOf(key);
      const entry = this.waiting.get(k);
      if (entry) entry.waiters.push({ resolve, reject });
      else this.waiting.set(k, { key, waiters: [{ resolve, reject }] });
      this.schedule();
    });
  }

  /**
   * Sends on the next turn of the event loop, not at once: requests that arrive in the same
   * I/O phase (many sockets readable at once) then share a load even when none is in flight.
   */
  private schedule() {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.send();
    });
  }

  private send() {
    if (!this.waiting.size || this.inFlight >= this.maxInFlight) return;
    const batch = this.waiting;
    this.waiting = new Map();
    this.inFlight++;
    this.loadMany([...batch.values()].map((e) => e.key))
      .then(
        (rows) => {
          for (const [k, e] of batch) for (const w of e.waiters) w.resolve(rows.get(k));
        },
        (err) => {
          for (const e of batch.values()) for (const w of e.waiters) w.reject(err);
        },
      )
      .finally(() => {
        this.inFlight--;
        this.schedule();
      });
  }
}

interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (err: unknown) => void;
}
