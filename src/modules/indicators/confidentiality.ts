/**
 * Statistical confidentiality (statistische Geheimhaltung) for exported documents: a figure whose
 * group has fewer than five persons is not shown, so that no one can be recognised in a small team
 * or group. Source: § 16 BStatG (Geheimhaltung) and § 35 SGB I / § 67 ff. SGB X (Sozialgeheimnis);
 * the threshold follows the practice of BA Statistik and of the Jobcenter's own reports
 * (Fallzahlen unter 5 werden nicht ausgewiesen). Valid from 2026-01-01 (first version of Teilhabe).
 *
 * One rule, used by every export (dashboard CSV/XLSX, team report, Eingliederungsbericht):
 *  - primary suppression: a cell is suppressed when its group has 1 to 4 persons (0 persons is shown:
 *    "nobody" reveals nothing about a person);
 *  - secondary (complementary) suppression: within a partition whose cells add up to a total that is
 *    shown too (men / women / diverse; the three age groups), a single suppressed cell could be
 *    recovered by subtraction, so the smallest other non-empty cell of that partition is suppressed too.
 */
import type { FigureValue, StructureValue } from './figures.ts';

export const SUPPRESSION_THRESHOLD = 5;
/** What an exported document shows instead of a suppressed value. */
export const SUPPRESSION_SYMBOL = '•';
export const SUPPRESSION_FOOTNOTE =
  '• = Wert aus Gründen der statistischen Geheimhaltung nicht ausgewiesen: Die Gruppe umfasst weniger als 5 Personen ' +
  '(oder der Wert ließe sich aus einem solchen Wert und der Summe zurückrechnen).';

export type Suppression = 'primary' | 'secondary' | null;

/** True when a group of this many persons is too small to be shown (1 to 4; a mean may be fractional). */
export function isSmallGroup(persons: number): boolean {
  return persons > 0 && persons < SUPPRESSION_THRESHOLD;
}

/**
 * Which cells to suppress. `size` gives a cell's group size in persons; `partition` names the set of
 * complementary cells a cell belongs to (cells of one partition add up to a total shown elsewhere),
 * or null when the cell has no complement. Returns one entry per cell, in order.
 */
export function suppressSmall<T>(
  cells: readonly T[],
  size: (cell: T) => number,
  partition: (cell: T) => string | null = () => null,
): Suppression[] {
  const out: Suppression[] = cells.map((c) => (isSmallGroup(size(c)) ? 'primary' : null));
  const groups = new Map<string, number[]>();
  cells.forEach((c, i) => {
    const key = partition(c);
    if (key === null) return;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  for (const members of groups.values()) {
    const hidden = members.filter((i) => out[i] !== null);
    if (hidden.length !== 1) continue; // none hidden, or two or more hide each other
    const candidates = members.filter((i) => out[i] === null && size(cells[i] as T) > 0);
    if (!candidates.length) continue; // the others are empty: nothing to recover
    candidates.sort((a, b) => size(cells[a] as T) - size(cells[b] as T));
    out[candidates[0] as number] = 'secondary';
  }
  return out;
}

/**
 * The group size in persons behind a figure value: the base population of a rate (for the mean-of-
 * twelve-months rates the denominator is a sum over twelve months, so its mean), for change figures
 * the smaller of the two stocks compared. Money sums (K1, K1E1) are not counts of persons: null.
 */
export function figureGroupSize(v: Pick<FigureValue, 'code' | 'numerator' | 'denominator'>): number | null {
  switch (v.code) {
    case 'K1':
    case 'K1E1':
      return null;
    case 'K1E2':
    case 'K3':
      return Math.min(v.numerator, v.denominator);
    case 'K1E3':
    case 'K1E4':
    case 'K3E3':
    case 'K3E4':
      return v.denominator / 12;
    default:
      return v.denominator;
  }
}

/** Group size behind a structure value: a count is its own size, a share has the stock as its base. */
export function structureGroupSize(v: Pick<StructureValue, 'code' | 'numerator' | 'denominator'>): number {
  if (v.code === 'elb' || v.code === 'households' || v.code === 'integrations') return v.numerator;
  if (v.code === 'households_change') return Math.min(v.numerator, v.denominator);
  return v.denominator;
}

/** The partition a split belongs to (its cells add up to the total): sex and age groups. */
export function splitPartition(split: string): 'sex' | 'age' | null {
  if (split.startsWith('sex:')) return 'sex';
  if (split.startsWith('age:')) return 'age';
  return null;
}
