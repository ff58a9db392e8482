import type { Comparator } from './schema.ts';

/**
 * Target vs actual for the target agreement (Zielvereinbarung nach § 48b SGB II; the targets refer to the
 * key figures of § 48a SGB II and the Kennzahlenverordnung, Fassung ab 22.03.2019). The agreement fixes an
 * annual value; the monthly values of the key figures are twelve-month values, so the value of December is
 * the value of the year. Rules valid from 2026-01-01 (first version; documented in docs/dashboard.md).
 */

export type TargetStatus = 'achieved' | 'on_track' | 'at_risk' | 'missed' | 'no_data';

export const STATUS_LABELS: Record<TargetStatus, string> = {
  achieved: 'erreicht',
  on_track: 'im Plan',
  at_risk: 'gefährdet',
  missed: 'verfehlt',
  no_data: 'noch keine Daten',
};

/** Values are compared as they are published and shown: rounded to one decimal (half away from zero). */
export function roundOne(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
}

/** Whether a value meets the target: "≥ 24" means at least 24, "≤ −2" at most −2. */
export function meets(value: number, comparator: Comparator, target: number): boolean {
  const v = roundOne(value);
  return comparator === '>=' ? v >= target : v <= target;
}

/**
 * Linear projection to December: the change of the twelve-month value since December of the previous
 * year (`base`) continues at the same pace for the rest of the year.
 *   projection = base + (current − base) × 12 / m      (m = months of the year with a value, 1 … 12)
 * Without a base (no value for the previous December) the current value is carried forward.
 */
export function projectYearEnd(base: number | null, current: number, monthsElapsed: number): number {
  if (monthsElapsed < 1 || monthsElapsed > 12) throw new RangeError('Monate des Jahres: 1 bis 12');
  if (base === null) return current;
  return base + ((current - base) * 12) / monthsElapsed;
}

export interface ProgressInput {
  comparator: Comparator;
  target: number;
  /** Value of December of the previous year (the start of the year), null when unknown. */
  base: number | null;
  /** Values of January … December (index 0 = January); null for months without a value yet. */
  monthly: readonly (number | null)[];
}

export interface Progress {
  status: TargetStatus;
  /** Projected (or, with December, final) value of the year; null without data. */
  projection: number | null;
  /** Latest month with a value (1 … 12), null without data. */
  latestMonth: number | null;
}

/**
 * The plain status of a target:
 *  - no value in the year yet: "noch keine Daten";
 *  - December has a value (the year is complete): "erreicht" if it meets the target, else "verfehlt";
 *  - otherwise the projection to December decides: meets the target → "im Plan", else "gefährdet".
 */
export function targetProgress({ comparator, target, base, monthly }: ProgressInput): Progress {
  let latest = -1;
  monthly.forEach((v, i) => {
    if (v !== null && i < 12) latest = i;
  });
  if (latest < 0) return { status: 'no_data', projection: null, latestMonth: null };
  const current = monthly[latest] as number;
  if (latest === 11)
    return { status: meets(current, comparator, target) ? 'achieved' : 'missed', projection: current, latestMonth: 12 };
  const projection = projectYearEnd(base, current, latest + 1);
  return { status: meets(projection, comparator, target) ? 'on_track' : 'at_risk', projection, latestMonth: latest + 1 };
}
