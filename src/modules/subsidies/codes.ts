/** Code lists of the subsidies module (no drizzle: the web app imports them). */
export const SUBSIDY_BASES = ['16i', '16e'] as const;
export type SubsidyBasis = (typeof SUBSIDY_BASES)[number];
export const BASIS_LABELS: Record<SubsidyBasis, string> = {
  '16i': 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
  '16e': 'Eingliederung von Langzeitarbeitslosen (§ 16e SGB II)',
};
export const WAGE_BASES = ['minimum_wage', 'agreed'] as const;
export type WageBasis = (typeof WAGE_BASES)[number];
export const WAGE_BASIS_LABELS: Record<WageBasis, string> = {
  minimum_wage: 'gesetzlicher Mindestlohn',
  agreed: 'tariflicher oder vereinbarter Stundenlohn',
};
