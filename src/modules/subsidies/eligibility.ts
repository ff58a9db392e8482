/**
 * Who may be funded under § 16i or § 16e SGB II on a given start day: each criterion with the person's
 * data, so staff see why. Pure rule over the people module's facts (people/facts.ts PersonFacts) and rules
 * (people/rules.ts); versioned by the law's dates. docs/subsidies.md lists the sources and our readings.
 */
import { addDays, formatGerman, fromDay, toDay } from '../../lib/dates.ts';
import type { PersonFacts } from '../people/facts.ts';
import { ageOn, isElbOn, monthsInReceipt } from '../people/rules.ts';
import type { SubsidyBasis } from './codes.ts';

export interface Criterion {
  key: string;
  label: string;
  met: boolean;
  /** The person's data behind the answer (German). */
  detail: string;
}

export interface RuleVersion {
  id: string;
  basis: SubsidyBasis;
  label: string;
  validFrom: string;
  /** Half-open; null = in force. */
  validTo: string | null;
  source: string;
}

export const RULE_VERSIONS: readonly RuleVersion[] = [
  {
    id: '16i-2019',
    basis: '16i',
    label: '§ 16i SGB II in der Fassung des Teilhabechancengesetzes',
    validFrom: '2019-01-01',
    validTo: '2023-01-01',
    source: 'Teilhabechancengesetz vom 17.12.2018 (BGBl. I S. 2583), Art. 1; befristet bis 31.12.2024 (§ 81 SGB II a. F.)',
  },
  {
    id: '16i-2023',
    basis: '16i',
    label: '§ 16i SGB II in der Fassung des Bürgergeld-Gesetzes',
    validFrom: '2023-01-01',
    validTo: null,
    source: 'Bürgergeld-Gesetz vom 16.12.2022 (BGBl. I S. 2328): unbefristet, Leistungen heißen Bürgergeld',
  },
  {
    id: '16e-2019',
    basis: '16e',
    label: '§ 16e SGB II in der Fassung des Teilhabechancengesetzes',
    validFrom: '2019-01-01',
    validTo: null,
    source: 'Teilhabechancengesetz vom 17.12.2018 (BGBl. I S. 2583), Art. 1',
  },
];

/** § 16i Abs. 3 Nr. 1: the 25th year of life completed. */
export const MIN_AGE_16I = 25;
/** § 16i Abs. 3 Nr. 2: receipt for at least six years within the last seven (counted in calendar months). */
export const RECEIPT_MONTHS_16I = 72;
/** § 16i Abs. 3 S. 3: five years for persons with a minor child in the household or a severe disability. */
export const RECEIPT_MONTHS_16I_SHORT = 60;
/**
 * § 16i Abs. 3 Nr. 3: "nicht oder nur kurzzeitig" employed in that time. Our reading (docs/subsidies.md):
 * employment on at most 183 days (about six months) in total within the window.
 */
export const SHORT_EMPLOYMENT_MAX_DAYS = 183;
/** § 16e Abs. 1: unemployed for at least two years before the start. */
export const UNEMPLOYED_YEARS_16E = 2;
/**
 * § 16e: the duration of the unemployment follows § 18 SGB III, including § 18 Abs. 2 (Sauer, SGB II, § 16e
 * Rz. 26 f.): within the five years before the start, these interruptions do not end the spell (they do not
 * count as unemployment either). Labour-market statuses that are such interruptions here: a measure
 * (§ 18 Abs. 2 Nr. 1) and "nicht verfügbar nach § 10 SGB II" (care of a child or a relative, Nr. 4/5).
 */
export const LOOKBACK_YEARS_16E = 5;
const HARMLESS_STATUS_16E = new Set(['measure', 'not_available']);
/** § 18 Abs. 2 SGB III: employment or self-employment up to six months in total does not end the spell. */
export const INTERRUPTION_EMPLOYMENT_MAX_DAYS_16E = 183;

/** Employment kinds that count as "beschäftigt oder selbständig" for § 16i Abs. 3 Nr. 3. */
const HARMFUL_EMPLOYMENT = new Set([
  'regular',
  'minijob',
  'self_employment',
  'subsidised_egz',
  'subsidised_16b',
  'subsidised_16e',
  'vocational_training',
]);

export function ruleVersionOn(basis: SubsidyBasis, day: string): RuleVersion | undefined {
  return RULE_VERSIONS.find((v) => v.basis === basis && v.validFrom <= day && (v.validTo === null || day < v.validTo));
}

export interface EligibilityResult {
  basis: SubsidyBasis;
  day: string;
  version: RuleVersion | null;
  eligible: boolean;
  criteria: Criterion[];
}

const on = (p: { from: string; to: string | null }, day: string) => p.from <= day && (p.to === null || day < p.to);
const de = (n: number) => n.toLocaleString('de-DE');

/** Days of the periods inside [first, last] (inclusive), overlaps counted once. */
function daysWithin(periods: readonly { from: string; to: string | null }[], first: string, last: string): number {
  const lo = toDay(first);
  const hi = toDay(last) + 1;
  const marks = periods
    .map((p) => [Math.max(toDay(p.from), lo), Math.min(p.to === null ? hi : toDay(p.to), hi)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [a, b] of marks) {
    const from = Math.max(a, reach);
    if (b > from) total += b - from;
    reach = Math.max(reach, b);
  }
  return total;
}

/** A minor child (another member in role `child`, under 18) in one of the person's households on `day`. */
export function hasMinorChildOn(f: PersonFacts, day: string): boolean {
  const mine = new Set(f.members.filter((m) => m.personId === f.id && on(m, day)).map((m) => m.householdId));
  return f.members.some(
    (m) => mine.has(m.householdId) && m.personId !== f.id && m.role === 'child' && on(m, day) && ageOn(m.birthDate, day) < 18,
  );
}

/** Recognised severe disability (GdB ≥ 50, § 2 Abs. 2 SGB IX) on `day`. */
export function severelyDisabledOn(f: PersonFacts, day: string): boolean {
  return f.status.some((s) => s.kind === 'severe_disability' && s.value === 'recognised' && on(s, day));
}

/** Start of the current unemployment on `day` (adjacent or overlapping 'unemployed' periods joined), or null. */
export function unemployedSinceOn(f: PersonFacts, day: string): string | null {
  const spans = f.status
    .filter((s) => s.kind === 'labour_market' && s.value === 'unemployed')
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  let start: string | null = null;
  let reach = '';
  for (const s of spans) {
    if (s.from > day) break;
    const to = s.to ?? '9999-12-31';
    if (start === null || s.from > reach) start = s.from; // a gap ends the spell; adjacent periods join
    if (to > reach) reach = to;
  }
  if (start === null || reach <= day) return null;
  return start;
}

export interface Unemployment16e {
  /** Days of unemployment counted back from the day before the start, within the five years. */
  days: number;
  /** Earliest day counted (null: none). */
  since: string | null;
  /** Harmless interruptions (measure, not available) and employment days passed over. */
  interruptionDays: number;
  employmentDays: number;
  /** The day the count stopped at (a gap, another status or too much employment), or null at the window's start. */
  stoppedOn: string | null;
}

/**
 * § 16e with § 18 Abs. 1 and 2 SGB III: walks back day by day from the day before `day` through the five years
 * before it. An 'unemployed' day counts; a day in a measure or "nicht verfügbar" is passed over; a day of
 * employment (an employment period other than an Arbeitsgelegenheit, which is a measure, or the status
 * 'employed') is passed over up to 183 days in total; anything else (no status, school or training,
 * "arbeitsuchend, nicht arbeitslos") ends the count.
 */
export function unemployment16e(f: PersonFacts, day: string): Unemployment16e {
  const start = toDay(day);
  const first = toDay(shiftYears(day, -LOOKBACK_YEARS_16E));
  const span = (p: { from: string; to: string | null }) =>
    [toDay(p.from), p.to === null ? Number.POSITIVE_INFINITY : toDay(p.to)] as const;
  const labour = f.status.filter((s) => s.kind === 'labour_market').map((s) => ({ value: s.value, span: span(s) }));
  const unemployed = labour.filter((s) => s.value === 'unemployed').map((s) => s.span);
  const harmless = labour.filter((s) => HARMLESS_STATUS_16E.has(s.value)).map((s) => s.span);
  const measureJobs = f.employments.filter((e) => e.kind === 'public_16d').map(span);
  const employed = [
    ...labour.filter((s) => s.value === 'employed').map((s) => s.span),
    ...f.employments.filter((e) => e.kind !== 'public_16d').map(span),
  ];
  const hit = (spans: readonly (readonly [number, number])[], d: number) => spans.some(([a, b]) => a <= d && d < b);
  const out: Unemployment16e = { days: 0, since: null, interruptionDays: 0, employmentDays: 0, stoppedOn: null };
  for (let d = start - 1; d >= first; d--) {
    if (hit(unemployed, d)) {
      out.days++;
      out.since = fromDay(d);
    } else if (hit(harmless, d) || hit(measureJobs, d)) {
      out.interruptionDays++;
    } else if (hit(employed, d) && out.employmentDays < INTERRUPTION_EMPLOYMENT_MAX_DAYS_16E) {
      out.employmentDays++;
    } else {
      out.stoppedOn = fromDay(d);
      break;
    }
  }
  return out;
}

export function checkEligibility(basis: SubsidyBasis, f: PersonFacts, day: string): EligibilityResult {
  const version = ruleVersionOn(basis, day) ?? null;
  const criteria: Criterion[] = [];
  criteria.push({
    key: 'in_force',
    label: 'Rechtsgrundlage am Förderbeginn in Kraft',
    met: version !== null,
    detail: version
      ? `${version.label} (gilt ab ${formatGerman(version.validFrom)})`
      : `Am ${formatGerman(day)} gab es keine Förderung nach § ${basis} SGB II in dieser Form (erst ab 1.1.2019).`,
  });
  const elb = isElbOn(f.birthDate, f.benefit, day);
  criteria.push({
    key: 'elb',
    label: 'erwerbsfähig leistungsberechtigt am Förderbeginn (§ 7 SGB II)',
    met: elb,
    detail: elb
      ? `am ${formatGerman(day)} im Leistungsbezug als erwerbsfähig erfasst`
      : `am ${formatGerman(day)} nicht als erwerbsfähig leistungsberechtigt erfasst`,
  });
  if (basis === '16i') {
    const age = ageOn(f.birthDate, day);
    criteria.push({
      key: 'age',
      label: `mindestens ${MIN_AGE_16I} Jahre alt (§ 16i Abs. 3 Nr. 1)`,
      met: age >= MIN_AGE_16I,
      detail: `am ${formatGerman(day)} ${age} Jahre alt (geboren ${formatGerman(f.birthDate)})`,
    });
    const last = addDays(day, -1);
    const first7 = shiftYears(day, -7);
    const first5 = shiftYears(day, -5);
    const months7 = monthsInReceipt(f.benefit, first7, last);
    const months5 = monthsInReceipt(f.benefit, first5, last);
    const child = hasMinorChildOn(f, day);
    const disabled = severelyDisabledOn(f, day);
    const short = child || disabled;
    const receiptMet = months7 >= RECEIPT_MONTHS_16I || (short && months5 >= RECEIPT_MONTHS_16I_SHORT);
    const why = short
      ? `verkürzte Frist gilt (${[child && 'minderjähriges Kind in der Bedarfsgemeinschaft', disabled && 'schwerbehindert'].filter(Boolean).join(', ')}): nötig ${RECEIPT_MONTHS_16I_SHORT} Monate in den letzten 5 Jahren oder ${RECEIPT_MONTHS_16I} in 7`
      : `kein minderjähriges Kind in der Bedarfsgemeinschaft und keine Schwerbehinderung: nötig ${RECEIPT_MONTHS_16I} Monate in den letzten 7 Jahren`;
    criteria.push({
      key: 'receipt',
      label: `Leistungsbezug (${version?.id === '16i-2023' ? 'Bürgergeld' : 'Arbeitslosengeld II'}) mindestens 6 der letzten 7 Jahre, 5 Jahre mit minderjährigem Kind oder Schwerbehinderung (§ 16i Abs. 3 Nr. 2, S. 3)`,
      met: receiptMet,
      detail: `${months7} Monate mit Bezug vom ${formatGerman(first7)} bis ${formatGerman(last)}, ${months5} Monate seit ${formatGerman(first5)}; ${why}`,
    });
    // For persons with a minor child or a severe disability the last five years are the period of Nr. 2 and Nr. 3
    // (BA-Weisung 201901005 vom 23.1.2019, 1.1.1): where their five years of receipt are met, employment before
    // them does not count, even if the six-in-seven rule is met too.
    const window = short && months5 >= RECEIPT_MONTHS_16I_SHORT ? first5 : first7;
    const worked = daysWithin(
      f.employments.filter((e) => HARMFUL_EMPLOYMENT.has(e.kind)),
      window,
      last,
    );
    criteria.push({
      key: 'employment',
      label: `in dieser Zeit nicht oder nur kurzzeitig beschäftigt oder selbständig (§ 16i Abs. 3 Nr. 3; höchstens ${SHORT_EMPLOYMENT_MAX_DAYS} Tage)`,
      met: worked <= SHORT_EMPLOYMENT_MAX_DAYS,
      detail: `${de(worked)} Tage Beschäftigung oder Selbständigkeit vom ${formatGerman(window)} bis ${formatGerman(last)}`,
    });
    const earlier = daysWithin(
      f.employments.filter((e) => e.kind === 'public_16i' && e.from < day),
      '1900-01-01',
      last,
    );
    criteria.push({
      key: 'previous_16i',
      label: 'bisherige Förderung nach § 16i unter fünf Jahren (§ 16i Abs. 3 Nr. 4)',
      met: earlier < 5 * 365,
      detail: earlier ? `bisher ${de(earlier)} Tage nach § 16i beschäftigt` : 'bisher keine Beschäftigung nach § 16i erfasst',
    });
  } else {
    // the job itself ends the unemployment: what counts is the time before the start (§ 18 SGB III)
    const u = unemployment16e(f, day);
    const required = toDay(day) - toDay(shiftYears(day, -UNEMPLOYED_YEARS_16E));
    const passed = [
      u.interruptionDays && `${de(u.interruptionDays)} Tage Maßnahme oder nicht verfügbar`,
      u.employmentDays && `${de(u.employmentDays)} Tage Beschäftigung`,
    ].filter(Boolean);
    criteria.push({
      key: 'unemployed',
      label: `vor dem Förderbeginn mindestens ${UNEMPLOYED_YEARS_16E} Jahre arbeitslos (§ 16e Abs. 1; Unterbrechungen nach § 18 Abs. 2 SGB III)`,
      met: u.days >= required,
      detail: u.since
        ? `${de(u.days)} Tage arbeitslos vom ${formatGerman(u.since)} bis ${formatGerman(addDays(day, -1))}, nötig ${de(required)}${passed.length ? `; unschädlich unterbrochen: ${passed.join(', ')}` : ''}${u.stoppedOn ? `; Zählung endet am ${formatGerman(u.stoppedOn)}` : ''}`
        : `vor dem Förderbeginn ${formatGerman(day)} nicht als arbeitslos erfasst`,
    });
  }
  return { basis, day, version, eligible: criteria.every((c) => c.met), criteria };
}

/** The same calendar day `years` years earlier or later (29 February → 28 February). */
export function shiftYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${String(y).padStart(4, '0')}-${md}`;
}
