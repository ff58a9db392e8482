/**
 * Code lists of the budget module with German labels, without drizzle so the web app can import them.
 */
export const SOURCE_KINDS = ['integration', 'pat', 'admin_transfer', 'programme'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  integration: 'Eingliederungsbudget (Eingliederungstitel)',
  pat: 'Passiv-Aktiv-Transfer (PAT)',
  admin_transfer: 'Umschichtung aus dem Verwaltungsbudget',
  programme: 'ESF- oder sonstiges Programm',
};

/** Instruments of the plan, each with its legal basis (SGB II in the version of 2019 unless stated). */
export const INSTRUMENTS = [
  'activation_45',
  'training_voucher_81',
  'egz_88',
  'einstiegsgeld_16b',
  'agh_16d',
  'elb_16e',
  'teilhabe_16i',
  'free_16f',
  'rehab',
  'other',
] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export const INSTRUMENT_LABELS: Record<Instrument, string> = {
  activation_45: 'Maßnahmen zur Aktivierung und beruflichen Eingliederung (§ 16 Abs. 1 SGB II i. V. m. § 45 SGB III)',
  training_voucher_81: 'Berufliche Weiterbildung, Bildungsgutscheine (§ 16 Abs. 1 SGB II i. V. m. §§ 81 ff. SGB III)',
  egz_88: 'Eingliederungszuschuss (§ 16 Abs. 1 SGB II i. V. m. §§ 88 ff. SGB III)',
  einstiegsgeld_16b: 'Einstiegsgeld (§ 16b SGB II)',
  agh_16d: 'Arbeitsgelegenheiten (§ 16d SGB II)',
  elb_16e: 'Eingliederung von Langzeitarbeitslosen (§ 16e SGB II)',
  teilhabe_16i: 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
  free_16f: 'Freie Förderung (§ 16f SGB II)',
  rehab: 'Leistungen zur Teilhabe am Arbeitsleben (§ 16 Abs. 1 SGB II i. V. m. §§ 112 ff. SGB III)',
  other: 'Sonstige Eingliederungsleistungen',
};

/** Short labels for tables. */
export const INSTRUMENT_SHORT: Record<Instrument, string> = {
  activation_45: '§ 45 SGB III Aktivierung',
  training_voucher_81: 'FbW / Bildungsgutscheine',
  egz_88: 'Eingliederungszuschuss',
  einstiegsgeld_16b: 'Einstiegsgeld § 16b',
  agh_16d: 'Arbeitsgelegenheiten § 16d',
  elb_16e: '§ 16e SGB II',
  teilhabe_16i: '§ 16i SGB II',
  free_16f: 'Freie Förderung § 16f',
  rehab: 'Reha (§§ 112 ff. SGB III)',
  other: 'Sonstiges',
};

export const COMMITMENT_ORIGINS = ['measure', 'subsidy', 'manual'] as const;
export type CommitmentOrigin = (typeof COMMITMENT_ORIGINS)[number];
export const ORIGIN_LABELS: Record<CommitmentOrigin, string> = {
  measure: 'Maßnahmezuweisung',
  subsidy: 'Lohnkostenzuschuss',
  manual: 'manuell',
};

/**
 * The instrument a measure's legal basis is planned under (the measures module names the basis as text,
 * e.g. "§ 45 SGB III", "§ 16d SGB II"); unknown bases go to "Sonstiges".
 */
export function instrumentForLegalBasis(legalBasis: string): Instrument {
  const b = legalBasis.replace(/\s+/g, ' ').toLowerCase();
  if (/§ ?45\b/.test(b)) return 'activation_45';
  if (/§§? ?8[1-7]\b/.test(b)) return 'training_voucher_81';
  if (/§§? ?(88|89|90|91|92)\b/.test(b)) return 'egz_88';
  if (/§ ?16b\b/.test(b)) return 'einstiegsgeld_16b';
  if (/§ ?16d\b/.test(b)) return 'agh_16d';
  if (/§ ?16e\b/.test(b)) return 'elb_16e';
  if (/§ ?16i\b/.test(b)) return 'teilhabe_16i';
  if (/§ ?16f\b/.test(b)) return 'free_16f';
  if (/§§? ?11[2-9]\b/.test(b)) return 'rehab';
  return 'other';
}
