/**
 * Pure domain rules of the people module: who is an eLb, a long-term recipient (LZB), a single parent,
 * how old, how long in receipt — on a given day. Plain data in, plain data out; no database.
 *
 * Authority: /work/shared/INDICATORS.md (the day-exact rules) and the laws and BA definitions cited at
 * each function; docs/rules.md lists them with their worked examples.
 *
 * Two layers:
 * - ISO-string functions (`isElbOn`, `isLongTermRecipientOn`, …) for services and single records;
 * - an `ElbProfile` compiled once per person (`elbProfile`) and `profile…` functions on integer day
 *   numbers, for the indicator engine evaluating one person on many reference days.
 */
import {
  anniversaryDay,
  type DayRange,
  dayFromYmd,
  fromDay,
  type IsoDate,
  mergeDayRanges,
  monthIndexOfDay,
  toDay,
  ymdOfDay,
  ymdOfIso,
} from '../../lib/dates.ts';

/** One benefit period as stored (half-open: `to` = first day without receipt, null = open). */
export interface BenefitSpan {
  from: IsoDate;
  to: IsoDate | null;
  /** Recorded as employable (erwerbsfähig, § 8 SGB II). */
  employable: boolean;
  /** Set for periods imported from another Jobcenter (count for LZB, not for this Jobcenter's stock). */
  otherJobcenter?: string | null;
}

export type HouseholdRole = 'applicant' | 'partner' | 'child' | 'other';

/** One membership of a person in a household (Bedarfsgemeinschaft), half-open like `BenefitSpan`. */
export interface HouseholdMemberSpan {
  householdId: string;
  personId: string;
  role: HouseholdRole;
  from: IsoDate;
  to: IsoDate | null;
  birthDate: IsoDate;
}

export type AgeGroup = 'under25' | '25to49' | '50plus';

/** eLb minimum age: § 7 (1) Nr. 1 SGB II (15 years completed). */
export const MIN_ELB_AGE = 15;
/** LZB minimum age (INDICATORS.md, "Long-term recipient"; § 3 (1) Nr. 2 KennzahlenVO 2019). */
export const MIN_LZB_AGE = 17;
/** LZB look-back window in days, reference day included (INDICATORS.md). */
export const LZB_WINDOW_DAYS = 730;
/** LZB: eLb on at least this many of the window's days (INDICATORS.md; "21 of 24 months", day-exact). */
export const LZB_MIN_ELB_DAYS = 638;
/** Movement concept: an interruption of at most this many days does not end an eLb spell (INDICATORS.md). */
export const ELB_SPELL_MAX_GAP_DAYS = 7;
/**
 * "Bisherige Verweildauer" of BA Statistik: interruptions of receipt of at most 31 days do not end it
 * (BA Grundsicherungsstatistik as quoted in the Federal Government's answer BT-Drs. 19/31608, hib 934/2021:
 * "… bisherigen Verweildauer im Regelleistungsbezug … (mit einer maximalen Unterbrechung von 31 Tagen)").
 */
export const RECEIPT_DURATION_MAX_GAP_DAYS = 31;

const INF = Number.POSITIVE_INFINITY;

function isOther(s: BenefitSpan): boolean {
  return s.otherJobcenter !== undefined && s.otherJobcenter !== null && s.otherJobcenter !== '';
}

// ---------------------------------------------------------------------------------------------------
// Age

/**
 * Completed years of life on `day` (§ 187 (2) S. 2, § 188 (2) BGB: the day of birth counts, a year is
 * completed at the end of the day before the anniversary of birth; someone born on 29 February completes
 * it at the end of 28 February in common years, § 188 (3) BGB). On the birthday itself the new age holds.
 * Negative when `day` precedes the birth.
 */
export function ageOn(birthDate: IsoDate, day: IsoDate): number {
  return ageOnYmd(ymdOfIso(birthDate), ymdOfIso(day));
}

/** `ageOn` on packed dates (YYYYMMDD), for evaluating one person on many days. */
export function ageOnYmd(birthYmd: number, dayYmd: number): number {
  return Math.floor((dayYmd - birthYmd) / 10000);
}

/** Under 25 on `day` (BA "U25": age in completed years < 25). */
export function isU25On(birthDate: IsoDate, day: IsoDate): boolean {
  return ageOn(birthDate, day) < 25;
}

/** BA standard age groups of the SGB II statistics: under 25, 25 to under 50, 50 and older. */
export function ageGroupOn(birthDate: IsoDate, day: IsoDate): AgeGroup {
  const age = ageOn(birthDate, day);
  return age < 25 ? 'under25' : age < 50 ? '25to49' : '50plus';
}

// ---------------------------------------------------------------------------------------------------
// Pension age limit (§ 7a SGB II)

/**
 * The age limit of § 7a SGB II (version since 1.1.2008, RV-Altersgrenzenanpassungsgesetz) in months:
 * 65 years for births before 1947; 65 y + 1 month per birth year 1947–1958 (1958: 66 y);
 * 66 y + 2 months per birth year 1959–1963 (1963: 66 y 10 m); 67 years from 1964.
 */
export function pensionLimitAgeMonths(birthYear: number): number {
  if (birthYear < 1947) return 65 * 12;
  if (birthYear <= 1958) return 65 * 12 + (birthYear - 1946);
  if (birthYear <= 1963) return 66 * 12 + 2 * (birthYear - 1958);
  return 67 * 12;
}

/**
 * Month index (year × 12 + month − 1) of the month whose end is the § 7a limit, from the packed birth
 * date (YYYYMMDD). The limit age is completed at the end of the day before the day numbered like the
 * birthday, L months later (§ 188 (2) BGB; a missing day such as 30 February ends the period on the
 * month's last day, § 188 (3)). That day lies in the target month, except for births on the 1st: then
 * it is the last day of the month before.
 */
function pensionLimitMonthIndex(birthYmd: number): number {
  const y = Math.floor(birthYmd / 10000);
  const target = y * 12 + (Math.floor(birthYmd / 100) % 100) - 1 + pensionLimitAgeMonths(y);
  return birthYmd % 100 === 1 ? target - 1 : target;
}

/** Day-number form of `pensionAgeLimitLastDay`. */
export function pensionLimitLastDayNumber(birthDay: number): number {
  const t = pensionLimitMonthIndex(ymdOfDay(birthDay)) + 1; // the month after
  return dayFromYmd(Math.floor(t / 12), (t % 12) + 1, 1) - 1;
}

/**
 * The last day on which a person can be eLb under § 7a SGB II: the end of the month in which the person
 * completes the limit age (`pensionLimitAgeMonths`), age completion per §§ 187 (2), 188 (2) BGB.
 * INDICATORS.md: born 1955-03-01 → 2020-11-30; born 1955-03-02 → 2020-12-31.
 */
export function pensionAgeLimitLastDay(birthDate: IsoDate): IsoDate {
  return fromDay(pensionLimitLastDayNumber(toDay(birthDate)));
}

// ---------------------------------------------------------------------------------------------------
// eLb on a day

/**
 * eLb on `day` (INDICATORS.md "eLb on a day"; § 7 (1) S. 1, § 7a, § 8 SGB II): in benefit receipt that
 * day in a period recorded as employable — only this Jobcenter's periods unless `includeOtherJobcenters` —,
 * aged at least 15 (`ageOn`) and not past `pensionAgeLimitLastDay`. The one function every figure uses.
 * Benefit dates are compared as ISO strings (as stored); the birth date and `day` are validated.
 */
export function isElbOn(
  birthDate: IsoDate,
  benefit: readonly BenefitSpan[],
  day: IsoDate,
  opts: { includeOtherJobcenters?: boolean } = {},
): boolean {
  const includeOther = opts.includeOtherJobcenters ?? false;
  let inReceipt = false;
  // ISO strings compare in calendar order: no parsing for the common "not in receipt" answer.
  for (const s of benefit) {
    if (s.employable && s.from <= day && (s.to === null || day < s.to) && (includeOther || !isOther(s))) {
      inReceipt = true;
      break;
    }
  }
  if (!inReceipt) return false;
  const b = ymdOfIso(birthDate);
  const d = ymdOfIso(day);
  // packed dates: completed years = ⌊(d − b) / 10000⌋; months compared by index
  return (
    d - b >= MIN_ELB_AGE * 10000 && Math.floor(d / 10000) * 12 + (Math.floor(d / 100) % 100) - 1 <= pensionLimitMonthIndex(b)
  );
}

/**
 * A person's eLb facts compiled once for evaluation on many days: day numbers, merged employable
 * receipt (each day once, however many periods record it), age bounds.
 */
export interface ElbProfile {
  readonly birthDay: number;
  /** First day aged 15 (eLb possible from here). */
  readonly firstElbAgeDay: number;
  /** First day aged 17 (LZB possible from here). */
  readonly firstLzbAgeDay: number;
  /** Last day on which the person can be eLb (§ 7a limit, `pensionAgeLimitLastDay`). */
  readonly lastElbDay: number;
  /** Employable receipt at this Jobcenter, merged half-open ranges (open end = Infinity). */
  readonly own: readonly DayRange[];
  /** Employable receipt at any Jobcenter, merged. */
  readonly all: readonly DayRange[];
}

/** Compiles a person's eLb facts (see `ElbProfile`); inverted or empty benefit periods are ignored. */
export function elbProfile(birthDate: IsoDate, benefit: readonly BenefitSpan[]): ElbProfile {
  const birthDay = toDay(birthDate);
  const own: DayRange[] = [];
  const all: DayRange[] = [];
  for (const s of benefit) {
    if (!s.employable) continue;
    const r = { from: toDay(s.from), to: s.to === null ? INF : toDay(s.to) };
    all.push(r);
    if (!isOther(s)) own.push(r);
  }
  return {
    birthDay,
    firstElbAgeDay: anniversaryDay(birthDay, MIN_ELB_AGE),
    firstLzbAgeDay: anniversaryDay(birthDay, MIN_LZB_AGE),
    lastElbDay: pensionLimitLastDayNumber(birthDay),
    own: mergeDayRanges(own),
    all: mergeDayRanges(all),
  };
}

function rangesContain(ranges: readonly DayRange[], day: number): boolean {
  for (const r of ranges) {
    if (day < r.from) return false; // sorted
    if (day < r.to) return true;
  }
  return false;
}

/** `isElbOn` on a compiled profile and a day number. */
export function profileIsElb(p: ElbProfile, day: number, includeOtherJobcenters = false): boolean {
  return day >= p.firstElbAgeDay && day <= p.lastElbDay && rangesContain(includeOtherJobcenters ? p.all : p.own, day);
}

/** `elbDayCount` on a compiled profile and a day number. */
export function profileElbDayCount(p: ElbProfile, lastDay: number, windowDays: number): number {
  if (!(windowDays > 0)) return 0;
  const lo = Math.max(lastDay - windowDays + 1, p.firstElbAgeDay);
  const hi = Math.min(lastDay, p.lastElbDay) + 1; // exclusive
  let n = 0;
  for (const r of p.all) {
    if (r.from >= hi) break;
    const a = Math.max(r.from, lo);
    const b = Math.min(r.to, hi);
    if (b > a) n += b - a;
  }
  return n;
}

/**
 * Number of distinct days in [lastDay − windowDays + 1, lastDay] on which the person was eLb, counting
 * other Jobcenters' periods too and each day once however many periods overlap
 * (INDICATORS.md "Long-term recipient": "each day counted once, however many households or Jobcenters
 * recorded it; previous Jobcenters' periods count when they were imported").
 */
export function elbDayCount(birthDate: IsoDate, benefit: readonly BenefitSpan[], lastDay: IsoDate, windowDays: number): number {
  return profileElbDayCount(elbProfile(birthDate, benefit), toDay(lastDay), windowDays);
}

/** `isLongTermRecipientOn` on a compiled profile and a day number. */
export function profileIsLongTermRecipient(p: ElbProfile, day: number): boolean {
  return (
    day >= p.firstLzbAgeDay && profileIsElb(p, day, false) && profileElbDayCount(p, day, LZB_WINDOW_DAYS) >= LZB_MIN_ELB_DAYS
  );
}

/**
 * Long-term recipient (LZB) on `day` (INDICATORS.md "Long-term recipient (LZB)", after § 3 KennzahlenVO
 * § 48a SGB II as amended 22.3.2019: eLb in 21 of the last 24 months, made day-exact): in this
 * Jobcenter's eLb stock on `day`, aged 17 or more, and eLb on at least 638 of the 730 days ending with
 * `day` (`day` included; other Jobcenters' periods count; each day once).
 */
export function isLongTermRecipientOn(birthDate: IsoDate, benefit: readonly BenefitSpan[], day: IsoDate): boolean {
  // cheap exits before compiling: not in the stock today → not LZB
  if (!isElbOn(birthDate, benefit, day)) return false;
  return profileIsLongTermRecipient(elbProfile(birthDate, benefit), toDay(day));
}

// ---------------------------------------------------------------------------------------------------
// Spells (movements)

/** An eLb spell in day numbers, both ends inclusive. */
export interface DaySpell {
  from: number;
  lastDay: number;
}

/** An eLb spell, both ends inclusive. */
export interface ElbSpell {
  from: IsoDate;
  lastDay: IsoDate;
}

/** Joins sorted, merged half-open ranges whose gaps are at most `maxGapDays` days into inclusive spells. */
function bridge(ranges: readonly DayRange[], lo: number, hi: number, maxGapDays: number): DaySpell[] {
  const out: DaySpell[] = [];
  let cur: DaySpell | undefined;
  for (const r of ranges) {
    const from = Math.max(r.from, lo);
    const end = Math.min(r.to, hi) - 1; // inclusive
    if (end < from) continue;
    // gap = days without receipt between the spells = from − (lastDay + 1)
    if (cur && from - cur.lastDay - 1 <= maxGapDays) {
      if (end > cur.lastDay) cur.lastDay = end;
    } else {
      cur = { from, lastDay: end };
      out.push(cur);
    }
  }
  return out;
}

/** `elbSpells` on a compiled profile, in day numbers. */
export function profileElbSpells(
  p: ElbProfile,
  opts: { maxGapDays?: number; includeOtherJobcenters?: boolean } = {},
): DaySpell[] {
  return bridge(
    opts.includeOtherJobcenters ? p.all : p.own,
    p.firstElbAgeDay,
    p.lastElbDay + 1,
    opts.maxGapDays ?? ELB_SPELL_MAX_GAP_DAYS,
  );
}

/**
 * The person's eLb days as spells (INDICATORS.md "Spells and movements", BA movement concept: a break of
 * at most 7 days does not end a spell, a new inflow needs an interruption of more than 7 days). The first
 * day of a spell is an inflow, the day after `lastDay` an outflow. Spells start at the earliest on the
 * 15th birthday and end at the latest at the § 7a age limit (so an open receipt yields a spell ending on
 * `pensionAgeLimitLastDay`). Only this Jobcenter's periods unless `includeOtherJobcenters` (a change of
 * Jobcenter is an outflow at the old and an inflow at the new one).
 */
export function elbSpells(
  birthDate: IsoDate,
  benefit: readonly BenefitSpan[],
  opts: { maxGapDays?: number; includeOtherJobcenters?: boolean } = {},
): ElbSpell[] {
  return profileElbSpells(elbProfile(birthDate, benefit), opts).map((s) => ({
    from: fromDay(s.from),
    lastDay: fromDay(s.lastDay),
  }));
}

// ---------------------------------------------------------------------------------------------------
// Receipt (any employability)

function receiptRanges(benefit: readonly BenefitSpan[]): DayRange[] {
  return mergeDayRanges(benefit.map((s) => ({ from: toDay(s.from), to: s.to === null ? INF : toDay(s.to) })));
}

/**
 * Number of calendar months with at least one day of benefit receipt (any employability, any Jobcenter)
 * between `firstDay` and `lastDay`, both inclusive; months are counted only by their days inside the window.
 */
export function monthsInReceipt(benefit: readonly BenefitSpan[], firstDay: IsoDate, lastDay: IsoDate): number {
  const lo = toDay(firstDay);
  const hi = toDay(lastDay) + 1;
  let n = 0;
  let lastCounted = Number.NEGATIVE_INFINITY;
  for (const r of receiptRanges(benefit)) {
    const a = Math.max(r.from, lo);
    const b = Math.min(r.to, hi) - 1;
    if (b < a) continue;
    const ma = Math.max(monthIndexOfDay(a), lastCounted + 1);
    const mb = monthIndexOfDay(b);
    if (mb >= ma) {
      n += mb - ma + 1;
      lastCounted = mb;
    }
  }
  return n;
}

/**
 * A person's receipt (any employability, any Jobcenter) compiled once for many days: the merged ranges
 * and the spells with interruptions of at most `RECEIPT_DURATION_MAX_GAP_DAYS` bridged.
 */
export interface ReceiptProfile {
  readonly ranges: readonly DayRange[];
  readonly spells: readonly DaySpell[];
  /** Per spell, the 4th anniversary of its start (`profileInReceiptMoreThan4Years`), filled when first asked. */
  fourYears?: number[];
}

export function receiptProfile(
  benefit: readonly BenefitSpan[],
  maxGapDays: number = RECEIPT_DURATION_MAX_GAP_DAYS,
): ReceiptProfile {
  const ranges = receiptRanges(benefit);
  return { ranges, spells: bridge(ranges, Number.NEGATIVE_INFINITY, INF, maxGapDays) };
}

/** `receiptStartOn` on a compiled profile and a day number (a spell's start does not depend on later days). */
export function profileReceiptStart(p: ReceiptProfile, day: number): number | null {
  if (!rangesContain(p.ranges, day)) return null;
  for (const s of p.spells) if (s.from <= day && day <= s.lastDay) return s.from;
  return null; // unreachable: day is a receipt day
}

/**
 * First day of the current receipt on `day` in the sense of BA Statistik's "bisherige Verweildauer":
 * receipt of any employability at any Jobcenter, where interruptions of at most
 * `RECEIPT_DURATION_MAX_GAP_DAYS` (31) days do not end it; null if not in receipt on `day`.
 */
export function receiptStartOn(
  benefit: readonly BenefitSpan[],
  day: IsoDate,
  maxGapDays: number = RECEIPT_DURATION_MAX_GAP_DAYS,
): IsoDate | null {
  const start = profileReceiptStart(receiptProfile(benefit, maxGapDays), toDay(day));
  return start === null ? null : fromDay(start);
}

/**
 * Length in days of the current receipt up to and including `day` ("bisherige Verweildauer", BA
 * Statistik; see `RECEIPT_DURATION_MAX_GAP_DAYS`): `day` − start + 1, bridged interruptions included;
 * 0 if not in receipt on `day`.
 */
export function receiptDurationOn(benefit: readonly BenefitSpan[], day: IsoDate): number {
  const start = receiptStartOn(benefit, day);
  return start === null ? 0 : toDay(day) - toDay(start) + 1;
}

/**
 * In receipt for more than 4 years on `day` (structure figure "share of eLb in receipt for more than 4
 * years"): the current receipt (`receiptStartOn`, interruptions up to 31 days bridged) lasts more than
 * 4 years, measured as the date difference `day` − start (the usual statistical reading of a duration on a
 * reference day): true from the day after the 4th anniversary of the start (anniversary as in `ageOn`).
 * Start 2015-12-15: false on 2019-12-15, true on 2019-12-16. The caller restricts to the eLb stock.
 */
export function inReceiptMoreThan4YearsOn(benefit: readonly BenefitSpan[], day: IsoDate): boolean {
  return profileInReceiptMoreThan4Years(receiptProfile(benefit), toDay(day));
}

/** `inReceiptMoreThan4YearsOn` on a compiled profile and a day number. */
export function profileInReceiptMoreThan4Years(p: ReceiptProfile, day: number): boolean {
  if (!rangesContain(p.ranges, day)) return false;
  // the indicator engine asks on many reference days: each spell's anniversary is computed once
  p.fourYears ??= p.spells.map((s) => anniversaryDay(s.from, 4));
  const spells = p.spells;
  for (let i = 0; i < spells.length; i++) {
    const s = spells[i] as DaySpell;
    if (s.from <= day && day <= s.lastDay) return day > (p.fourYears[i] as number);
  }
  return false; // unreachable: day is a receipt day
}

// ---------------------------------------------------------------------------------------------------
// Household

/**
 * Single parent (Alleinerziehende/r) on `day` (INDICATORS.md "Single parent"; BA Statistik "Statistik
 * erklärt: Alleinerziehende im Rechtskreis SGB II": a BG of one person of the parent generation with at
 * least one minor child, identified by the BG type and the person's role as its head): the person is the
 * `applicant` of a household on `day` that has a member in role `child` (another person) aged under 18 on
 * `day`, and no member in role `partner`. A `partner` has a partner (the applicant), so is never single;
 * `other` and `child` members are not the parent generation of the household's children.
 *
 * `members` are membership periods of the households concerned (any days; filtered by `day` here).
 * Whether the person is eLb is the caller's check, unless `opts.elb` is given: then the person must also
 * be eLb (`isElbOn`) on `day`.
 */
export function isSingleParentOn(
  personId: string,
  members: readonly HouseholdMemberSpan[],
  day: IsoDate,
  opts: { elb?: { birthDate: IsoDate; benefit: readonly BenefitSpan[] } } = {},
): boolean {
  if (opts.elb && !isElbOn(opts.elb.birthDate, opts.elb.benefit, day)) return false;
  // the rule itself lives once, in singleParentDays (the engine asks it for many days at a time)
  const out = new Uint8Array(1);
  singleParentDays(personId, members, [day], [ymdOfIso(day)], out, new Uint8Array(1));
  return out[0] === 1;
}

/**
 * First index i with `days[i] >= iso` in ascending ISO days (`days.length` if none): the days a half-open
 * period [from, to) covers are the indices from `daysFrom(days, from)` up to `daysFrom(days, to)`.
 */
export function daysFrom(days: readonly IsoDate[], iso: IsoDate): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as IsoDate) < iso) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The single-parent rule of `isSingleParentOn` (definition there), on many days at once (the indicator engine's
 * reference days; `isSingleParentOn` asks it for one day): sets `out[i]` to 1 where the person is a single
 * parent on `days[i]`, 0 elsewhere. `days` ascending ISO dates, `daysYmd` the same days packed (YYYYMMDD);
 * `scratch` at least days.length bytes. Period by period: per applicant membership, the days on which its
 * household has a partner or a minor child.
 */
export function singleParentDays(
  personId: string,
  members: readonly HouseholdMemberSpan[],
  days: readonly IsoDate[],
  daysYmd: ArrayLike<number>,
  out: Uint8Array,
  scratch: Uint8Array,
): void {
  const n = days.length;
  out.fill(0, 0, n);
  for (const me of members) {
    if (me.personId !== personId || me.role !== 'applicant') continue;
    const lo = daysFrom(days, me.from);
    const hi = me.to === null ? n : daysFrom(days, me.to);
    if (lo >= hi) continue;
    // scratch[i]: bit 1 = a minor child on day i, bit 2 = a partner
    scratch.fill(0, lo, hi);
    for (const m of members) {
      if (m.householdId !== me.householdId || m.personId === personId) continue;
      if (m.role !== 'partner' && m.role !== 'child') continue;
      const a = Math.max(lo, daysFrom(days, m.from));
      const b = m.to === null ? hi : Math.min(hi, daysFrom(days, m.to));
      if (a >= b) continue;
      if (m.role === 'partner') for (let i = a; i < b; i++) scratch[i] = (scratch[i] as number) | 2;
      else {
        const birth = ymdOfIso(m.birthDate);
        for (let i = a; i < b; i++) if (ageOnYmd(birth, daysYmd[i] as number) < 18) scratch[i] = (scratch[i] as number) | 1;
      }
    }
    for (let i = lo; i < hi; i++) if (scratch[i] === 1) out[i] = 1;
  }
}
