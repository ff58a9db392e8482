import { ROLES, TEAM_KINDS } from '../../org/schema.ts';
import { STATUS_KIND_LABELS } from '../codes.ts';
import { CUSTOMER_NUMBER, HOUSEHOLD_NUMBER } from '../model.ts';
import { EMPLOYMENT_KINDS, MEMBERSHIP_ROLES, STATUS_KINDS } from '../schema.ts';
import { bool, type Column, cents, col, date, hours, list, month, oneOf, optional, pattern, text } from './columns.ts';

/**
 * The interchange format of a whole Jobcenter: one CSV file per record type (docs/import-format.md is
 * written from these specs). Files are read in this order, so references point backwards.
 */
export interface FileSpec {
  file: string;
  title: string;
  doc: string;
  columns: Column[];
}

const customer = pattern(CUSTOMER_NUMBER, 'Kundennummer (Form 123A456789)', (s) => s.toUpperCase());
const household = pattern(HOUSEHOLD_NUMBER, 'BG-Nummer (Form 12345BG1234567)', (s) => s.toUpperCase());
const country = pattern(/^[A-Z]{2}$/, 'Ländercode (2 Buchstaben, ISO 3166)', (s) => s.toUpperCase());
const username = pattern(/^[a-zA-Z0-9._-]{3,64}$/, 'Benutzername');
const period = [
  col('valid_from', date(), 'erster Tag (TT.MM.JJJJ oder JJJJ-MM-TT)'),
  col('valid_until', optional(date()), 'letzter Tag, einschließlich; leer = andauernd', false),
];

export const FILES = [
  {
    file: 'jobcenter.csv',
    title: 'Jobcenter',
    doc: 'Eine Zeile: der Name des Jobcenters. Wird nur beim Import in eine leere Datenbank gebraucht.',
    columns: [col('name', text(), 'Name des Jobcenters')],
  },
  {
    file: 'sites.csv',
    title: 'Standorte',
    doc: 'Standorte, erkannt am Namen.',
    columns: [col('name', text(), 'Name des Standorts')],
  },
  {
    file: 'teams.csv',
    title: 'Teams',
    doc: 'Teams, erkannt am Namen.',
    columns: [
      col('name', text(), 'Name des Teams'),
      col('site', text(), 'Name des Standorts (sites.csv oder schon vorhanden)'),
      col('kind', oneOf(TEAM_KINDS), `Art: ${TEAM_KINDS.join(', ')}`),
    ],
  },
  {
    file: 'staff.csv',
    title: 'Mitarbeitende',
    doc: 'Konten, erkannt am Benutzernamen. Neue Konten erhalten ein zufälliges Passwort, das die Administration zurücksetzt; Passwörter werden weder importiert noch exportiert.',
    columns: [
      col('username', username, 'Benutzername'),
      col('display_name', text(), 'Anzeigename'),
      col('roles', list(oneOf(ROLES)), `Rollen, mit | getrennt: ${ROLES.join(', ')}`, false),
      col('teams', list(text()), 'Teams (Namen), mit | getrennt', false),
      col('active', bool(), 'aktiv: ja oder nein'),
    ],
  },
  {
    file: 'households.csv',
    title: 'Bedarfsgemeinschaften',
    doc: 'Bedarfsgemeinschaften, erkannt an der BG-Nummer.',
    columns: [
      col('number', household, 'BG-Nummer'),
      col('team', text(), 'zuständiges Team (Name)'),
      col('caseworker', optional(username), 'Integrationsfachkraft (pAp) des Tandems: Benutzername', false),
      col('benefit_officer', optional(username), 'Leistungssachbearbeitung des Tandems: Benutzername', false),
    ],
  },
  {
    file: 'persons.csv',
    title: 'Personen',
    doc: 'Personen, erkannt an der Kundennummer. Für jede Person in dieser Datei ersetzen die Zeilen der folgenden Verlaufsdateien ihren gespeicherten Verlauf (was gleich bleibt, bleibt unberührt).',
    columns: [
      col('customer_number', customer, 'Kundennummer'),
      col('family_name', text(100), 'Nachname'),
      col('given_names', text(100), 'Vorname(n)'),
      col('birth_date', date(), 'Geburtsdatum'),
      col('sex', oneOf(['m', 'w', 'd'] as const), 'Geschlecht: m, w oder d'),
      col('nationality', optional(country), 'Staatsangehörigkeit (Ländercode)', false),
      col('phone', optional(text(40)), 'Telefon', false),
      col('email', optional(pattern(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'E-Mail-Adresse')), 'E-Mail', false),
      col('street', optional(text()), 'Straße und Hausnummer', false),
      col('postcode', optional(pattern(/^\d{5}$/, 'Postleitzahl (5 Ziffern)')), 'Postleitzahl', false),
      col('city', optional(text()), 'Wohnort', false),
    ],
  },
  {
    file: 'household_memberships.csv',
    title: 'Mitgliedschaften in Bedarfsgemeinschaften',
    doc: 'Wer wann zu welcher Bedarfsgemeinschaft gehörte. Zeiträume einer Person dürfen sich nicht überschneiden.',
    columns: [
      col('customer_number', customer, 'Kundennummer'),
      col('household_number', household, 'BG-Nummer'),
      col('role', oneOf(MEMBERSHIP_ROLES), `Rolle: ${MEMBERSHIP_ROLES.join(', ')}`),
      ...period,
    ],
  },
  {
    file: 'benefit_periods.csv',
    title: 'Leistungsbezug',
    doc: 'Zeiten des Leistungsbezugs. Zeiten eines früheren Jobcenters (other_jobcenter) haben keine BG-Nummer und zählen nur für die Dauer des Bezugs (LZB), nicht für den Bestand.',
    columns: [
      col('customer_number', customer, 'Kundennummer'),
      col('household_number', optional(household), 'BG-Nummer (leer nur bei other_jobcenter)', false),
      col('employable', bool(), 'erwerbsfähig (eLb): ja oder nein'),
      col('other_jobcenter', optional(text()), 'früheres Jobcenter (Name oder Nummer); leer = dieses Jobcenter', false),
      ...period,
    ],
  },
  {
    file: 'status_periods.csv',
    title: 'Statusangaben',
    doc: `Status mit Zeitraum. Arten: ${STATUS_KINDS.map((k) => `${k} (${STATUS_KIND_LABELS[k]})`).join(', ')}; Werte siehe Codelisten.`,
    columns: [
      col('customer_number', customer, 'Kundennummer'),
      col('kind', oneOf(STATUS_KINDS), 'Art des Status'),
      col('value', text(40), 'Wert (Code der Art)'),
      col('detail', optional(country), 'Herkunftsland bei refugee (Ländercode)', false),
      ...period,
    ],
  },
  {
    file: 'team_assignments.csv',
    title: 'Teamzuständigkeit',
    doc: 'Welches Team wann für die Person zuständig war.',
    columns: [col('customer_number', customer, 'Kundennummer'), col('team', text(), 'Team (Name)'), ...period],
  },
  {
    file: 'employment_events.csv',
    title: 'Beschäftigungen',
    doc: 'Beginn und Ende von Beschäftigungen, Ausbildungen und Selbständigkeit (die Integrationen der Kennzahlen).',
    columns: [
      col('customer_number', customer, 'Kundennummer'),
      col('kind', oneOf(EMPLOYMENT_KINDS), `Art: ${EMPLOYMENT_KINDS.join(', ')}`),
      ...period,
      col('weekly_hours', optional(hours()), 'Wochenstunden, z. B. 19,5', false),
      col('employer', optional(text()), 'Arbeitgeber', false),
    ],
  },
  {
    file: 'household_payments.csv',
    title: 'Monatliche Ansprüche',
    doc: 'Ansprüche einer Bedarfsgemeinschaft je Monat in ganzen Cent, vor Sanktionen. Für jede Bedarfsgemeinschaft in households.csv ersetzen diese Zeilen ihre gespeicherten Monate.',
    columns: [
      col('household_number', household, 'BG-Nummer'),
      col('month', month(), 'Monat (JJJJ-MM)'),
      col('standard_cents', cents(), 'Regelbedarfe (§ 20 SGB II) in Cent'),
      col('additional_cents', cents(), 'Mehrbedarfe (§§ 21, 23, 24 Abs. 1 SGB II) in Cent'),
      col('housing_cents', cents(), 'Unterkunft und Heizung (§ 22 SGB II) in Cent'),
    ],
  },
] as const satisfies readonly FileSpec[];

export type FileName = (typeof FILES)[number]['file'];
