/**
 * The measures module's code lists with German labels, without drizzle, so that the web app can use
 * them too (like people/code-lists.ts).
 */

/**
 * Legal bases of measures (Rechtsgrundlagen). Each code names its paragraph; `validFrom`/`validTo`
 * (half-open, null = open) give when the version we rely on applies: a measure whose contract period
 * lies outside the validity of its legal basis is refused.
 */
export const LEGAL_BASES = {
  '16_1_45': {
    label: '§ 16 Abs. 1 SGB II i. V. m. § 45 SGB III (Maßnahmen zur Aktivierung und beruflichen Eingliederung)',
    validFrom: '2012-04-01',
    validTo: null,
  },
  '16_1_81': {
    label: '§ 16 Abs. 1 SGB II i. V. m. § 81 SGB III (Förderung der beruflichen Weiterbildung)',
    validFrom: '2012-04-01',
    validTo: null,
  },
  '16a': { label: '§ 16a SGB II (kommunale Eingliederungsleistungen)', validFrom: '2005-01-01', validTo: null },
  '16d': { label: '§ 16d SGB II (Arbeitsgelegenheiten)', validFrom: '2012-04-01', validTo: null },
  '16f': { label: '§ 16f SGB II (freie Förderung)', validFrom: '2009-01-01', validTo: null },
  '16h': { label: '§ 16h SGB II (Förderung schwer zu erreichender junger Menschen)', validFrom: '2016-08-01', validTo: null },
  '16k': { label: '§ 16k SGB II (ganzheitliche Betreuung)', validFrom: '2023-07-01', validTo: null },
} as const satisfies Record<string, { label: string; validFrom: string; validTo: string | null }>;
export type LegalBasis = keyof typeof LEGAL_BASES;
export const LEGAL_BASIS_CODES = Object.keys(LEGAL_BASES) as [LegalBasis, ...LegalBasis[]];

/** Target groups (Zielgruppen); a measure without any is open to every eLb. */
export const TARGET_GROUPS = {
  u25: 'unter 25 Jahre (U25)',
  women: 'Frauen',
  refugees: 'Menschen mit Fluchthintergrund',
  lzb: 'Langzeitleistungsbeziehende (LZB)',
  reha_sb: 'Rehabilitanden und schwerbehinderte Menschen',
  single_parents: 'Alleinerziehende',
  new_applicants: 'Neuantragstellende (Erstangebot)',
} as const;
export type TargetGroup = keyof typeof TARGET_GROUPS;
export const TARGET_GROUP_CODES = Object.keys(TARGET_GROUPS) as [TargetGroup, ...TargetGroup[]];

export const SCHEDULE_KINDS = { full_time: 'Vollzeit', part_time: 'Teilzeit', flexible: 'Teil- oder Vollzeit' } as const;
export type ScheduleKind = keyof typeof SCHEDULE_KINDS;
export const SCHEDULE_KIND_CODES = Object.keys(SCHEDULE_KINDS) as [ScheduleKind, ...ScheduleKind[]];

export const DURATION_UNITS = { weeks: 'Wochen', months: 'Monate' } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** ISO weekday numbers 1 (Monday) … 7 (Sunday). */
export const WEEKDAYS: Record<number, string> = {
  1: 'Montag',
  2: 'Dienstag',
  3: 'Mittwoch',
  4: 'Donnerstag',
  5: 'Freitag',
  6: 'Samstag',
  7: 'Sonntag',
};

/**
 * The assignment flow: proposed → agreed → active (entered) → exited; waiting = agreed but no free
 * place (waiting list); cancelled = ended before entry.
 */
export const ASSIGNMENT_STATES = {
  proposed: 'vorgeschlagen',
  agreed: 'mit der Kundin / dem Kunden vereinbart',
  waiting: 'auf der Warteliste',
  active: 'in der Maßnahme',
  exited: 'ausgetreten',
  cancelled: 'abgebrochen vor Eintritt',
} as const;
export type AssignmentState = keyof typeof ASSIGNMENT_STATES;
export const ASSIGNMENT_STATE_CODES = Object.keys(ASSIGNMENT_STATES) as [AssignmentState, ...AssignmentState[]];

/** How the customer came to the measure (Ko-Produktion: the customer's choice is recorded). */
export const CUSTOMER_CHOICES = {
  own_wish: 'eigener Wunsch der Kundin / des Kunden',
  agrees: 'stimmt dem Vorschlag zu',
  reluctant: 'stimmt mit Vorbehalten zu',
} as const;
export type CustomerChoice = keyof typeof CUSTOMER_CHOICES;
export const CUSTOMER_CHOICE_CODES = Object.keys(CUSTOMER_CHOICES) as [CustomerChoice, ...CustomerChoice[]];

export const EXIT_REASONS = {
  regular: 'reguläres Ende',
  job: 'vorzeitig in Arbeit oder Ausbildung',
  dropout: 'Abbruch',
  other: 'sonstiger Grund',
} as const;
export type ExitReason = keyof typeof EXIT_REASONS;
export const EXIT_REASON_CODES = Object.keys(EXIT_REASONS) as [ExitReason, ...ExitReason[]];

/** Where the person stands six months after the exit. */
export const OUTCOMES = {
  integration: 'Integration (Beschäftigung, Ausbildung, Selbständigkeit)',
  other_measure: 'in einer anderen Maßnahme',
  unemployed: 'weiterhin arbeitslos / arbeitsuchend',
} as const;
export type Outcome = keyof typeof OUTCOMES;
export const OUTCOME_CODES = Object.keys(OUTCOMES) as [Outcome, ...Outcome[]];
