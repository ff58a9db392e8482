import type { Database } from '../../db/client.ts';
import { todayInGermany } from '../../lib/today.ts';
import type { Caller } from '../auth/caller.ts';
import { isProvisional, monthIndex } from '../indicators/calendar.ts';
import { FIGURES, PUBLIC_SPLITS, SPLIT_LABELS, type Split } from '../indicators/definitions.ts';
import type { FigureValue, StructureValue } from '../indicators/figures.ts';
import type { IndicatorService } from '../indicators/service.ts';
import { listTeamRefs } from '../org/directory.ts';
import { STRUCTURE_LABELS } from './labels.ts';
import { resolveScope, type ScopeRef, scopeTree, visibleScopes } from './scopes.ts';
import { monthsEndingWith, reportSource } from './series.ts';

export interface CellValue {
  split: Split;
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface FigureRow {
  code: string;
  name: string;
  kind: 'rate' | 'change';
  note: string | null;
  source: string;
  provisional: boolean;
  /** One value per split the engine provides for this figure (first: 'all'). */
  values: CellValue[];
}

export interface StructureRow {
  code: StructureValue['code'];
  name: string;
  /** 'count' for numbers of persons or households, 'percent' for shares and changes. */
  unit: 'count' | 'percent';
  values: CellValue[];
}

export interface SeriesPoint {
  month: string;
  provisional: boolean;
  /** code → value (split 'all') */
  values: Record<string, number | null>;
}

export interface DashboardView {
  month: string;
  provisional: boolean;
  scope: ScopeRef;
  breadcrumb: ScopeRef[];
  children: ScopeRef[];
  splits: { split: Split; label: string }[];
  figures: FigureRow[];
  structure: StructureRow[];
}

const cell = (v: FigureValue | StructureValue): CellValue => ({
  split: v.split,
  numerator: v.numerator,
  denominator: v.denominator,
  value: v.value,
});

/** Figures and structure of one scope, rows in the order of the definitions, splits in PUBLIC_SPLITS order. */
export function rowsForScope(
  report: { figures: FigureValue[]; structure: StructureValue[] },
  scopeKey: string,
  provisional: boolean,
): { figures: FigureRow[]; structure: StructureRow[] } {
  const order = (s: Split) => PUBLIC_SPLITS.indexOf(s);
  const figures = FIGURES.map((def) => ({
    code: def.code,
    name: def.name,
    kind: def.kind,
    note: def.note ?? null,
    source: def.source,
    provisional,
    values: report.figures
      .filter((f) => f.code === def.code && f.scope === scopeKey)
      .sort((a, b) => order(a.split) - order(b.split))
      .map(cell),
  }));
  const structure = (Object.keys(STRUCTURE_LABELS) as StructureValue['code'][]).map((code) => ({
    code,
    name: STRUCTURE_LABELS[code],
    unit: (code === 'elb' || code === 'households' || code === 'integrations' ? 'count' : 'percent') as 'count' | 'percent',
    values: report.structure
      .filter((s) => s.code === code && s.scope === scopeKey)
      .sort((a, b) => order(a.split) - order(b.split))
      .map(cell),
  }));
  return { figures, structure };
}

export const SERIES_MONTHS = { default: 12, max: 24 } as const;

/** The dashboard: key figures of a month for one scope (tenant, site or team), with drill-down and time series. */
export function dashboardService(db: Database, indicators: Pick<IndicatorService, 'compute' | 'computeMany'>) {
  const reports = reportSource(db, indicators);
  async function scopeOf(caller: Caller, scopeKey: string) {
    const teams = await listTeamRefs(db, caller.tenantId);
    const scope = resolveScope(caller, 'indicators.read', teams, scopeKey);
    return { teams, scope };
  }

  return {
    /** The figures and structure of one month and scope, with breadcrumb and the scopes below. */
    async view(caller: Caller, month: string, scopeKey: string): Promise<DashboardView> {
      const { teams, scope } = await scopeOf(caller, scopeKey);
      const visible = visibleScopes(caller, 'indicators.read', teams);
      const report = await reports.month(caller.tenantId, month);
      const provisional = isProvisional(monthIndex(month), todayInGermany());
      const { figures, structure } = rowsForScope(report, scope.key, provisional);
      return {
        month,
        provisional,
        scope,
        ...scopeTree(scope, visible, teams),
        splits: PUBLIC_SPLITS.map((split) => ({ split, label: SPLIT_LABELS[split] })),
        figures,
        structure,
      };
    },

    /** Every figure's value (all persons) over the `count` months ending with `month`, for the sparklines. */
    async series(caller: Caller, month: string, scopeKey: string, count: number = SERIES_MONTHS.default): Promise<SeriesPoint[]> {
      const { scope } = await scopeOf(caller, scopeKey);
      const today = todayInGermany();
      const list = await reports.months(caller.tenantId, monthsEndingWith(month, count));
      return list.map((r) => ({
        month: r.month,
        provisional: isProvisional(monthIndex(r.month), today),
        values: Object.fromEntries(
          FIGURES.map((def) => [
            def.code,
            r.figures.find((f) => f.code === def.code && f.scope === scope.key && f.split === 'all')?.value ?? null,
          ]),
        ),
      }));
    },
  };
}

export type DashboardService = ReturnType<typeof dashboardService>;
