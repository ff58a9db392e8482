import { isProvisional, type MonthIndex, monthString } from './calendar.ts';
import { FIGURES, type FigureDefinition, PUBLIC_SPLITS, SPLITS, type Split } from './definitions.ts';
import { type Counter, type Counts, DAYS } from './engine.ts';

/** One figure for one month, scope and split, with what it is made of. */
export interface FigureValue {
  code: string;
  month: string;
  scope: string;
  split: Split;
  numerator: number;
  denominator: number;
  /** Percent: the rate, or for change figures the change (ratio − 1) × 100. null when the denominator is 0. */
  value: number | null;
  /** The plain ratio numerator ÷ denominator (for change figures the factor). */
  ratio: number | null;
  provisional: boolean;
}

export interface PaymentSums {
  /** month 'YYYY-MM' → scope key → cents */
  subsistence: Map<string, Map<string, number>>;
  housing: Map<string, Map<string, number>>;
}

const splitIndex = (s: Split) => SPLITS.indexOf(s);

/** Restricted figures split by sex read the intersection cell (e.g. single parents who are women). */
function restricted(group: 'single_parent' | 'lzb', split: Split): Split | null {
  if (split === 'all') return group;
  if (split.startsWith('sex:')) return `${group}&${split}` as Split;
  if (split === group) return group;
  return null;
}

function sum(c: Counter, from: number, to: number, scope: number, split: number): number {
  let n = 0;
  for (let d = from; d <= to; d++) n += c.get(d, scope, split);
  return n;
}

/** Mean of 12 monthly quotas num(d) ÷ den(d') (months with an empty denominator count as 0). */
function meanQuota(num: Counter, den: Counter, M: number, scope: number, split: number, shift: number) {
  let total = 0;
  let numerator = 0;
  let denominator = 0;
  for (let d = M - 11; d <= M; d++) {
    const a = num.get(d, scope, split);
    const b = den.get(d - shift, scope, split);
    numerator += a;
    denominator += b;
    if (b > 0) total += a / b;
  }
  return { numerator, denominator, value: denominator > 0 ? (total / 12) * 100 : null };
}

/** Day index of report month `month` in the counts (must be one of the report months counted). */
function dayIndex(counts: Counts, month: MonthIndex): number {
  const M = month - counts.firstDay;
  if (M < DAYS_BACK || M >= counts.days) throw new Error(`Monat ${monthString(month)} wurde nicht gezählt`);
  return M;
}
/** Reference days before the report month that every figure needs (K2E3 looks two years back). */
const DAYS_BACK = DAYS - 1;

/** The key figures of report month `reportMonth` (default: the last month counted). */
export function computeFigures(
  counts: Counts,
  payments: PaymentSums | null,
  today: string,
  reportMonth: MonthIndex = counts.month,
): FigureValue[] {
  const M = dayIndex(counts, reportMonth);
  const month = monthString(reportMonth);
  const provisional = isProvisional(reportMonth, today);
  const out: FigureValue[] = [];
  const push = (
    def: FigureDefinition,
    scope: string,
    split: Split,
    numerator: number,
    denominator: number,
    value?: number | null,
  ) => {
    const ratio = denominator > 0 ? numerator / denominator : null;
    const v = value !== undefined ? value : ratio === null ? null : def.kind === 'change' ? (ratio - 1) * 100 : ratio * 100;
    out.push({ code: def.code, month, scope, split, numerator, denominator, value: v, ratio, provisional });
  };
  const rateOverMeanStock = (events: Counter, stock: Counter, scope: number, split: number) => ({
    numerator: sum(events, M - 11, M, scope, split),
    denominator: sum(stock, M - 12, M - 1, scope, split) / 12,
  });

  for (const def of FIGURES) {
    for (let scope = 0; scope < counts.scopeKeys.length; scope++) {
      const scopeKey = counts.scopeKeys[scope] as string;
      if (def.splits === 'none') {
        if (!payments) continue;
        const series = def.code === 'K1' ? payments.subsistence : payments.housing;
        const now = series.get(month)?.get(scopeKey) ?? 0;
        const before = series.get(monthString(reportMonth - 12))?.get(scopeKey) ?? 0;
        push(def, scopeKey, 'all', now, before);
        continue;
      }
      for (const split of PUBLIC_SPLITS) {
        const x = splitIndex(split);
        switch (def.code) {
          case 'K1E2':
            push(def, scopeKey, split, counts.stock.get(M, scope, x), counts.stock.get(M - 12, scope, x));
            break;
          case 'K3': {
            const r = restricted('lzb', split);
            if (r)
              push(def, scopeKey, split, counts.lzb.get(M, scope, splitIndex(r)), counts.lzb.get(M - 12, scope, splitIndex(r)));
            break;
          }
          case 'K1E3': {
            const q = meanQuota(counts.inflows, counts.stock, M, scope, x, 0);
            push(def, scopeKey, split, q.numerator, q.denominator, q.value);
            break;
          }
          case 'K1E4': {
            const q = meanQuota(counts.outflows, counts.stock, M, scope, x, 1);
            push(def, scopeKey, split, q.numerator, q.denominator, q.value);
            break;
          }
          case 'K2': {
            const r = rateOverMeanStock(counts.integrations, counts.stock, scope, x);
            push(def, scopeKey, split, r.numerator, r.denominator);
            break;
          }
          case 'K2E1': {
            const r = rateOverMeanStock(counts.minijobs, counts.stock, scope, x);
            push(def, scopeKey, split, r.numerator, r.denominator);
            break;
          }
          case 'K2E2': {
            const r = rateOverMeanStock(counts.publicJobs, counts.stock, scope, x);
            push(def, scopeKey, split, r.numerator, r.denominator);
            break;
          }
          case 'K2E3':
            push(
              def,
              scopeKey,
              split,
              sum(counts.svContinued, M - 23, M - 12, scope, x),
              sum(counts.svIntegrations, M - 23, M - 12, scope, x),
            );
            break;
          case 'K2E4': {
            const r = restricted('single_parent', split);
            if (r) {
              const v = rateOverMeanStock(counts.integrations, counts.stock, scope, splitIndex(r));
              push(def, scopeKey, split, v.numerator, v.denominator);
            }
            break;
          }
          case 'K3E1': {
            const r = restricted('lzb', split);
            if (r) {
              const v = rateOverMeanStock(counts.integrations, counts.lzb, scope, splitIndex(r));
              push(def, scopeKey, split, v.numerator, v.denominator);
            }
            break;
          }
          case 'K3E2': {
            const r = restricted('lzb', split);
            if (r)
              push(def, scopeKey, split, counts.lzbActive.get(M, scope, splitIndex(r)), counts.lzb.get(M, scope, splitIndex(r)));
            break;
          }
          case 'K3E3': {
            const r = restricted('lzb', split);
            if (r) {
              const q = meanQuota(counts.lzbInflows, counts.lzb, M, scope, splitIndex(r), 0);
              push(def, scopeKey, split, q.numerator, q.denominator, q.value);
            }
            break;
          }
          case 'K3E4': {
            const r = restricted('lzb', split);
            if (r) {
              const q = meanQuota(counts.lzbOutflows, counts.lzb, M, scope, splitIndex(r), 1);
              push(def, scopeKey, split, q.numerator, q.denominator, q.value);
            }
            break;
          }
        }
      }
    }
  }
  return out;
}

/** The structure figures of the report for ST(M), per scope and split. */
export interface StructureValue {
  code:
    | 'elb'
    | 'lzb_share'
    | 'over4y_share'
    | 'severe_disability_share'
    | 'refugee_share'
    | 'households'
    | 'households_change'
    | 'integrations';
  month: string;
  scope: string;
  split: Split;
  numerator: number;
  denominator: number;
  value: number | null;
}

export function computeStructure(counts: Counts, reportMonth: MonthIndex = counts.month): StructureValue[] {
  const M = dayIndex(counts, reportMonth);
  const month = monthString(reportMonth);
  const out: StructureValue[] = [];
  const all = splitIndex('all');
  for (let scope = 0; scope < counts.scopeKeys.length; scope++) {
    const scopeKey = counts.scopeKeys[scope] as string;
    for (const split of PUBLIC_SPLITS) {
      const x = splitIndex(split);
      const stock = counts.stock.get(M, scope, x);
      const share = (code: StructureValue['code'], n: number, d: number) =>
        out.push({ code, month, scope: scopeKey, split, numerator: n, denominator: d, value: d > 0 ? (n / d) * 100 : null });
      out.push({ code: 'elb', month, scope: scopeKey, split, numerator: stock, denominator: 1, value: stock });
      share('lzb_share', counts.lzb.get(M, scope, x), stock);
      share('over4y_share', counts.over4Years.get(M, scope, x), stock);
      if (split === 'all') share('refugee_share', counts.stock.get(M, scope, splitIndex('refugee')), stock);
      const integrations = sum(counts.integrations, M - 11, M, scope, x);
      out.push({
        code: 'integrations',
        month,
        scope: scopeKey,
        split,
        numerator: integrations,
        denominator: 1,
        value: integrations,
      });
      if (split === 'all') {
        share(
          'severe_disability_share',
          counts.jobSeeking.get(M, scope, splitIndex('severe_disability')),
          counts.jobSeeking.get(M, scope, all),
        );
        const h = counts.households.get(M, scope, all);
        const h12 = counts.households.get(M - 12, scope, all);
        out.push({ code: 'households', month, scope: scopeKey, split, numerator: h, denominator: 1, value: h });
        out.push({
          code: 'households_change',
          month,
          scope: scopeKey,
          split,
          numerator: h,
          denominator: h12,
          value: h12 > 0 ? (h / h12 - 1) * 100 : null,
        });
      }
    }
  }
  return out;
}

export type { MonthIndex };
