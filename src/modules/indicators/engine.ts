import { fromDay, mergeDayRanges, toDay } from '../../lib/dates.ts';
import { INTEGRATION_KINDS, MINIJOB_KINDS, PUBLIC_EMPLOYMENT_KINDS } from '../people/codes.ts';
import type { PersonFacts } from '../people/facts.ts';
import {
  ageOn,
  elbProfile,
  inReceiptMoreThan4YearsOn,
  isSingleParentOn,
  profileElbSpells,
  profileIsElb,
  profileIsLongTermRecipient,
} from '../people/rules.ts';
import { type MonthIndex, monthString, referenceDay, windowMonthOf } from './calendar.ts';
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
const JOB_SEEKING = new Set(['unemployed', 'job_seeking']);

interface Attributes {
  scopes: number[];
  splits: number[];
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
  if (fromMonth > month) throw new Error('fromMonth liegt nach month');
  const firstMonth = fromMonth - (DAYS - 1);
  const dayCount = month - firstMonth + 1;
  const scopeKeys = ['tenant'];
  const siteIndex = new Map<string, number>();
  const teamIndex = new Map<string, number>();
  for (const t of org.teams) {
    if (!siteIndex.has(t.siteId)) {
      siteIndex.set(t.siteId, scopeKeys.length);
      scopeKeys.push(`site:${t.siteId}`);
    }
  }
  for (const t of org.teams) {
    teamIndex.set(t.id, scopeKeys.length);
    scopeKeys.push(`team:${t.id}`);
  }
  const siteOfTeam = new Map(org.teams.map((t) => [t.id, siteIndex.get(t.siteId) as number]));
  const n = scopeKeys.length;
  const counts: Counts = {
    month,
    firstDay: firstMonth,
    days: dayCount,
    scopeKeys,
    stock: new Counter(n, dayCount),
    lzb: new Counter(n, dayCount),
    lzbActive: new Counter(n, dayCount),
    integrations: new Counter(n, dayCount),
    minijobs: new Counter(n, dayCount),
    publicJobs: new Counter(n, dayCount),
    svIntegrations: new Counter(n, dayCount),
    svContinued: new Counter(n, dayCount),
    inflows: new Counter(n, dayCount),
    outflows: new Counter(n, dayCount),
    lzbInflows: new Counter(n, dayCount),
    lzbOutflows: new Counter(n, dayCount),
    households: new Counter(n, dayCount),
    over4Years: new Counter(n, dayCount),
    jobSeeking: new Counter(n, dayCount),
  };
  const refDays = Array.from({ length: dayCount }, (_, d) => referenceDay(firstMonth + d));
  const refDayNumbers = refDays.map(toDay);
  const householdsSeen: Set<string>[] = Array.from({ length: dayCount }, () => new Set());

  const emit = (counter: Counter, day: number, a: Attributes) => {
    for (const scope of a.scopes) for (const split of a.splits) counter.add(day, scope, split);
  };

  for (const p of persons) {
    const profile = elbProfile(p.birthDate, p.benefit);
    if (!profile.own.length) continue;
    const inStockOn = (d: number) => profileIsElb(profile, d);
    const lzbOn = (d: number) => profileIsLongTermRecipient(profile, d);
    const covers = (from: string, to: string | null, iso: string) => from <= iso && (to === null || iso < to);
    const attributesOn = (iso: string, d: number, isLzb: boolean): Attributes => {
      const splits = [SPLIT_INDEX.all, SPLIT_INDEX[`sex:${p.sex}` as Split]];
      const age = ageOn(p.birthDate, iso);
      splits.push(SPLIT_INDEX[age < 25 ? 'age:under25' : age < 50 ? 'age:25to49' : 'age:50plus']);
      if (isSingleParentOn(p.id, p.members, iso))
        splits.push(SPLIT_INDEX.single_parent, SPLIT_INDEX[`single_parent&sex:${p.sex}` as Split]);
      if (isLzb) splits.push(SPLIT_INDEX.lzb, SPLIT_INDEX[`lzb&sex:${p.sex}` as Split]);
      if (p.status.some((s) => s.kind === 'severe_disability' && covers(s.from, s.to, iso)))
        splits.push(SPLIT_INDEX.severe_disability);
      if (p.status.some((s) => s.kind === 'refugee' && covers(s.from, s.to, iso))) splits.push(SPLIT_INDEX.refugee);
      const scopes = [0];
      const team = p.teams.find((t) => covers(t.from, t.to, iso));
      if (team && teamIndex.has(team.teamId))
        scopes.push(siteOfTeam.get(team.teamId) as number, teamIndex.get(team.teamId) as number);
      void d;
      return { scopes, splits };
    };

    // stocks on every reference day
    const stockAttrs: (Attributes | null)[] = new Array(dayCount).fill(null);
    const isLzb: boolean[] = new Array(dayCount).fill(false);
    for (let d = 0; d < dayCount; d++) {
      const dn = refDayNumbers[d] as number;
      if (!inStockOn(dn)) continue;
      const iso = refDays[d] as string;
      isLzb[d] = lzbOn(dn);
      const a = attributesOn(iso, dn, isLzb[d] as boolean);
      stockAttrs[d] = a;
      emit(counts.stock, d, a);
      if (isLzb[d]) {
        emit(counts.lzb, d, a);
        if (isActiveOn(p, iso)) emit(counts.lzbActive, d, a);
      }
      if (inReceiptMoreThan4YearsOn(p.benefit, iso)) emit(counts.over4Years, d, a);
      if (p.status.some((s) => s.kind === 'labour_market' && JOB_SEEKING.has(s.value) && covers(s.from, s.to, iso)))
        emit(counts.jobSeeking, d, a);
      const household = p.members.find((m) => m.personId === p.id && covers(m.from, m.to, iso));
      if (household && !householdsSeen[d]?.has(household.householdId)) {
        householdsSeen[d]?.add(household.householdId);
        emit(counts.households, d, a);
      }
      if (d > 0 && isLzb[d] && !isLzb[d - 1]) emit(counts.lzbInflows, d, a);
    }
    for (let d = 1; d < dayCount; d++)
      if (isLzb[d - 1] && !isLzb[d]) emit(counts.lzbOutflows, d, stockAttrs[d - 1] as Attributes);

    // integrations and entries: the stock rule of INDICATORS.md, at most one per person and report month
    const counted = {
      integration: new Set<number>(),
      minijob: new Set<number>(),
      public: new Set<number>(),
      sv: new Set<number>(),
    };
    // employment subject to social insurance, job after job without a gap, as one stretch
    const svStretches = mergeDayRanges(
      p.employments
        .filter((e) => SV_KINDS.has(e.kind))
        .map((e) => ({ from: toDay(e.from), to: e.to === null ? Number.POSITIVE_INFINITY : toDay(e.to) })),
    );
    // ST(first − 1), one day before the counted ones: a start in the first window W(first) belongs to
    // report month `first` (not counted) when the person was in the stock then, not to `first` + 1
    const inStockBeforeFirst = inStockOn(toDay(referenceDay(firstMonth - 1)));
    for (const e of [...p.employments].sort((a, b) => a.from.localeCompare(b.from))) {
      const k = windowMonthOf(e.from) - firstMonth;
      let countIn: number;
      let a: Attributes | null;
      if (k === 0 && inStockBeforeFirst) continue;
      if (k - 1 >= 0 && k - 1 < dayCount && stockAttrs[k - 1]) {
        countIn = k;
        a = stockAttrs[k - 1] as Attributes;
      } else if (k >= 0 && k < dayCount && stockAttrs[k]) {
        countIn = k + 1;
        a = stockAttrs[k] as Attributes;
      } else continue;
      if (countIn >= dayCount) continue;
      if (INTEGRATION.has(e.kind) && !counted.integration.has(countIn)) {
        counted.integration.add(countIn);
        emit(counts.integrations, countIn, a);
      }
      if (MINIJOB.has(e.kind) && !counted.minijob.has(countIn)) {
        counted.minijob.add(countIn);
        emit(counts.minijobs, countIn, a);
      }
      if (PUBLIC.has(e.kind) && !counted.public.has(countIn)) {
        counted.public.add(countIn);
        emit(counts.publicJobs, countIn, a);
      }
      if (SV_KINDS.has(e.kind) && !counted.sv.has(countIn)) {
        counted.sv.add(countIn);
        emit(counts.svIntegrations, countIn, a);
        const start = toDay(e.from);
        const yearLater = toDay(addYear(e.from));
        if (svStretches.some((r) => r.from <= start && r.to >= yearLater)) emit(counts.svContinued, countIn, a);
      }
    }

    // inflows and outflows: spells with breaks of at most 7 days bridged
    for (const spell of profileElbSpells(profile)) {
      const first = fromDay(spell.from);
      const inMonth = windowMonthOf(first) - firstMonth;
      // groups on the day of the movement: the first day of the spell, the last day before the outflow
      if (inMonth >= 0 && inMonth < dayCount) emit(counts.inflows, inMonth, attributesOn(first, spell.from, lzbOn(spell.from)));
      const outMonth = windowMonthOf(fromDay(spell.lastDay + 1)) - firstMonth;
      if (outMonth >= 0 && outMonth < dayCount)
        emit(counts.outflows, outMonth, attributesOn(fromDay(spell.lastDay), spell.lastDay, lzbOn(spell.lastDay)));
    }
  }
  return counts;
}

/**
 * K3E2 "in an active labour-market measure" on a day: the labour-market status `measure`, or a publicly
 * funded job (§ 16d work opportunity; § 16i from the amendment of the KennzahlenVO in force 22.3.2019,
 * which counts § 16i jobs as measures of active labour-market policy, § 2 (2) Nr. 1 KennzahlenVO).
 */
export const ACTIVE_16I_FROM = '2019-03-22';
function isActiveOn(p: PersonFacts, iso: string): boolean {
  for (const s of p.status)
    if (s.kind === 'labour_market' && s.value === 'measure' && s.from <= iso && (s.to === null || iso < s.to)) return true;
  for (const e of p.employments) {
    if (e.kind !== 'public_16d' && (e.kind !== 'public_16i' || iso < ACTIVE_16I_FROM)) continue;
    if (e.from <= iso && (e.to === null || iso < e.to)) return true;
  }
  return false;
}

function addYear(iso: string): string {
  const y = Number(iso.slice(0, 4)) + 1;
  const md = iso.slice(5);
  return md === '02-29' ? `${y}-03-01` : `${y}-${md}`;
}

export { monthString };
