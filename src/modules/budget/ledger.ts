import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { appendAudit } from '../audit/service.ts';
import { scopeFor } from '../auth/permissions.ts';
import { listStaffRefs } from '../org/directory.ts';
import type { Role } from '../org/schema.ts';
import type { CommitmentOrigin, Instrument, SourceKind } from './codes.ts';
import { centsByYear, euro, monthIndex, releaseFrom, type Shortfall, shortfalls } from './rules.ts';
import { budgetCommitmentMonths, budgetCommitments, budgetPayments, budgetSources } from './schema.ts';

/**
 * The booking core, usable inside any transaction: commit, pay, release. The budget service, the
 * subsidies module and the measures port all book through here, so the checks (free amount, open
 * commitment, row locks) live in one place.
 */

export interface Actor {
  tenantId: string;
  staffId: string;
  /** Roles decide whether an override is allowed; loaded from org when not given. */
  roles?: readonly Role[];
  requestId?: string;
}

async function audit(tx: Executor, actor: Actor, action: string, entityType: string, entityId: string, purpose?: string) {
  await appendAudit(tx, [
    {
      tenantId: actor.tenantId,
      actorId: actor.staffId,
      action,
      entityType,
      entityId,
      purpose: purpose ?? null,
      requestId: actor.requestId ?? null,
      outcome: 'success',
    },
  ]);
}

const rows = async <T>(tx: Executor, query: ReturnType<typeof sql>): Promise<T[]> =>
  ((await tx.execute(query)) as unknown as { rows: T[] }).rows;

/** The tenant's first source of a kind (e.g. the integration budget for measure assignments). */
export async function sourceOfKind(tx: Executor, tenantId: string, kind: SourceKind): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: budgetSources.id })
    .from(budgetSources)
    .where(and(eq(budgetSources.tenantId, tenantId), eq(budgetSources.kind, kind)))
    .orderBy(budgetSources.id)
    .limit(1);
  return row?.id;
}

/**
 * Free cents per year for one source and instrument, locking the years' allocation rows so that two
 * commitments booked at once see each other (null = no plan for that year).
 */
async function freeByYear(
  tx: Executor,
  tenantId: string,
  sourceId: string,
  instrument: Instrument,
  years: number[],
): Promise<Map<number, number | null>> {
  const out = new Map<number, number | null>();
  for (const year of [...years].sort()) {
    const [alloc] = await rows<{ year: number }>(
      tx,
      sql`SELECT year FROM budget_allocations WHERE tenant_id = ${tenantId} AND source_id = ${sourceId} AND year = ${year} FOR UPDATE`,
    );
    if (!alloc) {
      out.set(year, null);
      continue;
    }
    const [r] = await rows<{ planned: number; committed: number; paid: number }>(
      tx,
      sql`SELECT
            COALESCE((SELECT planned_cents FROM budget_plan_lines WHERE tenant_id = ${tenantId} AND year = ${year}
                       AND source_id = ${sourceId} AND instrument = ${instrument}), 0)::int8 AS planned,
            COALESCE((SELECT sum(m.cents) FROM budget_commitment_months m JOIN budget_commitments c
                        ON c.tenant_id = m.tenant_id AND c.id = m.commitment_id
                       WHERE m.tenant_id = ${tenantId} AND c.source_id = ${sourceId} AND c.instrument = ${instrument}
                         AND m.month >= make_date(${year}, 1, 1) AND m.month < make_date(${year} + 1, 1, 1)), 0)::int8 AS committed,
            COALESCE((SELECT sum(p.cents) FROM budget_payments p JOIN budget_commitments c
                        ON c.tenant_id = p.tenant_id AND c.id = p.commitment_id
                       WHERE p.tenant_id = ${tenantId} AND c.source_id = ${sourceId} AND c.instrument = ${instrument}
                         AND p.paid_on >= make_date(${year}, 1, 1) AND p.paid_on < make_date(${year} + 1, 1, 1)), 0)::int8 AS paid`,
    );
    const planned = Number(r?.planned ?? 0);
    out.set(year, planned - Math.max(Number(r?.committed ?? 0), Number(r?.paid ?? 0)));
  }
  return out;
}

async function mayOverride(tx: Executor, actor: Actor): Promise<boolean> {
  let roles = actor.roles;
  if (!roles) {
    // listStaffRefs only runs its query on the executor given; a shim of Database for this transaction
    const viaTx = { rows: <T>(q: ReturnType<typeof sql>) => rows<T>(tx, q) } as unknown as Database;
    roles = (await listStaffRefs(viaTx, actor.tenantId, tx)).find((s) => s.id === actor.staffId)?.roles;
  }
  return scopeFor(roles ?? [], 'budget.override') !== undefined;
}

function shortfallText(list: Shortfall[]): string {
  return list
    .map(
      (s) =>
        `${s.year}: frei ${euro(s.freeCents)}, benötigt ${euro(s.requestedCents)} (Überschreitung ${euro(s.requestedCents - s.freeCents)})`,
    )
    .join('; ');
}

export interface CommitInput {
  sourceId: string;
  instrument: Instrument;
  origin: CommitmentOrigin;
  originRef: string | null;
  description: string;
  months: { month: string; cents: number }[];
  overrideReason?: string | null;
  /** Skip the free-amount check (demo data, recorded history). */
  unchecked?: boolean;
}

/**
 * Books a commitment across its months. If a year with a plan would be overdrawn: 409 with the numbers,
 * unless an override reason is given by someone holding budget.override (then booked and audited).
 */
export async function commitTx(tx: Executor, actor: Actor, input: CommitInput): Promise<{ id: string; shortfalls: Shortfall[] }> {
  const problems: { field: string; message: string }[] = [];
  input.months.forEach((m, i) => {
    if (!Number.isInteger(m.cents) || m.cents < 0)
      problems.push({ field: `months.${i}.cents`, message: 'Betrag muss ein ganzer, nicht negativer Centbetrag sein' });
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m.month))
      problems.push({ field: `months.${i}.month`, message: 'Monat im Format JJJJ-MM angeben' });
  });
  if (new Set(input.months.map((m) => m.month)).size !== input.months.length)
    problems.push({ field: 'months', message: 'Ein Monat ist doppelt angegeben' });
  if (problems.length) throw new ValidationError(problems);
  const [source] = await tx
    .select({ id: budgetSources.id })
    .from(budgetSources)
    .where(and(eq(budgetSources.tenantId, actor.tenantId), eq(budgetSources.id, input.sourceId)));
  if (!source)
    throw new ValidationError([{ field: 'sourceId', message: 'Diese Mittelherkunft gibt es in Ihrem Jobcenter nicht' }]);

  const requested = centsByYear(input.months);
  let found: Shortfall[] = [];
  if (!input.unchecked) {
    const free = await freeByYear(tx, actor.tenantId, input.sourceId, input.instrument, [...requested.keys()]);
    found = shortfalls(requested, free);
    if (found.length) {
      if (!input.overrideReason)
        throw new ConflictError(
          `Die Verpflichtung übersteigt die freien Mittel: ${shortfallText(found)}. Mit der Berechtigung „Budget überschreiten“ und einer Begründung kann sie trotzdem gebucht werden.`,
          { shortfalls: found },
        );
      if (!(await mayOverride(tx, actor)))
        throw new ForbiddenError(
          `Die Verpflichtung übersteigt die freien Mittel (${shortfallText(found)}); überschreiten darf nur, wer die Berechtigung dazu hat.`,
        );
    }
  }
  const id = uuidv7();
  await tx.insert(budgetCommitments).values({
    tenantId: actor.tenantId,
    id,
    sourceId: input.sourceId,
    instrument: input.instrument,
    origin: input.origin,
    originRef: input.originRef,
    description: input.description,
    overrideReason: found.length ? (input.overrideReason ?? null) : null,
    createdBy: actor.staffId,
  });
  const months = input.months.filter((m) => m.cents > 0);
  if (months.length)
    await tx
      .insert(budgetCommitmentMonths)
      .values(months.map((m) => ({ tenantId: actor.tenantId, commitmentId: id, month: `${m.month}-01`, cents: m.cents })));
  await audit(tx, actor, 'budget.commitment.create', 'budget_commitment', id);
  if (found.length)
    await audit(tx, actor, 'budget.commitment.override', 'budget_commitment', id, 'Überschreitung der freien Mittel');
  return { id, shortfalls: found };
}

/** Locks the commitment and returns its committed and paid totals. */
async function lockCommitment(tx: Executor, tenantId: string, commitmentId: string) {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`SELECT id FROM budget_commitments WHERE tenant_id = ${tenantId} AND id = ${commitmentId} FOR UPDATE`,
  );
  if (!row) throw new NotFoundError('Diese Verpflichtung gibt es nicht.');
  const [sums] = await rows<{ committed: number; paid: number }>(
    tx,
    sql`SELECT COALESCE((SELECT sum(cents) FROM budget_commitment_months WHERE tenant_id = ${tenantId} AND commitment_id = ${commitmentId}), 0)::int8 AS committed,
               COALESCE((SELECT sum(cents) FROM budget_payments WHERE tenant_id = ${tenantId} AND commitment_id = ${commitmentId}), 0)::int8 AS paid`,
  );
  return { committed: Number(sums?.committed ?? 0), paid: Number(sums?.paid ?? 0) };
}

export interface PayInput {
  paidOn: string;
  cents: number;
  forMonth?: string | null;
  reference?: string | null;
}

/** Books a payment; never more than the open commitment (the commitment row is locked while checking). */
export async function payTx(
  tx: Executor,
  actor: Actor,
  commitmentId: string,
  input: PayInput,
): Promise<{ id: string; openCents: number }> {
  if (!Number.isInteger(input.cents) || input.cents <= 0)
    throw new ValidationError([{ field: 'cents', message: 'Betrag muss ein ganzer Centbetrag größer als 0 sein' }]);
  const { committed, paid } = await lockCommitment(tx, actor.tenantId, commitmentId);
  const open = committed - paid;
  if (input.cents > open)
    throw new ValidationError([
      { field: 'cents', message: `Der Betrag ${euro(input.cents)} übersteigt die offene Verpflichtung von ${euro(open)}` },
    ]);
  const id = uuidv7();
  await tx.insert(budgetPayments).values({
    tenantId: actor.tenantId,
    id,
    commitmentId,
    paidOn: input.paidOn,
    forMonth: input.forMonth ? `${input.forMonth}-01` : null,
    cents: input.cents,
    reference: input.reference ?? null,
    createdBy: actor.staffId,
  });
  await audit(tx, actor, 'budget.payment.create', 'budget_commitment', commitmentId);
  return { id, openCents: open - input.cents };
}

/** Releases the months from `fromMonth` on (early end, exit); keeps at least what is already paid. */
export async function releaseTx(
  tx: Executor,
  actor: Actor,
  commitmentId: string,
  fromMonth: string,
): Promise<{ releasedCents: number }> {
  const { committed, paid } = await lockCommitment(tx, actor.tenantId, commitmentId);
  const months = await rows<{ month: string; cents: number }>(
    tx,
    sql`SELECT to_char(month, 'YYYY-MM') AS month, cents FROM budget_commitment_months
         WHERE tenant_id = ${actor.tenantId} AND commitment_id = ${commitmentId} ORDER BY month`,
  );
  const kept = releaseFrom(
    months.map((m) => ({ month: m.month, cents: Number(m.cents) })),
    paid,
    fromMonth,
  );
  await tx
    .delete(budgetCommitmentMonths)
    .where(and(eq(budgetCommitmentMonths.tenantId, actor.tenantId), eq(budgetCommitmentMonths.commitmentId, commitmentId)));
  const positive = kept.filter((m) => m.cents > 0);
  if (positive.length)
    await tx
      .insert(budgetCommitmentMonths)
      .values(positive.map((m) => ({ tenantId: actor.tenantId, commitmentId, month: `${m.month}-01`, cents: m.cents })));
  const after = kept.reduce((s, m) => s + m.cents, 0);
  await tx
    .update(budgetCommitments)
    .set({ version: sql`${budgetCommitments.version} + 1` })
    .where(and(eq(budgetCommitments.tenantId, actor.tenantId), eq(budgetCommitments.id, commitmentId)));
  await audit(tx, actor, 'budget.commitment.release', 'budget_commitment', commitmentId);
  return { releasedCents: committed - after };
}

/**
 * Replaces a commitment's months (a recalculated schedule, e.g. after an early end): months are set to the
 * new amounts, never below what is paid in total (the last month takes the difference). Returns the change.
 */
export async function reviseMonthsTx(
  tx: Executor,
  actor: Actor,
  commitmentId: string,
  months: { month: string; cents: number }[],
): Promise<{ changeCents: number }> {
  const { committed, paid } = await lockCommitment(tx, actor.tenantId, commitmentId);
  const next = months.filter((m) => m.cents > 0).map((m) => ({ ...m }));
  const total = next.reduce((s, m) => s + m.cents, 0);
  if (total < paid) {
    const last = next.at(-1);
    if (last) last.cents += paid - total;
    else if (paid > 0)
      throw new ValidationError([{ field: 'months', message: 'Es wurde schon mehr gezahlt, als neu verpflichtet würde' }]);
  }
  await tx
    .delete(budgetCommitmentMonths)
    .where(and(eq(budgetCommitmentMonths.tenantId, actor.tenantId), eq(budgetCommitmentMonths.commitmentId, commitmentId)));
  if (next.length)
    await tx
      .insert(budgetCommitmentMonths)
      .values(next.map((m) => ({ tenantId: actor.tenantId, commitmentId, month: `${m.month}-01`, cents: m.cents })));
  await audit(tx, actor, 'budget.commitment.revise', 'budget_commitment', commitmentId);
  return { changeCents: next.reduce((s, m) => s + m.cents, 0) - committed };
}

/** Payments of a commitment per month paid for (subsidies: what is still due for a month). */
export async function paidByMonth(tx: Executor, tenantId: string, commitmentId: string): Promise<Map<string, number>> {
  const list = await rows<{ month: string; cents: number }>(
    tx,
    sql`SELECT to_char(for_month, 'YYYY-MM') AS month, sum(cents)::int8 AS cents FROM budget_payments
         WHERE tenant_id = ${tenantId} AND commitment_id = ${commitmentId} AND for_month IS NOT NULL GROUP BY 1`,
  );
  return new Map(list.map((r) => [r.month, Number(r.cents)]));
}

/** Months and payments of commitments (for a subsidy contract's page). */
export async function commitmentDetails(tx: Executor, tenantId: string, ids: readonly string[]) {
  if (!ids.length) return { months: [], payments: [] };
  const arr = `{${ids.join(',')}}`;
  const [months, payments] = await Promise.all([
    rows<{ commitmentId: string; month: string; cents: number }>(
      tx,
      sql`SELECT commitment_id AS "commitmentId", to_char(month, 'YYYY-MM') AS month, cents FROM budget_commitment_months
           WHERE tenant_id = ${tenantId} AND commitment_id = ANY(${arr}::uuid[]) ORDER BY month`,
    ),
    rows<{ commitmentId: string; paidOn: string; forMonth: string | null; cents: number }>(
      tx,
      sql`SELECT commitment_id AS "commitmentId", paid_on AS "paidOn", to_char(for_month, 'YYYY-MM') AS "forMonth", cents
            FROM budget_payments WHERE tenant_id = ${tenantId} AND commitment_id = ANY(${arr}::uuid[]) ORDER BY paid_on, id`,
    ),
  ]);
  return {
    months: months.map((m) => ({ ...m, cents: Number(m.cents) })),
    payments: payments.map((p) => ({ ...p, cents: Number(p.cents) })),
  };
}

/** Commitments booked for an origin (an assignment or a subsidy contract). */
export async function commitmentsOf(tx: Executor, tenantId: string, origin: CommitmentOrigin, originRef: string) {
  return rows<{ id: string; sourceId: string; instrument: Instrument; committed: number; paid: number }>(
    tx,
    sql`SELECT c.id, c.source_id AS "sourceId", c.instrument,
               COALESCE((SELECT sum(cents) FROM budget_commitment_months m WHERE m.tenant_id = c.tenant_id AND m.commitment_id = c.id), 0)::int8 AS committed,
               COALESCE((SELECT sum(cents) FROM budget_payments p WHERE p.tenant_id = c.tenant_id AND p.commitment_id = c.id), 0)::int8 AS paid
          FROM budget_commitments c WHERE c.tenant_id = ${tenantId} AND c.origin = ${origin} AND c.origin_ref = ${originRef}
         ORDER BY c.id`,
  );
}

export { monthIndex };
