import { z } from 'zod';
import { isoDate, uuid, version } from '../people/model.ts';
import { INSTRUMENTS, SOURCE_KINDS } from './codes.ts';

/** Shapes of the budget module for API and forms; German messages, money in integer cents. */

export const cents = (what: string) =>
  z
    .int({ error: `${what} muss ein ganzer Centbetrag sein` })
    .min(0, `${what} darf nicht negativ sein`)
    .max(100_000_000_000, `${what} ist unplausibel hoch`);
export const positiveCents = (what: string) => cents(what).min(1, `${what} muss größer als 0 sein`);

export const month = z.string({ error: 'Monat fehlt' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Monat im Format JJJJ-MM angeben');
export const year = z.coerce
  .number({ error: 'Jahr fehlt' })
  .int('Jahr muss eine ganze Zahl sein')
  .min(2005, 'Jahr vor 2005')
  .max(2100, 'Jahr nach 2100');
export const instrument = z.enum(INSTRUMENTS, { error: 'unbekanntes Instrument' });
export const overrideReason = z
  .string()
  .trim()
  .min(10, 'Begründung: mindestens 10 Zeichen')
  .max(500, 'Begründung: höchstens 500 Zeichen')
  .optional();

export const sourceCreate = z.object({
  kind: z.enum(SOURCE_KINDS, { error: 'unbekannte Mittelart' }),
  label: z.string().trim().min(1, 'Bezeichnung fehlt').max(120, 'Bezeichnung: höchstens 120 Zeichen'),
});

export const allocationInput = z.object({
  year,
  sourceId: uuid,
  allocatedCents: cents('Zuteilung'),
  /** Version of the existing allocation; omit when the year is opened for the source. */
  version: version.optional(),
});

export const planLineInput = z.object({ year, sourceId: uuid, instrument, plannedCents: cents('Planansatz') });

export const monthAmount = z.object({ month, cents: cents('Betrag') });

export const manualCommitment = z
  .object({
    sourceId: uuid,
    instrument,
    description: z.string().trim().min(1, 'Bezeichnung fehlt').max(200, 'Bezeichnung: höchstens 200 Zeichen'),
    fromMonth: month,
    toMonth: month,
    totalCents: positiveCents('Betrag'),
    overrideReason,
  })
  .refine((c) => c.toMonth >= c.fromMonth, { path: ['toMonth'], message: 'Bis-Monat liegt vor dem Von-Monat' });

export const paymentInput = z.object({
  paidOn: isoDate('Zahltag'),
  cents: positiveCents('Betrag'),
  forMonth: month.optional(),
  reference: z.string().trim().max(100, 'Beleg: höchstens 100 Zeichen').optional(),
});

export const releaseInput = z.object({ fromMonth: month });
