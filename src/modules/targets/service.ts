import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { uuidv7 } from '../../db/ids.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { todayInGermany } from '../../lib/today.ts';
import { appendAudit } from '../audit/service.ts';
import type { Caller } from '../auth/caller.ts';
import { reportSource } from '../dashboard/series.ts';
import { isProvisional, monthIndex, monthString } from '../indicators/calendar.ts';
import { FIGURES } from '../indicators/definitions.ts';
import type { IndicatorService } from '../indicators/service.ts';
import type { TargetOut, targetInput, targetUpdate } from './model.ts';
import { STATUS_LABELS, type TargetStatus, targetProgress } from './rules.ts';
import { targets } from './schema.ts';

const NOT_FOUND = 'Dieses Ziel gibt es nicht.';
const TAKEN = 'Für diese Kennzahl gibt es in diesem Jahr schon ein Ziel. Bitte ändern Sie das vorhandene.';
const STALE =
  'Das Ziel wurde inzwischen von jemand anderem geändert. Bitte laden Sie es neu und übernehmen Sie Ihre Änderung erneut.';

type Row = typeof targets.$inferSelect;
const out = (r: Row): TargetOut => ({
  id: r.id,
  year: r.year,
  code: r.code,
  comparator: r.comparator,
  value: r.valueHundredths / 100,
  note: r.note,
  version: r.version,
});
const hundredths = (percent: number) => Math.round(percent * 100);

export interface TargetProgressRow {
  target: TargetOut;
  name: string;
  /** December of the previous year: the start of the projection */
  base: { month: string; value: number | null };
  months: { month: string; value: number | null; provisional: boolean }[];
  status: TargetStatus;
  statusLabel: string;
  projection: number | null;
  latestMonth: string | null;
}

/**
 * The target agreement (§ 48b SGB II): agreed annual targets per key figure, and target vs actual for the
 * Jobcenter as a whole. Reading needs indicators.read, changing targets.write (checked by the routes).
 */
export function targetService(db: Database, indicators: Pick<IndicatorService, 'compute' | 'computeMany'>) {
  const reports = reportSource(db, indicators);
  const audit = (tx: Executor, caller: Caller, action: string, id: string) =>
    appendAudit(tx, [
      {
        tenantId: caller.tenantId,
        actorId: caller.staffId,
        action,
        entityType: 'target',
        entityId: id,
        requestId: caller.requestId,
        outcome: 'success',
      },
    ]);

  async function list(caller: Caller, year: number): Promise<TargetOut[]> {
    const rows = await db.orm
      .select()
      .from(targets)
      .where(and(eq(targets.tenantId, caller.tenantId), eq(targets.year, year)))
      .orderBy(asc(targets.code));
    const order = (code: string) => FIGURES.findIndex((f) => f.code === code);
    return rows.map(out).sort((a, b) => order(a.code) - order(b.code));
  }

  /** The row after a failed versioned change: 404 when gone, else 409 with the current state. */
  async function conflict(tx: Executor, caller: Caller, id: string): Promise<never> {
    const [current] = await tx
      .select()
      .from(targets)
      .where(and(eq(targets.tenantId, caller.tenantId), eq(targets.id, id)));
    if (!current) throw new NotFoundError(NOT_FOUND);
    throw new ConflictError(STALE, { current: out(current) });
  }

  return {
    list,

    async create(caller: Caller, input: z.infer<typeof targetInput>): Promise<TargetOut> {
      const id = uuidv7();
      try {
        return await db.orm.transaction(async (tx) => {
          const [clash] = await tx
            .select({ id: targets.id })
            .from(targets)
            .where(and(eq(targets.tenantId, caller.tenantId), eq(targets.year, input.year), eq(targets.code, input.code)));
          if (clash) throw new ValidationError([{ field: 'code', message: TAKEN }]);
          const [row] = await tx
            .insert(targets)
            .values({
              tenantId: caller.tenantId,
              id,
              year: input.year,
              code: input.code,
              comparator: input.comparator,
              valueHundredths: hundredths(input.value),
              note: input.note ?? null,
            })
            .returning();
          await audit(tx, caller, 'target.create', id);
          return out(row as Row);
        });
      } catch (err) {
        if (isUniqueViolation(err, 'targets_tenant_year_code_uq')) throw new ValidationError([{ field: 'code', message: TAKEN }]);
        throw err;
      }
    },

    async update(caller: Caller, id: string, input: z.infer<typeof targetUpdate>): Promise<TargetOut> {
      return db.orm.transaction(async (tx) => {
        const [row] = await tx
          .update(targets)
          .set({
            comparator: input.comparator,
            valueHundredths: hundredths(input.value),
            note: input.note ?? null,
            version: sql`${targets.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(targets.tenantId, caller.tenantId), eq(targets.id, id), eq(targets.version, input.version)))
          .returning();
        if (!row) return conflict(tx, caller, id);
        await audit(tx, caller, 'target.update', id);
        return out(row);
      });
    },

    async remove(caller: Caller, id: string, version: number): Promise<void> {
      await db.orm.transaction(async (tx) => {
        const gone = await tx
          .delete(targets)
          .where(and(eq(targets.tenantId, caller.tenantId), eq(targets.id, id), eq(targets.version, version)))
          .returning({ id: targets.id });
        if (!gone.length) await conflict(tx, caller, id);
        await audit(tx, caller, 'target.delete', id);
      });
    },

    /**
     * Target vs actual of a year for the Jobcenter: the monthly values up to the last completed month,
     * the projection to December and the status (rules.ts).
     */
    async progress(caller: Caller, year: number, today = todayInGermany()): Promise<TargetProgressRow[]> {
      const agreed = await list(caller, year);
      if (!agreed.length) return [];
      const lastComplete = monthIndex(today.slice(0, 7)) - 1;
      const first = year * 12; // January
      const last = Math.min(first + 11, lastComplete);
      const baseMonth = monthString(first - 1);
      const months = [baseMonth];
      for (let m = first; m <= last; m++) months.push(monthString(m));
      const computed = last >= first - 1 ? await reports.months(caller.tenantId, months) : [];
      const figureValue = (code: string, month: string) =>
        computed.find((r) => r.month === month)?.figures.find((f) => f.code === code && f.scope === 'tenant' && f.split === 'all')
          ?.value ?? null;
      return agreed.map((target) => {
        const monthly = Array.from({ length: 12 }, (_, i) =>
          first + i <= last ? figureValue(target.code, monthString(first + i)) : null,
        );
        const base = figureValue(target.code, baseMonth);
        const p = targetProgress({ comparator: target.comparator, target: target.value, base, monthly });
        return {
          target,
          name: FIGURES.find((f) => f.code === target.code)?.name ?? target.code,
          base: { month: baseMonth, value: base },
          months: monthly.map((value, i) => ({
            month: monthString(first + i),
            value,
            provisional: isProvisional(first + i, today),
          })),
          status: p.status,
          statusLabel: STATUS_LABELS[p.status],
          projection: p.projection,
          latestMonth: p.latestMonth === null ? null : monthString(first + p.latestMonth - 1),
        };
      });
    },
  };
}

export type TargetService = ReturnType<typeof targetService>;
