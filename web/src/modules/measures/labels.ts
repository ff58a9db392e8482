import {
  ASSIGNMENT_STATES,
  CUSTOMER_CHOICES,
  DURATION_UNITS,
  EXIT_REASONS,
  LEGAL_BASES,
  OUTCOMES,
  SCHEDULE_KINDS,
  TARGET_GROUPS,
  WEEKDAYS,
} from '../../../../src/modules/measures/code-lists.ts';

/** The measures module's code lists with German labels (from the server's code-lists.ts). */
export { ASSIGNMENT_STATES, CUSTOMER_CHOICES, EXIT_REASONS, LEGAL_BASES, OUTCOMES, SCHEDULE_KINDS, TARGET_GROUPS };

const label = (labels: Record<string, string>, code: string | null | undefined) => (code ? (labels[code] ?? code) : '–');

export const targetGroupText = (codes: readonly string[]) =>
  codes.length ? codes.map((c) => label(TARGET_GROUPS, c)).join(', ') : 'alle eLb';
export const legalBasisLabel = (code: string) => LEGAL_BASES[code as keyof typeof LEGAL_BASES]?.label ?? code;
export const stateLabel = (code: string) => label(ASSIGNMENT_STATES, code);
export const exitReasonLabel = (code: string | null) => label(EXIT_REASONS, code);
export const outcomeLabel = (code: string | null) => label(OUTCOMES, code);
export const choiceLabel = (code: string | null) => label(CUSTOMER_CHOICES, code);
export const scheduleLabel = (kind: string) => label(SCHEDULE_KINDS, kind);

/** "jeden Dienstag, höchstens 28 je Woche" */
export function rhythmText(m: { entryWeekdays: number[]; weeklyEntryLimit: number | null }): string {
  const days = m.entryWeekdays.length ? `jeden ${m.entryWeekdays.map((d) => WEEKDAYS[d]).join(' und ')}` : 'an jedem Tag';
  return m.weeklyEntryLimit ? `${days}, höchstens ${m.weeklyEntryLimit} Einstiege je Woche` : days;
}
export const durationText = (m: { durationValue: number; durationUnit: string }) =>
  `${m.durationValue} ${DURATION_UNITS[m.durationUnit as keyof typeof DURATION_UNITS] ?? m.durationUnit}`;
export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${v.toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`;
