import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { todayInGermany } from '../../lib/today.ts';
import { appendAudit } from '../audit/service.ts';
import { assertPermission, type Caller } from '../auth/caller.ts';
import { INSTRUMENT_SHORT, type Instrument, SOURCE_KIND_LABELS, type SourceKind } from './codes.ts';
import { type Actor, commitTx, payTx, releaseTx } from './ledger.ts';
import type { allocationInput, manualCommitment, paymentInput, planLineInput, sourceCreate } from './model.ts';
import { boundCents, freeCents, monthsFromTo, type Projection, projectYearEnd, splitEvenly } from './rules.ts';
import { budgetAllocations, budgetPlanLines, budgetSources } from './schema.ts';

export interface OverviewCell {
  sourceId: string;
  instrument: Instrument;
  label: string;
  plannedCents: number;
  committedCents: number;
  paidCents: number;
  freeCents: number;
}

export interface OverviewSource {
  sourceId: string;
  kind: SourceKind;
  label: string;
  allocatedCents: number | null;
  allocationVersion: number | null;
  plannedCents: number;
  committedCents: number;
  paidCents: number;
  freeCents: number;
  projection: Projection;
}

export interface Overview {
  year: number;
  asOf: string;
  sources: OverviewSource[];
  cells: OverviewCell[];
  totals: { plannedCents: number; committedCents: number; paidCents: number; freeCents: number; projection: Projection };
}

const num = (v: unknown) => Number(v ?? 0);

/** Plan, committed and paid per source × instrument of one year, from the records (one query per kind). */
export async function loadYearCells(db: Database, tenantId: string, year: number, executor?: Executor) {
  return db.rows<{ sourceId: string; instrument: Instrument; planned: number; committed: number; paid: number }>(
    sql`WITH plan AS (
          SELECT source_id, instrument, planned_cents AS cents FROM budget_plan_lines WHERE tenant_id = ${tenantId} AND year = ${year}),
        com AS (
          SELECT c.source_id, c.instrument, sum(m.cents) AS cents
            FROM budget_commitment_months m JOIN budget_commitments c ON c.tenant_id = m.tenant_id AND c.id = m.commitment_id
           WHERE m.tenant_id = ${tenantId} AND m.month >= make_date(${year}, 1, 1) AND m.month < make_date(${year} + 1, 1, 1)
           GROUP BY 1, 2),
        pay AS (
          SELECT c.source_id, c.instrument, sum(p.cents) AS cents
            FROM budget_payments p JOIN budget_commitments c ON c.tenant_id = p.tenant_id AND c.id = p.commitment_id
           WHERE p.tenant_id = ${tenantId} AND p.paid_on >= make_date(${year}, 1, 1) AND p.paid_on < make_date(${year} + 1, 1, 1)
           GROUP BY 1, 2),
        k AS (SELECT source_id, instrument FROM plan UNION SELECT source_id, instrument FROM com UNION SELECT source_id, instrument FROM pay)
        SELECT k.source_id AS "sourceId", k.instrument, COALESCE(plan.cents, 0)::int8 AS planned,
               COALESCE(com.cents, 0)::int8 AS committed, COALESCE(pay.cents, 0)::int8 AS paid
          FROM k LEFT JOIN plan USING (source_id, instrument) LEFT JOIN com USING (source_id, instrument)
                 LEFT JOIN pay USING (source_id, instrument)
         ORDER BY 1, 2`,
    executor,
  );
}

export async function loadSources(db: Database, tenantId: string, year: number) {
  return db.rows<{ id: string; kind: SourceKind; label: string; allocated: number | null; version: number | null }>(
    sql`SELECT s.id, s.kind, s.label, a.allocated_cents AS allocated, a.version
          FROM budget_sources s LEFT JOIN budget_allocations a ON a.tenant_id = s.tenant_id AND a.source_id = s.id AND a.year = ${year}
         WHERE s.tenant_id = ${tenantId} ORDER BY array_position(ARRAY['integration','pat','admin_transfer','programme'], s.kind), s.label`,
  );
}

/** The overview of a year: per source and per source × instrument; sums of the cells are the source figures. */
export async function yearOverview(db: Database, tenantId: string, year: number, asOf: string): Promise<Overview> {
  const [sources, cells] = await Promise.all([loadSources(db, tenantId, year), loadYearCells(db, tenantId, year)]);
  const outCells: OverviewCell[] = cells.map((c) => {
    const f = { plannedCents: num(c.planned), committedCents: num(c.committed), paidCents: num(c.paid) };
    return {
      sourceId: c.sourceId,
      instrument: c.instrument,
      label: INSTRUMENT_SHORT[c.instrument],
      ...f,
      freeCents: freeCents(f),
    };
  });
  const outSources: OverviewSource[] = sources.map((s) => {
    const mine = outCells.filter((c) => c.sourceId === s.id);
    const sum = (k: 'plannedCents' | 'committedCents' | 'paidCents' | 'freeCents') => mine.reduce((a, c) => a + c[k], 0);
    return {
      sourceId: s.id,
      kind: s.kind,
      label: s.label,
      allocatedCents: s.allocated === null ? null : num(s.allocated),
      allocationVersion: s.version,
      plannedCents: sum('plannedCents'),
      committedCents: sum('committedCents'),
      paidCents: sum('paidCents'),
      freeCents: sum('freeCents'),
      projection: projectYearEnd(year, asOf, { committedCents: sum('committedCents'), paidCents: sum('paidCents') }),
    };
  });
  const total = (k: 'plannedCents' | 'committedCents' | 'paidCents' | 'freeCents') => outSources.reduce((a, s) => a + s[k], 0);
  return {
    year,
    asOf,
    sources: outSources,
    cells: outCells,
    totals: {
      plannedCents: total('plannedCents'),
      committedCents: total('committedCents'),
      paidCents: total('paidCents'),
      freeCents: total('freeCents'),
      projection: projectYearEnd(year, asOf, { committedCents: total('committedCents'), paidCents: total('paidCents') }),
    },
  };
}

/** Budget years, plan, commitments and payments for staff (permissions budget.read / budget.write). */
export function budgetService(db: Database) {
  const actorOf = (caller: Caller): Actor => ({
    tenantId: caller.tenantId,
    staffId: caller.staffId,
    roles: caller.roles,
    requestId: caller.requestId,
  });
  const audit = (tx: Executor, caller: Caller, action: string, entityType: string, entityId: string) =>
    appendAudit(tx, [
      {
        tenantId: caller.tenantId,
        actorId: caller.staffId,
        action,
        entityType,
        entityId,
        requestId: caller.requestId,
        outcome: 'success',
      },
    ]);

  return {
    async sources(caller: Caller) {
      assertPermission(caller, 'budget.read');
      return db.rows<{ id: string; kind: SourceKind; label: string }>(
        sql`SELECT id, kind, label FROM budget_sources WHERE tenant_id = ${caller.tenantId} ORDER BY label`,
      );
    },

    async createSource(caller: Caller, input: z.infer<typeof sourceCreate>) {
      assertPermission(caller, 'budget.write');
      const id = uuidv7();
      await db.orm.transaction(async (tx) => {
        await tx.insert(budgetSources).values({ tenantId: caller.tenantId, id, kind: input.kind, label: input.label });
        await audit(tx, caller, 'budget.source.create', 'budget_source', id);
      });
      return { id };
    },

    async overview(caller: Caller, year: number, asOf = todayInGermany()) {
      assertPermission(caller, 'budget.read');
      return yearOverview(db, caller.tenantId, year, asOf);
    },

    async setAllocation(caller: Caller, input: z.infer<typeof allocationInput>) {
      assertPermission(caller, 'budget.write');
      return db.orm.transaction(async (tx) => {
        const [source] = await tx
          .select({ id: budgetSources.id })
          .from(budgetSources)
          .where(and(eq(budgetSources.tenantId, caller.tenantId), eq(budgetSources.id, input.sourceId)));
        if (!source) throw new ValidationError([{ field: 'sourceId', message: 'Diese Mittelherkunft gibt es nicht' }]);
        const key = and(
          eq(budgetAllocations.tenantId, caller.tenantId),
          eq(budgetAllocations.year, input.year),
          eq(budgetAllocations.sourceId, input.sourceId),
        );
        const [current] = await tx.select().from(budgetAllocations).where(key).for('update');
        let version = 1;
        if (current) {
          if (input.version !== current.version)
            throw new ConflictError('Die Zuteilung wurde inzwischen geändert. Bitte laden Sie die Seite neu.', { current });
          version = current.version + 1;
          await tx.update(budgetAllocations).set({ allocatedCents: input.allocatedCents, version }).where(key);
        } else {
          await tx.insert(budgetAllocations).values({
            tenantId: caller.tenantId,
            year: input.year,
            sourceId: input.sourceId,
            allocatedCents: input.allocatedCents,
          });
        }
        await audit(tx, caller, 'budget.allocation.set', 'budget_source', input.sourceId);
        return { version };
      });
    },

    async setPlanLine(caller: Caller, input: z.infer<typeof planLineInput>) {
      assertPermission(caller, 'budget.write');
      return db.orm.transaction(async (tx) => {
        const [alloc] = await tx
          .select({ year: budgetAllocations.year })
          .from(budgetAllocations)
          .where(
            and(
              eq(budgetAllocations.tenantId, caller.tenantId),
              eq(budgetAllocations.year, input.year),
              eq(budgetAllocations.sourceId, input.sourceId),
            ),
          );
        if (!alloc)
          throw new ValidationError([
            { field: 'year', message: `Für ${input.year} ist für diese Mittelherkunft noch keine Zuteilung erfasst` },
          ]);
        await tx
          .insert(budgetPlanLines)
          .values({ tenantId: caller.tenantId, ...input })
          .onConflictDoUpdate({
            target: [budgetPlanLines.tenantId, budgetPlanLines.year, budgetPlanLines.sourceId, budgetPlanLines.instrument],
            set: { plannedCents: input.plannedCents },
          });
        await audit(tx, caller, 'budget.plan.set', 'budget_source', input.sourceId);
        return { ok: true };
      });
    },

    async commitments(caller: Caller, filter: { year?: number; sourceId?: string; instrument?: Instrument; limit?: number }) {
      assertPermission(caller, 'budget.read');
      const yearCond = filter.year
        ? sql`AND EXISTS (SELECT 1 FROM budget_commitment_months m WHERE m.tenant_id = c.tenant_id AND m.commitment_id = c.id
                 AND m.month >= make_date(${filter.year}, 1, 1) AND m.month < make_date(${filter.year} + 1, 1, 1))`
        : sql``;
      return db.rows<{
        id: string;
        sourceId: string;
        sourceLabel: string;
        instrument: Instrument;
        origin: string;
        originRef: string | null;
        description: string;
        firstMonth: string | null;
        lastMonth: string | null;
        committedCents: number;
        paidCents: number;
        overridden: boolean;
      }>(
        sql`SELECT c.id, c.source_id AS "sourceId", s.label AS "sourceLabel", c.instrument, c.origin, c.origin_ref AS "originRef",
                   c.description, c.override_reason IS NOT NULL AS overridden,
                   (SELECT to_char(min(month), 'YYYY-MM') FROM budget_commitment_months m WHERE m.tenant_id = c.tenant_id AND m.commitment_id = c.id) AS "firstMonth",
                   (SELECT to_char(max(month), 'YYYY-MM') FROM budget_commitment_months m WHERE m.tenant_id = c.tenant_id AND m.commitment_id = c.id) AS "lastMonth",
                   COALESCE((SELECT sum(cents) FROM budget_commitment_months m WHERE m.tenant_id = c.tenant_id AND m.commitment_id = c.id), 0)::int8 AS "committedCents",
                   COALESCE((SELECT sum(cents) FROM budget_payments p WHERE p.tenant_id = c.tenant_id AND p.commitment_id = c.id), 0)::int8 AS "paidCents"
              FROM budget_commitments c JOIN budget_sources s ON s.tenant_id = c.tenant_id AND s.id = c.source_id
             WHERE c.tenant_id = ${caller.tenantId}
               ${filter.sourceId ? sql`AND c.source_id = ${filter.sourceId}` : sql``}
               ${filter.instrument ? sql`AND c.instrument = ${filter.instrument}` : sql``}
               ${yearCond}
             ORDER BY c.created_at DESC, c.id DESC LIMIT ${filter.limit ?? 200}`,
      );
    },

    async commitment(caller: Caller, id: string) {
      assertPermission(caller, 'budget.read');
      const [head] = await db.rows<{
        id: string;
        sourceId: string;
        sourceLabel: string;
        instrument: Instrument;
        origin: string;
        originRef: string | null;
        description: string;
        overrideReason: string | null;
        version: number;
      }>(
        sql`SELECT c.id, c.source_id AS "sourceId", s.label AS "sourceLabel", c.instrument, c.origin, c.origin_ref AS "originRef",
                   c.description, c.override_reason AS "overrideReason", c.version
              FROM budget_commitments c JOIN budget_sources s ON s.tenant_id = c.tenant_id AND s.id = c.source_id
             WHERE c.tenant_id = ${caller.tenantId} AND c.id = ${id}`,
      );
      if (!head) throw new NotFoundError('Diese Verpflichtung gibt es nicht.');
      const [months, payments] = await Promise.all([
        db.rows<{ month: string; cents: number }>(
          sql`SELECT to_char(month, 'YYYY-MM') AS month, cents FROM budget_commitment_months
               WHERE tenant_id = ${caller.tenantId} AND commitment_id = ${id} ORDER BY month`,
        ),
        db.rows<{ id: string; paidOn: string; forMonth: string | null; cents: number; reference: string | null }>(
          sql`SELECT id, paid_on AS "paidOn", to_char(for_month, 'YYYY-MM') AS "forMonth", cents, reference FROM budget_payments
               WHERE tenant_id = ${caller.tenantId} AND commitment_id = ${id} ORDER BY paid_on, id`,
        ),
      ]);
      const committedCents = months.reduce((a, m) => a + num(m.cents), 0);
      const paidCents = payments.reduce((a, p) => a + num(p.cents), 0);
      return {
        ...head,
        months: months.map((m) => ({ month: m.month, cents: num(m.cents) })),
        payments: payments.map((p) => ({ ...p, cents: num(p.cents) })),
        committedCents,
        paidCents,
        openCents: committedCents - paidCents,
      };
    },

    async createManualCommitment(caller: Caller, input: z.infer<typeof manualCommitment>) {
      assertPermission(caller, 'budget.write');
      const months = monthsFromTo(input.fromMonth, input.toMonth);
      if (months.length > 120) throw new ValidationError([{ field: 'toMonth', message: 'Höchstens zehn Jahre' }]);
      const parts = splitEvenly(input.totalCents, months.length);
      return db.orm.transaction((tx) =>
        commitTx(tx, actorOf(caller), {
          sourceId: input.sourceId,
          instrument: input.instrument,
          origin: 'manual',
          originRef: null,
          description: input.description,
          months: months.map((month, i) => ({ month, cents: parts[i] as number })),
          overrideReason: input.overrideReason ?? null,
        }),
      );
    },

    async bookPayment(caller: Caller, commitmentId: string, input: z.infer<typeof paymentInput>) {
      assertPermission(caller, 'budget.write');
      return db.orm.transaction((tx) => payTx(tx, actorOf(caller), commitmentId, input));
    },

    async release(caller: Caller, commitmentId: string, fromMonth: string) {
      assertPermission(caller, 'budget.write');
      return db.orm.transaction((tx) => releaseTx(tx, actorOf(caller), commitmentId, fromMonth));
    },
  };
}

export type BudgetService = ReturnType<typeof budgetService>;

/** For the Eingliederungsbericht (reports module): the budget section of a year, from the records. */
export async function budgetReportSection(db: Database, tenantId: string, year: number) {
  const o = await yearOverview(db, tenantId, year, `${year}-12-31`);
  const byInstrument = new Map<Instrument, { plannedCents: number; paidCents: number }>();
  for (const c of o.cells) {
    const v = byInstrument.get(c.instrument) ?? { plannedCents: 0, paidCents: 0 };
    v.plannedCents += c.plannedCents;
    v.paidCents += c.paidCents;
    byInstrument.set(c.instrument, v);
  }
  return {
    sources: o.sources.map((s) => ({
      label: s.label || SOURCE_KIND_LABELS[s.kind],
      kind: s.kind,
      plannedCents: s.plannedCents,
      committedCents: s.committedCents,
      paidCents: s.paidCents,
    })),
    byInstrument: [...byInstrument].map(([instrument, v]) => ({ label: INSTRUMENT_SHORT[instrument], instrument, ...v })),
  };
}

export { boundCents };
