import { dayFromYmd, daysInMonth, fromDay, ymdOfDay } from '../../lib/dates.ts';
import type { EmploymentKind, StatusKind } from '../people/codes.ts';
import type { ElbProfile } from '../people/rules.ts';
import type { Municipality } from './geography.ts';
import { familyName, givenName, NAME_ORIGIN, type Origin } from './names.ts';
import type { Rng } from './random.ts';

/**
 * The in-memory world of the demo generator: persons and households with their whole history, as
 * day numbers (days since 1970-01-01; `OPEN` = no end). simulate.ts changes it month by month;
 * records.ts turns it into table rows. Periods are half-open [from, to), as stored.
 */
export const OPEN = Number.POSITIVE_INFINITY;

export type Sex = 'm' | 'w';
export type Role = 'applicant' | 'partner' | 'child' | 'other';

export interface Span {
  from: number;
  to: number;
  employable: boolean;
  /** null for a period at another Jobcenter (imported history). */
  hh: Household | null;
  role: Role;
  other: string | null;
}

export interface Period {
  from: number;
  to: number;
}
export interface Membership extends Period {
  hh: Household;
  role: Role;
}
export interface TeamPeriod extends Period {
  team: number;
}
export interface StatusPeriod extends Period {
  kind: StatusKind;
  value: string;
  detail: string | null;
}
export interface Job extends Period {
  kind: EmploymentKind;
  hours: number | null;
  employer: string;
}

export interface Person {
  /** Number within the whole generation (ids, customer numbers). */
  n: number;
  id: string;
  customerNumber: string;
  sex: Sex;
  birth: number;
  birthIso: string;
  familyName: string;
  givenNames: string;
  nationality: string;
  origin: Origin;
  refugee: boolean;
  nutrition: boolean;
  phone: string | null;
  email: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  /** Cared for by the reha/severe-disability team once recognised. */
  rehaTeam: boolean;

  spans: Span[];
  memberships: Membership[];
  teams: TeamPeriod[];
  statuses: StatusPeriod[];
  jobs: Job[];

  /** Current household (null = not in receipt). */
  hh: Household | null;
  role: Role | null;
  labour: StatusPeriod | null;
  mainJob: Job | null;
  minijob: Job | null;
  /** Day of a scheduled individual exit, or -1. */
  exitDay: number;
  /** Last day of leaving receipt (-Infinity if never). */
  lastExit: number;
  staticDone: boolean;
  /** Set when the person has left for good (pension age, moved away for ever). */
  gone: boolean;

  // caches for the rules (recomputed when `ver` changes)
  ver: number;
  profileVer: number;
  profile: ElbProfile | null;
  startVer: number;
  receiptStart: number;
  /** Flags on the reference day of month `fStep` (bit 1 eLb, 2 LZB, 4 receipt since before 15.12.2015, 8 under 25). */
  fStep: number;
  fVer: number;
  fBits: number;
}

export interface Household {
  n: number;
  id: string;
  number: string;
  municipality: Municipality;
  postcode: string;
  street: string;
  team: number;
  caseworker: number;
  benefitOfficer: number;
  /** Current members in receipt. */
  members: Person[];
  /** Members when the household last left receipt (for a later re-entry). */
  former: Person[];
  active: boolean;
  refugee: boolean;
  rentPermille: number;
  hotWater: boolean;
  /** Every benefit span recorded with this household (for the monthly payments). */
  spans: { person: Person; span: Span }[];
  /** Day of a scheduled exit of the whole household, or -1. */
  exitDay: number;
  lastExit: number;
  /** Step (month index) of the latest entry. */
  enteredStep: number;
  /** Protected from the calibration's exits until this step (e.g. § 16i participants). */
  keepUntil: number;
  /** Position in the simulation's list of active households (-1 = inactive). */
  slot: number;
  /** In the pool of households that may come back. */
  inPool: boolean;
  /** Latest day a member joined or left: the household cannot leave as a whole before it. */
  lastChange: number;
}

// ---------------------------------------------------------------------------------------------------
// Numbers and ids

/**
 * Customer numbers (Kundennummer, form 123A456789) of the demo start with the agency number 999, which
 * marks them as synthetic; the six digits are a scrambled sequence so that neighbours differ.
 */
export const SYNTHETIC_AGENCY = '999';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function customerNumber(n: number): string {
  const letter = LETTERS[(Math.floor(n / 1_000_000) + 3) % 26] as string;
  const digits = ((n % 1_000_000) * 387_113 + 104_729) % 1_000_000;
  return `${SYNTHETIC_AGENCY}${letter}${String(digits).padStart(6, '0')}`;
}

/** BG numbers (form 12345BG1234567) of the demo start with 99999: synthetic, like the customer numbers. */
export const SYNTHETIC_BG_PREFIX = '99999';

export function householdNumber(n: number): string {
  const digits = ((n % 10_000_000) * 3_918_817 + 271_828) % 10_000_000;
  return `${SYNTHETIC_BG_PREFIX}BG${String(digits).padStart(7, '0')}`;
}

const HEX = '0123456789abcdef';

/**
 * UUIDv7-shaped ids from a counter and a seeded stream: time-ordered (good for B-tree inserts), the same
 * on every run with the same seed, unique within a generation (the counter is part of the id).
 */
export class IdFactory {
  private counter = 0;
  constructor(
    private readonly rng: Rng,
    /** Milliseconds of the "time" part; fixed so that the ids do not depend on the clock. */
    private readonly baseMs = 1_609_459_200_000,
  ) {}

  next(): string {
    const c = this.counter++;
    const ms = this.baseMs + Math.floor(c / 4096);
    const seq = c % 4096;
    let s = ms.toString(16).padStart(12, '0');
    s += `7${seq.toString(16).padStart(3, '0')}`;
    const r1 = this.rng.next();
    const r2 = this.rng.next();
    const variant = 8 + (r1 & 3);
    s += HEX[variant] as string;
    s += ((r1 >>> 2) & 0xfff).toString(16).padStart(3, '0');
    s += r2.toString(16).padStart(8, '0');
    s += ((r1 >>> 14) & 0xffff).toString(16).padStart(4, '0');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Dates

export function day(y: number, m: number, d: number): number {
  return dayFromYmd(y, m, d);
}

/** Month index (year × 12 + month − 1) → [year, month]. */
export function ym(month: number): [number, number] {
  return [Math.floor(month / 12), (month % 12) + 1];
}

export function firstDay(month: number): number {
  const [y, m] = ym(month);
  return dayFromYmd(y, m, 1);
}

/** ST(M): the 15th. */
export function refDay(month: number): number {
  const [y, m] = ym(month);
  return dayFromYmd(y, m, 15);
}

export function monthOfDay(dayNumber: number): number {
  const ymd = ymdOfDay(dayNumber);
  return Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1;
}

/** The report month whose window (ST(k−1), ST(k)] holds the day. */
export function windowMonth(dayNumber: number): number {
  const ymd = ymdOfDay(dayNumber);
  const m = Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1;
  return ymd % 100 > 15 ? m + 1 : m;
}

/** Completed years of life (§§ 187, 188 BGB, as rules.ageOn) on a day number. */
let memoDay = Number.NaN;
let memoYmd = 0;
export function ageAt(birth: number, dayNumber: number): number {
  // most calls in a loop ask about the same day
  if (dayNumber !== memoDay) {
    memoDay = dayNumber;
    memoYmd = ymdOfDay(dayNumber);
  }
  return Math.floor((memoYmd - ymdOfDay(birth)) / 10000);
}

/** A birth date for someone `age` years old (completed) on `onDay`. */
export function birthForAge(rng: Rng, age: number, onDay: number): number {
  const ymd = ymdOfDay(onDay);
  // the birthday lies in the 365 days before the day `age` years back
  const y = Math.floor(ymd / 10000) - age;
  const latest = dayFromYmd(y, Math.floor(ymd / 100) % 100, Math.min(ymd % 100, daysInMonth(y, Math.floor(ymd / 100) % 100)));
  return latest - rng.int(365);
}

export function iso(dayNumber: number): string {
  return fromDay(dayNumber);
}

// ---------------------------------------------------------------------------------------------------
// Persons

export interface NewPerson {
  sex: Sex;
  birth: number;
  nationality: string;
  familyName?: string;
  refugee?: boolean;
}

export function makePerson(rng: Rng, n: number, id: string, p: NewPerson): Person {
  const origin = NAME_ORIGIN[p.nationality] ?? 'de';
  const year = Math.floor(ymdOfDay(p.birth) / 10000);
  const given = givenName(rng, origin, p.sex, year);
  const second = origin === 'de' && rng.chance(0.12) ? ` ${givenName(rng, origin, p.sex, year)}` : '';
  const family = p.familyName ?? familyName(rng, origin);
  return {
    n,
    id,
    customerNumber: customerNumber(n),
    sex: p.sex,
    birth: p.birth,
    birthIso: fromDay(p.birth),
    familyName: family,
    givenNames: second && second.trim() !== given ? `${given}${second}` : given,
    nationality: p.nationality,
    origin,
    refugee: p.refugee ?? false,
    nutrition: rng.chance(0.02),
    phone: null,
    email: null,
    street: null,
    postcode: null,
    city: null,
    rehaTeam: false,
    spans: [],
    memberships: [],
    teams: [],
    statuses: [],
    jobs: [],
    hh: null,
    role: null,
    labour: null,
    mainJob: null,
    minijob: null,
    exitDay: -1,
    lastExit: Number.NEGATIVE_INFINITY,
    staticDone: false,
    gone: false,
    ver: 0,
    profileVer: -1,
    profile: null,
    startVer: -1,
    receiptStart: 0,
    fStep: -1,
    fVer: -1,
    fBits: 0,
  };
}

/** Nationalities of households without refugee background entering the demo (shares in percent). */
export const NATIONALITIES: readonly (readonly [string, number])[] = [
  ['DE', 73],
  ['TR', 5.5],
  ['RO', 2.5],
  ['BG', 2.2],
  ['PL', 2.2],
  ['IT', 1.6],
  ['GR', 1.2],
  ['XK', 2.4],
  ['MK', 0.8],
  ['RU', 1.6],
  ['KZ', 0.8],
  ['UA', 0.6],
  ['IR', 0.6],
  ['AF', 0.6],
  ['IQ', 0.8],
  ['SY', 0.6],
  ['NG', 0.4],
  ['GH', 0.3],
  ['AL', 0.6],
];

/** Countries of origin of refugees (persons with refugee background, § 5.5 of the report). */
export const REFUGEE_COUNTRIES: readonly (readonly [string, number])[] = [
  ['SY', 46],
  ['AF', 14],
  ['IQ', 12],
  ['ER', 10],
  ['IR', 6],
  ['SO', 5],
  ['PK', 3],
  ['NG', 2],
  ['ET', 2],
];

/** The main countries of asylum applications (BA Statistik "Asylherkunftsländer"). */
export const ASYLUM_COUNTRIES = new Set(['AF', 'ER', 'IQ', 'IR', 'NG', 'PK', 'SO', 'SY']);
