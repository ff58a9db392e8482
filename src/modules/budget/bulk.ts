import type { Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import type { CommitmentOrigin, Instrument } from './codes.ts';
import { budgetCommitmentMonths, budgetCommitments, budgetPayments } from './schema.ts';

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

const CHUNK = 2000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function insertRecordedCommitments(tx: Executor, tenantId: string, actorId: string, list: RecordedCommitment[]) {
  const heads: (typeof budgetCommitments.$inferInsert)[] = [];
  const months: (typeof budgetCommitmentMonths.$inferInsert)[] = [];
  const payments: (typeof budgetPayments.$inferInsert)[] = [];
  for (const c of list) {
    const committed = c.months.reduce((a, m) => a + m.cents, 0);
    const paid = c.payments.reduce((a, p) => a + p.cents, 0);
    if (paid > committed) throw new RangeError(`recorded payments above the commitment: ${c.description}`);
    const id = uuidv7();
    heads.push({
      tenantId,
      id,
      sourceId: c.sourceId,
      instrument: c.instrument,
      origin: c.origin,
      originRef: c.originRef,
      description: c.description,
      createdBy: actorId,
    });
    for (const m of c.months)
      if (m.cents > 0) months.push({ tenantId, commitmentId: id, month: `${m.month}-01`, cents: m.cents });
    for (const p of c.payments)
      payments.push({
        tenantId,
        id: uuidv7(),
        commitmentId: id,
        paidOn: p.paidOn,
        forMonth: p.forMonth ? `${p.forMonth}-01` : null,
        cents: p.cents,
        reference: p.reference,
        createdBy: actorId,
      });
  }
  await insertChunked(heads, (chunk) => tx.insert(budgetCommitments).values(chunk));
  await insertChunked(months, (chunk) => tx.insert(budgetCommitmentMonths).values(chunk));
  await insertChunked(payments, (chunk) => tx.insert(budgetPayments).values(chunk));
  return { commitments: heads.length, months: months.length, payments: payments.length };
}
