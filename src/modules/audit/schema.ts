import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log, hash-chained per tenant: hash = SHA-256(prev_hash ‖ canonical entry).
 * A trigger (migration 0001) refuses UPDATE and DELETE; `teilhabe audit verify` recomputes the
 * chain and names the first entry that does not match. Entries hold ids, never social data values.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    purpose: text('purpose'),
    requestId: text('request_id'),
    outcome: text('outcome', { enum: ['success', 'denied', 'failure'] }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_log_entity_idx').on(t.tenantId, t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.tenantId, t.actorId, t.at),
  ],
);

/** The chain's head per tenant; locking this row serialises appends of one tenant. */
export const auditHead = pgTable('audit_head', {
  tenantId: uuid('tenant_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
