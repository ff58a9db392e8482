/**
 * Calendar dates without time zones: ISO strings ('YYYY-MM-DD') outside, integer day numbers (days since
 * 1970-01-01, proleptic Gregorian calendar) inside. No `Date` objects: the conversions are integer
 * arithmetic (H. Hinnant's civil-date algorithms), so hot loops of the key-figure engine allocate nothing
 * but the strings they are asked for.
 *
 * Periods are half-open, as stored (docs/decisions/0004): `from` is the first day, `to` the first day no
 * longer valid, `null` = open. Staff-facing "bis" dates are inclusive: convert with `inclusiveEnd`.
 */

/** A calendar date 'YYYY-MM-DD' (years 0001–9999). */
export type IsoDate = string;

/** Half-open period of days: `to` is the first day no longer valid, `null` means open-ended. */
export interface Period {
  from: IsoDate;
  to: IsoDate | null;
}

/** Half-open range of day numbers; `to` = `Infinity` for an open end. */
export interface DayRange {
  from: number;
  to: number;
}

/** Day number of 0001-01-01 and 9999-12-31: the range `toDay` accepts and `fromDay` produces. */
export const MIN_DAY = -719162;
export const MAX_DAY = 2932896;

// ---------------------------------------------------------------------------------------------------
// Day-number arithmetic (hot path: numbers in, numbers out)

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of year/month/day; the caller guarantees a valid date (see `isValidYmd`). */
export function dayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The date of a day number packed into one integer, YYYYMMDD (e.g. 20191215): no allocation, and
 * differences of packed dates give completed years (`ageInYears`).
 */
export function ymdOfDay(dayNumber: number): number {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Adds calendar months to a day number; a day missing in the target month becomes its last day (31.01. + 1 → 28./29.02.). */
export function addMonthsToDay(dayNumber: number, months: number): number {
  const ymd = ymdOfDay(dayNumber);
  const total = Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1 + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return dayFromYmd(y, m, Math.min(ymd % 100, daysInMonth(y, m)));
}

/** Last day of the month of a day number. */
export function endOfMonthDay(dayNumber: number): number {
  const ymd = ymdOfDay(dayNumber);
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  return dayNumber - (ymd % 100) + daysInMonth(y, m);
}

/** First day of the month of a day number. */
export function firstOfMonthDay(dayNumber: number): number {
  return dayNumber - (ymdOfDay(dayNumber) % 100) + 1;
}

/** Months since January of year 0 (year × 12 + month − 1): consecutive months have consecutive indices. */
export function monthIndexOfDay(dayNumber: number): number {
  const ymd = ymdOfDay(dayNumber);
  return Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1;
}

/**
 * Completed years from `startDay` to `dayNumber` (§ 187 (2), § 188 (2), (3) BGB: a year counted from the
 * beginning of `startDay` is completed at the end of the day before the anniversary, and on 28 February
 * for a 29 February start in a common year). Negative if `dayNumber` precedes `startDay`.
 */
export function completedYears(startDay: number, dayNumber: number): number {
  return Math.floor((ymdOfDay(dayNumber) - ymdOfDay(startDay)) / 10000);
}

/**
 * The first day on which `years` years counted from `startDay` are completed (the anniversary; 1 March
 * for a 29 February start in a common year, § 188 (3) BGB).
 */
export function anniversaryDay(startDay: number, years: number): number {
  const ymd = ymdOfDay(startDay);
  const y = Math.floor(ymd / 10000) + years;
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return d > daysInMonth(y, m) ? dayFromYmd(y, m + 1, 1) : dayFromYmd(y, m, d);
}

// ---------------------------------------------------------------------------------------------------
// ISO strings

const DASH = 45;
const ZERO = 48;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - ZERO;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/** Packed YYYYMMDD of an ISO date, or NaN if `iso` is not a valid 'YYYY-MM-DD' date. */
function parseIsoYmd(iso: string): number {
  if (typeof iso !== 'string' || iso.length !== 10 || iso.charCodeAt(4) !== DASH || iso.charCodeAt(7) !== DASH) return Number.NaN;
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  return isValidYmd(y, m, d) ? y * 10000 + m * 100 + d : Number.NaN;
}

/** Day number of an ISO date, or NaN if `iso` is not a valid 'YYYY-MM-DD' date. */
function parseIsoDay(iso: string): number {
  const ymd = parseIsoYmd(iso);
  return Number.isNaN(ymd) ? ymd : dayFromYmd(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100);
}

/**
 * The date of an ISO string packed as YYYYMMDD (see `ymdOfDay`), validated; throws a RangeError otherwise.
 * Lets `ageOn` work on strings without converting to day numbers.
 */
export function ymdOfIso(iso: IsoDate): number {
  const ymd = parseIsoYmd(iso);
  if (Number.isNaN(ymd)) throw new RangeError(`Ungültiges Datum: ${JSON.stringify(iso)} (erwartet JJJJ-MM-TT)`);
  return ymd;
}

/** True for a real calendar date written 'YYYY-MM-DD' (years 0001–9999; 2019-02-29 is false). */
export function isValidIsoDate(text: unknown): text is IsoDate {
  return typeof text === 'string' && !Number.isNaN(parseIsoDay(text));
}

/** Days since 1970-01-01 (UTC) of an ISO date; throws a RangeError for anything but a valid 'YYYY-MM-DD'. */
export function toDay(iso: IsoDate): number {
  const n = parseIsoDay(iso);
  if (Number.isNaN(n)) throw new RangeError(`Ungültiges Datum: ${JSON.stringify(iso)} (erwartet JJJJ-MM-TT)`);
  return n;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoOfYmd(ymd: number): IsoDate {
  const y = Math.floor(ymd / 10000);
  const ys = y < 10 ? `000${y}` : y < 100 ? `00${y}` : y < 1000 ? `0${y}` : String(y);
  return `${ys}-${pad2(Math.floor(ymd / 100) % 100)}-${pad2(ymd % 100)}`;
}

/** ISO date of a day number (days since 1970-01-01); throws a RangeError outside years 0001–9999. */
export function fromDay(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY || dayNumber > MAX_DAY)
    throw new RangeError(`Tag außerhalb des Kalenderbereichs: ${dayNumber}`);
  return isoOfYmd(ymdOfDay(dayNumber));
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDay(toDay(iso) + days);
}

/** Adds calendar months, clamped to the end of a shorter month ('2020-01-31' + 1 → '2020-02-29'). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  return fromDay(addMonthsToDay(toDay(iso), months));
}

export function endOfMonth(iso: IsoDate): IsoDate {
  return fromDay(endOfMonthDay(toDay(iso)));
}

export function firstOfMonth(iso: IsoDate): IsoDate {
  toDay(iso);
  return `${iso.slice(0, 8)}01`;
}

/** The month of a date as 'YYYY-MM'. */
export function monthOf(iso: IsoDate): string {
  toDay(iso);
  return iso.slice(0, 7);
}

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * Reads '15.12.2019' (also '1.2.2019') or '2019-12-15', surrounding blanks allowed; `undefined` for
 * anything else, including dates that do not exist (31.02.2019, 29.02.2019).
 */
export function parseGermanOrIsoDate(text: string | null | undefined): IsoDate | undefined {
  if (typeof text !== 'string') return undefined;
  const t = text.trim();
  if (isValidIsoDate(t)) return t;
  const m = GERMAN_DATE.exec(t);
  if (!m) return undefined;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  return isValidYmd(y, mo, d) ? isoOfYmd(y * 10000 + mo * 100 + d) : undefined;
}

/** '2019-12-15' → '15.12.2019'. */
export function formatGerman(iso: IsoDate): string {
  toDay(iso);
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

// ---------------------------------------------------------------------------------------------------
// Periods (ISO strings compare in calendar order, so these need no parsing)

/** Whether `day` lies in the half-open period (from ≤ day < to). */
export function periodContains(p: Period, day: IsoDate): boolean {
  return p.from <= day && (p.to === null || day < p.to);
}

/** Whether two half-open periods share at least one day (touching periods do not; empty ones never). */
export function overlaps(a: Period, b: Period): boolean {
  return (
    (a.to === null || a.from < a.to) &&
    (b.to === null || b.from < b.to) &&
    (b.to === null || a.from < b.to) &&
    (a.to === null || b.from < a.to)
  );
}

/** The last day of a period (the day before `to`), or null for an open period. */
export function inclusiveEnd(p: Period): IsoDate | null {
  return p.to === null ? null : addDays(p.to, -1);
}

/** Number of days in a period, or null for an open one (empty or inverted periods: 0). */
export function periodLength(p: Period): number | null {
  return p.to === null ? null : Math.max(0, toDay(p.to) - toDay(p.from));
}

/**
 * Sorts day ranges and merges those that overlap or touch ([1, 5) and [5, 9) → [1, 9)); empty ranges
 * (to ≤ from) are dropped. The input is not changed.
 */
export function mergeDayRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = ranges.filter((r) => r.to > r.from).sort((a, b) => a.from - b.from);
  const out: DayRange[] = [];
  let cur: DayRange | undefined;
  for (const r of sorted) {
    if (cur && r.from <= cur.to) {
      if (r.to > cur.to) cur.to = r.to;
    } else {
      cur = { from: r.from, to: r.to };
      out.push(cur);
    }
  }
  return out;
}

/** Half-open period → day range (open end = Infinity). */
export function periodToDayRange(p: Period): DayRange {
  return { from: toDay(p.from), to: p.to === null ? Number.POSITIVE_INFINITY : toDay(p.to) };
}

/** Day range → half-open period (Infinity = open end). */
export function dayRangeToPeriod(r: DayRange): Period {
  return { from: fromDay(r.from), to: r.to === Number.POSITIVE_INFINITY ? null : fromDay(r.to) };
}

/** Merges overlapping or adjacent periods into the fewest periods covering the same days, sorted by start. */
export function mergePeriods(periods: readonly Period[]): Period[] {
  return mergeDayRanges(periods.map(periodToDayRange)).map(dayRangeToPeriod);
}
