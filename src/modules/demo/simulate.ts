import { addMonthsToDay, anniversaryDay, fromDay } from '../../lib/dates.ts';
import type { EmploymentKind } from '../people/codes.ts';
import {
  type BenefitSpan,
  elbProfile,
  pensionLimitLastDayNumber,
  profileIsElb,
  profileIsLongTermRecipient,
  receiptStartOn,
} from '../people/rules.ts';
import { chooseExits, type Units } from './controller.ts';
import { MUNICIPALITIES, type Municipality, siteTeam, TEAMS, teamIndex } from './geography.ts';
import { regelbedarfCents, stufeOf } from './money.ts';
import { familyName as drawFamilyName, EMPLOYER_TRADES, NAME_ORIGIN, PUBLIC_EMPLOYERS, STREETS } from './names.ts';
import { claimsInMonth } from './payments.ts';
import {
  ASYLUM_COUNTRIES,
  ageAt,
  birthForAge,
  day,
  firstDay,
  type Household,
  householdNumber,
  type IdFactory,
  type Job,
  makePerson,
  NATIONALITIES,
  type NewPerson,
  OPEN,
  type Period,
  type Person,
  REFUGEE_COUNTRIES,
  type Role,
  refDay,
  type Sex,
  type Span,
  type StatusPeriod,
  windowMonth,
  ym,
} from './population.ts';
import { Quota, Rng } from './random.ts';
import { ELB_PATH, INFLOW_RATE, INTEGRATION_RATE_PATH, REFUGEE_INFLOW, REPORT, STEER_FROM } from './targets.ts';

/**
 * The month-by-month simulation of the demo Jobcenter, January 2015 to December 2020. Each step is one
 * report month M and covers its window (ST(M−1), ST(M)] (INDICATORS.md): scheduled events (birthdays,
 * job ends, exits after a job start, pension age), births, job starts (integrations by quota), measures,
 * moves, separations, new partners, entries (new and returning households), and finally the exits,
 * chosen by controller.ts so that the stock follows its targets. Entries and exits are dated on the
 * first of the month or, less often, up to the 15th, as benefit periods usually begin and end.
 *
 * One simulation is one "shard" of at most scale 1; larger demos run several shards one after another
 * (generate.ts), so memory stays bounded and the shares stay the same.
 */
export const START = 2015 * 12; // 2015-01
export const END = 2020 * 12 + 11; // 2020-12
export const DEC = (year: number) => year * 12 + 11;
const HORIZON = firstDay(END + 1);
const OLD_CUTOFF = '2015-12-14';
const EARLIEST_START = day(2005, 1, 1);
const monthOf = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
const STEER = {
  over4Years: monthOf(STEER_FROM.over4Years),
  lzb: monthOf(STEER_FROM.lzb),
  u25: monthOf(STEER_FROM.u25),
  refugee: monthOf(STEER_FROM.refugee),
  households: monthOf(STEER_FROM.households),
  subsistence: monthOf(STEER_FROM.subsistence),
};
const D2018 = DEC(2018);
/** eLb per household (Bedarfsgemeinschaft) the stock keeps outside the report's year. */
const ELB_PER_HOUSEHOLD = 1.38;
/** Upper bound of integrationWeight (for rejection sampling). */
const MAX_INTEGRATION_WEIGHT = 2.1;
const D2019 = DEC(2019);
const REF_2019 = refDay(D2019);

export interface Numbering {
  person: number;
  household: number;
  ids: IdFactory;
  /** Rounding carried from shard to shard, so that small counts add up over all shards (error diffusion). */
  carry?: Record<string, number>;
}

/** Staff per team by index into the generation's staff list: who can be caseworker and benefit officer. */
export interface StaffDirectory {
  caseworkers: number[][];
  benefitOfficers: number[][];
}

export interface SimOptions {
  seed: number;
  /** Scale of this shard (≤ 1). */
  scale: number;
  shard: number;
  numbering: Numbering;
  staff: StaffDirectory;
}

export interface MonthStat {
  month: number;
  elbM: number;
  elbW: number;
  u25M: number;
  u25W: number;
  lzb: number;
  /** would be long-term recipients on 15.12.2019 if still in receipt (2018–2019) */
  lzb19: number;
  over4: number;
  refugee: number;
  households: number;
  entries: number;
  exits: number;
  integrations: number;
}

export interface World {
  scale: number;
  persons: Person[];
  households: Household[];
  stats: MonthStat[];
}

type Event =
  | { day: number; kind: 'b3' | 'b15' | 'b18' | 'b25' | 'pension'; p: Person }
  | { day: number; kind: 'hhExit'; hh: Household }
  | { day: number; kind: 'pExit'; p: Person }
  | { day: number; kind: 'jobEnd'; p: Person; job: Job }
  | { day: number; kind: 'labourBack'; p: Person; status: StatusPeriod }
  | { day: number; kind: 'reentry'; hh: Household };

/** Dimensions the exit controller steers. */
const DIM = { m: 0, w: 1, u25m: 2, u25w: 3, lzb: 4, over4: 5, refugee: 6, households: 7, subsistence: 8 } as const;
const DIMS = 9;

type HouseholdType = 'single' | 'singleParent' | 'couple' | 'family';

interface Closure {
  closed: Period[];
  earliest: number;
  hh: Household;
  p: Person | null;
}

const OTHER_JOBCENTERS = [
  'Jobcenter Gießen',
  'Jobcenter Marburg-Biedenkopf',
  'Jobcenter Limburg-Weilburg',
  'Jobcenter Siegen-Wittgenstein',
  'Jobcenter Westerwald',
  'Jobcenter Frankfurt am Main',
  'Jobcenter Wetteraukreis',
];

const REGIONAL_WEIGHTS: readonly (readonly [Municipality, number])[] = MUNICIPALITIES.map((m) => [m, m.inhabitants * m.density]);
const EU = new Set(['DE', 'PL', 'RO', 'BG', 'IT', 'GR']);

export function simulate(opts: SimOptions): World {
  return new Simulation(opts).run();
}

class Simulation {
  readonly scale: number;
  private readonly r: Record<'hh' | 'names' | 'events' | 'exits' | 'jobs' | 'misc' | 'entries' | 'trim', Rng>;
  readonly persons: Person[] = [];
  readonly households: Household[] = [];
  private readonly active: Household[] = [];
  private former: Household[] = [];
  private formerPersons: Person[] = [];
  private readonly events = new Map<number, Event[]>();
  private readonly processed = new Map<number, number>();
  private prevStock: Person[] = [];
  private step = Number.NEGATIVE_INFINITY;
  private readonly stats: MonthStat[] = [];
  private readonly quota = {
    intM: new Quota(),
    intW: new Quota(),
    inflow: new Quota(),
    refugeeInflow: new Quota(),
    school: new Quota(),
    vocational: new Quota(),
    j16iM: new Quota(),
    j16iW: new Quota(),
    j16eM: new Quota(),
    j16eW: new Quota(),
    teilhabe: new Quota(),
  };
  /** values at the start of steering (actual stock), per dimension */
  private readonly steerStart: Partial<Record<keyof typeof DIM | 'lzb19', number>> = {};
  private subsistence2018 = 0;
  private initialRatio = ELB_PER_HOUSEHOLD;
  private entrants = new Set<Household>();
  private leftThisStep = new Set<Household>();
  /** Storage of the exit candidates, reused from month to month. */
  private u = {
    contrib: new Float64Array(0),
    weight: new Float64Array(0),
    group: new Int32Array(0),
    earliest: new Float64Array(0),
    hh: [] as Household[],
    person: [] as (Person | null)[],
  };
  /** Persons who start § 16i in January 2019 after the federal programme "Soziale Teilhabe" (report 5.3). */
  private teilhabe: Person[] = [];
  private integrationCount = 0;
  /** This shard's part of the report's small counts (§ 16i, § 16e), whole numbers adding up over shards. */
  private readonly goals: Record<
    'j16iM' | 'j16iW' | 'j16eM' | 'j16eW' | 'teilhabe' | 'elb18m' | 'elb18w' | 'elb19m' | 'elb19w',
    number
  >;

  /** A whole-number part of `amount`, with the rounding carried over to the next shard. */
  private shared(key: string, amount: number): number {
    this.opts.numbering.carry ??= {};
    const carry = this.opts.numbering.carry;
    const want = amount + (carry[key] ?? 0);
    const n = Math.max(0, Math.floor(want + 0.5));
    carry[key] = want - n;
    return n;
  }
  private plan16: { iM: number; iW: number; eM: number; eW: number } = { iM: 0, iW: 0, eM: 0, eW: 0 };

  constructor(private readonly opts: SimOptions) {
    this.scale = opts.scale;
    this.goals = {
      j16iM: this.shared('16iM', REPORT.jobs16iMen.value * opts.scale),
      j16iW: this.shared('16iW', REPORT.jobs16iWomen.value * opts.scale),
      j16eM: this.shared('16eM', REPORT.jobs16eMen.value * opts.scale),
      j16eW: this.shared('16eW', REPORT.jobs16eWomen.value * opts.scale),
      teilhabe: this.shared('teilhabe', REPORT.jobs16iFromSozialeTeilhabe.value * opts.scale),
      elb18m: this.shared('elb18m', (ELB_PATH[2018] as { m: number }).m * opts.scale),
      elb18w: this.shared('elb18w', (ELB_PATH[2018] as { w: number }).w * opts.scale),
      elb19m: this.shared('elb19m', (ELB_PATH[2019] as { m: number }).m * opts.scale),
      elb19w: this.shared('elb19w', (ELB_PATH[2019] as { w: number }).w * opts.scale),
    };
    const root = new Rng(`teilhabe-demo/${opts.seed}/${opts.shard}`);
    this.r = {
      hh: root.fork('households'),
      names: root.fork('names'),
      events: root.fork('events'),
      exits: root.fork('exits'),
      jobs: root.fork('jobs'),
      misc: root.fork('misc'),
      entries: root.fork('entries'),
      trim: root.fork('trim'),
    };
  }

  run(): World {
    this.buildInitial();
    for (let m = START; m <= END; m++) this.runStep(m);
    this.trimStatuses();
    return { scale: this.scale, persons: this.persons, households: this.households, stats: this.stats };
  }

  // -------------------------------------------------------------------------------------------------
  // Scheduling

  private schedule(ev: Event) {
    const m = windowMonth(ev.day);
    if (m > END || m < this.step) return;
    const list = this.events.get(m);
    if (list) list.push(ev);
    else this.events.set(m, [ev]);
  }

  private processEvents(m: number) {
    const list = this.events.get(m);
    if (!list) return;
    for (;;) {
      const done = this.processed.get(m) ?? 0;
      if (done >= list.length) break;
      const batch = list.slice(done).sort((a, b) => a.day - b.day);
      list.length = done;
      list.push(...batch);
      this.processed.set(m, list.length);
      for (const ev of batch) this.handle(ev);
    }
  }

  private handle(ev: Event) {
    switch (ev.kind) {
      case 'b15':
        return this.onFifteen(ev.p, ev.day);
      case 'b18':
        return this.onEighteen(ev.p, ev.day);
      case 'b25':
        return this.onTwentyFive(ev.p, ev.day);
      case 'b3':
        return this.onChildThree(ev.p, ev.day);
      case 'pension':
        return this.onPension(ev.p, ev.day);
      case 'hhExit':
        if (ev.hh.active && ev.hh.exitDay === ev.day) this.exitHousehold(ev.hh, ev.day);
        return;
      case 'pExit':
        if (ev.p.hh && ev.p.exitDay === ev.day) this.leaveIndividually(ev.p, ev.day);
        return;
      case 'jobEnd':
        return this.onJobEnd(ev.p, ev.job, ev.day);
      case 'labourBack':
        if (ev.p.hh && ev.p.labour === ev.status && ev.day > ev.status.from) this.setLabour(ev.p, 'unemployed', ev.day);
        return;
      case 'reentry':
        if (!ev.hh.active) this.reenter(ev.hh, ev.day);
        return;
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Persons and households

  private newPerson(p: NewPerson): Person {
    const n = this.opts.numbering.person++;
    const person = makePerson(this.r.names, n, this.opts.numbering.ids.next(), p);
    const r = this.r.names;
    if (r.chance(0.55)) person.phone = `069 90009${String(r.int(1000)).padStart(3, '0')}`;
    if (r.chance(0.3) && ageAt(p.birth, HORIZON) >= 18) {
      const local = `${person.givenNames.split(' ')[0]}.${person.familyName}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/ß/g, 'ss')
        .replace(/[^a-z0-9.]+/g, '');
      person.email = `${local}${r.int(100)}@example.org`;
    }
    this.persons.push(person);
    const b = p.birth;
    this.schedule({ day: anniversaryDay(b, 3), kind: 'b3', p: person });
    this.schedule({ day: anniversaryDay(b, 15), kind: 'b15', p: person });
    this.schedule({ day: anniversaryDay(b, 18), kind: 'b18', p: person });
    this.schedule({ day: anniversaryDay(b, 25), kind: 'b25', p: person });
    this.schedule({ day: pensionLimitLastDayNumber(b) + 1, kind: 'pension', p: person });
    return person;
  }

  private newHousehold(municipality: Municipality, refugee: boolean): Household {
    const r = this.r.hh;
    const pc = r.pick(municipality.postcodes);
    const n = this.opts.numbering.household++;
    const hh: Household = {
      n,
      id: this.opts.numbering.ids.next(),
      number: householdNumber(n),
      municipality,
      postcode: pc.code,
      street: `${r.pick(STREETS)} ${r.between(1, 120)}${r.chance(0.1) ? String.fromCharCode(97 + r.int(4)) : ''}`,
      team: teamIndex(pc.team),
      caseworker: -1,
      benefitOfficer: -1,
      members: [],
      former: [],
      active: false,
      refugee,
      rentPermille: r.between(780, 1060),
      hotWater: r.chance(0.22),
      spans: [],
      exitDay: -1,
      lastExit: Number.NEGATIVE_INFINITY,
      enteredStep: this.step,
      keepUntil: Number.NEGATIVE_INFINITY,
      slot: -1,
      inPool: false,
      lastChange: Number.NEGATIVE_INFINITY,
    };
    this.households.push(hh);
    return hh;
  }

  private regionalTeam(hh: Household): number {
    return teamIndex((hh.municipality.postcodes.find((p) => p.code === hh.postcode) ?? hh.municipality.postcodes[0])?.team ?? '');
  }

  private teamFor(p: Person, hh: Household, d: number, applicantTeam: number): number {
    const regional = this.regionalTeam(hh);
    const site = (TEAMS[regional] as (typeof TEAMS)[number]).site;
    const age = ageAt(p.birth, d);
    if (age < 15) return applicantTeam;
    if (age < 25) return siteTeam(site, 'u25');
    if (p.rehaTeam) return siteTeam(site, 'reha_sb');
    return regional;
  }

  private assignStaff(hh: Household) {
    const r = this.r.hh;
    const cw = this.opts.staff.caseworkers[hh.team] ?? [];
    const bo = this.opts.staff.benefitOfficers[hh.team] ?? [];
    const fallback = this.opts.staff.caseworkers[this.regionalTeam(hh)] ?? [];
    hh.caseworker = cw.length ? r.pick(cw) : fallback.length ? r.pick(fallback) : -1;
    const boFallback = this.opts.staff.benefitOfficers[this.regionalTeam(hh)] ?? [];
    hh.benefitOfficer = bo.length ? r.pick(bo) : boFallback.length ? r.pick(boFallback) : -1;
  }

  private refreshTeams(hh: Household, d: number) {
    const applicant = hh.members.find((m) => m.role === 'applicant') ?? hh.members[0];
    if (!applicant) return;
    const regional = this.regionalTeam(hh);
    const aTeam = this.teamFor(applicant, hh, d, regional);
    if (hh.team !== aTeam || hh.caseworker < 0) {
      hh.team = aTeam;
      this.assignStaff(hh);
    }
    for (const m of hh.members) this.setTeam(m, m === applicant ? aTeam : this.teamFor(m, hh, d, aTeam), d);
  }

  private setTeam(p: Person, team: number, d: number) {
    const cur = p.teams[p.teams.length - 1];
    if (cur && cur.to === OPEN) {
      if (cur.team === team) return;
      if (cur.from >= d) {
        cur.team = team;
        return;
      }
      cur.to = d;
    }
    p.teams.push({ team, from: d, to: OPEN });
  }

  private setLabour(p: Person, value: string, d: number) {
    const cur = p.labour;
    if (cur) {
      if (cur.value === value) return;
      if (cur.from >= d) {
        cur.value = value;
        return;
      }
      cur.to = d;
    }
    const s: StatusPeriod = { kind: 'labour_market', value, detail: null, from: d, to: OPEN };
    p.statuses.push(s);
    p.labour = s;
  }

  private addStatus(p: Person, kind: StatusPeriod['kind'], value: string, from: number, detail: string | null = null) {
    p.statuses.push({ kind, value, detail, from, to: OPEN });
  }

  /** Enters receipt in a household; teams are set by the caller with refreshTeams. */
  private enter(p: Person, hh: Household, role: Role, d: number) {
    p.hh = hh;
    p.role = role;
    p.exitDay = -1;
    hh.members.push(p);
    if (d > hh.lastChange) hh.lastChange = d;
    p.memberships.push({ hh, role, from: d, to: OPEN });
    const span = { from: d, to: OPEN, employable: ageAt(p.birth, d) >= 15, hh, role, other: null };
    p.spans.push(span);
    hh.spans.push({ person: p, span });
    p.ver++;
    p.street = hh.street;
    p.postcode = hh.postcode;
    p.city = hh.municipality.name;
    if (p.refugee && !p.statuses.some((s) => s.kind === 'refugee')) this.addStatus(p, 'refugee', 'yes', d, p.nationality);
    if (span.employable) this.becomeElb(p, d);
    // a birthday later in this month's window was passed over while the person was out of receipt
    for (const [years, kind] of [
      [15, 'b15'],
      [18, 'b18'],
      [25, 'b25'],
    ] as const) {
      const b = anniversaryDay(p.birth, years);
      if (b > d && windowMonth(b) === this.step) this.schedule({ day: b, kind, p });
    }
  }

  private activate(hh: Household, d: number) {
    hh.active = true;
    hh.exitDay = -1;
    hh.enteredStep = this.step;
    hh.slot = this.active.length;
    this.active.push(hh);
    this.refreshTeams(hh, d);
    this.entrants.add(hh);
  }

  private deactivate(hh: Household) {
    const last = this.active.pop() as Household;
    if (last !== hh) {
      this.active[hh.slot] = last;
      last.slot = hh.slot;
    }
    hh.slot = -1;
    hh.active = false;
  }

  /** Closes every open period of a person at `d`; returns them (so that the day can still be moved). */
  private leave(p: Person, d: number): Period[] {
    const closed: Period[] = [];
    const close = (x: Period | null | undefined) => {
      if (!x || x.to !== OPEN) return;
      if (x.from >= d) throw new Error(`leere Periode für ${p.customerNumber} am ${fromDay(d)}`);
      x.to = d;
      closed.push(x);
    };
    // a period that began on the day of leaving (a 15th birthday, a move) never held: drop it
    const span = p.spans[p.spans.length - 1];
    if (span && span.to === OPEN && span.from >= d && p.spans.length > 1 && (p.spans[p.spans.length - 2] as Span).to === d) {
      p.spans.pop();
      const list = (span.hh as Household).spans;
      list.splice(
        list.findIndex((x) => x.span === span),
        1,
      );
    } else close(span);
    close(p.memberships[p.memberships.length - 1]);
    // a team or status that changed on the day of leaving never held: drop it
    const team = p.teams[p.teams.length - 1];
    if (team && team.to === OPEN && team.from >= d) p.teams.pop();
    else close(team);
    if (p.labour && p.labour.from >= d) {
      p.statuses.splice(p.statuses.indexOf(p.labour), 1);
      const prev = [...p.statuses].reverse().find((s) => s.kind === 'labour_market');
      if (prev && prev.to === d) closed.push(prev);
    } else close(p.labour);
    p.labour = null;
    p.ver++;
    const hh = p.hh;
    if (hh) {
      const i = hh.members.indexOf(p);
      if (i >= 0) hh.members.splice(i, 1);
      if (d > hh.lastChange) hh.lastChange = d;
    }
    p.hh = null;
    p.role = null;
    p.lastExit = d;
    p.exitDay = -1;
    return closed;
  }

  private exitHousehold(hh: Household, d: number): Period[] {
    hh.former = [...hh.members];
    const closed: Period[] = [];
    for (const p of [...hh.members]) closed.push(...this.leave(p, d));
    this.deactivate(hh);
    this.leftThisStep.add(hh);
    hh.lastExit = d;
    hh.exitDay = -1;
    if (!hh.inPool) {
      hh.inPool = true;
      this.former.push(hh);
    }
    return closed;
  }

  private leaveIndividually(p: Person, d: number): Period[] {
    const hh = p.hh as Household;
    const closed = this.leave(p, d);
    if (!p.gone) this.formerPersons.push(p);
    if (!hh.members.some((m) => m.role === 'applicant')) {
      // a household is never left without its applicant: the rest leaves too
      closed.push(...this.exitHousehold(hh, d));
    }
    return closed;
  }

  /** The earliest day on which a person can leave: after the start of every open period. */
  private earliestExit(p: Person): number {
    let e = 0;
    const span = p.spans[p.spans.length - 1];
    if (span && span.from > e) e = span.from;
    const mem = p.memberships[p.memberships.length - 1];
    if (mem && mem.from > e) e = mem.from;
    const team = p.teams[p.teams.length - 1];
    if (team && team.to === OPEN && team.from > e) e = team.from;
    if (p.labour && p.labour.from > e) e = p.labour.from;
    return e + 1;
  }

  // -------------------------------------------------------------------------------------------------
  // Becoming eLb: static statuses and the first labour-market status

  private becomeElb(p: Person, d: number) {
    const r = this.r.misc;
    const age = ageAt(p.birth, d);
    if (!p.staticDone) {
      p.staticDone = true;
      const asylum = ASYLUM_COUNTRIES.has(p.nationality);
      if (age < 18) {
        this.addStatus(p, 'school_certificate', 'none', d);
        this.addStatus(p, 'vocational_qualification', 'none', d);
      } else {
        this.addStatus(p, 'school_certificate', this.drawSchool(p, asylum), d);
        this.addStatus(p, 'vocational_qualification', this.drawVocational(p, asylum), d);
      }
      if (p.origin !== 'de' && !EU.has(p.nationality))
        this.addStatus(
          p,
          'german_level',
          r.weighted(
            p.refugee
              ? [
                  ['A1', 25],
                  ['A2', 30],
                  ['B1', 30],
                  ['B2', 12],
                  ['C1', 3],
                ]
              : [
                  ['A2', 15],
                  ['B1', 35],
                  ['B2', 30],
                  ['C1', 15],
                  ['C2', 5],
                ],
          ),
          d,
        );
      const pDis = age < 25 ? 0.012 : age < 50 ? 0.035 : 0.085;
      if (r.chance(pDis)) {
        const since = Math.max(anniversaryDay(p.birth, 15), d - r.int(4 * 365));
        this.addStatus(p, 'severe_disability', r.chance(0.75) ? 'recognised' : 'equivalent', since);
        if (age >= 25 && r.chance(0.45)) p.rehaTeam = true;
      } else if (age < 30 && r.chance(0.015)) {
        this.addStatus(p, 'rehabilitation', 'need', d);
        p.rehaTeam = true;
      }
    }
    this.setLabour(p, this.initialLabour(p, d, age), d);
  }

  private drawSchool(p: Person, asylum: boolean): string {
    const r = this.r.misc;
    if (asylum) {
      // report 2.3: 20.5 % of job-seeking eLb from the asylum countries have a school-leaving certificate
      return this.quota.school.take(REPORT.asylumSchoolShare.value / 100)
        ? r.weighted([
            ['foreign', 70],
            ['lower_secondary', 20],
            ['intermediate', 10],
          ])
        : 'none';
    }
    if (p.origin !== 'de' && !EU.has(p.nationality))
      return r.weighted([
        ['foreign', 40],
        ['none', 22],
        ['lower_secondary', 26],
        ['intermediate', 10],
        ['upper_secondary', 2],
      ]);
    return r.weighted([
      ['none', 13],
      ['lower_secondary', 45],
      ['intermediate', 28],
      ['upper_secondary_fh', 6],
      ['upper_secondary', 8],
    ]);
  }

  private drawVocational(p: Person, asylum: boolean): string {
    const r = this.r.misc;
    if (asylum) {
      // report 2.3: only 4 % can prove a completed vocational training
      return this.quota.vocational.take(REPORT.asylumVocationalShare.value / 100)
        ? r.chance(0.8)
          ? 'vocational'
          : 'academic'
        : r.chance(0.25)
          ? 'foreign_unrecognised'
          : 'none';
    }
    if (p.origin !== 'de' && !EU.has(p.nationality))
      return r.weighted([
        ['none', 66],
        ['foreign_unrecognised', 18],
        ['vocational', 13],
        ['academic', 3],
      ]);
    return r.weighted([
      ['none', 57],
      ['vocational', 39],
      ['academic', 4],
    ]);
  }

  private hasSmallChild(hh: Household, d: number): boolean {
    return hh.members.some((m) => m.role === 'child' && ageAt(m.birth, d) < 3);
  }

  private initialLabour(p: Person, d: number, age: number): string {
    const r = this.r.misc;
    const hh = p.hh;
    if (p.role === 'child' && age < 18) return 'training';
    if (p.mainJob && p.mainJob.to > d) return 'employed';
    if (p.role === 'child')
      return r.weighted([
        ['training', 30],
        ['unemployed', 50],
        ['job_seeking', 20],
      ]);
    if (hh && p.sex === 'w' && this.hasSmallChild(hh, d) && r.chance(0.75)) return 'not_available';
    if (age >= 58)
      return r.weighted([
        ['unemployed', 55],
        ['job_seeking', 20],
        ['not_available', 25],
      ]);
    return r.weighted([
      ['unemployed', 66],
      ['job_seeking', 24],
      ['not_available', 10],
    ]);
  }

  // -------------------------------------------------------------------------------------------------
  // Person events

  private onFifteen(p: Person, d: number) {
    const hh = p.hh;
    if (!hh) return;
    const span = p.spans[p.spans.length - 1];
    if (!span || span.to !== OPEN || span.employable) return;
    if (span.from >= d) {
      span.employable = true;
    } else {
      span.to = d;
      const next = { from: d, to: OPEN, employable: true, hh, role: span.role, other: null };
      p.spans.push(next);
      hh.spans.push({ person: p, span: next });
    }
    p.ver++;
    this.becomeElb(p, d);
    this.setTeam(p, this.teamFor(p, hh, d, hh.team), d);
  }

  private onEighteen(p: Person, d: number) {
    if (!p.hh) return;
    const r = this.r.misc;
    // the school-leaving certificate and what comes next
    const school = p.statuses.find((s) => s.kind === 'school_certificate' && s.to === OPEN);
    if (school && school.value === 'none' && school.from < d) {
      const value = this.drawSchool(p, ASYLUM_COUNTRIES.has(p.nationality));
      if (value !== 'none') {
        school.to = d;
        this.addStatus(p, 'school_certificate', value, d);
      }
    }
    if (p.labour?.value === 'training' && r.chance(0.55)) this.setLabour(p, r.chance(0.75) ? 'unemployed' : 'job_seeking', d);
  }

  private onTwentyFive(p: Person, d: number) {
    const hh = p.hh;
    if (!hh) return;
    if (p.role === 'child' || p.role === 'other') {
      // under-25s belong to their parents' household (§ 7 (3) Nr. 4 SGB II); at 25 they leave it
      if (p.exitDay >= 0 || d <= this.earliestExit(p) - 1) return;
      this.leave(p, d);
      if (this.r.events.chance(0.62)) {
        const own = this.newHousehold(hh.municipality, hh.refugee);
        own.postcode = hh.postcode;
        this.enter(p, own, 'applicant', d);
        this.activate(own, d);
      } else this.formerPersons.push(p);
      return;
    }
    // U25 handover: from the U25 team to the regional team
    this.refreshTeams(hh, d);
  }

  private onChildThree(child: Person, d: number) {
    const hh = child.hh;
    if (!hh || child.role !== 'child') return;
    if (this.hasSmallChild(hh, d)) return;
    for (const m of hh.members)
      if ((m.role === 'applicant' || m.role === 'partner') && m.labour?.value === 'not_available' && m.labour.from < d)
        if (this.r.events.chance(0.7)) this.setLabour(m, 'unemployed', d);
  }

  private onPension(p: Person, d: number) {
    p.gone = true;
    const hh = p.hh;
    if (!hh) return;
    // pension age (§ 7a SGB II): the household moves to the basic income of SGB XII
    if (p.role === 'applicant' || p.role === 'partner') {
      if (hh.lastChange < d && hh.members.every((m) => this.earliestExit(m) <= d)) this.exitHousehold(hh, d);
    } else if (this.earliestExit(p) <= d) this.leaveIndividually(p, d);
  }

  private onJobEnd(p: Person, job: Job, d: number) {
    if (p.minijob === job) {
      p.minijob = null;
      return;
    }
    if (p.mainJob !== job) return;
    p.mainJob = null;
    if (p.hh) {
      if (p.labour?.value === 'employed' && p.labour.from < d) this.setLabour(p, 'unemployed', d);
      return;
    }
    if (p.gone) return;
    // out of receipt and the job ends: some come back (the household re-enters a month or two later)
    const r = this.r.events;
    const hh = this.lastHousehold(p);
    if (hh && !hh.active && hh.former.includes(p) && r.chance(0.42)) {
      const m = windowMonth(d);
      this.schedule({ day: this.entryDay(m + 1 + r.int(2)), kind: 'reentry', hh });
    }
  }

  private lastHousehold(p: Person): Household | null {
    return p.memberships[p.memberships.length - 1]?.hh ?? null;
  }

  // -------------------------------------------------------------------------------------------------
  // Jobs

  private employer(kind: EmploymentKind): string {
    const r = this.r.jobs;
    if (kind === 'public_16d' || kind === 'public_16i') return r.pick(PUBLIC_EMPLOYERS);
    if (kind === 'self_employment') return 'selbständig';
    const [trade, form] = r.pick(EMPLOYER_TRADES);
    const owner = drawFamilyName(r, 'de');
    const name = r.chance(0.5) ? `${owner} ${trade}` : `${trade} ${owner}`;
    return `${name}${form ? ` ${form}` : ''}`;
  }

  private startJob(p: Person, kind: EmploymentKind, from: number, months: number | null, hours: number | null): Job {
    const to = months === null ? OPEN : Math.max(from + 1, addMonthsToDay(from, months));
    const job: Job = { kind, from, to, hours, employer: this.employer(kind) };
    p.jobs.push(job);
    if (kind === 'minijob') p.minijob = job;
    else {
      if (p.mainJob && p.mainJob.to > from) {
        // a change of job: the old one ends the day before
        p.mainJob.to = Math.max(p.mainJob.from + 1, from);
      }
      p.mainJob = job;
    }
    if (to !== OPEN) this.schedule({ day: to, kind: 'jobEnd', p, job });
    return job;
  }

  /** A day of the month for a start or an end: mostly the first, sometimes up to the 15th. */
  private entryDay(m: number, pFirst = 0.8): number {
    const r = this.r.events;
    return firstDay(m) + (r.chance(pFirst) ? 0 : r.between(1, 14));
  }

  // -------------------------------------------------------------------------------------------------
  // Household types

  private nationality(refugee: boolean): string {
    return refugee ? this.r.hh.weighted(REFUGEE_COUNTRIES) : this.r.hh.weighted(NATIONALITIES);
  }

  private municipality(): Municipality {
    return this.r.hh.weighted(REGIONAL_WEIGHTS);
  }

  /**
   * Builds a household of a type entering on day d (members' birth dates fit: parents at least 17 years
   * older than their children). `start` is the first day of receipt (before `d` for the initial stock).
   */
  private buildHousehold(
    type: HouseholdType,
    opts: { d: number; refugee: boolean; sex?: Sex; ageBand?: [number, number]; start?: number },
  ): { hh: Household; members: { p: Person; role: Role; from: number }[] } {
    const r = this.r.hh;
    const { d, refugee } = opts;
    const start = opts.start ?? d;
    const nat = this.nationality(refugee);
    const mun = this.municipality();
    const hh = this.newHousehold(mun, refugee);
    const members: { p: Person; role: Role; from: number }[] = [];
    const adultAge = (): number => {
      if (opts.ageBand) return r.between(opts.ageBand[0], opts.ageBand[1]);
      if (refugee)
        return r.weighted([
          [r.between(18, 24), 30],
          [r.between(25, 34), 38],
          [r.between(35, 49), 25],
          [r.between(50, 62), 7],
        ]);
      return r.weighted([
        [r.between(18, 24), 21],
        [r.between(25, 34), 27],
        [r.between(35, 49), 30],
        [r.between(50, 63), 22],
      ]);
    };
    const family = drawFamilyName(this.r.names, NAME_ORIGIN[nat] ?? 'de');
    const adult = (sex: Sex, age: number, sameFamily: boolean) =>
      this.newPerson({
        sex,
        birth: birthForAge(r, age, d),
        nationality: nat !== 'DE' && !refugee && r.chance(0.15) ? 'DE' : nat,
        familyName: sameFamily ? family : undefined,
        refugee,
      });
    let sex: Sex = opts.sex ?? 'm';
    if (!opts.sex) {
      if (type === 'single') sex = r.chance(refugee ? 0.85 : 0.56) ? 'm' : 'w';
      else if (type === 'singleParent') sex = r.chance(0.93) ? 'w' : 'm';
      else sex = r.chance(0.9) ? 'm' : 'w';
    }
    let age = adultAge();
    if (type === 'singleParent' || type === 'family') age = Math.max(age, 20);
    const head = adult(sex, age, true);
    members.push({ p: head, role: 'applicant', from: start });
    let mother: Person | null = sex === 'w' ? head : null;
    if (type === 'couple' || type === 'family') {
      const partnerAge = Math.min(64, Math.max(18, age + (sex === 'm' ? -r.between(0, 6) : r.between(0, 6))));
      const partner = adult(sex === 'm' ? 'w' : 'm', partnerAge, r.chance(0.8));
      members.push({ p: partner, role: 'partner', from: start });
      if (partner.sex === 'w') mother = partner;
    }
    if (type === 'singleParent' || type === 'family') {
      const parent = mother ?? head;
      const parentAge = ageAt(parent.birth, d);
      const maxChildAge = Math.min(24, parentAge - 18);
      const weights: [number, number][] = refugee
        ? [
            [1, 25],
            [2, 30],
            [3, 25],
            [4, 20],
          ]
        : [
            [1, 45],
            [2, 33],
            [3, 15],
            [4, 7],
          ];
      const kids = r.weighted(weights);
      for (let i = 0; i < kids && maxChildAge >= 0; i++) {
        // most children are minors; some adult children under 25 live with their parents
        const cAge = maxChildAge >= 18 && r.chance(0.15) ? r.between(18, maxChildAge) : r.between(0, Math.min(17, maxChildAge));
        const birth = birthForAge(r, cAge, d);
        if (birth <= parent.birth + 17 * 365) continue;
        const child = this.newPerson({
          sex: r.chance(0.51) ? 'm' : 'w',
          birth,
          nationality: parent.nationality,
          familyName: parent.familyName,
          refugee,
        });
        members.push({ p: child, role: 'child', from: Math.max(start, birth) });
      }
    }
    return { hh, members };
  }

  /** Enters a freshly built household on day d. */
  private enterNew(hh: Household, members: { p: Person; role: Role; from: number }[], d: number) {
    for (const m of childrenFirst(members)) this.enter(m.p, hh, m.role, Math.max(d, m.from));
    this.activate(hh, d);
  }

  private randomType(refugee: boolean): HouseholdType {
    return this.r.hh.weighted(
      refugee
        ? [
            ['single', 40],
            ['singleParent', 8],
            ['couple', 6],
            ['family', 46],
          ]
        : [
            ['single', 46],
            ['singleParent', 20],
            ['couple', 12],
            ['family', 22],
          ],
    );
  }

  private addOtherJobcenterHistory(p: Person, d: number) {
    const r = this.r.entries;
    const maxMonths = Math.max(0, (ageAt(p.birth, d) - 18) * 12);
    if (maxMonths < 3) return;
    const months = r.between(3, Math.min(60, maxMonths));
    const from = addMonthsToDay(d, -months);
    p.spans.push({ from, to: d, employable: true, hh: null, role: 'applicant', other: r.pick(OTHER_JOBCENTERS) });
    p.ver++;
  }

  // -------------------------------------------------------------------------------------------------
  // Initial stock (1 January 2015) with receipt that began before

  private buildInitial() {
    const r = this.r.entries;
    const d0 = firstDay(START);
    const st = refDay(START - 1);
    const target = { m: (ELB_PATH[2014] as { m: number }).m * this.scale, w: (ELB_PATH[2014] as { w: number }).w * this.scale };
    const count = { m: 0, w: 0 };
    const built: { hh: Household; members: { p: Person; role: Role; from: number }[]; start: number }[] = [];
    while (count.m < target.m || count.w < target.w) {
      const refugee = r.chance(0.03);
      let type = this.randomType(refugee);
      let sex: Sex | undefined;
      if (count.m >= target.m) {
        sex = 'w';
        if (type === 'couple' || type === 'family') type = 'singleParent';
      } else if (count.w >= target.w) {
        sex = 'm';
        type = 'single';
      }
      const years = r.weighted<[number, number]>([
        [[0, 1], 22],
        [[1, 2], 13],
        [[2, 4], 17],
        [[4, 7], 20],
        [[7, 10], 28],
      ]);
      let start = d0 - r.between(years[0] * 365 + 1, years[1] * 365);
      if (start < EARLIEST_START) start = EARLIEST_START + r.int(60);
      const b = this.buildHousehold(type, { d: d0 - 1, refugee, sex, start });
      const head = b.members[0]?.p as Person;
      const adultFrom = anniversaryDay(head.birth, 18);
      if (start < adultFrom) start = Math.min(adultFrom, d0 - 30);
      for (const m of b.members) {
        if (m.role !== 'child') m.from = start;
        else m.from = Math.max(start, m.p.birth);
        if (m.role === 'partner' && m.from < anniversaryDay(m.p.birth, 18)) m.from = anniversaryDay(m.p.birth, 18);
        if (ageAt(m.p.birth, st) >= 15) count[m.p.sex]++;
      }
      built.push({ ...b, start });
    }
    // enter and replay everything before 2015 in order of time
    for (const b of built) {
      const first = Math.min(...b.members.map((m) => m.from));
      this.step = Number.NEGATIVE_INFINITY;
      for (const m of childrenFirst(b.members)) {
        if (m.from === first) this.enter(m.p, b.hh, m.role, m.from);
      }
      this.activate(b.hh, first);
      for (const m of b.members) {
        if (m.from !== first) {
          this.enter(m.p, b.hh, m.role, m.from);
          this.setTeam(m.p, this.teamFor(m.p, b.hh, m.from, b.hh.team), m.from);
        }
      }
      // Aufstocker: some adults already worked when 2015 began
      for (const m of b.members) {
        if (m.role === 'child') continue;
        const age = ageAt(m.p.birth, d0);
        if (age > 60) continue;
        if (r.chance(0.13)) {
          const from = Math.max(m.from + 1, d0 - r.between(60, 5 * 365));
          this.startJob(m.p, 'regular', from, r.chance(0.5) ? null : r.between(6, 48), r.between(15, 30));
          this.setLabour(m.p, 'employed', Math.max(from, m.p.labour?.from ?? from));
        } else if (r.chance(0.08)) {
          const from = Math.max(m.from + 1, d0 - r.between(30, 3 * 365));
          this.startJob(m.p, 'minijob', from, r.between(3, 30), r.between(5, 11));
        }
      }
    }
    this.entrants.clear();
    this.step = Number.NEGATIVE_INFINITY;
    const past = [...this.events.keys()].filter((k) => k < START).sort((a, b) => a - b);
    for (const k of past) {
      this.step = k;
      this.processEvents(k);
      this.events.delete(k);
    }
    this.entrants.clear();
    this.step = START - 1;
    this.prevStock = this.stockOn(st);
    this.initialRatio = this.prevStock.length / Math.max(1, new Set(this.prevStock.map((p) => p.hh)).size);
  }

  private stockOn(st: number): Person[] {
    const out: Person[] = [];
    for (const hh of this.active) for (const p of hh.members) if (profileIsElb(this.profile(p), st)) out.push(p);
    return out;
  }

  // -------------------------------------------------------------------------------------------------
  // Rules (people/rules.ts), cached per person until the benefit history changes

  private benefitSpans(p: Person): BenefitSpan[] {
    return p.spans.map((s) => ({
      from: fromDay(s.from),
      to: s.to === OPEN ? null : fromDay(s.to),
      employable: s.employable,
      otherJobcenter: s.other,
    }));
  }

  private profile(p: Person) {
    if (p.profileVer !== p.ver || !p.profile) {
      p.profile = elbProfile(p.birthIso, this.benefitSpans(p));
      p.profileVer = p.ver;
    }
    return p.profile;
  }

  /** Receipt began (bridged as BA's "bisherige Verweildauer") before 15 December 2015. */
  private over4Cohort(p: Person, st: number): boolean {
    if (p.startVer !== p.ver) {
      const start = receiptStartOn(this.benefitSpans(p), fromDay(st));
      p.receiptStart = start === null ? Number.POSITIVE_INFINITY : start <= OLD_CUTOFF ? 0 : 1;
      p.startVer = p.ver;
    }
    return p.receiptStart === 0;
  }

  /** Flags on ST(m), computed once per person and month (bit 1 eLb, 2 LZB, 4 over 4 years, 8 under 25). */
  private flags(p: Person, m: number, st: number): number {
    if (p.fStep === m && p.fVer === p.ver) return p.fBits;
    const profile = this.profile(p);
    let bits = 0;
    if (profileIsElb(profile, st)) {
      bits = 1;
      if (profileIsLongTermRecipient(profile, st)) bits |= 2;
      // would be a long-term recipient in December 2019 if still in receipt then
      if (m >= STEER.lzb && m <= D2019 && profileIsLongTermRecipient(profile, REF_2019)) bits |= 16;
      if (this.over4Cohort(p, st)) bits |= 4;
      if (ageAt(p.birth, st) < 25) bits |= 8;
    }
    p.fStep = m;
    p.fVer = p.ver;
    p.fBits = bits;
    return bits;
  }

  // -------------------------------------------------------------------------------------------------
  // Targets

  private elbTarget(m: number, sex: Sex): number {
    // the report's Decembers in whole persons, adding up over shards
    if (m === D2018 || m === D2019) return this.goals[`elb${m === D2018 ? 18 : 19}${sex}`];
    const year = Math.floor(m / 12); // months after Dec(year−1) up to Dec(year)
    const prev = ELB_PATH[year - 1] ?? ELB_PATH[2014];
    const next = ELB_PATH[year] ?? ELB_PATH[2020];
    const t = (m - DEC(year - 1)) / 12;
    const a = (prev as { m: number; w: number })[sex];
    const b = (next as { m: number; w: number })[sex];
    return (a + (b - a) * t) * this.scale;
  }

  /** Linear path from the value at the start of steering to the report's value in December 2019. */
  /** Long-term recipients: to the report's December 2018 value, then (as "LZB in December 2019") to 2019's. */
  private lzbTarget(m: number): number {
    const s = this.scale;
    return m <= D2018
      ? this.path2(STEER.lzb, D2018, m, REPORT.lzbYearBefore.value * s, this.steerStart.lzb ?? 0)
      : this.path2(D2018 + 1, D2019, m, REPORT.lzb.value * s, this.steerStart.lzb19 ?? 0);
  }

  private path2(from: number, to: number, m: number, goal: number, fromValue: number): number {
    const t = Math.min(1, (m - (from - 1)) / (to - (from - 1)));
    return fromValue + (goal - fromValue) * t;
  }

  private path(from: number, m: number, goal: number, fromValue: number): number {
    const t = Math.min(1, (m - (from - 1)) / (D2019 - (from - 1)));
    return fromValue + (goal - fromValue) * t;
  }

  // -------------------------------------------------------------------------------------------------
  // One month

  private runStep(m: number) {
    this.step = m;
    this.entrants.clear();
    this.leftThisStep.clear();
    const st = refDay(m);
    this.processEvents(m);
    this.births(m);
    this.integrations(m);
    this.otherJobs(m);
    this.internalChanges(m);
    const entries = this.entries(m);
    this.processEvents(m);
    const exits = this.controlledExits(m);
    this.endOfStep(m, st, entries, exits);
  }

  private births(m: number) {
    const r = this.r.events;
    const lo = refDay(m - 1) + 1;
    const hi = refDay(m);
    const list = [...this.active];
    for (const hh of list) {
      if (!hh.active) continue;
      for (const mother of hh.members) {
        if (mother.sex !== 'w' || (mother.role !== 'applicant' && mother.role !== 'partner')) continue;
        const age = ageAt(mother.birth, hi);
        if (age < 18 || age > 44) continue;
        const p = (hh.refugee ? 0.0095 : 0.0052) * (age > 38 ? 0.4 : 1);
        if (!r.chance(p)) continue;
        if (hh.members.filter((c) => c.role === 'child').length >= 3 && r.chance(0.5)) break;
        let from = lo;
        for (const x of hh.members) from = Math.max(from, this.earliestExit(x));
        if (from > hi) break;
        const birth = r.between(from, hi);
        const head = hh.members.find((x) => x.role === 'applicant') ?? mother;
        const child = this.newPerson({
          sex: r.chance(0.51) ? 'm' : 'w',
          birth,
          nationality: mother.nationality,
          familyName: head.familyName,
          refugee: false,
        });
        this.enter(child, hh, 'child', birth);
        this.setTeam(child, hh.team, birth);
        if (mother.labour && mother.labour.value !== 'employed' && mother.labour.from < birth && r.chance(0.8))
          this.setLabour(mother, 'not_available', birth);
        break;
      }
    }
  }

  private integrations(m: number) {
    const year = ym(m)[0];
    const r = this.r.jobs;
    const stock = { m: 0, w: 0 };
    for (const p of this.prevStock) stock[p.sex]++;
    const total = stock.m + stock.w;
    const rate = (INTEGRATION_RATE_PATH[year] ?? 20) / 100;
    const rm = REPORT.integrationRateMen.value / 100;
    const rw = REPORT.integrationRateWomen.value / 100;
    let qm: number;
    let qw: number;
    if (year === 2019) {
      qm = (rm / 12) * stock.m;
      qw = (rw / 12) * stock.w;
    } else {
      // the report's rate for the year, shared between men and women as in 2019
      const lambda = total ? (rate * total) / (rm * stock.m + rw * stock.w) : 0;
      qm = ((lambda * rm) / 12) * stock.m;
      qw = ((lambda * rw) / 12) * stock.w;
    }
    const need = { m: this.quota.intM.take(qm), w: this.quota.intW.take(qw) };
    const st = refDay(m - 1);
    const picked = new Set<Person>();
    const eligible = (p: Person) =>
      p.hh !== null &&
      p.exitDay < 0 &&
      p.hh.exitDay < 0 &&
      !picked.has(p) &&
      !(
        p.mainJob &&
        (p.mainJob.from > firstDay(m - 4) || p.mainJob.kind.startsWith('public') || p.mainJob.kind === 'subsidised_16e')
      ) &&
      this.earliestExit(p) <= refDay(m);
    // § 16e (Teilhabechancengesetz, from 2019; report 5.3: 12 on 1.12.2019, 9 m / 3 w), part of the quota
    if (year === 2019 && m < D2019) {
      const left = D2019 - m;
      const slots = {
        m: this.quota.j16eM.take((this.goals.j16eM - this.plan16.eM) / left),
        w: this.quota.j16eW.take((this.goals.j16eW - this.plan16.eW) / left),
      };
      for (const sex of ['m', 'w'] as const) {
        if (slots[sex] <= 0) continue;
        const pool = this.prevStock.filter((p) => p.sex === sex && eligible(p) && ageAt(p.birth, st) >= 25 && this.wasLzb(p, st));
        for (let i = 0; i < slots[sex] && pool.length; i++) {
          const p = pool.splice(r.int(pool.length), 1)[0] as Person;
          picked.add(p);
          this.integrate(p, 'subsidised_16e', m);
          this.integrationCount++;
          need[sex]--;
          if (sex === 'm') this.plan16.eM++;
          else this.plan16.eW++;
        }
      }
    }
    // drawn from last month's stock by weight (rejection sampling: no pass over the whole stock)
    const stockSize = this.prevStock.length;
    for (const sex of ['m', 'w'] as const) {
      let n = need[sex];
      let tries = 0;
      while (n > 0 && tries++ < 200 * (need[sex] + 10) && stockSize) {
        const p = this.prevStock[r.int(stockSize)] as Person;
        if (p.sex !== sex || picked.has(p) || !eligible(p)) continue;
        if (!r.chance(this.integrationWeight(p, st) / MAX_INTEGRATION_WEIGHT)) continue;
        picked.add(p);
        n--;
        this.integrate(p, this.integrationKind(p, st), m);
        this.integrationCount++;
      }
    }
  }

  /** Long-term recipient on ST(m−1), from the flags of the previous month where known. */
  private wasLzb(p: Person, st: number): boolean {
    if (p.fStep === this.step - 1 && refDay(this.step - 1) === st) return (p.fBits & 2) !== 0;
    return profileIsLongTermRecipient(this.profile(p), st);
  }

  private integrationWeight(p: Person, st: number): number {
    const age = ageAt(p.birth, st);
    let w = age < 18 ? 0.35 : age < 25 ? 1.6 : age < 35 ? 1.4 : age < 50 ? 1.0 : age < 58 ? 0.6 : 0.22;
    const labour = p.labour?.value;
    w *=
      labour === 'job_seeking'
        ? 1.3
        : labour === 'employed'
          ? 0.7
          : labour === 'training'
            ? 0.6
            : labour === 'not_available'
              ? 0.12
              : labour === 'measure'
                ? 0.9
                : 1;
    if (p.refugee) w *= 0.9;
    if (p.rehaTeam) w *= 0.5;
    if (this.wasLzb(p, st)) w *= 0.55;
    return w;
  }

  private integrationKind(p: Person, st: number): EmploymentKind {
    const r = this.r.jobs;
    const age = ageAt(p.birth, st);
    if (age < 25)
      return r.weighted<EmploymentKind>([
        ['vocational_training', 36],
        ['regular', 54],
        ['subsidised_egz', 5],
        ['subsidised_16b', 2],
        ['self_employment', 3],
      ]);
    return r.weighted<EmploymentKind>([
      ['regular', 80],
      ['subsidised_egz', 8],
      ['subsidised_16b', 3],
      ['self_employment', 5],
      ['vocational_training', 4],
    ]);
  }

  /** A job start that counts as integration; the household may leave receipt a month or two later. */
  private integrate(p: Person, kind: EmploymentKind, m: number) {
    const r = this.r.jobs;
    const hh = p.hh as Household;
    const from = Math.min(refDay(m), Math.max(this.entryDay(m, 0.65), this.earliestExit(p)));
    const months: number | null =
      kind === 'vocational_training'
        ? r.chance(0.15)
          ? r.between(3, 30)
          : 36
        : kind === 'subsidised_16e'
          ? 24
          : kind === 'subsidised_egz'
            ? r.between(12, 36)
            : kind === 'subsidised_16b'
              ? r.between(6, 24)
              : kind === 'self_employment'
                ? r.chance(0.4)
                  ? null
                  : r.between(12, 60)
                : r.weighted<number | null>([
                    [r.between(2, 6), 28],
                    [r.between(7, 18), 22],
                    [r.between(19, 48), 20],
                    [null, 30],
                  ]);
    const hours =
      kind === 'self_employment'
        ? null
        : kind === 'vocational_training'
          ? 39
          : kind === 'subsidised_16e'
            ? r.between(30, 39)
            : r.weighted<number>([
                [r.between(35, 40), 55],
                [r.between(20, 34), 35],
                [r.between(15, 19), 10],
              ]);
    this.startJob(p, kind, from, months, hours);
    // leaving receipt because of the income (whole household, or an under-25 on their own)
    const adults = hh.members.filter((x) => x.role === 'applicant' || x.role === 'partner').length;
    const kids = hh.members.filter((x) => x.role === 'child').length;
    const pExit =
      kind === 'subsidised_16e'
        ? 0
        : p.role === 'child' || p.role === 'other'
          ? 0.45
          : kids === 0
            ? adults === 1
              ? 0.62
              : 0.5
            : adults === 1
              ? 0.32
              : 0.3;
    const shortJob = months !== null && months < 3;
    if (!shortJob && hh.keepUntil < m && r.chance(hh.refugee ? pExit * 0.8 : pExit)) {
      const exit = firstDay(m + (r.chance(0.65) ? 1 : 2));
      if (p.role === 'child' || p.role === 'other') {
        p.exitDay = exit;
        this.schedule({ day: exit, kind: 'pExit', p });
      } else {
        hh.exitDay = exit;
        this.schedule({ day: exit, kind: 'hhExit', hh });
      }
    }
    if (p.labour && p.labour.from < from) this.setLabour(p, 'employed', from);
  }

  private otherJobs(m: number) {
    const r = this.r.jobs;
    const year = ym(m)[0];
    const st = refDay(m - 1);
    // Bundesprogramm "Soziale Teilhabe am Arbeitsmarkt" 2017–2018, from which 27 persons moved to § 16i in 2019
    if (m >= 2017 * 12 && m < 2017 * 12 + 4) {
      const n = this.quota.teilhabe.take(this.goals.teilhabe / 4);
      const pool = this.prevStock.filter(
        (p) => p.hh && p.exitDay < 0 && p.hh.exitDay < 0 && !p.mainJob && ageAt(p.birth, st) >= 30 && ageAt(p.birth, st) < 58,
      );
      for (let i = 0; i < n && pool.length; i++) {
        const p = pool.splice(r.int(pool.length), 1)[0] as Person;
        if (!this.wasLzb(p, st)) {
          i--;
          continue;
        }
        const from = Math.max(firstDay(m), this.earliestExit(p));
        const job = this.startJob(p, 'public_16d', from, null, r.between(25, 30));
        job.to = day(2019, 1, 1);
        job.employer = 'Bundesprogramm Soziale Teilhabe am Arbeitsmarkt (Demo-Träger)';
        this.setLabour(p, 'measure', from);
        (p.hh as Household).keepUntil = D2019;
        this.teilhabe.push(p);
      }
    }
    // § 16i (Teilhabe am Arbeitsmarkt, from 2019): report 5.3, 90 on 1.12.2019 (43 m / 47 w)
    if (year === 2019 && m <= DEC(2019) - 1) {
      if (m === 2019 * 12) {
        for (const p of this.teilhabe) {
          if (p.gone) continue;
          this.startJob(p, 'public_16i', day(2019, 1, 1), null, r.between(30, 39));
          if (p.hh && p.labour) this.setLabour(p, 'employed', Math.max(day(2019, 1, 1), p.labour.from + 1));
          if (p.sex === 'm') this.plan16.iM++;
          else this.plan16.iW++;
        }
      }
      const left = DEC(2019) - m;
      const want = {
        m: this.quota.j16iM.take((this.goals.j16iM - this.plan16.iM) / left),
        w: this.quota.j16iW.take((this.goals.j16iW - this.plan16.iW) / left),
      };
      for (const sex of ['m', 'w'] as const) {
        if (want[sex] <= 0) continue;
        const pool = this.prevStock.filter(
          (p) =>
            p.sex === sex &&
            p.hh &&
            p.exitDay < 0 &&
            p.hh.exitDay < 0 &&
            !p.mainJob &&
            ageAt(p.birth, st) >= 25 &&
            ageAt(p.birth, st) < 62 &&
            this.wasLzb(p, st),
        );
        for (let i = 0; i < want[sex] && pool.length; i++) {
          const p = pool.splice(r.int(pool.length), 1)[0] as Person;
          const from = Math.max(firstDay(m), ...(p.hh as Household).members.map((x) => this.earliestExit(x)));
          this.startJob(p, 'public_16i', from, r.chance(0.3) ? 60 : null, r.between(30, 39));
          this.setLabour(p, 'employed', from);
          (p.hh as Household).keepUntil = D2019;
          if (sex === 'm') this.plan16.iM++;
          else this.plan16.iW++;
        }
      }
    }
    for (const p of this.prevStock) {
      if (!p.hh || p.exitDay >= 0) continue;
      const labour = p.labour?.value;
      const age = ageAt(p.birth, st);
      if (labour !== 'unemployed' && labour !== 'job_seeking' && labour !== 'not_available') continue;
      // mini-jobs (K2E1)
      if (!p.minijob && age >= 16 && r.chance(0.008)) {
        const from = Math.max(this.entryDay(m, 0.5), this.earliestExit(p));
        if (from <= refDay(m)) this.startJob(p, 'minijob', from, r.between(3, 30), r.between(5, 11));
      }
      if (labour === 'not_available' || p.mainJob || age < 18 || age > 62) continue;
      // work opportunities (§ 16d) and measures: labour-market status "in a measure" for some months
      const lzb = this.wasLzb(p, st);
      if (lzb && r.chance(0.0025)) {
        const from = Math.max(firstDay(m), this.earliestExit(p));
        if (from > refDay(m)) continue;
        const job = this.startJob(p, 'public_16d', from, r.between(6, 10), r.between(20, 30));
        this.setLabour(p, 'measure', from);
        const status = p.labour as StatusPeriod;
        this.schedule({ day: job.to, kind: 'labourBack', p, status });
      } else if (r.chance(lzb ? 0.024 : 0.017)) {
        const from = Math.max(this.entryDay(m, 0.3), this.earliestExit(p));
        if (from > refDay(m)) continue;
        this.setLabour(p, 'measure', from);
        const status = p.labour as StatusPeriod;
        this.schedule({ day: addMonthsToDay(from, r.between(2, 9)), kind: 'labourBack', p, status });
      } else if (r.chance(0.005)) {
        const from = Math.max(this.entryDay(m, 0.3), this.earliestExit(p));
        if (from <= refDay(m)) this.setLabour(p, labour === 'unemployed' ? 'job_seeking' : 'unemployed', from);
      }
    }
  }

  private internalChanges(m: number) {
    const r = this.r.misc;
    const hi = refDay(m);
    const list = [...this.active];
    for (const hh of list) {
      if (!hh.active || hh.exitDay >= 0 || this.entrants.has(hh)) continue;
      const u = r.float();
      const partner = hh.members.find((x) => x.role === 'partner');
      // moving house within the district; separation; a new partner; disability recognised
      const event = u < 0.0035 ? 'move' : u < 0.0047 ? (partner ? 'separation' : 'newPartner') : u < 0.0055 ? 'disability' : null;
      if (!event) continue;
      let earliest = Math.max(firstDay(m), hh.lastChange + 1);
      for (const x of hh.members) earliest = Math.max(earliest, this.earliestExit(x));
      const d = Math.max(earliest, this.entryDay(m, 0.6));
      if (d > hi) continue;
      if (event === 'move') {
        const mun = this.municipality();
        const pc = r.pick(mun.postcodes);
        hh.municipality = mun;
        hh.postcode = pc.code;
        hh.street = `${r.pick(STREETS)} ${r.between(1, 120)}`;
        for (const p of hh.members) {
          p.street = hh.street;
          p.postcode = hh.postcode;
          p.city = mun.name;
        }
        this.refreshTeams(hh, d);
      } else if (event === 'separation' && partner) {
        // the partner moves out, with a household of their own or out of receipt
        if (partner.exitDay >= 0) continue;
        this.leave(partner, d);
        if (r.chance(0.5) && !partner.gone) {
          const own = this.newHousehold(this.municipality(), hh.refugee);
          this.enter(partner, own, 'applicant', d);
          this.activate(own, d);
        } else this.formerPersons.push(partner);
        this.refreshTeams(hh, d);
      } else if (event === 'newPartner') {
        const head = hh.members.find((x) => x.role === 'applicant');
        if (!head) continue;
        const age = ageAt(head.birth, d);
        if (age < 20 || age > 58 || r.chance(0.35)) continue;
        const p = this.newPerson({
          sex: head.sex === 'm' ? 'w' : 'm',
          birth: birthForAge(r, Math.max(18, age + r.between(-5, 5)), d),
          nationality: r.chance(0.7) ? head.nationality : 'DE',
          refugee: false,
        });
        this.enter(p, hh, 'partner', d);
        this.refreshTeams(hh, d);
      } else {
        const p = r.pick(hh.members);
        if (!p.labour || ageAt(p.birth, d) < 40 || p.statuses.some((s) => s.kind === 'severe_disability')) continue;
        this.addStatus(p, 'severe_disability', r.chance(0.7) ? 'recognised' : 'equivalent', d);
        if (r.chance(0.4)) {
          p.rehaTeam = true;
          this.refreshTeams(hh, d);
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Entries

  private reenter(hh: Household, d: number) {
    const members = hh.former.filter(
      (p) =>
        !p.gone &&
        p.hh === null &&
        p.role === null &&
        p.lastExit < d &&
        ageAt(p.birth, d) < 64 &&
        !(p.memberships[p.memberships.length - 1]?.role === 'child' && ageAt(p.birth, d) >= 25),
    );
    const head = members.find((p) => p.memberships[p.memberships.length - 1]?.role === 'applicant');
    if (!head || members.some((p) => p.lastExit >= d)) return 0;
    let elb = 0;
    for (const p of [...members].sort(
      (a, b) => Number(a.memberships.at(-1)?.role !== 'child') - Number(b.memberships.at(-1)?.role !== 'child'),
    )) {
      const role = p.memberships[p.memberships.length - 1]?.role as Role;
      this.enter(p, hh, role, d);
      if (ageAt(p.birth, refDay(this.step)) >= 15) elb++;
    }
    this.formerPersons = this.formerPersons.filter((p) => !members.includes(p));
    this.activate(hh, d);
    return elb;
  }

  private entries(m: number): number {
    const r = this.r.entries;
    const year = ym(m)[0];
    const half = `${year}-${ym(m)[1] <= 6 ? 1 : 2}`;
    const total = this.prevStock.length;
    let wanted = this.quota.inflow.take((INFLOW_RATE[year] ?? 0.025) * total);
    let wantedRefugee = this.quota.refugeeInflow.take((REFUGEE_INFLOW[half] ?? 0) * this.scale);
    let added = 0;
    // returning households (most within a year of leaving)
    const keep: Household[] = [];
    for (const hh of this.former) {
      if (hh.active) {
        hh.inPool = false;
        continue;
      }
      const months = m - windowMonth(hh.lastExit);
      if (months > 60) {
        hh.inPool = false;
        continue;
      }
      keep.push(hh);
      const hazard = months <= 3 ? 0.03 : months <= 12 ? 0.016 : months <= 24 ? 0.007 : 0.0025;
      if (wanted > 0 && r.chance(hazard)) {
        const n = this.reenter(hh, this.entryDay(m));
        wanted -= n;
        added += n;
        if (hh.active) hh.inPool = false;
      }
    }
    this.former = keep.filter((hh) => !hh.active);
    // persons who left on their own come back with a household of their own
    const keepP: Person[] = [];
    for (const p of this.formerPersons) {
      if (p.gone || p.hh) continue;
      const months = m - windowMonth(p.lastExit);
      if (months > 48 || ageAt(p.birth, firstDay(m)) >= 63) continue;
      keepP.push(p);
      if (wanted > 0 && ageAt(p.birth, firstDay(m)) >= 18 && r.chance(months <= 12 ? 0.012 : 0.004)) {
        const d = Math.max(this.entryDay(m), p.lastExit + 1);
        const own = this.newHousehold(this.municipality(), p.refugee);
        this.enter(p, own, 'applicant', d);
        this.activate(own, d);
        wanted--;
        added++;
      }
    }
    this.formerPersons = keepP.filter((p) => !p.hh);
    const st = refDay(m);
    const elbOf = (hh: Household) => {
      let n = 0;
      for (const p of hh.members) if (this.flags(p, m, st) & 1) n++;
      return n;
    };
    // new households
    const build = (refugee: boolean, type?: HouseholdType, sex?: Sex, ageBand?: [number, number]) => {
      const d = this.entryDay(m);
      const b = this.buildHousehold(type ?? this.randomType(refugee), { d, refugee, sex, ageBand });
      if (!refugee && r.chance(0.045)) for (const x of b.members) if (x.role !== 'child') this.addOtherJobcenterHistory(x.p, d);
      // some start with a job already (too little income to live on)
      for (const x of b.members) {
        if (x.role === 'child' || ageAt(x.p.birth, d) > 60) continue;
        if (r.chance(0.08)) {
          const from = addMonthsToDay(d, -r.between(3, 36));
          if (from > x.p.birth + 16 * 365)
            this.startJob(x.p, 'regular', from, r.chance(0.5) ? null : r.between(6, 36), r.between(12, 30));
        }
      }
      this.enterNew(b.hh, b.members, d);
      return b.hh;
    };
    while (wanted > 0) {
      const n = elbOf(build(false));
      wanted -= n;
      added += n;
    }
    while (wantedRefugee > 0) {
      const n = elbOf(build(true));
      wantedRefugee -= n;
      added += n;
    }
    // the composition follows its path: more young people or more refugees when the stock lags behind
    const current = { m: 0, w: 0, u25m: 0, u25w: 0, refugee: 0 };
    for (const hh of this.active)
      for (const p of hh.members) {
        const f = this.flags(p, m, st);
        if (!(f & 1)) continue;
        if (p.exitDay < 0 && hh.exitDay < 0) current[p.sex]++;
        if (f & 8) current[p.sex === 'm' ? 'u25m' : 'u25w']++;
        if (p.refugee) current.refugee++;
      }
    const cap = Math.ceil(0.01 * total);
    const capLzb = Math.ceil(0.03 * total);
    if (m >= STEER.u25 && m <= D2019) {
      for (const sex of ['m', 'w'] as const) {
        const key = sex === 'm' ? 'u25m' : 'u25w';
        const goal = sex === 'm' ? REPORT.u25Men.value : REPORT.u25Women.value;
        const target = this.path(STEER.u25, m, goal * this.scale, this.steerStart[key] ?? 0);
        let n = 0;
        while (current[key] < target && n < cap) {
          const hh = build(false, sex === 'w' && r.chance(0.3) ? 'singleParent' : 'single', sex, [18, 23]);
          for (const p of hh.members)
            if (this.flags(p, m, st) & 1) {
              n++;
              added++;
              current[p.sex]++;
              if (this.flags(p, m, st) & 8) current[p.sex === 'm' ? 'u25m' : 'u25w']++;
            }
        }
      }
    }
    if (m >= STEER.refugee && m <= D2019) {
      const goal = (REPORT.refugeeShare.value / 100) * REPORT.elb.value * this.scale;
      const target = this.path(STEER.refugee, m, goal, this.steerStart.refugee ?? 0);
      let n = 0;
      while (current.refugee < target && n < cap) {
        const hh = build(true);
        for (const p of hh.members)
          if (this.flags(p, m, st) & 1) {
            n++;
            added++;
            current.refugee++;
            current[p.sex]++;
          }
      }
    }
    // short interruptions: households that left a month or two ago come back (their members stay long-term
    // recipients, a break of up to 92 days in 730 allowed) when the long-term recipients lag their path
    if (m >= STEER.lzb && m <= D2019) {
      const bit = m > D2018 ? 16 : 2;
      let lzb = 0;
      for (const hh of this.active) for (const p of hh.members) if (this.flags(p, m, st) & bit) lzb++;
      const target = this.lzbTarget(m);
      const recent = this.former.filter((hh) => !hh.active && m - windowMonth(hh.lastExit) <= 2);
      let n = 0;
      while (lzb < target && n < capLzb && recent.length) {
        const hh = recent.splice(r.int(recent.length), 1)[0] as Household;
        const d = this.entryDay(m);
        const elb = this.reenter(hh, d);
        if (!elb) continue;
        hh.inPool = false;
        for (const p of hh.members) {
          const f = this.flags(p, m, st);
          if (!(f & 1)) continue;
          n++;
          added++;
          current[p.sex]++;
          if (f & bit) lzb++;
          if (f & 8) current[p.sex === 'm' ? 'u25m' : 'u25w']++;
          if (p.refugee) current.refugee++;
        }
      }
      this.former = this.former.filter((hh) => !hh.active);
    }
    // enough entries that the controller still chooses exits (the stock follows its path from above)
    for (const sex of ['m', 'w'] as const) {
      const floor = this.elbTarget(m, sex) * 1.012;
      let guard = 0;
      while (current[sex] < floor && guard++ < 10_000) {
        const type = this.randomType(false);
        const hh = build(false, type, type === 'single' || type === 'singleParent' ? sex : undefined);
        for (const p of hh.members)
          if (this.flags(p, m, st) & 1) {
            current[p.sex]++;
            added++;
          }
      }
    }
    return added;
  }

  // -------------------------------------------------------------------------------------------------
  // Exits chosen by the controller

  private controlledExits(m: number): number {
    const st = refDay(m);
    const year = ym(m)[0];
    const r = this.r.exits;
    // current values on ST(m), as if nobody else left. In 2019 the long-term recipients steered are those
    // who would still be long-term recipients in December 2019 (nobody can join them after March 2018).
    const lzbBit = m > D2018 ? 16 : 2;
    const value = new Float64Array(DIMS);
    const elbIn = new Map<Household, number>();
    for (const hh of this.active) {
      let n = 0;
      for (const p of hh.members) {
        const f = this.flags(p, m, st);
        if (!(f & 1)) continue;
        n++;
        bump(value, p.sex === 'm' ? DIM.m : DIM.w);
        if (f & 8) bump(value, p.sex === 'm' ? DIM.u25m : DIM.u25w);
        if (f & lzbBit) bump(value, DIM.lzb);
        if (f & 4) bump(value, DIM.over4);
        if (p.refugee) bump(value, DIM.refugee);
      }
      elbIn.set(hh, n);
      if (n) bump(value, DIM.households);
    }
    const steerMoney = m >= STEER.subsistence && m <= D2019;
    const claimsNow = new Map<Household, number>();
    if (steerMoney) {
      if (m === STEER.subsistence) this.subsistence2018 = this.subsistenceOf(D2018) / 100;
      let sum = 0;
      for (const hh of [...this.active, ...this.leftThisStep]) {
        const c = claimsInMonth(hh, m);
        if (!c) continue;
        sum += c.standard + c.additional;
        if (hh.active) claimsNow.set(hh, c.standard + c.additional);
      }
      value[DIM.subsistence] = sum / 100;
    }

    // targets: need = current − target. Weights in the rounds: 1 / (this month's expected flow)², so that a
    // dimension's relative miss counts, not its size; in the polish: eLb by sex exactly, and in the report's
    // Decembers the other figures too.
    const need = new Float64Array(DIMS);
    const weight = new Float64Array(DIMS);
    const final = new Float64Array(DIMS);
    const s = this.scale;
    const leaving = Math.max(
      0.005,
      ((value[DIM.m] as number) - this.elbTarget(m, 'm') + (value[DIM.w] as number) - this.elbTarget(m, 'w')) /
        Math.max(1, (value[DIM.m] as number) + (value[DIM.w] as number)),
    );
    const set = (k: keyof typeof DIM, target: number, importance: number, finalTol: number | null) => {
      const i = DIM[k];
      need[i] = (value[i] as number) - target;
      const flow = Math.max(3, Math.abs(value[i] as number) * leaving);
      weight[i] = importance / (flow * flow);
      final[i] = finalTol === null ? (weight[i] as number) : 1 / (finalTol * finalTol);
    };
    const dec = (x: number, exact: boolean) => (exact ? Math.max(0.5, Math.abs(x) * 0.002) : null);
    const exact18 = m === D2018 || m === D2019;
    set('m', this.elbTarget(m, 'm'), 4, exact18 ? 0.1 : 0.3);
    set('w', this.elbTarget(m, 'w'), 4, exact18 ? 0.1 : 0.3);
    const s19 = m === D2019;
    if (m >= STEER.u25 && m <= D2019) {
      const tm = this.path(STEER.u25, m, REPORT.u25Men.value * s, this.steerStart.u25m ?? 0);
      const tw = this.path(STEER.u25, m, REPORT.u25Women.value * s, this.steerStart.u25w ?? 0);
      set('u25m', tm, 1, dec(tm, s19));
      set('u25w', tw, 1, dec(tw, s19));
    }
    if (m >= STEER.lzb && m <= D2019) {
      const t = this.lzbTarget(m);
      set('lzb', t, 1, dec(t, exact18));
    }
    if (m >= STEER.over4Years && m <= D2019) {
      const goal = (REPORT.over4YearsShare.value / 100) * REPORT.elb.value * s;
      // the cohort that began before 15.12.2015 shrinks like a survival curve: fast at first, then slower
      const u = Math.min(1, (m - (STEER.over4Years - 1)) / (D2019 - (STEER.over4Years - 1)));
      const t = goal + ((this.steerStart.over4 ?? 0) - goal) * (1 - u) * (1 - 0.5 * u);
      set('over4', t, 1, dec(t, s19));
    }
    if (m >= STEER.refugee && m <= D2019) {
      const goal = (REPORT.refugeeShare.value / 100) * REPORT.elb.value * s;
      const t = this.path(STEER.refugee, m, goal, this.steerStart.refugee ?? 0);
      set('refugee', t, 1, dec(t, s19));
    }
    if (m >= STEER.households && m <= D2019) {
      const start = this.steerStart.households ?? 0;
      const t = this.path(STEER.households, m, start * (1 + REPORT.householdsChange.value / 100), start);
      set('households', t, 4, s19 ? 0.2 : null);
    } else {
      // otherwise households keep a realistic size: about 1.38 eLb per household (BA: 1.3–1.4 in SGB II)
      const elb = this.elbTarget(m, 'm') + this.elbTarget(m, 'w');
      const ratio =
        m >= START + 12
          ? ELB_PER_HOUSEHOLD
          : this.initialRatio + ((ELB_PER_HOUSEHOLD - this.initialRatio) * (m - START + 1)) / 12;
      set('households', elb / ratio, 2, null);
    }
    if (steerMoney) {
      // the Regelbedarf rose by 1.9 % in January 2019; the subsistence sum then falls to the report's −6.4 %.
      // In December a little below the goal: moving exit days later adds the rest exactly (tuneSubsistence).
      const l18 = this.subsistence2018;
      const rise = regelbedarfCents(2019, 1) / regelbedarfCents(2018, 1);
      const goal = l18 * (1 + REPORT.subsistenceChange.value / 100);
      const t = s19 ? goal * 0.995 : l18 * rise + ((goal - l18 * rise) * (m - D2018)) / 12;
      set('subsistence', t, 1, null);
    }

    // candidates: whole households and members who can leave on their own
    let count = 0;
    const addUnit = (hh: Household, p: Person | null, w: number) => {
      // not before the household's last change (a member who left on the 4th: the rest leave after)
      let e = Math.max(firstDay(m), hh.lastChange + 1);
      if (p) e = Math.max(e, this.earliestExit(p));
      else for (const x of hh.members) e = Math.max(e, this.earliestExit(x));
      if (e > st) return;
      this.ensureUnits(count + 1);
      const base = count * DIMS;
      const c = this.u.contrib;
      c.fill(0, base, base + DIMS);
      let elb = 0;
      const add = (x: Person) => {
        const f = x.fBits;
        if (!(f & 1)) return;
        elb++;
        bump(c, base + (x.sex === 'm' ? DIM.m : DIM.w));
        if (f & 8) bump(c, base + (x.sex === 'm' ? DIM.u25m : DIM.u25w));
        if (f & lzbBit) bump(c, base + DIM.lzb);
        if (f & 4) bump(c, base + DIM.over4);
        if (x.refugee) bump(c, base + DIM.refugee);
      };
      if (p) add(p);
      else for (const x of hh.members) add(x);
      c[base + DIM.households] = elb && (p === null || elb === elbIn.get(hh)) ? 1 : 0;
      if (steerMoney) {
        if (p === null) c[base + DIM.subsistence] = (claimsNow.get(hh) ?? 0) / 100;
        else c[base + DIM.subsistence] = regelbedarfCents(year, stufeOf(p.role ?? 'other', ageAt(p.birth, st), true)) / 100;
      }
      this.u.weight[count] = w;
      this.u.group[count] = hh.n;
      this.u.earliest[count] = e;
      this.u.hh[count] = hh;
      this.u.person[count] = p;
      count++;
    };
    // outside the report's Decembers a uniform sample of the households suffices as candidates
    const sample = exact18 ? 1 : Math.min(1, 3000 / Math.max(1, this.active.length));
    for (const hh of this.active) {
      if (hh.exitDay >= 0 || this.entrants.has(hh) || hh.keepUntil >= m) continue;
      if (sample < 1 && !r.chance(sample)) continue;
      const head = hh.members.find((x) => x.role === 'applicant');
      if (!head) continue;
      const months = m - windowMonth(this.receiptStartDay(head));
      const base = months < 6 ? 3 : months < 12 ? 2 : months < 24 ? 0.9 : months < 48 ? 0.65 : 0.8;
      const kids = hh.members.some((x) => x.role === 'child');
      const age = ageAt(head.birth, st);
      const w = base * (kids ? 0.7 : 1) * (hh.refugee ? 0.25 : 1) * (age < 25 ? 1.05 : age >= 50 ? 0.75 : 1);
      addUnit(hh, null, w);
      for (const p of hh.members) {
        if (p.exitDay >= 0 || p.role === 'applicant') continue;
        if (p.role === 'child' && ageAt(p.birth, st) < 18) continue;
        addUnit(hh, p, p.role === 'child' ? 0.15 : 0.12);
      }
    }
    const units: Units = {
      dims: DIMS,
      count,
      contrib: this.u.contrib.subarray(0, count * DIMS),
      weight: this.u.weight.subarray(0, count),
      group: this.u.group.subarray(0, count),
    };
    const chosen = chooseExits(units, need, weight, r, {
      samples: 24,
      finalWeights: final,
      swaps: exact18,
      exactDims: DIM.subsistence,
    });
    const closures: Closure[] = [];
    for (const u of chosen) {
      const hh = this.u.hh[u] as Household;
      const p = this.u.person[u] as Person | null;
      const e = this.u.earliest[u] as number;
      const d = Math.max(e, r.chance(0.85) ? firstDay(m) : firstDay(m) + r.between(1, 14));
      if (d > st) continue;
      const closed = p ? this.leaveIndividually(p, d) : this.exitHousehold(hh, d);
      closures.push({ closed, earliest: e, hh, p });
    }
    if (m === D2019) this.tuneSubsistence(m, closures);
    return chosen.length;
  }

  private ensureUnits(n: number) {
    if (n <= this.u.weight.length) return;
    const size = Math.max(n, this.u.weight.length * 2, 1024);
    const grow = <T extends Float64Array | Int32Array>(a: T, k: number): T => {
      const b = new (a.constructor as { new (n: number): T })(size * k);
      b.set(a);
      return b;
    };
    this.u.contrib = grow(this.u.contrib, DIMS);
    this.u.weight = grow(this.u.weight, 1);
    this.u.group = grow(this.u.group, 1);
    this.u.earliest = grow(this.u.earliest, 1);
  }

  private receiptStartDay(p: Person): number {
    // the start of the person's current span chain (cheap: contiguous spans)
    let from = p.spans[p.spans.length - 1]?.from ?? 0;
    for (let i = p.spans.length - 2; i >= 0; i--) {
      const s = p.spans[i];
      if (s && s.to >= from - 31) from = Math.min(from, s.from);
      else break;
    }
    return from;
  }

  private subsistenceOf(month: number): number {
    let sum = 0;
    for (const hh of this.households) {
      const c = claimsInMonth(hh, month);
      if (c) sum += c.standard + c.additional;
    }
    return sum;
  }

  /**
   * December 2019: moves the days of this month's exits (1st … 15th) so that the subsistence sum hits
   * the report's change on the year (−6.4 %); who is in the stock on the 15th does not change.
   */
  private tuneSubsistence(m: number, closures: Closure[]) {
    const goal = Math.round(this.subsistence2018 * 100 * (1 + REPORT.subsistenceChange.value / 100));
    let now = this.subsistenceOf(m);
    const st = refDay(m);
    const claims = (hh: Household) => {
      const c = claimsInMonth(hh, m);
      return c ? c.standard + c.additional : 0;
    };
    // too little: leavers stay some days longer (up to the 14th: not in the stock of the 15th either way)
    for (const c of closures) {
      if (now >= goal) break;
      const cur = c.closed[0]?.to as number;
      const before = claims(c.hh);
      const set = (d: number) => {
        for (const x of c.closed) x.to = d;
        for (const x of c.p ? [c.p] : c.hh.former) {
          x.lastExit = d;
          x.ver++;
        }
        if (!c.p) c.hh.lastExit = d;
      };
      set(st);
      const gain = claims(c.hh) - before;
      if (gain <= 0) {
        set(cur);
        continue;
      }
      if (now + gain <= goal) {
        now += gain;
        continue;
      }
      // part of it: the day that comes closest
      const days = Math.round((goal - now) / (gain / (st - cur)));
      set(Math.max(c.earliest, cur + days));
      now += claims(c.hh) - before;
    }
    // too much: newcomers of this month start some days later (still before the 15th)
    for (const hh of this.entrants) {
      if (now <= goal) break;
      if (!hh.active) continue;
      const start = hh.members[0]?.memberships.at(-1)?.from ?? 0;
      const periods: Period[] = [];
      let movable = true;
      for (const p of hh.members) {
        const own = [p.spans.at(-1), p.memberships.at(-1), p.teams.at(-1), p.labour ?? undefined];
        if (p.spans.length > 1 && (p.spans.at(-2) as Span).to > start && (p.spans.at(-2) as Span).hh === hh) movable = false;
        for (const x of own) {
          if (!x) continue;
          if (x.from !== start) movable = false;
          periods.push(x);
        }
        for (const x of p.statuses) if (x.from === start && x !== p.labour) periods.push(x);
      }
      if (!movable || start >= st) continue;
      const before = claims(hh);
      const set = (d: number) => {
        for (const x of periods) x.from = d;
        for (const p of hh.members) p.ver++;
      };
      set(st);
      const cut = before - claims(hh);
      if (cut <= 0) {
        set(start);
        continue;
      }
      if (now - cut >= goal) {
        now -= cut;
        continue;
      }
      const days = Math.round((now - goal) / (cut / (st - start)));
      set(start + days);
      now -= before - claims(hh);
    }
  }

  /**
   * Attributes that do not change who is in receipt are set to the report's shares exactly among the
   * job-seeking eLb of 15 December 2019 (a few persons more or fewer with the attribute): severe disability
   * 4.6 %; among those from the asylum countries, school-leaving certificate 20.5 % and vocational
   * qualification 4 % (report 2.3). Whole periods are added or removed, so the history stays consistent.
   */
  private trimStatuses() {
    const r = this.r.trim;
    const st = REF_2019;
    const covering = (p: Person, kind: StatusPeriod['kind']) =>
      p.statuses.find((x) => x.kind === kind && x.from <= st && st < x.to);
    const seeking: Person[] = [];
    for (const p of this.persons) {
      if (!profileIsElb(this.profile(p), st)) continue;
      const labour = covering(p, 'labour_market')?.value;
      if (labour === 'unemployed' || labour === 'job_seeking') seeking.push(p);
    }
    const adjust = (
      list: Person[],
      share: number,
      has: (p: Person) => boolean,
      give: (p: Person) => boolean,
      take: (p: Person) => void,
    ) => {
      const want = this.shared(`trim:${share}`, (share / 100) * list.length);
      const yes = list.filter(has);
      const no = list.filter((p) => !has(p));
      let n = yes.length;
      r.shuffle(yes);
      r.shuffle(no);
      while (n > want && yes.length) {
        take(yes.pop() as Person);
        n--;
      }
      while (n < want && no.length) if (give(no.pop() as Person)) n++;
    };
    adjust(
      seeking,
      REPORT.severeDisabilityShare.value,
      (p) => covering(p, 'severe_disability') !== undefined,
      (p) => {
        if (p.statuses.some((x) => x.kind === 'severe_disability') || ageAt(p.birth, st) < 25) return false;
        const from = Math.max(anniversaryDay(p.birth, 18), st - r.between(30, 6 * 365));
        this.addStatus(p, 'severe_disability', r.chance(0.75) ? 'recognised' : 'equivalent', from);
        return true;
      },
      (p) => {
        p.statuses = p.statuses.filter((x) => x.kind !== 'severe_disability');
      },
    );
    const asylum = seeking.filter((p) => ASYLUM_COUNTRIES.has(p.nationality));
    const set = (kind: StatusPeriod['kind'], value: string) => (p: Person) => {
      const s = covering(p, kind);
      if (!s) return false;
      s.value = value;
      return true;
    };
    adjust(
      asylum,
      REPORT.asylumSchoolShare.value,
      (p) => (covering(p, 'school_certificate')?.value ?? 'none') !== 'none',
      set('school_certificate', 'foreign'),
      set('school_certificate', 'none'),
    );
    adjust(
      asylum,
      REPORT.asylumVocationalShare.value,
      (p) => ['vocational', 'academic'].includes(covering(p, 'vocational_qualification')?.value ?? 'none'),
      set('vocational_qualification', 'vocational'),
      set('vocational_qualification', 'none'),
    );
  }

  private endOfStep(m: number, st: number, entries: number, exits: number) {
    const stat: MonthStat = {
      month: m,
      elbM: 0,
      elbW: 0,
      u25M: 0,
      u25W: 0,
      lzb: 0,
      lzb19: 0,
      over4: 0,
      refugee: 0,
      households: 0,
      entries,
      exits,
      integrations: this.integrationCount,
    };
    this.integrationCount = 0;
    const stock: Person[] = [];
    for (const hh of this.active) {
      let any = false;
      for (const p of hh.members) {
        const f = this.flags(p, m, st);
        if (!(f & 1)) continue;
        any = true;
        stock.push(p);
        if (p.sex === 'm') stat.elbM++;
        else stat.elbW++;
        if (f & 8) {
          if (p.sex === 'm') stat.u25M++;
          else stat.u25W++;
        }
        if (f & 2) stat.lzb++;
        if (f & 16) stat.lzb19++;
        if (f & 4) stat.over4++;
        if (p.refugee) stat.refugee++;
      }
      if (any) stat.households++;
    }
    this.stats.push(stat);
    this.prevStock = stock;
    if (m === STEER.u25 - 1) {
      this.steerStart.u25m = stat.u25M;
      this.steerStart.u25w = stat.u25W;
    }
    if (m === STEER.lzb - 1) this.steerStart.lzb = stat.lzb;
    if (m === D2018) this.steerStart.lzb19 = stat.lzb19;
    if (m === STEER.over4Years - 1) this.steerStart.over4 = stat.over4;
    if (m === STEER.refugee - 1) this.steerStart.refugee = stat.refugee;
    if (m === STEER.households - 1) this.steerStart.households = stat.households;
  }
}

function bump(a: Float64Array, i: number) {
  a[i] = (a[i] as number) + 1;
}

function childrenFirst<T extends { role: Role; from: number }>(members: T[]): T[] {
  return [...members].sort((a, b) => a.from - b.from || Number(a.role !== 'child') - Number(b.role !== 'child'));
}
