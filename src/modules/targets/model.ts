import { z } from 'zod';
import { FIGURES } from '../indicators/definitions.ts';
import { COMPARATORS } from './schema.ts';

/** Shapes of the target agreement for API and form; percent values with at most two decimals. */
const CODES = FIGURES.map((f) => f.code) as [string, ...string[]];

export const targetYear = z.coerce
  .number({ error: 'Jahr fehlt' })
  .int('Jahr als ganze Zahl, z. B. 2019')
  .min(2005, 'Jahr ab 2005')
  .max(2100, 'Jahr bis 2100');

export const targetValue = z
  .number({ error: 'Zielwert fehlt' })
  .min(-1000, 'Zielwert zwischen −1.000 und 1.000 %')
  .max(1000, 'Zielwert zwischen −1.000 und 1.000 %')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'Zielwert mit höchstens zwei Nachkommastellen' });

export const targetInput = z.object({
  year: targetYear,
  code: z.enum(CODES, { error: 'Unbekannte Kennzahl' }),
  comparator: z.enum(COMPARATORS, { error: 'Vergleich muss „>=“ (mindestens) oder „<=“ (höchstens) sein' }),
  value: targetValue,
  note: z
    .string()
    .trim()
    .max(300, 'Anmerkung höchstens 300 Zeichen')
    .transform((s) => s || null)
    .nullish(),
});

export const targetUpdate = targetInput.omit({ year: true, code: true }).extend({
  version: z.int({ error: 'Version fehlt' }).positive(),
});

export const targetOut = z.object({
  id: z.string(),
  year: z.number(),
  code: z.string(),
  comparator: z.enum(COMPARATORS),
  /** percent, e.g. 24 or −2 */
  value: z.number(),
  note: z.string().nullable(),
  version: z.number(),
});
export type TargetOut = z.infer<typeof targetOut>;
