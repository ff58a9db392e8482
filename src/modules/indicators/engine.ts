import { type DayRange, fromDay, mergeDayRanges, toDay, ymdOfIso } from '../../lib/dates.ts';
import { INTEGRATION_KINDS, MINIJOB_KINDS, PUBLIC_EMPLOYMENT_KINDS } from '../people/codes.ts';
import type { PersonFacts } from '../people/facts.ts';
import {
  ageOnYmd,
  type ElbProfile,
  elbProfile,
  isSingleParentOn,
  profileElbSpells,
  profileInReceiptMoreThan4Years,
  profileIsElb,
  profileIsLongTermRecipient,
  type ReceiptProfile,
  receiptProfile,
  singleParentDays,
} from '../people/rules.ts';
import { type MonthIndex, monthString, referenceDay, windowMonthOf, windowMonthOfDay } from './calendar.ts';
import { SPLITS, type Split } from './definitions.ts';

/**
 * Counts the events and stocks the key figures are made of, for the 25 reference days ST(M−24) … ST(M)
 * (K2E3 looks two years back), per scope (Jobcenter, site, team) and split (sex, age group, single parent,
 * LZB, severe disability, refugee background). One pass over every person; figures.ts turns the counts
 * into K1 … K3E4. Every rule about a person on a day is asked from people/rules.ts.
 */
export const DAYS = 25;

export interface Organisation {
  teams: { id: string; siteId: string }[];
}

/** Scope keys: 'tenant', 'site:<id>', 'team:<id>'. */
export class Counter {
  readonly data: Float64Array;
  constructor(
    readonly scopes: number,
    readonly days = DAYS,
  ) {
    this.data = new Float64Array(days * scopes * SPLITS.length);
  }
  add(day: number, scope: number, split: number, n = 1) {
    if (day < 0 || day >= this.days) return;
    const i = (day * this.scopes + scope) * SPLITS.length + split;
    this.data[i] = (this.data[i] as number) + n;
  }
  get(day: number, scope: number, split: number): number {
    if (day < 0 || day >= this.days) return 0;
    return this.data[(day * this.scopes + scope) * SPLITS.length + split] as number;
  }
}

export interface Counts {
  /** The last report month counted (counts for one month: that month). */
  month: MonthIndex;
  /** The report month of day index 0: the first report month counted − 24. */
  firstDay: MonthIndex;
  /** Number of reference days counted: (last − first report month) + DAYS. */
  days: number;
  scopeKeys: string[];
  /** eLb on ST(d). */
  stock: Counter;
  lzb: Counter;
  /** LZB in an active measure on ST(d). */
  lzbActive: Counter;
  /** Events counted in report month d (after the stock rule for integrations). */
  integrations: Counter;
  minijobs: Counter;
  publicJobs: Counter;
  /** Integrations into employment subject to social insurance, and those continued for 12 months. */
  svIntegrations: Counter;
  svContinued: Counter;
  inflows: Counter;
  outflows: Counter;
  lzbInflows: Counter;
  lzbOutflows: Counter;
  households: Counter;
  /** eLb in receipt for more than four years on ST(d). */
  over4Years: Counter;
  /** Job-seeking eLb (unemployed or job-seeking) on ST(d); split severe_disability gives the report's share. */
  jobSeeking: Counter;
}

const SPLIT_INDEX = Object.fromEntries(SPLITS.map((s, i) => [s, i])) as Record<Split, number>;
const SV_KINDS = new Set(['regular', 'subsidised_16e', 'subsidised_egz', 'subsidised_16b']);
const INTEGRATION = new Set<string>(INTEGRATION_KINDS);
const MINIJOB = new Set<string>(MINIJOB_KINDS);
const PUBLIC = new Set<string>(PUBLIC_EMPLOYMENT_KINDS);
const JOB_SEEKING_VALUES = new Set(['unemployed', 'job_seeking']);

/**
 * Inside the pass, a person on a day is one cell: team bucket × group mask. The mask packs sex (2 bits),
 * age group (2 bits), single parent, LZB, severe disability and refugee background (1 bit each), so every
 * event is one increment; the scopes (Jobcenter, site, team) and splits are expanded once at the end.
 */
const SEX_BITS: Record<string, number> = { m: 0, w: 1, d: 2 };
const AGE_SHIFT = 2;
const SINGLE_PARENT_BIT = 1 << 4;
const LZB_BIT = 1 << 5;
const SEVERE_BIT = 1 << 6;
const REFUGEE_BIT = 1 << 7;
const MASKS = 256;

/** The splits a group mask counts in. */
const SPLITS_OF_MASK: number[][] = Array.from({ length: MASKS }, (_, mask) => {
  const sex = (['m', 'w', 'd'] as const)[mask & 3];
  if (!sex) return [];
  const age = (mask >> AGE_SHIFT) & 3;
  if (age > 2) return [];
  const out = [SPLIT_INDEX.all, SPLIT_INDEX[`sex:${sex}`]];
  out.push([SPLIT_INDEX['age:under25'], SPLIT_INDEX['age:25to49'], SPLIT_INDEX['age:50plus']][age] as number);
  if (mask & SINGLE_PARENT_BIT) out.push(SPLIT_INDEX.single_parent, SPLIT_INDEX[`single_parent&sex:${sex}`]);
  if (mask & LZB_BIT) out.push(SPLIT_INDEX.lzb, SPLIT_INDEX[`lzb&sex:${sex}`]);
  if (mask & SEVERE_BIT) out.push(SPLIT_INDEX.severe_disability);
  if (mask & REFUGEE_BIT) out.push(SPLIT_INDEX.refugee);
  return out;
});

const COUNTERS = [
  'stock',
  'lzb',
  'lzbActive',
  'integrations',
  'minijobs',
  'publicJobs',
  'svIntegrations',
  'svContinued',
  'inflows',
  'outflows',
  'lzbInflows',
  'lzbOutflows',
  'households',
  'over4Years',
  'jobSeeking',
] as const;
type CounterName = (typeof COUNTERS)[number];
const C = Object.fromEntries(COUNTERS.map((c, i) => [c, i])) as Record<CounterName, number>;

/**
 * The days whose facts the counts of report months `fromMonth` … `month` need: from ST(fromMonth − 25)
 * (the day before the first counted reference day, for the integration rule) to ST(month).
 */
export function factsRange(month: MonthIndex, fromMonth: MonthIndex = month): { from: string; to: string } {
  return { from: referenceDay(fromMonth - DAYS), to: referenceDay(month) };
}

/**
 * A person's facts compiled for counting any window (facts-cache.ts keeps them with the facts): the eLb
 * profile at once (it decides whether the person counts in a window at all), the rest (`PersonDetail`) the
 * first time the person counts in a window. Nothing in here depends on the months counted; `countCompiled`
 * only looks up reference days.
 */
export interface CompiledPerson {
  readonly p: PersonFacts;
  readonly profile: ElbProfile;
  detail: PersonDetail | null;
}

/**
 * The receipt profile, the periods as the report months whose reference days they cover, the employments
 * in start order with what they count as, and the inflows and outflows with their report months and cells.
 */
interface PersonDetail {
  readonly receipt: ReceiptProfile;
  readonly birthYmd: number;
  readonly sexBits: number;
  /** Status and publicly funded job periods: flag, first and end report month (half-open, as `windowMonthOf`). */
  readonly flags: number[];
  /** Team periods in list order (the first wins): bucket, first and end report month. */
  readonly teams: number[];
  /** Own household memberships in list order (the first wins): household number, first and end report month. */
  readonly households: number[];
  /** Applicant of a household at some time: only then can the person be a single parent (`singleParentDays`). */
  readonly applicant: boolean;
  /** Employments by start: report month of the window holding the start, kind bits (JOB_*). */
  readonly jobs: number[];
  /** eLb spells: report month of the inflow and its cell, report month of the outflow and its cell. */
  readonly spells: number[];
}

export interface CompiledFacts {
  readonly persons: readonly CompiledPerson[];
  readonly scopeKeys: readonly string[];
  readonly scopesOfBucket: readonly (readonly number[])[];
  readonly bucketOfTeam: ReadonlyMap<string, number>;
  /** Household ids numbered as persons are detailed (a number only names a household). */
  readonly householdIndex: Map<string, number>;
}

/** Report months as far as any period can reach (an open end). */
const OPEN = 1e9;
const JOB_INTEGRATION = 1;
const JOB_MINIJOB = 2;
const JOB_PUBLIC = 4;
const JOB_SV = 8;
const JOB_SV_CONTINUED = 16;

/** The first report month whose reference day is on or after `iso` (ST(m) ≥ iso): `windowMonthOf`. */
const monthFrom = (iso: string) => windowMonthOf(iso);
const monthTo = (iso: string | null) => (iso === null ? OPEN : windowMonthOf(iso));

/** Compiles the persons for `countCompiled` (see `CompiledPerson`); the organisation gives the cells' teams. */
export function compileFacts(persons: readonly PersonFacts[], org: Organisation): CompiledFacts {
  const scopeKeys = ['tenant'];
  const siteIndex = new Map<string, number>();
  for (const t of org.teams) {
    if (!siteIndex.has(t.siteId)) {
      siteIndex.set(t.siteId, scopeKeys.length);
      scopeKeys.push(`site:${t.siteId}`);
    }
  }
  // team buckets: 0 = no (known) team, 1 + i = org.teams[i]
  const bucketOfTeam = new Map<string, number>();
  const scopesOfBucket: number[][] = [[0]];
  for (const t of org.teams) {
    bucketOfTeam.set(t.id, scopesOfBucket.length);
    scopesOfBucket.push([0, siteIndex.get(t.siteId) as number, scopeKeys.length]);
    scopeKeys.push(`team:${t.id}`);
  }
  return { persons: compilePersons(persons), scopeKeys, scopesOfBucket, bucketOfTeam, householdIndex: new Map() };
}

function compilePersons(persons: readonly PersonFacts[]): CompiledPerson[] {
  const out: CompiledPerson[] = [];
  for (const p of persons) {
    const profile = elbProfile(p.birthDate, p.benefit);
    // nobody without own employable receipt counts anywhere
    if (profile.own.length) out.push({ p, profile, detail: null });
  }
  return out;
}

/**
 * The compiled facts with the persons `replaced` taken out and `persons` (their facts as they are now, in
 * id order; fewer where someone no longer counts) put in, for the same organisation: what the facts cache
 * does after a write touched some persons. Both lists are in id order, as a full load's (the order decides
 * which member counts a household), so this is one merge. The unchanged persons keep their compiled detail.
 */
export function replacePersons(
  facts: CompiledFacts,
  replaced: ReadonlySet<string>,
  persons: readonly PersonFacts[],
): CompiledFacts {
  const added = compilePersons(persons);
  const out: CompiledPerson[] = [];
  let j = 0;
  for (const c of facts.persons) {
    const id = c.p.id;
    while (j < added.length && (added[j] as CompiledPerson).p.id < id) out.push(added[j++] as CompiledPerson);
    if (!replaced.has(id)) out.push(c);
  }
  while (j < added.length) out.push(added[j++] as CompiledPerson);
  return { ...facts, persons: out };
}

function detailOf(c: CompiledPerson, facts: CompiledFacts): PersonDetail {
  const { p, profile } = c;
  const { bucketOfTeam, householdIndex } = facts;
  const birthYmd = ymdOfIso(p.birthDate);
  const sexBits = SEX_BITS[p.sex] ?? 0;
  const flags: number[] = [];
  for (const s of p.status) {
    const flag = statusFlag(s);
    if (flag) flags.push(flag, monthFrom(s.from), monthTo(s.to));
  }
  for (const e of p.employments) {
    if (e.kind !== 'public_16d' && e.kind !== 'public_16i') continue;
    const from = monthFrom(e.from);
    flags.push(PUBLIC_JOB, e.kind === 'public_16i' ? Math.max(from, monthFrom(ACTIVE_16I_FROM)) : from, monthTo(e.to));
  }
  const teams: number[] = [];
  for (const t of p.teams) teams.push(bucketOfTeam.get(t.teamId) ?? 0, monthFrom(t.from), monthTo(t.to));
  const households: number[] = [];
  let applicant = false;
  for (const m of p.members) {
    if (m.personId !== p.id) continue;
    if (m.role === 'applicant') applicant = true;
    let h = householdIndex.get(m.householdId);
    if (h === undefined) {
      h = householdIndex.size;
      householdIndex.set(m.householdId, h);
    }
    households.push(h, monthFrom(m.from), monthTo(m.to));
  }
  const jobs: number[] = [];
  if (p.employments.length) {
    let svStretches: DayRange[] | null = null;
    const sorted = p.employments.length > 1 ? [...p.employments].sort(byStart) : p.employments;
    for (const e of sorted) {
      let kinds = 0;
      if (INTEGRATION.has(e.kind)) kinds |= JOB_INTEGRATION;
      if (MINIJOB.has(e.kind)) kinds |= JOB_MINIJOB;
      if (PUBLIC.has(e.kind)) kinds |= JOB_PUBLIC;
      if (SV_KINDS.has(e.kind)) {
        kinds |= JOB_SV;
        svStretches ??= svStretchesOf(p);
        if (continuedForAYear(svStretches, e.from)) kinds |= JOB_SV_CONTINUED;
      }
      if (kinds) jobs.push(windowMonthOf(e.from), kinds);
    }
  }
  // inflows and outflows: spells with breaks of at most 7 days bridged; groups on the day of the
  // movement (the first day of the spell, the last day before the outflow)
  const spells: number[] = [];
  for (const spell of profileElbSpells(profile)) {
    const firstIso = fromDay(spell.from);
    const lzbIn = profileIsLongTermRecipient(profile, spell.from);
    const inCell = cellOn(p, firstIso, birthYmd, sexBits, lzbIn, statusFlagsOn(p, firstIso), bucketOfTeam);
    const lastIso = fromDay(spell.lastDay);
    const lzbOut = profileIsLongTermRecipient(profile, spell.lastDay);
    const outCell = cellOn(p, lastIso, birthYmd, sexBits, lzbOut, statusFlagsOn(p, lastIso), bucketOfTeam);
    spells.push(windowMonthOfDay(spell.from), inCell, windowMonthOfDay(spell.lastDay + 1), outCell);
  }
  return { receipt: receiptProfile(p.benefit), birthYmd, sexBits, flags, teams, households, applicant, jobs, spells };
}

/**
 * Counts for the report month `month`, or for every report month from `fromMonth` to `month` in one pass
 * (a time series: the reference days ST(fromMonth − 24) … ST(month) are evaluated once per person).
 */
export function countFacts(
  persons: readonly PersonFacts[],
  org: Organisation,
  month: MonthIndex,
  fromMonth: MonthIndex = month,
): Counts {
  return countCompiled(compileFacts(persons, org), month, fromMonth);
}

/** `countFacts` on compiled facts (the facts cache keeps them: a further month costs only this). */
export function countCompiled(facts: CompiledFacts, month: MonthIndex, fromMonth: MonthIndex = month): Counts {
  if (fromMonth > month) throw new Error('fromMonth liegt nach month');
  const firstMonth = fromMonth - (DAYS - 1);
  const dayCount = month - firstMonth + 1;
  const scopeKeys = [...facts.scopeKeys];
  const scopesOfBucket = facts.scopesOfBucket;
  const buckets = scopesOfBucket.length;
  const cellsPerDay = buckets * MASKS;
  // layout [cell][day][counter]: a person mostly stays in one cell, so their events on all days land next
  // to each other in memory
  const counterCount = COUNTERS.length;
  const raw = new Uint32Array(dayCount * cellsPerDay * counterCount);
  const touched = new Uint8Array(dayCount * cellsPerDay);
  const add = (counter: number, day: number, cell: number) => {
    if (day >= 0 && day < dayCount) {
      touched[cell * dayCount + day] = 1;
      const i = (cell * dayCount + day) * counterCount + counter;
      raw[i] = (raw[i] as number) + 1;
    }
  };
  /** Day index of report month m in this window, clamped to [0, dayCount]. */
  const dayOf = (m: number) => (m <= firstMonth ? 0 : m >= firstMonth + dayCount ? dayCount : m - firstMonth);

  const refDays = Array.from({ length: dayCount }, (_, d) => referenceDay(firstMonth + d));
  const refDayNumbers = refDays.map(toDay);
  /**
   * Per household number and reference day: counted already (the first eLb member in load order counts it).
   * One flat array, grown as household numbers are given out, rather than an array per household (millions at
   * scale 100).
   */
  let householdsSeen = new Uint8Array(Math.max(64, facts.householdIndex.size) * dayCount);
  // ST(first − 1), one day before the counted ones: a start in the first window W(first) belongs to
  // report month `first` (not counted) when the person was in the stock then, not to `first` + 1
  const dayBeforeFirst = toDay(referenceDay(firstMonth - 1));
  const lastRefDay = refDayNumbers[dayCount - 1] as number;
  /** The person's cell on each reference day, −1 when not in the stock. */
  const stockCell = new Int32Array(dayCount);
  const isLzb = new Uint8Array(dayCount);
  // Per person, what the cell of a reference day needs, filled period by period from the compiled report
  // months: statuses, team bucket, own household, publicly funded job, single parent.
  const refYmd = refDays.map(ymdOfIso);
  const elbDay = new Uint8Array(dayCount);
  const flagsDay = new Uint8Array(dayCount);
  const teamDay = new Int32Array(dayCount);
  const householdDay = new Int32Array(dayCount);
  const singleDay = new Uint8Array(dayCount);
  const scratch = new Uint8Array(dayCount);

  for (const c of facts.persons) {
    const profile = c.profile;
    // nobody without own employable receipt between ST(first − 1) and ST(last) counts anywhere
    let relevant = false;
    for (const r of profile.own) if (r.from <= lastRefDay && r.to > dayBeforeFirst) relevant = true;
    if (!relevant) continue;
    const p = c.p;
    c.detail ??= detailOf(c, facts);
    const detail = c.detail;

    // stocks on every reference day
    stockCell.fill(-1);
    isLzb.fill(0);
    let firstElb = -1;
    let lastElb = -1;
    for (let d = 0; d < dayCount; d++) {
      const elb = profileIsElb(profile, refDayNumbers[d] as number);
      elbDay[d] = elb ? 1 : 0;
      if (elb) {
        if (firstElb < 0) firstElb = d;
        lastElb = d;
      }
    }
    if (firstElb >= 0) {
      // the attributes of the reference days: each period fills the days it covers
      flagsDay.fill(0);
      const flags = detail.flags;
      for (let i = 0; i < flags.length; i += 3) {
        const flag = flags[i] as number;
        const hi = dayOf(flags[i + 2] as number);
        for (let d = dayOf(flags[i + 1] as number); d < hi; d++) flagsDay[d] = (flagsDay[d] as number) | flag;
      }
      fillFirstWins(teamDay, detail.teams, dayOf);
      fillFirstWins(householdDay, detail.households, dayOf);
      // singleParentDays answers 0 on every day for a person who is never an applicant: not asked then
      if (detail.applicant) singleParentDays(p.id, p.members, refDays, refYmd, singleDay, scratch);
      else singleDay.fill(0);

      const { birthYmd, sexBits, receipt } = detail;
      for (let d = firstElb; d <= lastElb; d++) {
        if (!elbDay[d]) continue;
        const dn = refDayNumbers[d] as number;
        const lzb = profileIsLongTermRecipient(profile, dn);
        isLzb[d] = lzb ? 1 : 0;
        const flags = flagsDay[d] as number;
        const age = ageOnYmd(birthYmd, refYmd[d] as number);
        let mask = sexBits | ((age < 25 ? 0 : age < 50 ? 1 : 2) << AGE_SHIFT);
        if (singleDay[d]) mask |= SINGLE_PARENT_BIT;
        if (lzb) mask |= LZB_BIT;
        if (flags & SEVERE) mask |= SEVERE_BIT;
        if (flags & REFUGEE) mask |= REFUGEE_BIT;
        const cell = Math.max(teamDay[d] as number, 0) * MASKS + mask;
        stockCell[d] = cell;
        add(C.stock, d, cell);
        if (lzb) {
          add(C.lzb, d, cell);
          if (flags & (ACTIVE | PUBLIC_JOB)) add(C.lzbActive, d, cell);
          if (d > 0 && !isLzb[d - 1]) add(C.lzbInflows, d, cell);
        }
        if (profileInReceiptMoreThan4Years(receipt, dn)) add(C.over4Years, d, cell);
        if (flags & JOB_SEEKING) add(C.jobSeeking, d, cell);
        const household = householdDay[d] as number;
        if (household >= 0) {
          const seen = household * dayCount + d;
          if (seen >= householdsSeen.length) {
            const grown = new Uint8Array(Math.max(householdsSeen.length * 2, (household + 1) * dayCount));
            grown.set(householdsSeen);
            householdsSeen = grown;
          }
          if (!householdsSeen[seen]) {
            householdsSeen[seen] = 1;
            add(C.households, d, cell);
          }
        }
      }
    }
    for (let d = 1; d < dayCount; d++) if (isLzb[d - 1] && !isLzb[d]) add(C.lzbOutflows, d, stockCell[d - 1] as number);

    // integrations and entries: the stock rule of INDICATORS.md, at most one per person and report month.
    // Sorted by start, the month an employment counts in never decreases, so "once per month" is "not the
    // same month as the last one counted".
    const jobs = detail.jobs;
    if (jobs.length) {
      const inStockBeforeFirst = profileIsElb(profile, dayBeforeFirst);
      let lastIntegration = -1;
      let lastMinijob = -1;
      let lastPublic = -1;
      let lastSv = -1;
      for (let j = 0; j < jobs.length; j += 2) {
        const k = (jobs[j] as number) - firstMonth;
        const kinds = jobs[j + 1] as number;
        let countIn: number;
        let cell: number;
        if (k === 0 && inStockBeforeFirst) continue;
        if (k - 1 >= 0 && k - 1 < dayCount && (stockCell[k - 1] as number) >= 0) {
          countIn = k;
          cell = stockCell[k - 1] as number;
        } else if (k >= 0 && k < dayCount && (stockCell[k] as number) >= 0) {
          countIn = k + 1;
          cell = stockCell[k] as number;
        } else continue;
        if (countIn >= dayCount) continue;
        if (kinds & JOB_INTEGRATION && lastIntegration !== countIn) {
          lastIntegration = countIn;
          add(C.integrations, countIn, cell);
        }
        if (kinds & JOB_MINIJOB && lastMinijob !== countIn) {
          lastMinijob = countIn;
          add(C.minijobs, countIn, cell);
        }
        if (kinds & JOB_PUBLIC && lastPublic !== countIn) {
          lastPublic = countIn;
          add(C.publicJobs, countIn, cell);
        }
        if (kinds & JOB_SV && lastSv !== countIn) {
          lastSv = countIn;
          add(C.svIntegrations, countIn, cell);
          if (kinds & JOB_SV_CONTINUED) add(C.svContinued, countIn, cell);
        }
      }
    }

    const spells = detail.spells;
    for (let i = 0; i < spells.length; i += 4) {
      add(C.inflows, (spells[i] as number) - firstMonth, spells[i + 1] as number);
      add(C.outflows, (spells[i + 2] as number) - firstMonth, spells[i + 3] as number);
    }
  }

  // expand the cells into scopes × splits
  const counters = COUNTERS.map(() => new Counter(scopeKeys.length, dayCount));
  for (let d = 0; d < dayCount; d++)
    for (let b = 0; b < buckets; b++) {
      const scopes = scopesOfBucket[b] as number[];
      for (let mask = 0; mask < MASKS; mask++) {
        const cell = b * MASKS + mask;
        const base = (cell * dayCount + d) * counterCount;
        // most cells are empty (no person of that group and team on that day)
        if (!touched[cell * dayCount + d]) continue;
        for (let c = 0; c < counterCount; c++) {
          const n = raw[base + c] as number;
          if (n === 0) continue;
          const counter = counters[c] as Counter;
          for (const split of SPLITS_OF_MASK[mask] as number[]) for (const scope of scopes) counter.add(d, scope, split, n);
        }
      }
    }
  const named = Object.fromEntries(COUNTERS.map((name, i) => [name, counters[i]])) as Record<CounterName, Counter>;
  return { month, firstDay: firstMonth, days: dayCount, scopeKeys, ...named };
}

/**
 * Per reference day, the value of the first period in list order (`triples`: value, first and end report month)
 * that covers it: where team or household periods overlap, the one listed first counts, as everywhere else.
 */
function fillFirstWins(out: Int32Array, triples: readonly number[], dayOf: (month: number) => number): void {
  out.fill(-1);
  for (let i = 0; i < triples.length; i += 3) {
    const value = triples[i] as number;
    const hi = dayOf(triples[i + 2] as number);
    for (let d = dayOf(triples[i + 1] as number); d < hi; d++) if ((out[d] as number) < 0) out[d] = value;
  }
}

function byStart(a: { from: string }, b: { from: string }): number {
  return a.from < b.from ? -1 : a.from > b.from ? 1 : 0;
}

const covers = (from: string, to: string | null, iso: string) => from <= iso && (to === null || iso < to);

const SEVERE = 1;
const REFUGEE = 2;
const ACTIVE = 4;
const JOB_SEEKING = 8;
/** In a publicly funded job counting as an active measure (see `ACTIVE_16I_FROM`); reference days only. */
const PUBLIC_JOB = 16;

/** The labour-market and other status flags a status period sets. */
function statusFlag(s: { kind: string; value: string }): number {
  if (s.kind === 'severe_disability') return SEVERE;
  if (s.kind === 'refugee') return REFUGEE;
  if (s.kind === 'labour_market') {
    if (s.value === 'measure') return ACTIVE;
    if (JOB_SEEKING_VALUES.has(s.value)) return JOB_SEEKING;
  }
  return 0;
}

/** The person's statuses on a day in one pass: severe disability, refugee, in a measure, job-seeking. */
function statusFlagsOn(p: PersonFacts, iso: string): number {
  let flags = 0;
  for (const s of p.status) {
    if (!covers(s.from, s.to, iso)) continue;
    if (s.kind === 'severe_disability') flags |= SEVERE;
    else if (s.kind === 'refugee') flags |= REFUGEE;
    else if (s.kind === 'labour_market') {
      if (s.value === 'measure') flags |= ACTIVE;
      else if (JOB_SEEKING_VALUES.has(s.value)) flags |= JOB_SEEKING;
    }
  }
  return flags;
}

/** The person's cell on a day: team bucket (team on that day) × group mask. */
function cellOn(
  p: PersonFacts,
  iso: string,
  birthYmd: number,
  sexBits: number,
  isLzb: boolean,
  flags: number,
  bucketOfTeam: ReadonlyMap<string, number>,
): number {
  const age = ageOnYmd(birthYmd, ymdOfIso(iso));
  let mask = sexBits | ((age < 25 ? 0 : age < 50 ? 1 : 2) << AGE_SHIFT);
  if (p.members.length && isSingleParentOn(p.id, p.members, iso)) mask |= SINGLE_PARENT_BIT;
  if (isLzb) mask |= LZB_BIT;
  if (flags & SEVERE) mask |= SEVERE_BIT;
  if (flags & REFUGEE) mask |= REFUGEE_BIT;
  let bucket = 0;
  for (const t of p.teams) {
    if (!covers(t.from, t.to, iso)) continue;
    bucket = bucketOfTeam.get(t.teamId) ?? 0;
    break;
  }
  return bucket * MASKS + mask;
}

/** Employment subject to social insurance, job after job without a gap, as one stretch. */
function svStretchesOf(p: PersonFacts): DayRange[] {
  const ranges: DayRange[] = [];
  for (const x of p.employments)
    if (SV_KINDS.has(x.kind)) ranges.push({ from: toDay(x.from), to: x.to === null ? Number.POSITIVE_INFINITY : toDay(x.to) });
  return mergeDayRanges(ranges);
}

/** K2E3: the employment starting on `from` lasted without a break for 12 months from its start. */
function continuedForAYear(stretches: readonly DayRange[], from: string): boolean {
  const start = toDay(from);
  const yearLater = toDay(addYear(from));
  for (const r of stretches) if (r.from <= start && r.to >= yearLater) return true;
  return false;
}

/**
 * K3E2 "in an active labour-market measure" on a day: the labour-market status `measure` (statusFlagsOn),
 * or a publicly funded job: a § 16d work opportunity, and a § 16i job from the amendment of the
 * KennzahlenVO in force 22.3.2019, which counts § 16i jobs as measures of active labour-market policy
 * (§ 2 (2) Nr. 1 KennzahlenVO).
 */
export const ACTIVE_16I_FROM = '2019-03-22';
function addYear(iso: string): string {
  const y = Number(iso.slice(0, 4)) + 1;
  const md = iso.slice(5);
  return md === '02-29' ? `${y}-03-01` : `${y}-${md}`;
}

export { monthString };
