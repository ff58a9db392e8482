/**
 * Monthly claims of a demo household (household_payments): Regelbedarf (§ 20, § 23 SGB II), Mehrbedarfe
 * (§ 21) and housing costs (§ 22), in cents, before sanctions and without counting income.
 *
 * Regelbedarfe in euros per Regelbedarfsstufe 1–6 (RBEG 2011/2017 and the yearly adjustment ordinances
 * RBSFV 2015–2020): 1 single adult or single parent, 2 each partner, 3 adult under 25 in the parents'
 * household (and other adult members), 4 aged 14–17, 5 aged 6–13, 6 aged 0–5.
 */
export const REGELBEDARF: Record<number, readonly [number, number, number, number, number, number]> = {
  2014: [391, 353, 313, 296, 261, 229],
  2015: [399, 360, 320, 302, 267, 234],
  2016: [404, 364, 324, 306, 270, 237],
  2017: [409, 368, 327, 311, 291, 237],
  2018: [416, 374, 332, 316, 296, 240],
  2019: [424, 382, 339, 322, 302, 245],
  2020: [432, 389, 345, 328, 308, 250],
  2021: [446, 401, 357, 373, 309, 283],
};

export type Stufe = 1 | 2 | 3 | 4 | 5 | 6;

/** Regelbedarf in cents for a year (years outside the table use the nearest). */
export function regelbedarfCents(year: number, stufe: Stufe): number {
  const y = Math.min(2021, Math.max(2014, year));
  return ((REGELBEDARF[y] as readonly number[])[stufe - 1] as number) * 100;
}

/** Stufe by role and completed years of age at the start of the month. */
export function stufeOf(role: 'applicant' | 'partner' | 'child' | 'other', age: number, hasPartner: boolean): Stufe {
  if (age < 6) return 6;
  if (age < 14) return 5;
  if (age < 18) return 4;
  if (role === 'applicant') return hasPartner ? 2 : 1;
  if (role === 'partner') return 2;
  return 3;
}

/**
 * Mehrbedarf for single parents (§ 21 (3) SGB II) in percent of Regelbedarfsstufe 1: 36 % with one
 * child under 7 or two or three children under 16, else 12 % per minor child if that is more; at most 60 %.
 */
export function singleParentPercent(childAges: readonly number[]): number {
  const minors = childAges.filter((a) => a < 18);
  if (!minors.length) return 0;
  const under7 = minors.filter((a) => a < 7).length;
  const under16 = minors.filter((a) => a < 16).length;
  const base = (minors.length === 1 && under7 === 1) || (under16 >= 2 && under16 <= 3) ? 36 : 0;
  return Math.min(60, Math.max(base, 12 * minors.length));
}

/** Decentralised hot water (§ 21 (7) SGB II) in per mille of the person's Regelbedarf, by Stufe. */
export const HOT_WATER_PER_MILLE: Record<Stufe, number> = { 1: 23, 2: 23, 3: 23, 4: 14, 5: 12, 6: 8 };

/** Costly nutrition (§ 21 (5) SGB II, Mehrbedarfe-Empfehlungen des Deutschen Vereins): 10 % of Stufe 1. */
export const NUTRITION_PERCENT = 10;

/**
 * Reasonable gross cold rent in the district by household size (euros; demo values in the range of the
 * Lahn-Dill-Kreis' Richtwerte) and heating per square metre.
 */
const RENT_LIMIT = [0, 376, 452, 535, 620, 705, 790, 875];
const FLAT_SQM = [0, 45, 60, 75, 85, 95, 105, 115];
const HEATING_CENTS_PER_SQM = 125;

/** Housing costs (KdU) in cents for a month: rent factor of the flat × limit for the size, plus heating. */
export function housingCents(size: number, rentFactorPermille: number, year: number): number {
  const n = Math.min(7, Math.max(1, size));
  const yearIndex = 1000 + 18 * (Math.min(2021, Math.max(2014, year)) - 2015); // about 1.8 % a year
  const rent = Math.round((((RENT_LIMIT[n] as number) * 100 * rentFactorPermille) / 1000) * (yearIndex / 1000));
  const heating = (FLAT_SQM[n] as number) * HEATING_CENTS_PER_SQM;
  return rent + heating;
}

/** A month's amount for `days` days of receipt (a month counts 30 days, § 41 (1) SGB II). */
export function prorate(cents: number, days: number): number {
  return days >= 30 ? cents : Math.round((cents * days) / 30);
}
