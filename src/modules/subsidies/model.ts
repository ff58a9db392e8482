import { z } from 'zod';
import { anniversaryDay, fromDay, toDay } from '../../lib/dates.ts';
import { month, overrideReason } from '../budget/model.ts';
import { isoDate, uuid, version } from '../people/model.ts';
import { SUBSIDY_BASES, WAGE_BASES } from './codes.ts';

export const basis = z.enum(SUBSIDY_BASES, { error: 'Förderart: 16i oder 16e' });

export const contractCreate = z
  .object({
    personId: uuid,
    basis,
    employer: z.string().trim().min(1, 'Arbeitgeber fehlt').max(200, 'Arbeitgeber: höchstens 200 Zeichen'),
    startsOn: isoDate('Beginn'),
    /** Last day of the contract as agreed (inclusive, as staff read "bis"). */
    endsOnInclusive: isoDate('Ende'),
    weeklyHours: z
      .number({ error: 'Wochenstunden fehlen' })
      .gt(0, 'Wochenstunden müssen größer als 0 sein')
      .max(48, 'höchstens 48 Wochenstunden')
      .refine((h) => Number.isInteger(h * 10), 'Wochenstunden mit höchstens einer Nachkommastelle'),
    wageBasis: z.enum(WAGE_BASES, { error: 'Lohngrundlage fehlt' }),
    agreedHourlyCents: z.int({ error: 'Stundenlohn in Cent' }).positive('Stundenlohn muss größer als 0 sein').nullish(),
    /** PAT share in basis points (2500 = 25 %); § 16i only. */
    patShareBp: z
      .int({ error: 'PAT-Anteil in Basispunkten' })
      .min(0, 'PAT-Anteil darf nicht negativ sein')
      .max(10000, 'PAT-Anteil höchstens 100 %')
      .default(0),
    /** Reason to fund a person who does not meet the criteria (needs subsidy.override). */
    eligibilityOverrideReason: overrideReason,
    /** Reason to commit beyond the free budget (needs budget.override). */
    budgetOverrideReason: overrideReason,
  })
  .refine((c) => c.endsOnInclusive >= c.startsOn, { path: ['endsOnInclusive'], message: 'Ende liegt vor dem Beginn' })
  .refine((c) => (c.wageBasis === 'agreed') === (c.agreedHourlyCents !== undefined && c.agreedHourlyCents !== null), {
    path: ['agreedHourlyCents'],
    message: 'Stundenlohn nur und genau bei vereinbartem Lohn angeben',
  })
  .refine((c) => c.basis === '16i' || c.patShareBp === 0, { path: ['patShareBp'], message: 'PAT nur für § 16i' })
  .refine((c) => c.basis !== '16e' || c.endsOnInclusive >= lastDayOfTwoYears(c.startsOn), {
    path: ['endsOnInclusive'],
    message: '§ 16e: das Arbeitsverhältnis muss für mindestens zwei Jahre begründet werden (§ 16e Abs. 1 SGB II)',
  });

/** The last day of the first two years from `startsOn` (inclusive): § 16e Abs. 1 asks for at least this long. */
export function lastDayOfTwoYears(startsOn: string): string {
  return fromDay(anniversaryDay(toDay(startsOn), 2) - 1);
}

export const contractEnd = z.object({ lastDay: isoDate('Letzter Arbeitstag'), version });
export const monthPayment = z.object({ month, paidOn: isoDate('Zahltag') });
export const coachingInput = z.object({
  heldOn: isoDate('Datum'),
  hours: z
    .number({ error: 'Stunden fehlen' })
    .gt(0, 'Stunden müssen größer als 0 sein')
    .max(10, 'höchstens 10 Stunden je Termin')
    .refine((h) => Number.isInteger(h * 4), 'Stunden in Viertelstunden (z. B. 1,25)'),
});
