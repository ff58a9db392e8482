/**
 * Dated tables the subsidy schedule follows. Each value holds from its date until the next entry.
 */

/** Gesetzlicher Mindestlohn, cents per hour (§ 1 MiLoG and the adjustment ordinances). */
export const MINIMUM_WAGE: readonly { from: string; cents: number; source: string }[] = [
  { from: '2015-01-01', cents: 850, source: '§ 1 Abs. 2 MiLoG vom 11.8.2014 (BGBl. I S. 1348)' },
  { from: '2017-01-01', cents: 884, source: 'Mindestlohnanpassungsverordnung vom 15.11.2016 (BGBl. I S. 2530)' },
  { from: '2019-01-01', cents: 919, source: 'Zweite Mindestlohnanpassungsverordnung vom 13.11.2018 (BGBl. I S. 1876)' },
  { from: '2020-01-01', cents: 935, source: 'Zweite Mindestlohnanpassungsverordnung vom 13.11.2018 (BGBl. I S. 1876)' },
  { from: '2021-01-01', cents: 950, source: 'Dritte Mindestlohnanpassungsverordnung vom 9.11.2020 (BGBl. I S. 2356)' },
  { from: '2021-07-01', cents: 960, source: 'Dritte Mindestlohnanpassungsverordnung vom 9.11.2020 (BGBl. I S. 2356)' },
  { from: '2022-01-01', cents: 982, source: 'Dritte Mindestlohnanpassungsverordnung vom 9.11.2020 (BGBl. I S. 2356)' },
  { from: '2022-07-01', cents: 1045, source: 'Dritte Mindestlohnanpassungsverordnung vom 9.11.2020 (BGBl. I S. 2356)' },
  { from: '2022-10-01', cents: 1200, source: 'Mindestlohnerhöhungsgesetz vom 28.6.2022 (BGBl. I S. 969)' },
  { from: '2024-01-01', cents: 1241, source: 'Vierte Mindestlohnanpassungsverordnung vom 24.11.2023 (BGBl. 2023 I Nr. 321)' },
  { from: '2025-01-01', cents: 1282, source: 'Vierte Mindestlohnanpassungsverordnung vom 24.11.2023 (BGBl. 2023 I Nr. 321)' },
  { from: '2026-01-01', cents: 1390, source: 'Fünfte Mindestlohnanpassungsverordnung vom 5.11.2025' },
  { from: '2027-01-01', cents: 1460, source: 'Fünfte Mindestlohnanpassungsverordnung vom 5.11.2025' },
];

/**
 * Flat employer share of the total social-insurance contribution without unemployment insurance
 * (§ 16i Abs. 2 / § 16e Abs. 2 SGB II: "pauschalierter Anteil des Arbeitgebers am Gesamtsozialversicherungsbeitrag
 * abzüglich des Beitrags zur Arbeitsförderung"), in basis points. Computed by us from the statutory rates:
 * health 14,6 % ÷ 2 + half the average additional contribution (§ 242a SGB V, announced yearly), pension
 * 18,6 % ÷ 2, long-term care half the rate (§ 55 SGB XI). The BA publishes its own flat rate each year; where it
 * differs, replace the value here (one place). 2023: care rises from 3,05 % to 3,4 % on 1.7.2023.
 */
export const EMPLOYER_SHARE_BP: readonly { from: string; bp: number; source: string }[] = [
  // 2015–2018 the additional health contribution was paid by employees alone (parity again from 1.1.2019)
  { from: '2015-01-01', bp: 1783, source: 'KV 7,3 + RV 9,35 + PV 1,175 (gerundet auf 0,01 %)' },
  { from: '2017-01-01', bp: 1793, source: 'KV 7,3 + RV 9,35 + PV 1,275 (gerundet)' },
  { from: '2018-01-01', bp: 1788, source: 'KV 7,3 + RV 9,3 + PV 1,275 (gerundet)' },
  { from: '2019-01-01', bp: 1858, source: 'KV 7,3 + 0,45 + RV 9,3 + PV 1,525 (gerundet)' },
  { from: '2020-01-01', bp: 1868, source: 'KV 7,3 + 0,55 + RV 9,3 + PV 1,525 (gerundet)' },
  { from: '2021-01-01', bp: 1878, source: 'KV 7,3 + 0,65 + RV 9,3 + PV 1,525 (gerundet)' },
  { from: '2023-01-01', bp: 1893, source: 'KV 7,3 + 0,8 + RV 9,3 + PV 1,525 (gerundet)' },
  { from: '2023-07-01', bp: 1910, source: 'KV 7,3 + 0,8 + RV 9,3 + PV 1,7' },
  { from: '2024-01-01', bp: 1915, source: 'KV 7,3 + 0,85 + RV 9,3 + PV 1,7' },
  { from: '2025-01-01', bp: 1965, source: 'KV 7,3 + 1,25 + RV 9,3 + PV 1,8' },
  { from: '2026-01-01', bp: 1985, source: 'KV 7,3 + 1,45 + RV 9,3 + PV 1,8' },
];

/** The entry of a dated table that holds on `day` (undefined before the first). */
export function valueOn<T extends { from: string }>(table: readonly T[], day: string): T | undefined {
  let hit: T | undefined;
  for (const e of table) if (e.from <= day) hit = e;
  return hit;
}
