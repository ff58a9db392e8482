import { ymdOfDay, ymdOfIso } from '../../lib/dates.ts';

/**
 * Report months and reference days (INDICATORS.md "Counting basics"). A report month is 'YYYY-MM';
 * internally an integer (year × 12 + month − 1) so that M − 12 is plain arithmetic.
 */
export type MonthIndex = number;

/**
 * The statistical counting day ST(M): the 15th of the month (BA Statistik's default). Kept with its validity
 * so that a Jobcenter's own reference day can be configured later without rewriting history.
 */
export const REFERENCE_DAY = { day: 15, validFrom: '2005-01-01', source: 'BA Statistik, Stichtag der Bestandszählung' } as const;

export function monthIndex(month: string): MonthIndex {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`Monat „${month}“ ist nicht im Format JJJJ-MM`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthString(index: MonthIndex): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** ST(M) as an ISO date. */
export function referenceDay(index: MonthIndex): string {
  return `${monthString(index)}-${String(REFERENCE_DAY.day).padStart(2, '0')}`;
}

/** The report month whose window W(k) = (ST(k−1), ST(k)] holds the day. */
export function windowMonthOf(isoDay: string): MonthIndex {
  // packed YYYYMMDD (validated): no regex and no substrings, asked for every period of every person
  const ymd = ymdOfIso(isoDay);
  const index = Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1;
  return ymd % 100 > REFERENCE_DAY.day ? index + 1 : index;
}

/** Official figures are final three months after the report month (waiting time); younger ones are provisional. */
export const WAITING_MONTHS = 3;
export function isProvisional(index: MonthIndex, today: string): boolean {
  return index > monthIndex(today.slice(0, 7)) - WAITING_MONTHS;
}

/** `windowMonthOf` for a day number (days since 1970-01-01). */
export function windowMonthOfDay(day: number): MonthIndex {
  const ymd = ymdOfDay(day);
  const index = Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1;
  return ymd % 100 > REFERENCE_DAY.day ? index + 1 : index;
}
