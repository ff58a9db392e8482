import { z } from 'zod';
import { isoDate, uuid, version } from '../people/model.ts';
import {
  CUSTOMER_CHOICE_CODES,
  EXIT_REASON_CODES,
  LEGAL_BASIS_CODES,
  OUTCOME_CODES,
  SCHEDULE_KIND_CODES,
  TARGET_GROUP_CODES,
} from './code-lists.ts';

/** Shapes of the measures module for API and forms; German messages name the field. */
export { uuid, version };

const text = (what: string, max = 200) =>
  z
    .string({ error: `${what} fehlt` })
    .trim()
    .min(1, `${what} darf nicht leer sein`)
    .max(max, `${what} darf höchstens ${max} Zeichen lang sein`);
const optionalText = (what: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${what} darf höchstens ${max} Zeichen lang sein`)
    .transform((s) => s || null)
    .nullish();

export const providerContact = z.object({
  name: text('Name der Kontaktperson', 100),
  role: optionalText('Funktion', 100),
  phone: optionalText('Telefon', 40),
  email: z
    .email({ error: 'E-Mail-Adresse ist ungültig' })
    .nullish()
    .or(z.literal('').transform(() => null)),
});

export const providerInput = z.object({
  name: text('Name des Trägers'),
  contacts: z.array(providerContact).max(20, 'Höchstens 20 Kontaktpersonen').default([]),
});
export const providerUpdate = providerInput.partial().extend({ version });

const measureFields = z.object({
  providerId: uuid,
  name: text('Name der Maßnahme'),
  description: optionalText('Beschreibung'),
  legalBasis: z.enum(LEGAL_BASIS_CODES, { error: 'Unbekannte Rechtsgrundlage' }),
  targetGroups: z.array(z.enum(TARGET_GROUP_CODES, { error: 'Unbekannte Zielgruppe' })).default([]),
  site: text('Standort', 100),
  places: z
    .int({ error: 'Plätze: bitte eine ganze Zahl angeben' })
    .min(1, 'Eine Maßnahme braucht mindestens einen Platz (Plätze: 0 ist nicht möglich)')
    .max(10_000, 'Plätze: höchstens 10.000'),
  weeklyEntryLimit: z.int().min(1, 'Einstiege je Woche: mindestens 1 (oder leer für unbegrenzt)').nullish(),
  entryWeekdays: z
    .array(z.int().min(1, 'Wochentag 1 (Montag) bis 7 (Sonntag)').max(7, 'Wochentag 1 (Montag) bis 7 (Sonntag)'))
    .default([]),
  durationValue: z.int({ error: 'Regeldauer fehlt' }).min(1, 'Regeldauer: mindestens 1').max(104, 'Regeldauer: höchstens 104'),
  durationUnit: z.enum(['weeks', 'months'], { error: 'Einheit der Regeldauer: Wochen oder Monate' }),
  scheduleKind: z.enum(SCHEDULE_KIND_CODES, { error: 'Zeitmodell: Vollzeit, Teilzeit oder beides' }),
  scheduleNote: optionalText('Zeiten', 200),
  daysPerWeek: z.int().min(1, 'Tage je Woche: 1 bis 7').max(7, 'Tage je Woche: 1 bis 7').nullish(),
  childcareOnSite: z.boolean().default(false),
  costPerMonthCents: z
    .int({ error: 'Kosten je Teilnehmermonat in Cent (ganze Zahl)' })
    .min(0, 'Kosten je Teilnehmermonat dürfen nicht negativ sein'),
  contractFrom: isoDate('Vertragsbeginn'),
  /** Last day of the contract (inclusive); empty = open. */
  contractUntil: isoDate('Vertragsende').nullish(),
  integrationTargetPercent: z.int().min(0, 'Zielquote: 0 bis 100 %').max(100, 'Zielquote: 0 bis 100 %').nullish(),
});
export const measureInput = measureFields;
export const measureUpdate = measureFields.partial().extend({ version });
export type MeasureInput = z.infer<typeof measureInput>;

export const measureFilter = z.object({
  q: z.string().trim().max(100).optional(),
  targetGroup: z.enum(TARGET_GROUP_CODES).optional(),
  site: z.string().trim().max(100).optional(),
  freeOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export const proposeInput = z.object({
  personId: uuid,
  measureId: uuid,
  assignedOn: isoDate('Datum der Zuweisung'),
  plannedEntry: isoDate('Geplanter Eintritt').nullish(),
  note: optionalText('Notiz', 1000),
  /** Required when the person is outside the measure's target groups. */
  targetGroupOverride: optionalText('Begründung', 1000),
});
export const agreeInput = z.object({
  version,
  agreedOn: isoDate('Datum der Vereinbarung'),
  customerChoice: z.enum(CUSTOMER_CHOICE_CODES, { error: 'Bitte die Entscheidung der Kundin / des Kunden wählen' }),
  customerReasons: text('Gründe in eigenen Worten', 2000),
});
export const entryInput = z.object({
  version,
  entryDate: isoDate('Eintrittsdatum'),
  /** Last planned day; default: entry + the measure's standard duration. */
  plannedEnd: isoDate('Geplantes Ende').nullish(),
  /** Passed to the budget check (e.g. to override a budget warning). */
  budgetOverrideReason: optionalText('Begründung', 1000),
});
export const versionOnly = z.object({ version });
export const exitInput = z.object({
  version,
  exitDate: isoDate('Austrittsdatum'),
  exitReason: z.enum(EXIT_REASON_CODES, { error: 'Bitte den Austrittsgrund wählen' }),
});
export const outcomeInput = z.object({
  version,
  outcome: z.enum(OUTCOME_CODES, { error: 'Bitte den Verbleib wählen' }),
  outcomeOn: isoDate('Stichtag des Verbleibs'),
});
export const qualityNoteInput = z.object({
  meetingOn: isoDate('Datum des Gesprächs'),
  note: text('Notiz', 4000),
});
export const evaluationQuery = z.object({
  /** Both empty: the latest calendar year with exits. */
  from: isoDate('Beginn').optional(),
  to: isoDate('Ende').optional(),
});
