import { bulkInsert, columnsOf } from '../../db/bulk.ts';
import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { CommitmentOrigin, Instrument } from './codes.ts';

/**
 * Recorded history in bulk (demo data, a migration from another system): commitments with their months
 * and the payments already made, written as given. The caller guarantees what the ledger checks one by one
 * (payments per commitment never above its months); the demo builds them from the same schedules.
 */
export interface RecordedCommitment {
  sourceId: string;
  instrument: Instrument;
  origin: CommitmentOrigin;
  originRef: string | null;
  description: string;
  months: { month: string; cents: number }[];
  payments: { paidOn: string; forMonth: string | null; cents: number; reference: string | null }[];
}

export async function insertRecordedCommitments(tx: Executor, tenantId: string, actorId: string, list: RecordedCommitment[]) {
  const heads: {
    id: string;
    sourceId: string;
    instrument: string;
    origin: string;
    originRef: string | null;
    description: string;
  }[] = [];
  const months: { commitmentId: string; month: string; cents: number }[] = [];
  const payments: {
    id: string;
    commitmentId: string;
    paidOn: string;
    forMonth: string | null;
    cents: number;
    reference: string | null;
  }[] = [];
  for (const c of list) {
    const committed = c.months.reduce((a, m) => a + m.cents, 0);
    const paid = c.payments.reduce((a, p) => a + p.cents, 0);
    if (paid > committed) throw new RangeError(`recorded payments above the commitment: ${c.description}`);
    const id = uuidv7();
    heads.push({
      id,
      sourceId: c.sourceId,
      instrument: c.instrument,
      origin: c.origin,
      originRef: c.originRef,
      description: c.description,
    });
    for (const m of c.months) if (m.cents > 0) months.push({ commitmentId: id, month: `${m.month}-01`, cents: m.cents });
    for (const p of c.payments)
      payments.push({
        id: uuidv7(),
        commitmentId: id,
        paidOn: p.paidOn,
        forMonth: p.forMonth ? `${p.forMonth}-01` : null,
        cents: p.cents,
        reference: p.reference,
      });
  }
  const t = (n: number) => Array.from({ length: n }, () => tenantId);
  const a = (n: number) => Array.from({ length: n }, () => actorId);
  await bulkInsert(
    tx,
    'budget_commitments',
    [
      { name: 'tenant_id', type: 'uuid' },
      { name: 'id', type: 'uuid' },
      { name: 'source_id', type: 'uuid' },
      { name: 'instrument', type: 'text' },
      { name: 'origin', type: 'text' },
      { name: 'origin_ref', type: 'uuid' },
      { name: 'description', type: 'text' },
      { name: 'created_by', type: 'uuid' },
    ],
    [
      t(heads.length),
      ...columnsOf(heads, ['id', 'sourceId', 'instrument', 'origin', 'originRef', 'description']),
      a(heads.length),
    ],
  );
  await bulkInsert(
    tx,
    'budget_commitment_months',
    [
      { name: 'tenant_id', type: 'uuid' },
      { name: 'commitment_id', type: 'uuid' },
      { name: 'month', type: 'date' },
      { name: 'cents', type: 'int8' },
    ],
    [t(months.length), ...columnsOf(months, ['commitmentId', 'month', 'cents'])],
  );
  await bulkInsert(
    tx,
    'budget_payments',
    [
      { name: 'tenant_id', type: 'uuid' },
      { name: 'id', type: 'uuid' },
      { name: 'commitment_id', type: 'uuid' },
      { name: 'paid_on', type: 'date' },
      { name: 'for_month', type: 'date' },
      { name: 'cents', type: 'int8' },
      { name: 'reference', type: 'text' },
      { name: 'created_by', type: 'uuid' },
    ],
    [
      t(payments.length),
      ...columnsOf(payments, ['id', 'commitmentId', 'paidOn', 'forMonth', 'cents', 'reference']),
      a(payments.length),
    ],
  );
  return { commitments: heads.length, months: months.length, payments: payments.length };
}
