import { z } from 'zod';
import { addDays } from '../../lib/dates.ts';
import { COUNTRY_CODE, STATUS_VALUES } from './codes.ts';
import { EMPLOYMENT_KINDS, MEMBERSHIP_ROLES, STATUS_KINDS } from './schema.ts';

/**
 * Shapes of the people module for API, forms and import. Dates are ISO strings; periods are given
 * inclusively at this edge (`validFrom` … `validUntil`, the last day; empty = open) because that is how
 * staff read "vom … bis …"; storage and rules use half-open periods (see toStoredPeriod).
 */
export const CUSTOMER_NUMBER = /^\d{3}[A-Z]\d{6}$/;
export const HOUSEHOLD_NUMBER = /^\d{5}BG\d{7}$/;
export const EARLIEST_DATE = '1900-01-01';

export const isoDate = (what: string) =>
  z
    .string({ error: `${what} fehlt` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} ist kein Datum (JJJJ-MM-TT)`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      message: `${what} ist kein gültiges Kalenderdatum`,
    })
    .refine((s) => s >= EARLIEST_DATE, { message: `${what} liegt vor 1900` });

const text = (what: string, max = 100) =>
  z
    .string({ error: `${what} fehlt` })
    .trim()
    .min(1, `${what} darf nicht leer sein`)
    .max(max, `${what} darf höchstens ${max} Zeichen lang sein`);
const optionalText = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, `${what} darf höchstens ${max} Zeichen lang sein`)
    .transform((s) => s || null)
    .nullish();

export const uuid = z.uuid({ error: 'keine gültige Kennung' });
export const version = z.int({ error: 'Version fehlt' }).positive();

export const personFields = z.object({
  customerNumber: z
    .string({ error: 'Kundennummer fehlt' })
    .trim()
    .toUpperCase()
    .regex(CUSTOMER_NUMBER, 'Kundennummer hat nicht die Form 123A456789 (3 Ziffern, 1 Buchstabe, 6 Ziffern)'),
  familyName: text('Nachname'),
  givenNames: text('Vorname'),
  birthDate: isoDate('Geburtsdatum'),
  sex: z.enum(['m', 'w', 'd'], { error: 'Geschlecht muss m, w oder d sein' }),
  nationality: z
    .string()
    .trim()
    .toUpperCase()
    .regex(COUNTRY_CODE, 'Staatsangehörigkeit als Ländercode mit 2 Buchstaben (z. B. DE, SY)')
    .nullish(),
  phone: optionalText('Telefon', 40),
  email: z
    .email({ error: 'E-Mail-Adresse ist ungültig' })
    .nullish()
    .or(z.literal('').transform(() => null)),
  street: optionalText('Straße'),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'Postleitzahl hat 5 Ziffern')
    .transform((s) => s || null)
    .nullish(),
  city: optionalText('Ort'),
});
export type PersonFields = z.infer<typeof personFields>;

export const personCreate = personFields.extend({
  teamId: uuid,
  /** Optional first household membership. */
  householdId: uuid.optional(),
  role: z.enum(MEMBERSHIP_ROLES).optional(),
  memberFrom: isoDate('Mitglied seit').optional(),
});
export const personUpdate = personFields.partial().extend({ version });

const inclusivePeriod = {
  validFrom: isoDate('Beginn'),
  validUntil: isoDate('Ende').nullish(),
};
const periodRefine = <T extends { validFrom: string; validUntil?: string | null }>(p: T, ctx: z.RefinementCtx) => {
  if (p.validUntil && p.validUntil < p.validFrom)
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Ende liegt vor dem Beginn' });
};

export const benefitPeriodInput = z
  .object({
    ...inclusivePeriod,
    householdId: uuid.nullish(),
    employable: z.boolean({ error: 'Erwerbsfähigkeit fehlt (ja/nein)' }),
    otherJobcenter: optionalText('Anderes Jobcenter'),
    personVersion: version,
  })
  .superRefine(periodRefine)
  .superRefine((p, ctx) => {
    if (!p.householdId && !p.otherJobcenter)
      ctx.addIssue({
        code: 'custom',
        path: ['householdId'],
        message: 'Bedarfsgemeinschaft fehlt (oder anderes Jobcenter angeben)',
      });
    if (p.householdId && p.otherJobcenter)
      ctx.addIssue({
        code: 'custom',
        path: ['otherJobcenter'],
        message: 'Zeiten eines anderen Jobcenters gehören zu keiner Bedarfsgemeinschaft dieses Jobcenters',
      });
  });

export const statusPeriodInput = z
  .object({
    ...inclusivePeriod,
    kind: z.enum(STATUS_KINDS, { error: 'Art des Status ist unbekannt' }),
    value: z.string({ error: 'Wert fehlt' }),
    detail: z
      .string()
      .trim()
      .toUpperCase()
      .regex(COUNTRY_CODE, 'Herkunftsland als Ländercode mit 2 Buchstaben (z. B. SY)')
      .nullish()
      .or(z.literal('').transform(() => null)),
    personVersion: version,
  })
  .superRefine(periodRefine)
  .superRefine((p, ctx) => {
    if (!Object.hasOwn(STATUS_VALUES[p.kind], p.value))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `Wert ist für diese Art nicht erlaubt (erlaubt: ${Object.keys(STATUS_VALUES[p.kind]).join(', ')})`,
      });
  });

export const teamAssignmentInput = z
  .object({ ...inclusivePeriod, teamId: uuid, personVersion: version })
  .superRefine(periodRefine);

export const employmentInput = z
  .object({
    ...inclusivePeriod,
    kind: z.enum(EMPLOYMENT_KINDS, { error: 'Art der Beschäftigung ist unbekannt' }),
    weeklyHours: z
      .number({ error: 'Wochenstunden müssen eine Zahl sein' })
      .positive('Wochenstunden müssen größer als 0 sein')
      .max(80, 'Wochenstunden dürfen höchstens 80 sein')
      .multipleOf(0.1, 'Wochenstunden mit höchstens einer Nachkommastelle')
      .nullish(),
    employer: optionalText('Arbeitgeber'),
    personVersion: version,
  })
  .superRefine(periodRefine);

export const householdCreate = z.object({
  number: z
    .string({ error: 'BG-Nummer fehlt' })
    .trim()
    .toUpperCase()
    .regex(HOUSEHOLD_NUMBER, 'BG-Nummer hat nicht die Form 12345BG1234567'),
  teamId: uuid,
  caseworkerId: uuid.nullish(),
  benefitOfficerId: uuid.nullish(),
});
export const householdUpdate = householdCreate.omit({ number: true }).partial().extend({ version });

export const membershipInput = z
  .object({
    ...inclusivePeriod,
    personId: uuid,
    role: z.enum(MEMBERSHIP_ROLES, { error: 'Rolle ist unbekannt' }),
    householdVersion: version,
  })
  .superRefine(periodRefine);

const cents = (what: string) =>
  z
    .int({ error: `${what} muss ein ganzer Betrag in Cent sein` })
    .min(0, `${what} darf nicht negativ sein`)
    .max(10_000_000_00, `${what} ist unplausibel hoch`);
export const paymentInput = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Monat im Format JJJJ-MM'),
  standardCents: cents('Regelbedarf'),
  additionalCents: cents('Mehrbedarfe'),
  housingCents: cents('Kosten der Unterkunft'),
  householdVersion: version,
});

export const purpose = z
  .enum(['casework', 'benefit', 'review', 'data_subject_request', 'supervision'], { error: 'Zweck ist unbekannt' })
  .default('casework');
export const PURPOSE_LABELS: Record<z.infer<typeof purpose>, string> = {
  casework: 'Fallbearbeitung',
  benefit: 'Leistungsbearbeitung',
  review: 'Fallbesprechung / Prüfung',
  data_subject_request: 'Auskunft an die betroffene Person (Art. 15 DSGVO)',
  supervision: 'Fachaufsicht',
};

/** Inclusive last day (edge) → exclusive end (storage). */
export function toStoredEnd(validUntil: string | null | undefined): string | null {
  return validUntil ? addDays(validUntil, 1) : null;
}
/** Exclusive end (storage) → inclusive last day (edge). */
export function toInclusiveEnd(validTo: string | null): string | null {
  return validTo ? addDays(validTo, -1) : null;
}
