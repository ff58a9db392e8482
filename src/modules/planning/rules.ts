import { addMonths, type IsoDate } from '../../lib/dates.ts';
import type { FieldProblem } from '../../lib/errors.ts';
import { isSmallGroup } from '../indicators/confidentiality.ts';
import { KLDB_COMMON, KLDB_LEVELS, type KldbLevel, type MitarbeitReason, type StepOwner } from './codes.ts';

/**
 * Pure rules of integration planning. Each names its legal source and the dates it holds for.
 *
 * § 15 SGB II, version of the 9. SGB II-Änderungsgesetz (Rechtsvereinfachung), in force 1.8.2016:
 *   Abs. 1 – potential analysis ("Potenzialanalyse": persönliche Merkmale, berufliche Fähigkeiten,
 *   Eignung); Abs. 2 – the Eingliederungsvereinbarung with the agreed steps; Abs. 3 Satz 1 – it
 *   "soll regelmäßig, spätestens nach Ablauf von sechs Monaten, gemeinsam überprüft und fortgeschrieben
 *   werden".
 * § 15 SGB II, version of the Bürgergeld-Gesetz (BGBl. 2022 I S. 2328), in force 1.7.2023: the
 *   Eingliederungsvereinbarung is replaced by the Kooperationsplan (Abs. 2), again after a potential
 *   analysis (Abs. 1); Abs. 3: "Der Kooperationsplan … soll regelmäßig, spätestens jedoch nach Ablauf
 *   von sechs Monaten, gemeinsam überprüft und fortgeschrieben werden."
 * Both versions therefore share the six-month review rule; only the name (and the legal nature:
 * the Kooperationsplan is not a contract under public law) changes with the plan's date.
 */

/** First day of the § 15 version this module implements (9. SGB II-ÄndG, 26.7.2016). */
export const PLAN_LAW_FROM: IsoDate = '2016-08-01';
/** First day of the Kooperationsplan (Bürgergeld-Gesetz, Art. 1, in force 1.7.2023). */
export const KOOPERATIONSPLAN_FROM: IsoDate = '2023-07-01';
/** § 15 Abs. 3 SGB II (both versions): review at the latest after six months. */
export const MAX_REVIEW_MONTHS = 6;

export type PlanKind = 'eingliederungsvereinbarung' | 'kooperationsplan';

export interface PlanKindInfo {
  kind: PlanKind;
  label: string;
  legalBasis: string;
}

/** What the plan is called, by its date: before 1.7.2023 an Eingliederungsvereinbarung, from then a Kooperationsplan. */
export function planKindOn(planDate: IsoDate): PlanKindInfo {
  return planDate >= KOOPERATIONSPLAN_FROM
    ? {
        kind: 'kooperationsplan',
        label: 'Kooperationsplan',
        legalBasis: '§ 15 SGB II in der Fassung des Bürgergeld-Gesetzes (ab 1.7.2023)',
      }
    : {
        kind: 'eingliederungsvereinbarung',
        label: 'Eingliederungsvereinbarung',
        legalBasis: '§ 15 SGB II in der Fassung vom 1.8.2016 bis 30.6.2023',
      };
}

/** The latest allowed review date: six calendar months after the plan date (month end clamped). */
export function latestReviewDate(planDate: IsoDate): IsoDate {
  return addMonths(planDate, MAX_REVIEW_MONTHS);
}

const formatDe = (iso: IsoDate) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Plan date and review date (§ 15 Abs. 3 SGB II): review after the plan date and at most six months later. */
export function checkPlanDates(planDate: IsoDate, reviewDate: IsoDate, today: IsoDate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (planDate < PLAN_LAW_FROM)
    problems.push({
      field: 'planDate',
      message: `Das Datum liegt vor dem 1.8.2016; Teilhabe erfasst Pläne nach § 15 SGB II erst ab dieser Fassung.`,
    });
  if (planDate > today) problems.push({ field: 'planDate', message: 'Das Datum des Plans liegt in der Zukunft.' });
  if (reviewDate <= planDate)
    problems.push({ field: 'reviewDate', message: 'Die Überprüfung muss nach dem Datum des Plans liegen.' });
  else if (reviewDate > latestReviewDate(planDate))
    problems.push({
      field: 'reviewDate',
      message: `Die Überprüfung muss spätestens sechs Monate nach dem Plan stattfinden (§ 15 Abs. 3 SGB II), also bis ${formatDe(latestReviewDate(planDate))}.`,
    });
  return problems;
}

/** KldB 2010: five digits, the fifth is the requirement level 1–4 (Helfer, Fachkraft, Spezialist, Experte). */
export const KLDB_PATTERN = /^\d{4}[1-4]$/;

export function isKldbCode(code: string): boolean {
  return KLDB_PATTERN.test(code);
}

/** The requirement level of a KldB 2010 code, or undefined for a malformed code. */
export function kldbLevel(code: string): { level: KldbLevel; label: string } | undefined {
  if (!isKldbCode(code)) return undefined;
  const level = Number(code[4]) as KldbLevel;
  return { level, label: KLDB_LEVELS[level] };
}

/** The German name of a code: from the small list if it is there, else the code and its level. */
export function kldbLabel(code: string): string {
  const level = kldbLevel(code);
  const known = KLDB_COMMON.find((o) => o.code === code);
  if (!level) return code;
  return known ? `${known.label} – ${level.label}` : `KldB ${code} – ${level.label}`;
}

/** Searches the small list by code prefix or words of the name (case-insensitive, all words must match). */
export function searchKldb(query: string, limit = 20): { code: string; label: string; level: string }[] {
  const words = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
  return KLDB_COMMON.filter((o) => {
    const hay = `${o.code} ${o.label} ${kldbLevel(o.code)?.label ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  })
    .slice(0, limit)
    .map((o) => ({ code: o.code, label: o.label, level: kldbLevel(o.code)?.label ?? '' }));
}

export function checkOccupations(codes: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  codes.forEach((code, i) => {
    if (!isKldbCode(code))
      problems.push({
        field: `targetOccupations.${i}`,
        message: `„${code}“ ist kein KldB-2010-Code: fünf Ziffern, die letzte gibt das Anforderungsniveau an (1 Helfer, 2 Fachkraft, 3 Spezialist, 4 Experte).`,
      });
  });
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code))
      problems.push({ field: `targetOccupations.${i}`, message: `Der Zielberuf ${code} steht doppelt in der Liste.` });
    seen.add(code);
  });
  return problems;
}

export interface StepInput {
  description?: string | null;
  owner?: StepOwner | null;
  dueDate?: IsoDate | null;
  doneOn?: IsoDate | null;
}

/**
 * Every agreed step needs what, who and by when (§ 15 Abs. 2 SGB II: "welche Leistungen … erhält",
 * "welche Bemühungen … in welcher Häufigkeit … nachweisen muss"); a step without an owner or a due date
 * cannot be followed up. The messages name the step by its number as the form shows it.
 */
export function checkSteps(steps: readonly StepInput[], planDate: IsoDate, today: IsoDate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  steps.forEach((s, i) => {
    const n = i + 1;
    if (!s.description?.trim())
      problems.push({ field: `steps.${i}.description`, message: `Schritt ${n}: Bitte beschreiben Sie, was zu tun ist.` });
    if (!s.owner)
      problems.push({
        field: `steps.${i}.owner`,
        message: `Schritt ${n}: Bitte wählen Sie, wer zuständig ist (Kundin/Kunde oder Jobcenter).`,
      });
    if (!s.dueDate)
      problems.push({ field: `steps.${i}.dueDate`, message: `Schritt ${n}: Bitte geben Sie an, bis wann (Fälligkeit).` });
    else if (s.dueDate < planDate)
      problems.push({ field: `steps.${i}.dueDate`, message: `Schritt ${n}: Die Fälligkeit liegt vor dem Datum des Plans.` });
    if (s.doneOn && s.doneOn > today)
      problems.push({ field: `steps.${i}.doneOn`, message: `Schritt ${n}: „Erledigt am“ liegt in der Zukunft.` });
  });
  return problems;
}

/** MitArbeit review: at least one reason; "other" only with a note saying what it is. */
export function checkMitarbeitReasons(reasons: readonly MitarbeitReason[], note: string | null | undefined): FieldProblem[] {
  if (!reasons.length) return [{ field: 'reasons', message: 'Bitte wählen Sie mindestens einen Grund.' }];
  if (reasons.includes('other') && !note?.trim())
    return [{ field: 'note', message: 'Beim Grund „Sonstiger Grund“ bitte in der Notiz nennen, welcher.' }];
  return [];
}

/**
 * Small groups in exported aggregates: the one rule of statistical confidentiality
 * (indicators/confidentiality.ts: 1 to 4 persons are not shown, 0 is); this export marks them "<5".
 */
export function suppressSmall(count: number): number | '<5' {
  return isSmallGroup(count) ? '<5' : count;
}

/** Agenda horizon: items due within this many days (and anything overdue). */
export const AGENDA_DAYS = 28;
