import { z } from 'zod';
import { isoDate } from '../people/model.ts';
import { CONTACT_KINDS, CONTACT_STATUSES, MITARBEIT_REASONS, OBSTACLES, STEP_OWNERS } from './codes.ts';

/**
 * Shapes of the planning API. Presence of step owner and due date is checked in rules.ts (checkSteps),
 * not here, so that the message can name the step ("Schritt 2: …") and all problems come at once.
 */
const optionalText = (what: string, max = 4000) =>
  z
    .string()
    .trim()
    .max(max, `${what} darf höchstens ${max} Zeichen lang sein`)
    .transform((s) => s || null)
    .nullish();

export const stepInput = z.object({
  description: z.string().trim().max(500, 'Ein Schritt darf höchstens 500 Zeichen lang sein').nullish(),
  owner: z.enum(STEP_OWNERS, { error: 'Zuständig muss „Kundin/Kunde“ oder „Jobcenter“ sein' }).nullish(),
  dueDate: isoDate('Fälligkeit').nullish(),
  doneOn: isoDate('Erledigt am').nullish(),
});

export const planInput = z.object({
  /** The plan's version as loaded; 0 when the person has no plan yet. */
  version: z.int({ error: 'Version fehlt' }).min(0),
  planDate: isoDate('Datum des Plans'),
  reviewDate: isoDate('Überprüfung am'),
  strengths: optionalText('Stärken'),
  skills: optionalText('Berufliche Fähigkeiten'),
  obstacles: z
    .array(z.enum(OBSTACLES, { error: 'unbekanntes Hemmnis' }))
    .max(OBSTACLES.length)
    .default([]),
  obstacleNote: optionalText('Hemmnisse (Freitext)'),
  goal: z
    .string({ error: 'Ziel fehlt' })
    .trim()
    .min(1, 'Bitte nennen Sie das Ziel der Eingliederung')
    .max(1000, 'Das Ziel darf höchstens 1000 Zeichen lang sein'),
  targetOccupations: z.array(z.string().trim()).max(10, 'Höchstens 10 Zielberufe').default([]),
  customerWords: optionalText('In eigenen Worten'),
  steps: z.array(stepInput).min(1, 'Bitte vereinbaren Sie mindestens einen Schritt').max(30, 'Höchstens 30 Schritte'),
});
export type PlanInput = z.infer<typeof planInput>;

const time = z.string({ error: 'Uhrzeit fehlt' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit als SS:MM, z. B. 09:30');

export const contactCreate = z.object({
  kind: z.enum(CONTACT_KINDS, { error: 'Bitte wählen Sie die Art des Kontakts' }),
  contactDate: isoDate('Datum'),
  contactTime: time,
  status: z.enum(CONTACT_STATUSES, { error: 'Status muss geplant, stattgefunden oder versäumt sein' }).default('planned'),
  note: optionalText('Notiz', 2000),
});

export const contactUpdate = z.object({
  version: z.int({ error: 'Version fehlt' }).positive(),
  status: z.enum(CONTACT_STATUSES, { error: 'Status muss geplant, stattgefunden oder versäumt sein' }),
  note: optionalText('Notiz', 2000),
});

export const mitarbeitInput = z.object({
  reviewDate: isoDate('Datum der Prüfung'),
  reasons: z.array(z.enum(MITARBEIT_REASONS, { error: 'unbekannter Grund' })).max(MITARBEIT_REASONS.length),
  note: optionalText('Notiz', 2000),
});
