/**
 * The monthly subsidy of a § 16i / § 16e contract (pure rule, worked by hand in schedule.unit.test.ts).
 *
 * § 16i Abs. 2 SGB II (Teilhabechancengesetz, in force 1.1.2019): the employer receives a subsidy of the
 * wage — the statutory minimum wage, or the higher wage the employer is bound to pay by a collective agreement
 * or church labour rules (never less than the minimum wage of the day, see hourlyOn) —
 * plus the flat employer social-insurance share without unemployment insurance: 100 % in the first and
 * second year, 90 % in the third, 80 % in the fourth, 70 % in the fifth; at most five years.
 * § 16e Abs. 2 SGB II (in force 1.1.2019): 75 % in the first, 50 % in the second year of the employment.
 *
 * Monthly wage = hourly wage × weekly hours × 13 ÷ 3 (52 weeks ÷ 12 months). A month is split into segments
 * wherever the minimum wage, the employer share or the subsidy year changes, or the contract starts or ends;
 * each segment counts its calendar days ÷ days of the month. The month's amount is rounded once, half up, to
 * the cent (BigInt arithmetic, no floating point).
 */
import { anniversaryDay, daysInMonth, fromDay, toDay } from '../../lib/dates.ts';
import type { SubsidyBasis, WageBasis } from './codes.ts';
import { EMPLOYER_SHARE_BP, MINIMUM_WAGE, valueOn } from './wage-tables.ts';

/** Subsidy percentage by year of the employment (index 0 = first year). */
export const SUBSIDY_PERCENT: Record<SubsidyBasis, readonly number[]> = {
  '16i': [100, 100, 90, 80, 70],
  '16e': [75, 50],
};

export interface ContractTerms {
  basis: SubsidyBasis;
  startsOn: string;
  /** Planned end, half-open. */
  endsOn: string;
  /** Early end, half-open (null: as planned). */
  endedOn?: string | null;
  weeklyHours: number;
  wageBasis: WageBasis;
  agreedHourlyCents?: number | null;
}

export interface ScheduleSegment {
  from: string;
  /** Last day, inclusive. */
  until: string;
  days: number;
  hourlyCents: number;
  shareBp: number;
  percent: number;
}

export interface ScheduleMonth {
  month: string;
  segments: ScheduleSegment[];
  cents: number;
}

/** The end of the subsidy (half-open): the contract's end, at most the maximum number of subsidy years. */
export function subsidyEnd(t: ContractTerms): string {
  const end = t.endedOn && t.endedOn < t.endsOn ? t.endedOn : t.endsOn;
  const max = fromDay(anniversaryDay(toDay(t.startsOn), SUBSIDY_PERCENT[t.basis].length));
  if (end < max) return end;
  return max;
}

/**
 * The hourly wage the subsidy is measured on. An agreed (collectively bargained) wage counts only where it is
 * higher than the statutory minimum wage of the day: § 16i Abs. 2 takes the minimum wage unless the employer
 * is bound to pay more, and no employer may pay less than the minimum wage (§ 1, § 3 MiLoG; § 22 Abs. 4 MiLoG
 * does not apply to § 16i / § 16e jobs). So when the minimum wage overtakes an agreed wage (e.g. 12,00 € from
 * 1.10.2022), the subsidy follows the minimum wage from that day.
 */
function hourlyOn(t: ContractTerms, day: string): number {
  const w = valueOn(MINIMUM_WAGE, day);
  if (!w) throw new RangeError(`no minimum wage on ${day}`);
  if (t.wageBasis === 'agreed') {
    if (!t.agreedHourlyCents) throw new RangeError('agreed wage without an hourly amount');
    return Math.max(t.agreedHourlyCents, w.cents);
  }
  return w.cents;
}

const roundHalfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);

export function schedule(t: ContractTerms): ScheduleMonth[] {
  const start = toDay(t.startsOn);
  const end = toDay(subsidyEnd(t));
  const hoursTenths = BigInt(Math.round(t.weeklyHours * 10));
  const boundaries = new Set<number>([start, end]);
  for (const e of [...MINIMUM_WAGE, ...EMPLOYER_SHARE_BP]) boundaries.add(toDay(e.from));
  const percents = SUBSIDY_PERCENT[t.basis];
  for (let k = 1; k <= percents.length; k++) boundaries.add(anniversaryDay(start, k));
  const out: ScheduleMonth[] = [];
  let day = start;
  while (day < end) {
    const iso = fromDay(day);
    const y = Number(iso.slice(0, 4));
    const m = Number(iso.slice(5, 7));
    const dim = daysInMonth(y, m);
    const monthEnd = toDay(`${iso.slice(0, 8)}01`) + dim; // first day of next month
    const stop = Math.min(monthEnd, end);
    const cuts = [...boundaries].filter((b) => b > day && b < stop).sort((a, b) => a - b);
    const segments: ScheduleSegment[] = [];
    let numerator = 0n;
    let from = day;
    for (const to of [...cuts, stop]) {
      const fromIso = fromDay(from);
      const year = Math.floor(yearsBetween(start, from));
      const percent = percents[year] ?? 0;
      const hourly = hourlyOn(t, fromIso);
      const share = valueOn(EMPLOYER_SHARE_BP, fromIso)?.bp ?? 0;
      const days = to - from;
      segments.push({ from: fromIso, until: fromDay(to - 1), days, hourlyCents: hourly, shareBp: share, percent });
      numerator += BigInt(hourly) * hoursTenths * 13n * BigInt(10000 + share) * BigInt(percent) * BigInt(days);
      from = to;
    }
    // ÷ 10 (tenths of hours) ÷ 3 (13/3 weeks a month) ÷ 10000 (share) ÷ 100 (percent) ÷ days of the month
    const cents = Number(roundHalfUp(numerator, 30_000_000n * BigInt(dim)));
    out.push({ month: iso.slice(0, 7), segments, cents });
    day = stop;
  }
  return out;
}

/** Completed subsidy years from the start to `day` (the anniversary opens the next year). */
function yearsBetween(start: number, day: number): number {
  let k = 0;
  while (anniversaryDay(start, k + 1) <= day) k++;
  return k;
}

/** Splits a month's subsidy into the PAT part (floor of the share) and the integration-budget part. */
export function splitPat(cents: number, patShareBp: number): { patCents: number; integrationCents: number } {
  const pat = Math.floor((cents * patShareBp) / 10000);
  return { patCents: pat, integrationCents: cents - pat };
}
