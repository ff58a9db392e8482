import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { type BulkColumn, bulkInsert } from '../../db/bulk.ts';
import type { Database, Executor } from '../../db/client.ts';
import { preparedRows } from '../../db/prepared.ts';
import type { AuditOutcome } from './chain.ts';
import { type ChainedFields, entryHash, GENESIS_HASH } from './chain.ts';
import { auditHead, auditLog } from './schema.ts';

export type { AuditOutcome };

/** What is recorded about an access or change. Ids and codes only, never social data values. */
export interface AuditEntry {
  tenantId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  purpose?: string | null;
  requestId?: string | null;
  outcome: AuditOutcome;
}

/** The end of a tenant's chain: the last sequence number and its hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

function groupByTenant<T extends { tenantId: string }>(items: T[]): [string, T[]][] {
  const byTenant = new Map<string, T[]>();
  for (const item of items) {
    const list = byTenant.get(item.tenantId) ?? [];
    list.push(item);
    byTenant.set(item.tenantId, list);
  }
  // Fixed order across tenants: two batches never wait for each other's head locks in a cycle.
  return [...byTenant.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The entries as chained rows after `head`: consecutive sequence numbers, each hash over its predecessor. */
function chain(tenantId: string, head: ChainHead, entries: AuditEntry[], at = new Date()): ChainedRow[] {
  let seq = head.seq;
  let prev = head.hash;
  return entries.map((e) => {
    seq += 1;
    const fields: ChainedFields = {
      tenantId,
      seq,
      at,
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      purpose: e.purpose ?? null,
      requestId: e.requestId ?? null,
      outcome: e.outcome,
    };
    const hash = entryHash(prev, fields);
    const row = { ...fields, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

const headAfter = (head: ChainHead, rows: ChainedRow[]): ChainHead => {
  const last = rows.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : head;
};

/** Appends one tenant's entries under the head row lock; returns the new head. */
async function appendLocked(tx: Executor, tenantId: string, entries: AuditEntry[]): Promise<ChainHead> {
  // One statement creates the head on a tenant's first entry and locks it (a no-op update takes
  // the row lock, like SELECT … FOR UPDATE).
  const [locked] = await preparedRows<{ seq: number | bigint; hash: string }>(
    tx,
    'audit.head',
    sql`INSERT INTO audit_head (tenant_id, seq, hash) VALUES (${tenantId}, 0, ${GENESIS_HASH})
        ON CONFLICT (tenant_id) DO UPDATE SET seq = audit_head.seq RETURNING seq, hash`,
  );
  const head = { seq: Number(locked?.seq ?? 0), hash: locked?.hash ?? GENESIS_HASH };
  const rows = chain(tenantId, head, entries);
  const next = headAfter(head, rows);
  // The entries and the new head in one statement (a data-modifying WITH always runs to completion);
  // an import audits each changed record: beyond one chunk, the rows go first, the head after.
  const moveHead = sql`UPDATE audit_head SET seq = ${next.seq}, hash = ${next.hash} WHERE tenant_id = ${tenantId}`;
  if (rows.length <= BULK_CHUNK)
    await preparedRows(tx, 'audit.append', sql`WITH entries AS (${insertEntries(rows)}) ${moveHead}`);
  else {
    await bulkInsert(tx, 'audit_log', AUDIT_COLUMNS, columnsOf(rows), { chunk: BULK_CHUNK });
    await tx.execute(moveHead);
  }
  return next;
}

/**
 * Appends entries to their tenants' chains inside the given transaction. Changes call this in
 * the transaction that makes the change, so a change is never committed without its entry.
 * The head row lock serialises appends per tenant across processes and connections; it holds
 * only inside a transaction, hence the check (outside one, a pool runs each statement on whichever
 * connection is free, and two appends could take the same sequence number).
 */
export async function appendAudit(tx: Executor, entries: AuditEntry[]): Promise<void> {
  if (!(tx instanceof PgTransaction)) throw new Error('appendAudit braucht eine Transaktion (db.orm.transaction)');
  for (const [tenantId, list] of groupByTenant(entries)) await appendLocked(tx, tenantId, list);
}

/**
 * Appends after a head believed current, in one statement (one round trip, its own transaction):
 * the head moves only if it still is exactly `head` (compare-and-swap), and the entries are
 * inserted only if it moved. Returns false, having written nothing, when someone else appended
 * in between.
 */
async function appendIfHeadIs(db: Database, tenantId: string, head: ChainHead, rows: ChainedRow[]): Promise<boolean> {
  const next = headAfter(head, rows);
  const [result] = await preparedRows<{ moved: number }>(
    db.orm,
    'audit.append.cas',
    sql`WITH head AS (
          UPDATE audit_head SET seq = ${next.seq}, hash = ${next.hash}
           WHERE tenant_id = ${tenantId} AND seq = ${head.seq} AND hash = ${head.hash}
          RETURNING 1),
        entries AS (${insertEntries(rows)} WHERE EXISTS (SELECT 1 FROM head))
        SELECT count(*)::int AS moved FROM head`,
  );
  return result?.moved === 1;
}

/**
 * Records reads with group commit: entries that arrive while a batch is being written go into
 * the next batch, so many concurrent reads share one write. Each caller's promise resolves only
 * once its entry is committed: no record leaves the server before its access is on file.
 *
 * The writer remembers each tenant's head from its last write and appends after it with one
 * compare-and-swap statement (appendIfHeadIs). When another writer got there first (a change in
 * its own transaction, another process), nothing is written and the batch takes the locked path,
 * which also learns the new head. Reads far outnumber changes, so most batches cost one round trip.
 */
export class AuditWriter {
  private queue: { entry: AuditEntry; done: (err?: unknown) => void }[] = [];
  private running = false;
  private readonly heads = new Map<string, ChainHead>();

  constructor(
    private readonly db: Database,
    private readonly maxBatch = 1000,
  ) {}

  record(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.running) {
        this.running = true;
        void this.drain();
      }
    });
  }

  private async drain() {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      for (const [tenantId, items] of groupByTenant(batch.map((b) => ({ ...b, tenantId: b.entry.tenantId })))) {
        try {
          await this.write(
            tenantId,
            items.map((i) => i.entry),
          );
          for (const i of items) i.done();
        } catch (err) {
          this.heads.delete(tenantId);
          for (const i of items) i.done(err);
        }
      }
    }
    this.running = false;
  }

  private async write(tenantId: string, entries: AuditEntry[]) {
    const known = this.heads.get(tenantId);
    if (known && entries.length <= BULK_CHUNK) {
      const rows = chain(tenantId, known, entries);
      if (await appendIfHeadIs(this.db, tenantId, known, rows)) {
        this.heads.set(tenantId, headAfter(known, rows));
        return;
      }
    }
    const head = await this.db.orm.transaction((tx) => appendLocked(tx, tenantId, entries));
    this.heads.set(tenantId, head);
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first entry that does not match, with the reason in German. */
  firstBad?: { tenantId: string; seq: number; reason: string };
}

/** Walks each tenant's chain in order, in pages, and names the first entry that breaks it. */
export async function verifyAuditChain(db: Database, tenantId?: string): Promise<VerifyResult> {
  const tenants = tenantId
    ? [tenantId]
    : (
        await db.rows<{ tenant_id: string }>(
          sql`SELECT tenant_id FROM audit_head UNION SELECT DISTINCT tenant_id FROM audit_log ORDER BY 1`,
        )
      ).map((r) => r.tenant_id);
  let checked = 0;
  for (const t of tenants) {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const page = await db.orm
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, t), gte(auditLog.seq, expectedSeq)))
        .orderBy(auditLog.seq)
        .limit(5000);
      for (const row of page) {
        checked++;
        const bad = (reason: string): VerifyResult => ({
          ok: false,
          checked,
          firstBad: { tenantId: t, seq: row.seq, reason },
        });
        if (row.seq !== expectedSeq)
          return {
            ok: false,
            checked,
            firstBad: {
              tenantId: t,
              seq: expectedSeq,
              reason: `Eintrag ${expectedSeq} fehlt (gelöscht?); nächster vorhandener ist ${row.seq}`,
            },
          };
        if (row.prevHash !== prev) return bad('Verweis auf den Vorgänger stimmt nicht (Vorgänger verändert?)');
        if (entryHash(prev, row) !== row.hash) return bad('Inhalt passt nicht zum gespeicherten Hash (verändert)');
        prev = row.hash;
        expectedSeq++;
      }
      if (page.length < 5000) break;
    }
    const [head] = await db.orm.select().from(auditHead).where(eq(auditHead.tenantId, t));
    if (head && (head.seq !== expectedSeq - 1 || head.hash !== prev)) {
      return {
        ok: false,
        checked,
        firstBad: {
          tenantId: t,
          seq: expectedSeq,
          reason: `Kettenende erwartet bei Eintrag ${head.seq}, vorhanden bis ${expectedSeq - 1} (Einträge am Ende gelöscht?)`,
        },
      };
    }
  }
  return { ok: true, checked };
}

export interface AuditQuery {
  tenantId: string;
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  /** Keyset paging: entries with a sequence number below this one. */
  beforeSeq?: number;
  limit: number;
}

export async function searchAudit(db: Database, q: AuditQuery) {
  const where: SQL[] = [eq(auditLog.tenantId, q.tenantId)];
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.outcome) where.push(eq(auditLog.outcome, q.outcome));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  if (q.beforeSeq) where.push(lt(auditLog.seq, q.beforeSeq));
  return db.orm
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorId: auditLog.actorId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      purpose: auditLog.purpose,
      requestId: auditLog.requestId,
      outcome: auditLog.outcome,
    })
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.seq))
    .limit(q.limit);
}

const AUDIT_COLUMNS: readonly BulkColumn[] = [
  { name: 'tenant_id', type: 'uuid' },
  { name: 'seq', type: 'int8' },
  { name: 'at', type: 'timestamptz' },
  { name: 'actor_id', type: 'uuid' },
  { name: 'action', type: 'text' },
  { name: 'entity_type', type: 'text' },
  { name: 'entity_id', type: 'text' },
  { name: 'purpose', type: 'text' },
  { name: 'request_id', type: 'text' },
  { name: 'outcome', type: 'text' },
  { name: 'prev_hash', type: 'text' },
  { name: 'hash', type: 'text' },
];

const BULK_CHUNK = 20_000;
type ChainedRow = ChainedFields & { prevHash: string; hash: string };

/** Column-major arrays of the rows, in the order of AUDIT_COLUMNS (one batch shares one `at`). */
function columnsOf(rows: ChainedRow[]): unknown[][] {
  const at = rows[0]?.at.toISOString();
  return [
    rows.map((r) => r.tenantId),
    rows.map((r) => r.seq),
    rows.map(() => at),
    rows.map((r) => r.actorId),
    rows.map((r) => r.action),
    rows.map((r) => r.entityType),
    rows.map((r) => r.entityId),
    rows.map((r) => r.purpose),
    rows.map((r) => r.requestId),
    rows.map((r) => r.outcome),
    rows.map((r) => r.prevHash),
    rows.map((r) => r.hash),
  ];
}

/** INSERT … SELECT FROM unnest(one array per column): twelve parameters however many rows. */
function insertEntries(rows: ChainedRow[]): SQL {
  const arrays = columnsOf(rows).map((col, i) => sql`${sql.param(col)}::${sql.raw(`${AUDIT_COLUMNS[i]?.type}[]`)}`);
  return sql`INSERT INTO audit_log (${sql.raw(AUDIT_COLUMNS.map((c) => c.name).join(', '))})
    SELECT * FROM unnest(${sql.join(arrays, sql`, `)})`;
}
