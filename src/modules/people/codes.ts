import { EMPLOYMENT_KINDS, MEMBERSHIP_ROLES, STATUS_KINDS } from './code-lists.ts';

export { EMPLOYMENT_KINDS, MEMBERSHIP_ROLES, STATUS_KINDS };

/**
 * The code lists of the people module with their German labels: one place for screens, API,
 * import format (docs/import-format.md) and reports. No imports beyond code-lists.ts: the web app uses
 * this file too.
 */
export type StatusKind = (typeof STATUS_KINDS)[number];
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const SEX_LABELS = { m: 'männlich', w: 'weiblich', d: 'divers' } as const;

export const MEMBERSHIP_ROLE_LABELS: Record<MembershipRole, string> = {
  applicant: 'Antragsteller/in',
  partner: 'Partner/in',
  child: 'Kind',
  other: 'Sonstige Person',
};

export const STATUS_KIND_LABELS: Record<StatusKind, string> = {
  labour_market: 'Arbeitsmarktstatus',
  severe_disability: 'Schwerbehinderung',
  rehabilitation: 'Rehabilitationsbedarf',
  refugee: 'Fluchthintergrund',
  school_certificate: 'Schulabschluss',
  vocational_qualification: 'Berufsabschluss',
  german_level: 'Deutschkenntnisse',
};

/** Allowed values per status kind, with labels. */
export const STATUS_VALUES: Record<StatusKind, Record<string, string>> = {
  labour_market: {
    unemployed: 'arbeitslos',
    job_seeking: 'arbeitsuchend, nicht arbeitslos',
    employed: 'erwerbstätig im Leistungsbezug',
    training: 'in Schule, Studium oder Ausbildung',
    measure: 'in einer Maßnahme',
    not_available: 'nicht verfügbar nach § 10 SGB II (z. B. Betreuung eines Kindes unter 3 Jahren, Pflege)',
  },
  severe_disability: {
    recognised: 'anerkannt schwerbehindert (GdB ab 50)',
    equivalent: 'gleichgestellt (§ 2 Abs. 3 SGB IX)',
  },
  rehabilitation: { need: 'Rehabilitationsbedarf festgestellt' },
  refugee: { yes: 'Fluchthintergrund (Aufenthalt aus humanitären Gründen)' },
  school_certificate: {
    none: 'ohne Schulabschluss',
    lower_secondary: 'Hauptschulabschluss',
    intermediate: 'Mittlerer Abschluss',
    upper_secondary_fh: 'Fachhochschulreife',
    upper_secondary: 'Abitur / Hochschulreife',
    foreign: 'ausländischer Abschluss',
  },
  vocational_qualification: {
    none: 'ohne abgeschlossene Berufsausbildung',
    vocational: 'betriebliche oder schulische Ausbildung',
    academic: 'akademischer Abschluss',
    foreign_unrecognised: 'ausländischer Abschluss, nicht anerkannt',
  },
  german_level: { A1: 'A1', A2: 'A2', B1: 'B1', B2: 'B2', C1: 'C1', C2: 'C2' },
};

export const EMPLOYMENT_KIND_LABELS: Record<EmploymentKind, string> = {
  regular: 'sozialversicherungspflichtige Beschäftigung',
  minijob: 'geringfügige Beschäftigung (Minijob)',
  public_16i: 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
  public_16d: 'Arbeitsgelegenheit (§ 16d SGB II)',
  subsidised_16e: 'Eingliederung von Langzeitarbeitslosen (§ 16e SGB II)',
  subsidised_egz: 'Beschäftigung mit Eingliederungszuschuss (§ 88 SGB III)',
  subsidised_16b: 'Beschäftigung mit Einstiegsgeld (§ 16b SGB II)',
  vocational_training: 'voll qualifizierende Berufsausbildung',
  self_employment: 'selbständige Tätigkeit',
};

/**
 * Integrations in the sense of the § 48a key figures (INDICATORS.md, "Integration"): employment subject
 * to social insurance (also with EGZ, Einstiegsgeld or § 16e), vocational training, self-employment.
 * Mini-jobs and publicly funded employment (§ 16i, § 16d) are not integrations; they feed K2E1 and K2E2.
 */
export const INTEGRATION_KINDS: readonly EmploymentKind[] = [
  'regular',
  'subsidised_16e',
  'subsidised_egz',
  'subsidised_16b',
  'vocational_training',
  'self_employment',
];
export const MINIJOB_KINDS: readonly EmploymentKind[] = ['minijob'];
export const PUBLIC_EMPLOYMENT_KINDS: readonly EmploymentKind[] = ['public_16i', 'public_16d'];

export function isStatusValue(kind: StatusKind, value: string): boolean {
  return Object.hasOwn(STATUS_VALUES[kind], value);
}

/** ISO 3166-1 alpha-2 country code check (shape only; the list of states changes). */
export const COUNTRY_CODE = /^[A-Z]{2}$/;
