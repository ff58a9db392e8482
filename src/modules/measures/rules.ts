import { addDays, addMonths, daysInMonth, formatGerman, toDay } from '../../lib/dates.ts';
import type { FieldProblem } from '../../lib/errors.ts';
import { type DurationUnit, type ExitReason, type Outcome, TARGET_GROUPS, type TargetGroup, WEEKDAYS } from './code-lists.ts';

/**
 * Pure rules of the measures module. Sources: § 16 Abs. 1 SGB II i. V. m. § 45 SGB III (Maßnahmen zur
 * Aktivierung und beruflichen Eingliederung, Fassung seit 01.04.2012), § 16a/§ 16d/§ 16f/§ 16h SGB II;
 * the entry rhythms, capacities and durations come from the contracts (Eingliederungsbericht 2019, 6.2–6.8).
 */

export interface MeasureCostMonth {
  month: string;
  cents: number;
}

/** Common denominator of all month lengths (28, 29, 30, 31): exact fractions of a cent as integers. */
const L = 377_580;

/**
 * The cost schedule of an assignment: months from the entry to the last planned day (both inclusive).
 * Rule (documented in docs/measures.md): a full calendar month costs exactly the monthly price; a partial
 * month costs price × participation days ÷ days of that month (pro rata by calendar days, as providers
 * bill "Teilnehmermonate"). Rounding: the exact total is rounded half up to the cent once, and its cents
 * are distributed over the months by the largest-remainder method (Hare–Niemeyer; ties go to the
 * earlier month), so the months sum exactly to the rounded total and no month is off by more than 1 ct.
 */
export function assignmentCostSchedule(entryDate: string, plannedEndDate: string, costPerMonthCents: number): MeasureCostMonth[] {
  if (!Number.isInteger(costPerMonthCents) || costPerMonthCents < 0)
    throw new RangeError('Monatspreis muss eine ganze Zahl von Cent ≥ 0 sein');
  const start = toDay(entryDate);
  const end = toDay(plannedEndDate);
  if (end < start) throw new RangeError('Ende liegt vor dem Eintritt');
  const parts: { month: string; exact: number }[] = [];
  let y = Number(entryDate.slice(0, 4));
  let m = Number(entryDate.slice(5, 7));
  for (;;) {
    const first = toDay(`${y}-${String(m).padStart(2, '0')}-01`);
    if (first > end) break;
    const len = daysInMonth(y, m);
    const last = first + len - 1;
    const days = Math.min(last, end) - Math.max(first, start) + 1;
    parts.push({ month: `${y}-${String(m).padStart(2, '0')}`, exact: costPerMonthCents * days * (L / len) });
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  const exactTotal = parts.reduce((s, p) => s + p.exact, 0);
  const total = Math.floor((exactTotal + L / 2) / L);
  const result = parts.map((p) => ({ month: p.month, cents: Math.floor(p.exact / L), rest: p.exact % L }));
  let missing = total - result.reduce((s, p) => s + p.cents, 0);
  const order = result.map((_, i) => i).sort((a, b) => (result[b]?.rest ?? 0) - (result[a]?.rest ?? 0) || a - b);
  for (const i of order) {
    if (missing <= 0) break;
    (result[i] as { cents: number }).cents++;
    missing--;
  }
  return result.map(({ month, cents }) => ({ month, cents }));
}

/** The last planned day (inclusive) after a standard duration: 8 weeks from Tuesday 7 Jan → Monday 2 Mar. */
export function plannedEndFor(entryDate: string, value: number, unit: DurationUnit): string {
  return unit === 'weeks' ? addDays(entryDate, value * 7 - 1) : addDays(addMonths(entryDate, value), -1);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4)
  return ((((toDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Monday of the ISO week of a day. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** What a person is, as the measures' target-group codes. */
export interface PersonGroupFacts {
  sex: 'm' | 'w' | 'd';
  age: number;
  longTermRecipient: boolean;
  singleParent: boolean;
  refugee: boolean;
  rehaOrSevereDisability: boolean;
}

export function targetGroupsOf(p: PersonGroupFacts): TargetGroup[] {
  const groups: TargetGroup[] = [];
  if (p.age < 25) groups.push('u25');
  if (p.sex === 'w') groups.push('women');
  if (p.refugee) groups.push('refugees');
  if (p.longTermRecipient) groups.push('lzb');
  if (p.rehaOrSevereDisability) groups.push('reha_sb');
  if (p.singleParent) groups.push('single_parents');
  return groups;
}

/**
 * A person fits a measure when the measure has no target groups, or the person belongs to every
 * person-related group it names (Frau Stark: women AND long-term recipients). "new_applicants" is a
 * purpose, not a property of the person, and never excludes anyone.
 */
export function fitsTargetGroups(measureGroups: readonly string[], personGroups: readonly string[]): boolean {
  return measureGroups.filter((g) => g !== 'new_applicants').every((g) => personGroups.includes(g));
}

export function missingGroupsText(measureGroups: readonly string[], personGroups: readonly string[]): string {
  return measureGroups
    .filter((g) => g !== 'new_applicants' && !personGroups.includes(g))
    .map((g) => TARGET_GROUPS[g as TargetGroup] ?? g)
    .join(', ');
}

export interface EntryCheck {
  assignedOn: string;
  entryDate: string;
  contractFrom: string;
  contractTo: string | null;
  entryWeekdays: readonly number[];
}

/** Date rules of an entry: not before the assignment, inside the contract, on an entry day of the measure. */
export function entryProblems(c: EntryCheck): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.entryDate < c.assignedOn)
    problems.push({
      field: 'entryDate',
      message: `Der Eintritt liegt vor der Zuweisung vom ${formatGerman(c.assignedOn)}`,
    });
  else if (c.entryDate < c.contractFrom || (c.contractTo !== null && c.entryDate >= c.contractTo))
    problems.push({ field: 'entryDate', message: 'Der Eintritt liegt außerhalb der Vertragslaufzeit der Maßnahme' });
  else if (c.entryWeekdays.length && !c.entryWeekdays.includes(isoWeekday(c.entryDate)))
    problems.push({
      field: 'entryDate',
      message: `Ein Einstieg ist nur ${c.entryWeekdays.map((d) => `${WEEKDAYS[d]?.toLowerCase()}s`).join(' und ')} möglich`,
    });
  return problems;
}

export function exitProblems(entryDate: string, exitDate: string): FieldProblem[] {
  return exitDate < entryDate
    ? [{ field: 'exitDate', message: `Der Austritt liegt vor dem Eintritt am ${formatGerman(entryDate)}` }]
    : [];
}

/**
 * Order of the waiting list: first persons of the measure's target group, then by the time they were put
 * on the list (first come, first served), then by id (stable for equal times).
 */
export interface WaitingEntry {
  id: string;
  inTargetGroup: boolean;
  waitingSince: string;
}
export function compareWaiting(a: WaitingEntry, b: WaitingEntry): number {
  if (a.inTargetGroup !== b.inTargetGroup) return a.inTargetGroup ? -1 : 1;
  return a.waitingSince.localeCompare(b.waitingSince) || a.id.localeCompare(b.id);
}

/**
 * May this assignment take a place now? Only if a place is free and fewer persons wait before it than
 * there are free places (the waiting list's order is kept). Someone not on the list queues after all.
 */
export function placeDecision(
  places: number,
  occupied: number,
  waiting: readonly WaitingEntry[],
  assignmentId: string,
): 'ok' | 'full' | 'queue' {
  const free = places - occupied;
  if (free <= 0) return 'full';
  const sorted = [...waiting].sort(compareWaiting);
  const pos = sorted.findIndex((w) => w.id === assignmentId);
  const ahead = pos < 0 ? sorted.length : pos;
  return ahead < free ? 'ok' : 'queue';
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

export interface EvaluatedAssignment {
  entryDate: string;
  exitDate: string | null;
  exitReason: ExitReason | null;
  outcome: Outcome | null;
  sex: 'm' | 'w' | 'd';
  groups: readonly string[];
}

export interface Evaluation {
  entries: number;
  exits: number;
  exitsByReason: Record<ExitReason, number>;
  dropoutRate: number | null;
  /** Share of exits into work or training (exit reason "job"). */
  workOrTrainingShare: number | null;
  /** Exits whose six months have passed or whose result is known. */
  integrationBase: number;
  integrated: number;
  integrationRate: number | null;
}

const ratio = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : null);

/**
 * Counts of a set of assignments within [from, to] (entries and exits by their dates).
 * Integration within 6 months after the exit: the exit was into work or training, or the outcome
 * recorded six months later is "integration". The base are the exits whose six months have passed by
 * `today`, plus exits already known to be integrated, so that young exits do not lower the rate.
 */
export function evaluate(list: readonly EvaluatedAssignment[], from: string, to: string, today: string): Evaluation {
  const exitsByReason: Record<ExitReason, number> = { regular: 0, job: 0, dropout: 0, other: 0 };
  let entries = 0;
  let exits = 0;
  let base = 0;
  let integrated = 0;
  const sixMonthsAgo = addMonths(today, -6);
  for (const a of list) {
    if (a.entryDate >= from && a.entryDate <= to) entries++;
    if (a.exitDate && a.exitDate >= from && a.exitDate <= to) {
      exits++;
      if (a.exitReason) exitsByReason[a.exitReason]++;
      const isIntegrated = a.exitReason === 'job' || a.outcome === 'integration';
      if (isIntegrated || a.outcome || a.exitDate <= sixMonthsAgo) {
        base++;
        if (isIntegrated) integrated++;
      }
    }
  }
  return {
    entries,
    exits,
    exitsByReason,
    dropoutRate: ratio(exitsByReason.dropout, exits),
    workOrTrainingShare: ratio(exitsByReason.job, exits),
    integrationBase: base,
    integrated,
    integrationRate: ratio(integrated, base),
  };
}

/**
 * Participants per ISO week: the most participants on any one day of the week (so that the figure can be
 * compared with the places, which are never exceeded on a day), and the entries of the week.
 */
export function occupancyByWeek(
  list: readonly { entryDate: string; exitDate: string | null }[],
  fromMonday: string,
  weeks: number,
): { week: string; participants: number; entries: number }[] {
  const out: { week: string; participants: number; entries: number }[] = [];
  for (let i = 0; i < weeks; i++) {
    const monday = addDays(fromMonday, 7 * i);
    const sunday = addDays(monday, 6);
    const days = Array.from({ length: 7 }, (_, d) => addDays(monday, d));
    const perDay = new Array<number>(7).fill(0);
    let entries = 0;
    for (const a of list) {
      if (a.entryDate > sunday || (a.exitDate !== null && a.exitDate < monday)) continue;
      if (a.entryDate >= monday) entries++;
      for (let d = 0; d < 7; d++) {
        const day = days[d] as string;
        if (a.entryDate <= day && (a.exitDate === null || a.exitDate >= day)) perDay[d] = (perDay[d] as number) + 1;
      }
    }
    out.push({ week: monday, participants: Math.max(...perDay), entries });
  }
  return out;
}
