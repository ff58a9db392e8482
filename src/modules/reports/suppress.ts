import { isSmallGroup, SUPPRESSION_THRESHOLD } from '../indicators/confidentiality.ts';

/**
 * Statistical confidentiality in the Eingliederungsbericht: the rule itself (which group is too small) is
 * the indicator module's (indicators/confidentiality.ts); here only how the report marks it. A share is
 * suppressed when the persons it counts or the group it refers to is small.
 */
export { SUPPRESSION_THRESHOLD };

export const SUPPRESSION_MARK = '•';
export const SUPPRESSION_FOOTNOTE = `${SUPPRESSION_MARK} Aus Gründen der statistischen Geheimhaltung nicht ausgewiesen (weniger als ${SUPPRESSION_THRESHOLD} Personen).`;

/** True when a count of persons must not be shown. */
export function isSuppressedCount(persons: number): boolean {
  return isSmallGroup(persons);
}

/** True when a share numerator ÷ denominator (both counts of persons) must not be shown. */
export function isSuppressedShare(numerator: number, denominator: number): boolean {
  return isSuppressedCount(numerator) || isSuppressedCount(denominator);
}
