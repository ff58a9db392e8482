import { daysInMonth } from '../../lib/dates.ts';
import {
  HOT_WATER_PER_MILLE,
  housingCents,
  NUTRITION_PERCENT,
  prorate,
  regelbedarfCents,
  singleParentPercent,
  stufeOf,
} from './money.ts';
import { ageAt, firstDay, type Household, type Person, type Role, ym } from './population.ts';

/**
 * A household's monthly claims (household_payments) from its recorded history: who was in receipt on
 * how many days of the month, in which role and at what age. Regelbedarf by Stufe, Mehrbedarfe for single
 * parents, decentralised hot water and costly nutrition, housing costs by household size.
 */
export interface Claims {
  standard: number;
  additional: number;
  housing: number;
}

interface Entry {
  person: Person;
  role: Role;
  days: number;
  age: number;
}

export function claimsInMonth(hh: Household, month: number): Claims | null {
  const first = firstDay(month);
  const [year, mo] = ym(month);
  const end = first + daysInMonth(year, mo);
  const entries: Entry[] = [];
  for (const { person, span } of hh.spans) {
    const a = Math.max(span.from, first);
    const b = Math.min(span.to, end);
    if (b <= a) continue;
    const known = entries.find((e) => e.person === person);
    if (known) {
      known.days += b - a;
      known.role = span.role;
    } else entries.push({ person, role: span.role, days: b - a, age: ageAt(person.birth, a) });
  }
  if (!entries.length) return null;
  const hasPartner = entries.some((e) => e.role === 'partner');
  let standard = 0;
  let additional = 0;
  let maxDays = 0;
  const rb1 = regelbedarfCents(year, 1);
  for (const e of entries) {
    const days = Math.min(e.days, 30);
    if (days > maxDays) maxDays = days;
    const stufe = stufeOf(e.role, e.age, hasPartner);
    const rb = regelbedarfCents(year, stufe);
    standard += prorate(rb, days);
    if (hh.hotWater) additional += prorate(Math.round((rb * HOT_WATER_PER_MILLE[stufe]) / 1000), days);
    if (e.person.nutrition && e.age >= 15) additional += prorate(Math.round((rb1 * NUTRITION_PERCENT) / 100), days);
    if (e.role === 'applicant' && !hasPartner) {
      const pct = singleParentPercent(entries.filter((c) => c.role === 'child').map((c) => c.age));
      if (pct) additional += prorate(Math.round((rb1 * pct) / 100), days);
    }
  }
  const housing = prorate(housingCents(entries.length, hh.rentPermille, year), maxDays);
  return { standard, additional, housing };
}

/** Subsistence (LLU: Regelbedarf + Mehrbedarfe) of a month over many households, in cents. */
export function subsistenceInMonth(households: Iterable<Household>, month: number): number {
  let sum = 0;
  for (const hh of households) {
    const c = claimsInMonth(hh, month);
    if (c) sum += c.standard + c.additional;
  }
  return sum;
}
