import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { ValidationError } from '../../lib/errors.ts';
import { todayInGermany } from '../../lib/today.ts';
import type { Permission } from '../auth/permissions.ts';
import type { benefitPeriodInput, employmentInput, statusPeriodInput, teamAssignmentInput } from './model.ts';
import { benefitPeriods, employments, statusPeriods, teamAssignments } from './schema.ts';

/**
 * The four kinds of period a person's history is made of, described once so that adding, correcting
 * and removing a period is one generic use case (service.ts) with per-kind rules here.
 */
export type HistoryKind = 'benefit' | 'status' | 'team' | 'employment';
export const HISTORY_KINDS: readonly HistoryKind[] = ['benefit', 'status', 'team', 'employment'];

export type HistoryInput = {
  benefit: z.infer<typeof benefitPeriodInput>;
  status: z.infer<typeof statusPeriodInput>;
  team: z.infer<typeof teamAssignmentInput>;
  employment: z.infer<typeof employmentInput>;
};

interface KindSpec {
  table: PgTable;
  tableName: string;
  permission: Permission;
  entityType: string;
  label: string;
  /** Periods that may not overlap the new one (null = overlaps allowed, e.g. two jobs at once). */
  overlapScope: ((input: Record<string, unknown>) => SQL) | null;
  columns: (input: Record<string, unknown>) => Record<string, unknown>;
}

export const HISTORY: Record<HistoryKind, KindSpec> = {
  benefit: {
    table: benefitPeriods,
    tableName: 'benefit_periods',
    permission: 'benefit.write',
    entityType: 'benefit_period',
    label: 'Leistungsbezug',
    // other Jobcenters' periods may overlap (imported history); each day is counted once by the rules
    overlapScope: (i) => (i.otherJobcenter ? sql`FALSE` : sql`other_jobcenter IS NULL`),
    columns: (i) => ({
      householdId: i.householdId ?? null,
      employable: i.employable,
      otherJobcenter: i.otherJobcenter ?? null,
    }),
  },
  status: {
    table: statusPeriods,
    tableName: 'status_periods',
    permission: 'person.write',
    entityType: 'status_period',
    label: 'Status',
    overlapScope: (i) => sql`kind = ${i.kind}`,
    columns: (i) => ({ kind: i.kind, value: i.value, detail: i.detail ?? null }),
  },
  team: {
    table: teamAssignments,
    tableName: 'team_assignments',
    permission: 'person.write',
    entityType: 'team_assignment',
    label: 'Teamzuständigkeit',
    overlapScope: () => sql`TRUE`,
    columns: (i) => ({ teamId: i.teamId }),
  },
  employment: {
    table: employments,
    tableName: 'employments',
    permission: 'person.write',
    entityType: 'employment',
    label: 'Beschäftigung',
    overlapScope: null,
    columns: (i) => ({
      kind: i.kind,
      weeklyHours: i.weeklyHours == null ? null : String(i.weeklyHours),
      employer: i.employer ?? null,
    }),
  },
};

/** How far ahead a period may start: a benefit decision covers up to 12 months (§ 41 (3) SGB II). */
export const MAX_DAYS_AHEAD = 366;

export function assertNotTooFarAhead(validFrom: string, today = todayInGermany()) {
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + MAX_DAYS_AHEAD);
  if (validFrom > limit.toISOString().slice(0, 10))
    throw new ValidationError([{ field: 'validFrom', message: 'Beginn liegt mehr als ein Jahr in der Zukunft' }]);
}

const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Refuses a period that overlaps another of the same kind, naming the one it collides with. */
export async function assertNoOverlap(
  tx: Executor,
  kind: HistoryKind,
  tenantId: string,
  personId: string,
  input: Record<string, unknown>,
  validFrom: string,
  validTo: string | null,
  exceptId?: string,
) {
  const spec = HISTORY[kind];
  if (!spec.overlapScope) return;
  const result = (await tx.execute(sql`
    SELECT valid_from AS "from", valid_to AS "to" FROM ${sql.identifier(spec.tableName)}
     WHERE tenant_id = ${tenantId} AND person_id = ${personId} AND ${spec.overlapScope(input)}
       AND daterange(valid_from, valid_to) && daterange(${validFrom}::date, ${validTo}::date)
       ${exceptId ? sql`AND id <> ${exceptId}` : sql``}
     ORDER BY valid_from LIMIT 1`)) as unknown as { rows: { from: string; to: string | null }[] };
  const clash = result.rows[0];
  if (!clash) return;
  const until = clash.to
    ? german(new Date(Date.parse(`${clash.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10))
    : 'offen';
  throw new ValidationError([
    {
      field: 'validFrom',
      message: `Zeitraum überschneidet sich mit dem vorhandenen Zeitraum ${spec.label} vom ${german(clash.from)} bis ${until}`,
    },
  ]);
}

export function rowOf(kind: HistoryKind, tenantId: string, personId: string, id: string) {
  const table = HISTORY[kind].table as typeof benefitPeriods;
  return { table, where: and(eq(table.tenantId, tenantId), eq(table.personId, personId), eq(table.id, id)) };
}
