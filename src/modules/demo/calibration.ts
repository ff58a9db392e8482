import { fromDay } from '../../lib/dates.ts';
import { monthIndex, monthString } from '../indicators/calendar.ts';
import { countFacts } from '../indicators/engine.ts';
import {
  computeFigures,
  computeStructure,
  type FigureValue,
  type PaymentSums,
  type StructureValue,
} from '../indicators/figures.ts';
import type { PersonFacts } from '../people/facts.ts';
import { ageOn, type HouseholdMemberSpan, isElbOn } from '../people/rules.ts';
import { TEAMS } from './geography.ts';
import { subsistenceInMonth } from './payments.ts';
import { ASYLUM_COUNTRIES, OPEN, type Person } from './population.ts';
import type { World } from './simulate.ts';
import { REFERENCE_DAY, REPORT, type ReportFigure } from './targets.ts';

/**
 * The report's figures computed from a generated history, the way Teilhabe computes them for a real
 * Jobcenter: the key-figure engine (indicators/engine.ts, figures.ts) over the people module's facts,
 * the people rules for what the engine does not split (under 25 by sex), plain counts for the rest.
 * Used by the tests (±2 % of the report), `teilhabe seed demo --check` and the benchmark.
 */
export interface CalibrationRow {
  key: string;
  label: string;
  section: string;
  target: number;
  actual: number;
  /** Relative deviation in percent: (actual − target) ÷ |target| × 100. */
  deviation: number;
  /** The step one person makes in this figure (a count: 1; a share: 100 ÷ its denominator). */
  resolution: number;
  /** Within ±2 % of the target, or as close as whole persons allow (half a step). */
  ok: boolean;
  unit: 'count' | 'percent';
}

const iso = (d: number) => (d === OPEN ? null : fromDay(d));

/** Several shards as one Jobcenter (the scale is their sum). */
export function mergeWorlds(worlds: readonly World[]): World {
  if (worlds.length === 1) return worlds[0] as World;
  return {
    scale: worlds.reduce((a, w) => a + w.scale, 0),
    persons: worlds.flatMap((w) => w.persons),
    households: worlds.flatMap((w) => w.households),
    stats: [],
  };
}

/** The people module's facts (facts.ts PersonFacts) of a generated world, in memory. */
export function worldFacts(world: World): PersonFacts[] {
  const byHousehold = new Map<number, HouseholdMemberSpan[]>();
  for (const p of world.persons)
    for (const m of p.memberships) {
      const span: HouseholdMemberSpan = {
        householdId: m.hh.id,
        personId: p.id,
        role: m.role,
        from: fromDay(m.from),
        to: iso(m.to),
        birthDate: p.birthIso,
      };
      const list = byHousehold.get(m.hh.n);
      if (list) list.push(span);
      else byHousehold.set(m.hh.n, [span]);
    }
  return world.persons.map((p) => {
    const seen = new Set<number>();
    const members: HouseholdMemberSpan[] = [];
    for (const m of p.memberships) {
      if (seen.has(m.hh.n)) continue;
      seen.add(m.hh.n);
      members.push(...(byHousehold.get(m.hh.n) ?? []));
    }
    return {
      id: p.id,
      sex: p.sex,
      birthDate: p.birthIso,
      benefit: p.spans.map((s) => ({ from: fromDay(s.from), to: iso(s.to), employable: s.employable, otherJobcenter: s.other })),
      teams: p.teams.map((t) => ({ teamId: String(t.team), from: fromDay(t.from), to: iso(t.to) })),
      members,
      status: p.statuses
        .filter((s) => s.kind === 'labour_market' || s.kind === 'severe_disability' || s.kind === 'refugee')
        .map((s) => ({ kind: s.kind, value: s.value, from: fromDay(s.from), to: iso(s.to) })),
      employments: p.jobs.map((j) => ({ kind: j.kind, from: fromDay(j.from), to: iso(j.to) })),
    };
  });
}

const ORG = { teams: TEAMS.map((t, i) => ({ id: String(i), siteId: t.site })) };

function payments(world: World, months: string[]): PaymentSums {
  const sums: PaymentSums = { subsistence: new Map(), housing: new Map() };
  for (const month of months) {
    sums.subsistence.set(month, new Map([['tenant', subsistenceInMonth(world.households, monthIndex(month))]]));
    sums.housing.set(month, new Map([['tenant', 0]]));
  }
  return sums;
}

export interface Figures {
  figures: FigureValue[];
  structure: StructureValue[];
}

/** Key figures and structure figures of a report month, for the whole Jobcenter. */
export function figuresFor(world: World, facts: PersonFacts[], month: string): Figures {
  const index = monthIndex(month);
  const counts = countFacts(facts, ORG, index);
  const sums = payments(world, [month, monthString(index - 12)]);
  return {
    figures: computeFigures(counts, sums, '2099-01-01').filter((f) => f.scope === 'tenant'),
    structure: computeStructure(counts).filter((s) => s.scope === 'tenant'),
  };
}

const value = (list: (FigureValue | StructureValue)[], code: string, split = 'all') => {
  const f = list.find((x) => x.code === code && x.split === split);
  return f ?? null;
};

/** Counts of the people rules on the reference day that the engine does not split this way. */
function ruleCounts(world: World) {
  const day = REFERENCE_DAY;
  const dec1 = '2019-12-01';
  const out = {
    u25m: 0,
    u25w: 0,
    j16iM: 0,
    j16iW: 0,
    j16eM: 0,
    j16eW: 0,
    asylumSeeking: 0,
    asylumSchool: 0,
    asylumVocational: 0,
  };
  const covers = (from: number, to: number, d: string) => fromDay(from) <= d && (to === OPEN || d < fromDay(to));
  for (const p of world.persons as Person[]) {
    for (const j of p.jobs) {
      if (!covers(j.from, j.to, dec1)) continue;
      if (j.kind === 'public_16i') p.sex === 'm' ? out.j16iM++ : out.j16iW++;
      if (j.kind === 'subsidised_16e') p.sex === 'm' ? out.j16eM++ : out.j16eW++;
    }
    const benefit = p.spans.map((s) => ({
      from: fromDay(s.from),
      to: iso(s.to),
      employable: s.employable,
      otherJobcenter: s.other,
    }));
    if (!isElbOn(p.birthIso, benefit, day)) continue;
    if (ageOn(p.birthIso, day) < 25) p.sex === 'm' ? out.u25m++ : out.u25w++;
    if (!ASYLUM_COUNTRIES.has(p.nationality)) continue;
    const on = (kind: string) => p.statuses.find((s) => s.kind === kind && covers(s.from, s.to, day));
    const labour = on('labour_market')?.value;
    if (labour !== 'unemployed' && labour !== 'job_seeking') continue;
    out.asylumSeeking++;
    const school = on('school_certificate')?.value;
    if (school && school !== 'none') out.asylumSchool++;
    const voc = on('vocational_qualification')?.value;
    if (voc === 'vocational' || voc === 'academic') out.asylumVocational++;
  }
  return out;
}

/** The calibration table: every report figure the generated history reproduces, target against actual. */
export function calibrate(worlds: readonly World[]): CalibrationRow[] {
  const world = mergeWorlds(worlds);
  const facts = worldFacts(world);
  const y19 = figuresFor(world, facts, '2019-12');
  const y18 = figuresFor(world, facts, '2018-12');
  const y17 = figuresFor(world, facts, '2017-12');
  const rc = ruleCounts(world);
  const k = world.scale;
  const rows: CalibrationRow[] = [];
  type Found = { value: number | null; numerator: number; denominator: number } | null;
  /** a count (resolution: one person) */
  const count = (key: keyof typeof REPORT, actual: number | null | undefined, label: string) =>
    add(key, actual ?? null, 1, 'count', label);
  /** a share or rate of the engine (resolution: one person of its denominator) */
  const rate = (key: keyof typeof REPORT, f: Found, label: string) =>
    add(key, f?.value ?? null, f && f.denominator > 0 ? 100 / f.denominator : 0, 'percent', label);
  function add(key: keyof typeof REPORT, actual: number | null, resolution: number, unit: CalibrationRow['unit'], label: string) {
    const fig: ReportFigure = REPORT[key];
    const target = unit === 'count' ? fig.value * k : fig.value;
    const a = actual ?? Number.NaN;
    const deviation = ((a - target) / Math.abs(target)) * 100;
    const ok = Math.abs(a - target) <= Math.max(0.02 * Math.abs(target), resolution / 2 + 1e-9);
    rows.push({ key, label, section: fig.section, target, actual: a, unit, deviation, resolution, ok });
  }
  const s19 = y19.structure;
  const f19 = y19.figures;
  count('elb', value(s19, 'elb')?.value, 'eLb Dezember 2019');
  count('elbMen', value(s19, 'elb', 'sex:m')?.value, 'eLb Männer');
  count('elbWomen', value(s19, 'elb', 'sex:w')?.value, 'eLb Frauen');
  count('u25', rc.u25m + rc.u25w, 'eLb unter 25');
  count('u25Men', rc.u25m, 'eLb unter 25, männlich');
  count('u25Women', rc.u25w, 'eLb unter 25, weiblich');
  rate('severeDisabilityShare', value(s19, 'severe_disability_share'), 'Anteil schwerbehindert an arbeitsuchenden eLb');
  rate('over4YearsShare', value(s19, 'over4y_share'), 'Anteil länger als 4 Jahre im Bezug');
  rate('lzbShare', value(s19, 'lzb_share'), 'Anteil Langzeitleistungsbeziehende');
  count('lzb', value(s19, 'lzb_share')?.numerator, 'Langzeitleistungsbeziehende Dezember 2019');
  count('lzbYearBefore', value(y18.structure, 'lzb_share')?.numerator, 'Langzeitleistungsbeziehende Dezember 2018');
  rate('refugeeShare', value(s19, 'refugee_share'), 'Anteil mit Fluchthintergrund');
  const asylum = (n: number) => ({
    value: rc.asylumSeeking ? (n / rc.asylumSeeking) * 100 : null,
    numerator: n,
    denominator: rc.asylumSeeking,
  });
  rate('asylumSchoolShare', asylum(rc.asylumSchool), 'Asylherkunftsländer: mit Schulabschluss');
  rate('asylumVocationalShare', asylum(rc.asylumVocational), 'Asylherkunftsländer: mit Berufsausbildung');
  rate('integrationRate', value(f19, 'K2'), 'Integrationsquote 2019 (K2)');
  rate('integrationRateMen', value(f19, 'K2', 'sex:m'), 'Integrationsquote Männer');
  rate('integrationRateWomen', value(f19, 'K2', 'sex:w'), 'Integrationsquote Frauen');
  rate('integrationRate2018', value(y18.figures, 'K2'), 'Integrationsquote 2018');
  rate('integrationRate2017', value(y17.figures, 'K2'), 'Integrationsquote 2017');
  rate('elbChangeMen', value(f19, 'K1E2', 'sex:m'), 'Veränderung eLb Männer (K1E2)');
  rate('elbChangeWomen', value(f19, 'K1E2', 'sex:w'), 'Veränderung eLb Frauen (K1E2)');
  rate('householdsChange', value(s19, 'households_change'), 'Veränderung Bedarfsgemeinschaften');
  add('subsistenceChange', value(f19, 'K1')?.value ?? null, 0, 'percent', 'Veränderung Leistungen zum Lebensunterhalt (K1)');
  count('jobs16iMen', rc.j16iM, '§ 16i am 1.12.2019, Männer');
  count('jobs16iWomen', rc.j16iW, '§ 16i am 1.12.2019, Frauen');
  count('jobs16eMen', rc.j16eM, '§ 16e am 1.12.2019, Männer');
  count('jobs16eWomen', rc.j16eW, '§ 16e am 1.12.2019, Frauen');
  return rows;
}

/** Flows and other figures that are not targets but should look plausible (for the documentation). */
export function plausibility(worlds: readonly World[]): { label: string; value: number }[] {
  const world = mergeWorlds(worlds);
  const facts = worldFacts(world);
  const y = figuresFor(world, facts, '2019-12');
  const pick = (code: string) => value(y.figures, code)?.value ?? Number.NaN;
  return [
    { label: 'Zugangsrate eLb (K1E3), %', value: pick('K1E3') },
    { label: 'Abgangsrate eLb (K1E4), %', value: pick('K1E4') },
    { label: 'Minijob-Aufnahmen (K2E1), %', value: pick('K2E1') },
    { label: 'Geförderte Beschäftigung (K2E2), %', value: pick('K2E2') },
    { label: 'Kontinuierliche Beschäftigung (K2E3), %', value: pick('K2E3') },
    { label: 'Integrationsquote Alleinerziehende (K2E4), %', value: pick('K2E4') },
    { label: 'Veränderung LZB (K3), %', value: pick('K3') },
    { label: 'Integrationsquote LZB (K3E1), %', value: pick('K3E1') },
    { label: 'Aktivierungsquote LZB (K3E2), %', value: pick('K3E2') },
    { label: 'Bedarfsgemeinschaften Dezember 2019', value: value(y.structure, 'households')?.value ?? Number.NaN },
  ];
}
