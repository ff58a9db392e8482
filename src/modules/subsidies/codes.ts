/** Code lists of the subsidies module (no drizzle: the web app imports them). */
export const SUBSIDY_BASES = ['16i', '16e'] as const;
export type SubsidyBasis = (typeof SUBSIDY_BASES)[number];
export const BASIS_LABELS: Record<SubsidyBasis, string> = {
  '16i': 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
  '16e': 'Eingliederung von Langzeitarbeitslosen (§ 16e SGB II)',
};
export const WAGE_BASES = ['minimum_wage', 'agreed'] as const;
export type WageBasis = (typeof WAGE_BASES)[number];
/**
 * `agreed`: § 16i Abs. 2 measures on the minimum wage unless a collective agreement or church labour rules bind
 * the employer to pay more; § 16e Abs. 2 with § 91 Abs. 1 SGB III on the wage paid, at most the collectively
 * agreed or locally usual one. Never below the minimum wage of the day (schedule.ts).
 */
export const WAGE_BASIS_LABELS: Record<WageBasis, string> = {
  minimum_wage: 'gesetzlicher Mindestlohn',
  agreed: 'Tarif- oder gezahlter Stundenlohn (§ 16i nur bei Tarifbindung oder kirchlichem Arbeitsrecht)',
};
