import { createHash } from 'node:crypto';

/** The hash chain's rule, in one place: what is hashed, in which order, and how. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  tenantId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  purpose: string | null;
  requestId: string | null;
  outcome: AuditOutcome;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

export function entryHash(prevHash: string, e: ChainedFields): string {
  // A JSON array fixes the order and escapes separators inside values.
  const canonical = JSON.stringify([
    e.tenantId,
    e.seq,
    e.at.toISOString(),
    e.actorId,
    e.action,
    e.entityType,
    e.entityId,
    e.purpose,
    e.requestId,
    e.outcome,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
