import { z } from 'zod';
import { ROLES, TEAM_KINDS } from './schema.ts';

/** Shapes of the organisation module, shared by API, forms and CLI. */
export const TEAM_KIND_LABELS: Record<(typeof TEAM_KINDS)[number], string> = {
  regional: 'Regionalteam',
  u25: 'U25-Team',
  reha_sb: 'Reha/Schwerbehinderung',
  agps: 'Arbeitgeberservice (AGPS)',
  other: 'Sonstiges Team',
};

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  pap: 'Integrationsfachkraft (pAp)',
  leistung: 'Leistungssachbearbeitung',
  fallmanagement: 'Fallmanagement',
  teamleitung: 'Teamleitung',
  agps: 'Arbeitgeberservice',
  controlling: 'Controlling',
  vorstand: 'Vorstand',
  admin: 'Administration',
};

const name = (what: string) =>
  z
    .string({ error: `${what} fehlt` })
    .trim()
    .min(1, `${what} darf nicht leer sein`)
    .max(200, `${what} darf höchstens 200 Zeichen lang sein`);

export const id = z.uuid({ error: 'keine gültige Kennung' });

export const siteInput = z.object({ name: name('Name des Standorts') });

export const teamInput = z.object({
  name: name('Name des Teams'),
  siteId: id,
  kind: z.enum(TEAM_KINDS, { error: `Art des Teams muss eine von ${TEAM_KINDS.join(', ')} sein` }),
});
export const teamUpdate = teamInput.partial().extend({
  active: z.boolean().optional(),
  version: z.int({ error: 'Version fehlt' }),
});

export const username = z
  .string({ error: 'Benutzername fehlt' })
  .trim()
  .min(3, 'Benutzername muss mindestens 3 Zeichen lang sein')
  .max(64, 'Benutzername darf höchstens 64 Zeichen lang sein')
  .regex(/^[a-zA-Z0-9._-]+$/, 'Benutzername darf nur Buchstaben ohne Umlaute, Ziffern, Punkt, Minus und Unterstrich enthalten');

export const roleList = z
  .array(z.enum(ROLES, { error: `Rolle muss eine von ${ROLES.join(', ')} sein` }))
  .min(1, 'Mindestens eine Rolle ist nötig');

export const staffInput = z.object({
  username,
  displayName: name('Name'),
  email: z.email('keine gültige E-Mail-Adresse').optional().nullable(),
  roles: roleList,
  teamIds: z.array(id).default([]),
});
export const staffUpdate = z.object({
  displayName: name('Name').optional(),
  email: z.email('keine gültige E-Mail-Adresse').optional().nullable(),
  roles: roleList.optional(),
  teamIds: z.array(id).optional(),
  active: z.boolean().optional(),
  version: z.int({ error: 'Version fehlt' }),
});

export const siteOut = z.object({ id: z.string(), name: z.string(), version: z.number() });
export const teamOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  siteId: z.string(),
  siteName: z.string(),
  active: z.boolean(),
  version: z.number(),
  memberCount: z.number(),
});
export const staffOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(z.enum(ROLES)),
  teamIds: z.array(z.string()),
  version: z.number(),
});
export type TeamOut = z.infer<typeof teamOut>;
export type StaffOut = z.infer<typeof staffOut>;
