import type { Database } from '../../db/client.ts';
import { toDay } from '../../lib/dates.ts';
import { monthIndex, referenceDay } from '../indicators/calendar.ts';
import type { Split } from '../indicators/definitions.ts';
import type { IndicatorReport, IndicatorService } from '../indicators/service.ts';
import { listTeamRefs } from '../org/directory.ts';
import { loadPersonFacts, type PersonFacts } from '../people/facts.ts';
import { loadQualificationSpans, type QualificationSpan } from '../people/qualification-facts.ts';
import { ageOn, elbProfile, profileIsElb } from '../people/rules.ts';
import type { SubsidisedJobsTable } from './contributions.ts';

/**
 * Everything the Eingliederungsbericht shows, computed from the data: the indicator engine for the
 * December of each year, and a few cross tables (U25 by sex, qualifications) the engine has no split for,
 * asked from the people module's rules for the same reference day ST(December).
 */

export interface Ratio {
  numerator: number;
  denominator: number;
  /** Percent, or null when the denominator is 0. */
  value: number | null;
}

export interface YearStock {
  year: number;
  total: number;
  women: number;
  men: number;
  diverse: number;
  under25: number;
  age25to49: number;
  age50plus: number;
  singleParents: number;
  lzb: number;
  severeDisability: number;
  refugee: number;
  over4Years: number;
  households: number;
}

export interface IntegrationYear {
  year: number;
  total: Ratio;
  men: Ratio;
  women: Ratio;
}

export interface QualificationRow {
  code: string;
  men: number;
  women: number;
  total: number;
}

export interface ReportData {
  year: number;
  tenantName: string;
  /** ST(December) of the report year, the counting day of every stock. */
  referenceDay: string;
  series: YearStock[];
  integration: IntegrationYear[];
  changes: {
    elb: Ratio;
    elbMen: Ratio;
    elbWomen: Ratio;
    lzb: Ratio;
    households: Ratio;
    subsistence: Ratio | null;
    housing: Ratio | null;
  };
  shares: { lzb: Ratio; over4Years: Ratio; severeDisabilityJobSeeking: Ratio; refugee: Ratio };
  under25BySex: { men: number; women: number; diverse: number };
  /** Job-seeking eLb (unemployed or job-seeking) by vocational qualification and by school certificate. */
  vocational: QualificationRow[];
  school: QualificationRow[];
  /** eLb with refugee background: with a completed vocational qualification, with a school certificate. */
  refugeeQualification: { persons: number; vocational: number; school: number };
  teams: { site: string; team: string; elb: number }[];
  provisional: boolean;
}

const byCode = (r: IndicatorReport, code: string, split: Split = 'all') => {
  const s = r.structure.find((x) => x.code === code && x.scope === 'tenant' && x.split === split);
  return s
    ? { numerator: s.numerator, denominator: s.denominator, value: s.value }
    : { numerator: 0, denominator: 0, value: null };
};
const figure = (r: IndicatorReport, code: string, split: Split = 'all'): Ratio | null => {
  const f = r.figures.find((x) => x.code === code && x.scope === 'tenant' && x.split === split);
  return f ? { numerator: f.numerator, denominator: f.denominator, value: f.value } : null;
};
const zero: Ratio = { numerator: 0, denominator: 0, value: null };

function stockOf(r: IndicatorReport, year: number): YearStock {
  const elb = (split: Split) => byCode(r, 'elb', split).numerator;
  const total = elb('all');
  return {
    year,
    total,
    women: elb('sex:w'),
    men: elb('sex:m'),
    diverse: elb('sex:d'),
    under25: elb('age:under25'),
    age25to49: elb('age:25to49'),
    age50plus: elb('age:50plus'),
    singleParents: elb('single_parent'),
    lzb: elb('lzb'),
    severeDisability: elb('severe_disability'),
    refugee: elb('refugee'),
    over4Years: byCode(r, 'over4y_share').numerator,
    households: byCode(r, 'households').numerator,
  };
}

export const VOCATIONAL_ORDER = ['none', 'foreign_unrecognised', 'vocational', 'academic', 'unknown'];
export const SCHOOL_ORDER = [
  'none',
  'lower_secondary',
  'intermediate',
  'upper_secondary_fh',
  'upper_secondary',
  'foreign',
  'unknown',
];

/** Cross tables on ST(December) from the people module's facts and rules. */
export function crossTables(persons: readonly PersonFacts[], spans: readonly QualificationSpan[], day: string) {
  const dayNumber = toDay(day);
  const covers = (from: string, to: string | null) => from <= day && (to === null || day < to);
  const qualification = new Map<string, { school?: string; vocational?: string }>();
  for (const s of spans) {
    if (!covers(s.from, s.to)) continue;
    const q = qualification.get(s.personId) ?? {};
    if (s.kind === 'school_certificate') q.school = s.value;
    else q.vocational = s.value;
    qualification.set(s.personId, q);
  }
  const under25 = { men: 0, women: 0, diverse: 0 };
  const vocational = new Map<string, QualificationRow>();
  const school = new Map<string, QualificationRow>();
  const refugee = { persons: 0, vocational: 0, school: 0 };
  const bump = (table: Map<string, QualificationRow>, code: string, sex: PersonFacts['sex']) => {
    const row = table.get(code) ?? { code, men: 0, women: 0, total: 0 };
    if (sex === 'm') row.men++;
    else if (sex === 'w') row.women++;
    row.total++;
    table.set(code, row);
  };
  for (const p of persons) {
    const profile = elbProfile(p.birthDate, p.benefit);
    if (!profile.own.length || !profileIsElb(profile, dayNumber)) continue;
    if (ageOn(p.birthDate, day) < 25) {
      if (p.sex === 'm') under25.men++;
      else if (p.sex === 'w') under25.women++;
      else under25.diverse++;
    }
    const q = qualification.get(p.id) ?? {};
    const jobSeeking = p.status.some(
      (s) => s.kind === 'labour_market' && (s.value === 'unemployed' || s.value === 'job_seeking') && covers(s.from, s.to),
    );
    if (jobSeeking) {
      bump(vocational, q.vocational ?? 'unknown', p.sex);
      bump(school, q.school ?? 'unknown', p.sex);
    }
    if (p.status.some((s) => s.kind === 'refugee' && covers(s.from, s.to))) {
      refugee.persons++;
      if (q.vocational === 'vocational' || q.vocational === 'academic') refugee.vocational++;
      if (q.school && q.school !== 'none') refugee.school++;
    }
  }
  const ordered = (table: Map<string, QualificationRow>, order: string[]) =>
    order.filter((c) => table.has(c)).map((c) => table.get(c) as QualificationRow);
  return {
    under25BySex: under25,
    vocational: ordered(vocational, VOCATIONAL_ORDER),
    school: ordered(school, SCHOOL_ORDER),
    refugeeQualification: refugee,
  };
}

/** Persons in § 16i / § 16e employment on 1 December, from their employment history (people module). */
export function subsidisedJobsFromFacts(persons: readonly PersonFacts[], year: number): SubsidisedJobsTable {
  const day = `${year}-12-01`;
  const rows: SubsidisedJobsTable['rows'] = [
    { basis: '16i', men: 0, women: 0, diverse: 0, total: 0 },
    { basis: '16e', men: 0, women: 0, diverse: 0, total: 0 },
  ];
  let entries = 0;
  for (const p of persons) {
    for (const [row, kind] of [
      [rows[0], 'public_16i'],
      [rows[1], 'subsidised_16e'],
    ] as const) {
      const jobs = p.employments.filter((e) => e.kind === kind);
      if (kind === 'public_16i' && jobs.some((e) => e.from.startsWith(String(year)))) entries++;
      if (!row || !jobs.some((e) => e.from <= day && (e.to === null || day < e.to))) continue;
      if (p.sex === 'm') row.men++;
      else if (p.sex === 'w') row.women++;
      else row.diverse = (row.diverse ?? 0) + 1;
      row.total++;
    }
  }
  return { day, rows, entriesDuringYear: entries };
}

export interface LoadedReportData {
  data: ReportData;
  subsidisedJobs: SubsidisedJobsTable;
}

export async function loadReportData(
  db: Database,
  indicators: IndicatorService,
  tenantId: string,
  tenantName: string,
  year: number,
): Promise<LoadedReportData> {
  const years = [year - 4, year - 3, year - 2, year - 1, year];
  const [reports, persons, spans, teams] = await Promise.all([
    indicators.computeMany(
      tenantId,
      years.map((y) => `${y}-12`),
    ),
    loadPersonFacts(db, tenantId),
    loadQualificationSpans(db, tenantId),
    listTeamRefs(db, tenantId),
  ]);
  const current = reports[reports.length - 1] as IndicatorReport;
  const series = reports.map((r, i) => stockOf(r, years[i] as number));
  const integration = reports.slice(-3).map((r, i) => ({
    year: year - 2 + i,
    total: figure(r, 'K2') ?? zero,
    men: figure(r, 'K2', 'sex:m') ?? zero,
    women: figure(r, 'K2', 'sex:w') ?? zero,
  }));
  const day = referenceDay(monthIndex(`${year}-12`));
  const cross = crossTables(persons, spans, day);
  const teamElb = new Map(
    current.structure.filter((s) => s.code === 'elb' && s.split === 'all').map((s) => [s.scope, s.numerator]),
  );
  const data: ReportData = {
    year,
    tenantName,
    referenceDay: day,
    series,
    integration,
    changes: {
      elb: figure(current, 'K1E2') ?? zero,
      elbMen: figure(current, 'K1E2', 'sex:m') ?? zero,
      elbWomen: figure(current, 'K1E2', 'sex:w') ?? zero,
      lzb: figure(current, 'K3') ?? zero,
      households: byCode(current, 'households_change'),
      subsistence: figure(current, 'K1'),
      housing: figure(current, 'K1E1'),
    },
    shares: {
      lzb: byCode(current, 'lzb_share'),
      over4Years: byCode(current, 'over4y_share'),
      severeDisabilityJobSeeking: byCode(current, 'severe_disability_share'),
      refugee: byCode(current, 'refugee_share'),
    },
    ...cross,
    teams: teams
      .map((t) => ({ site: t.siteName, team: t.name, elb: teamElb.get(`team:${t.id}`) ?? 0 }))
      .sort((a, b) => a.site.localeCompare(b.site, 'de') || a.team.localeCompare(b.team, 'de')),
    provisional: current.figures.some((f) => f.provisional),
  };
  return { data, subsidisedJobs: subsidisedJobsFromFacts(persons, year) };
}
