/**
 * Statistical confidentiality for exported documents: a figure about a group of fewer than five persons
 * is not shown (issue #5, item 7; the usual rule of official statistics, cf. § 16 BStatG). Zero is shown: it
 * describes nobody. A share is suppressed when the persons it counts or the group it refers to is small.
 */
export const SUPPRESSION_THRESHOLD = 5;

export const SUPPRESSION_MARK = '•';
export const SUPPRESSION_FOOTNOTE = `${SUPPRESSION_MARK} Aus Gründen der statistischen Geheimhaltung nicht ausgewiesen (weniger als ${SUPPRESSION_THRESHOLD} Personen).`;

/** True when a count of persons must not be shown. */
export function isSuppressedCount(persons: number): boolean {
  return persons > 0 && persons < SUPPRESSION_THRESHOLD;
}

/** True when a share numerator ÷ denominator (both counts of persons) must not be shown. */
export function isSuppressedShare(numerator: number, denominator: number): boolean {
  return isSuppressedCount(numerator) || isSuppressedCount(denominator);
}
