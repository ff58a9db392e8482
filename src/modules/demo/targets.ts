/**
 * Every figure of the Eingliederungsbericht 2019 of the Kommunales Jobcenter Lahn-Dill
 * (/work/shared/seed/eingliederungsbericht-2019.txt) that the demo Jobcenter is calibrated to or will
 * be, each with the report section it comes from. Counts are for scale 1; the generator multiplies
 * them by `--scale`. Reference day of stocks: 15 December 2019 (INDICATORS.md, ST(M)).
 *
 * Below the report's figures: ASSUMPTIONS, the values the report does not give (other years, flows,
 * household mix) but the history needs. They are plausible, not published; they are marked as such.
 */

export interface ReportFigure {
  value: number;
  unit: 'persons' | 'percent' | 'households' | 'euro' | 'count' | 'places' | 'months';
  section: string;
  /** The report's words, shortened. */
  quote: string;
}

const f = (value: number, unit: ReportFigure['unit'], section: string, quote: string): ReportFigure => ({
  value,
  unit,
  section,
  quote,
});

/** The figures the generated history reproduces today (checked by calibration.ts and its tests). */
export const REPORT = {
  elb: f(
    10_597,
    'persons',
    '2.3 Struktur der Leistungsberechtigten',
    '10.597 erwerbsfähige Leistungsberechtigte (Stand: Dezember 2019)',
  ),
  elbWomen: f(5_557, 'persons', '2.3', 'mehr Frauen (5.557 eLb) als Männer (5.040 eLb)'),
  elbMen: f(5_040, 'persons', '2.3', 'mehr Frauen (5.557 eLb) als Männer (5.040 eLb)'),
  u25: f(2_065, 'persons', '2.3', '2.065 Personen der eLB sind unter 25 Jahren alt (1.053 männlich / 1.012 weiblich)'),
  u25Men: f(1_053, 'persons', '2.3', '1.053 männlich'),
  u25Women: f(1_012, 'persons', '2.3', '1.012 weiblich'),
  severeDisabilityShare: f(
    4.6,
    'percent',
    '2.3',
    'Anteil der arbeitsuchenden eLb mit einer Schwerbehinderung an allen erwerbsfähigen Leistungsberechtigten 4,6 %',
  ),
  over4YearsShare: f(39.9, 'percent', '2.3', 'Im Dezember 2019 sind 39,9 % der eLb seit mehr als 4 Jahren im SGB II-Bezug'),
  lzbShare: f(69.2, 'percent', '2.3', 'Im Dezember 2019 waren 69,2 % aller eLb im Langzeitbezug'),
  lzb: f(7_338, 'persons', '7 Fazit', 'zum Jahresende 2019 nur 7.338 eLb im Langzeitbezug'),
  lzbYearBefore: f(7_526, 'persons', '7 Fazit', '188 Personen weniger als im Dezember 2018 (7.526)'),
  refugeeShare: f(21.5, 'percent', '5.5 Menschen mit Migrations- und Fluchthintergrund', 'Anteil von 21,5 % … Fluchterfahrung'),
  asylumVocationalShare: f(
    4,
    'percent',
    '2.3',
    'Arbeitssuchende eLb aus Asylherkunftsländern … lediglich zu 4 % eine abgeschlossene Berufsausbildung',
  ),
  asylumSchoolShare: f(20.5, 'percent', '2.3', 'Insgesamt haben nur 20,5 % einen Schulabschluss'),
  integrationRate: f(24.2, 'percent', '7 Fazit', 'Im Dezember 2017 … 23,5 %, Ende 2018 bei 24,5 % und 2019 bei 24,2 %'),
  integrationRateMen: f(33.5, 'percent', '7 Fazit', 'Die Integrationsquote der Männer liegt mit 33,5 %'),
  integrationRateWomen: f(15.8, 'percent', '7 Fazit', 'die der Frauen mit 15,8 %'),
  integrationRate2018: f(24.5, 'percent', '7 Fazit', 'Ende 2018 bei 24,5 %'),
  integrationRate2017: f(23.5, 'percent', '7 Fazit', 'Im Dezember 2017 lag die Integrationsquote bei 23,5 %'),
  elbChangeMen: f(-8.4, 'percent', '7 Fazit', 'Während die Zahl der Männer um 8,4 % gesunken ist'),
  elbChangeWomen: f(-7.4, 'percent', '7 Fazit', 'ging die Zahl der weiblichen eLb lediglich um 7,4 % zurück'),
  householdsChange: f(-7.8, 'percent', '7 Fazit', 'Die Anzahl der Bedarfsgemeinschaften … ging 2019 um 7,8 % zurück'),
  subsistenceChange: f(-6.4, 'percent', '7 Fazit', 'Die Ausgaben für die Leistungen zum Lebensunterhalt sinken … um 6,4 %'),
  jobs16i: f(90, 'persons', '5.3 Beschäftigungsförderung nach § 16i und 16e SGB II', 'Zum Stichtag 1.12.: 16i 90 (43 m / 47 w)'),
  jobs16iMen: f(43, 'persons', '5.3', '16i davon männlich 43'),
  jobs16iWomen: f(47, 'persons', '5.3', '16i davon weiblich 47'),
  jobs16e: f(12, 'persons', '5.3', '16e 12 (9 m / 3 w)'),
  jobs16eMen: f(9, 'persons', '5.3', '16e davon männlich 9'),
  jobs16eWomen: f(3, 'persons', '5.3', '16e davon weiblich 3'),
  jobs16iFromSozialeTeilhabe: f(
    27,
    'persons',
    '5.3',
    '27 Menschen davon kamen aus dem Programm Soziale Teilhabe, 63 Personen kamen neu dazu',
  ),
  staff: f(300, 'persons', '1.2 Organisation', 'mit rund 300 Mitarbeiterinnen und Mitarbeitern'),
  municipalities: f(23, 'count', '2 Rahmenbedingungen', 'mit seinen 23 Gemeinden und Städten 254.255 Einwohner'),
  inhabitants: f(254_255, 'persons', '2 Rahmenbedingungen', '254.255 Einwohner'),
  inhabitantsWetzlar: f(
    52_643,
    'persons',
    '2 Rahmenbedingungen',
    'davon entfallen allein 52.643 Einwohner auf die Stadt Wetzlar',
  ),
} as const;

/** Report months of the targets: the reference day is the 15th (INDICATORS.md). */
export const REFERENCE_MONTH = '2019-12';
export const REFERENCE_DAY = '2019-12-15';

/**
 * Figures that later modules add to the demo (measures, budget, BuT); kept here so that all the
 * report's numbers have one home. Not generated yet.
 */
export const LATER = {
  integrationBudgetEuro: f(9_200_000, 'euro', '4 Einsatz des Eingliederungsbudgets', 'insgesamt ca. 9,2 Mio. Euro'),
  passiveActiveTransferEuro: f(336_200, 'euro', '4', 'Mittel aus dem "Passiv-Aktiv-Transfer" … in Höhe von 336.200 Euro'),
  additionalCaseworkers: f(10, 'persons', '4', 'zusätzlich 10 persönliche Ansprechpartner*innen (pAp) eingestellt'),
  but: {
    schoolTrips: f(358, 'persons', '6.7 Bildung und Teilhabe (BuT)', 'Schulausflüge 358'),
    classTrips: f(1_237, 'persons', '6.7', 'Klassenfahrten 1.237'),
    schoolSupplies: f(4_242, 'persons', '6.7', 'Schulbedarf 4.242'),
    pupilTransport: f(221, 'persons', '6.7', 'Schülerförderung 221'),
    tutoring: f(200, 'persons', '6.7', 'Lernförderung 200'),
    lunch: f(1_827, 'persons', '6.7', 'Mittagsverpflegung 1.827'),
    socialCulturalLife: f(697, 'persons', '6.7', 'Teilhabe am sozialen und kulturellen Leben 697'),
  },
  measures: {
    jobAktivPlaces: f(
      48,
      'places',
      '6.2 Schnell in Arbeit mit JobAktiv',
      'Bei 48 Plätzen können bis zu 100 Teilnehmende gleichzeitig arbeiten',
    ),
    jobAktivParticipants: f(100, 'persons', '6.2', 'bis zu 100 Teilnehmende gleichzeitig'),
    jobAktivWeeklyEntries: f(28, 'persons', '6.2', 'Der Einstieg ist für bis zu 28 Personen wöchentlich möglich'),
    jobAktivWeeks: f(8, 'count', '6.2', 'In einem Zeitraum von acht Wochen … an vier frei wählbaren Terminen'),
    jobAktivIntegrationRate: f(50, 'percent', '6.2', 'Die Integrationsquoten liegen seit 2017 bei über 50 %'),
    activationCentreParticipants: f(
      300,
      'persons',
      '6.3 Aktivierungszentrum',
      'Insgesamt können bis zu 300 Personen von dem Angebot profitieren',
    ),
    activationCentreMonths: f(6, 'months', '6.3', 'die Teilnahme wird in der Regel auf 6 Monate festgelegt'),
    activationCentreIntegrationRate: f(30, 'percent', '6.3', 'zu über 30 % eine Arbeit oder Ausbildung/Qualifizierung aufnehmen'),
    frauStarkMonths: f(9, 'months', '6.5 Frau Stark', 'mit einer 9-monatigen Laufzeit'),
    jobActParticipants: f(16, 'persons', '6.6 JobAct-Sprachkultur', '16 Teilnehmende aus 8 Herkunftsländern'),
    jobActMonths: f(8, 'months', '6.6', 'über die Dauer von 8 Monaten'),
    jobActJobPerspective: f(2, 'persons', '6.6', '2 Teilnehmende … sozialversicherungspflichtiges Arbeitsverhältnis'),
    jobActTrainingPerspective: f(3, 'persons', '6.6', '3 auf eine Ausbildung in 2020'),
    rehaMeasureMonths: f(6, 'months', '6.9', 'Die Teilnahmedauer beträgt in der Regel ein halbes Jahr'),
    coachingHoursPerPerson: f(2.5, 'count', '5.3', 'ca. 2,5 Stunden Coaching pro Person'),
  },
  severeDisabilityUnemployedSgb3: f(
    9.3,
    'percent',
    '2.3',
    'Schwerbehinderte arbeitslose Menschen haben mit 9,3 % (Arbeitsmarktreport April 2020)',
  ),
} as const;

// ---------------------------------------------------------------------------------------------------
// ASSUMPTIONS (not in the report): the path of the stock before and after 2019 and the flows.

/** eLb stock on the reference day of each December (scale 1). 2018 follows from the report's change rates. */
export const ELB_PATH: Record<number, { m: number; w: number; source: string }> = {
  2014: { m: 5_330, w: 5_930, source: 'Annahme' },
  2015: { m: 5_540, w: 6_010, source: 'Annahme (Beginn der Fluchtzuwanderung)' },
  2016: { m: 6_170, w: 6_320, source: 'Annahme (Übergang Geflüchteter ins SGB II)' },
  2017: { m: 6_080, w: 6_340, source: 'Annahme' },
  2018: {
    m: Math.round(REPORT.elbMen.value / (1 + REPORT.elbChangeMen.value / 100)),
    w: Math.round(REPORT.elbWomen.value / (1 + REPORT.elbChangeWomen.value / 100)),
    source: 'aus Bericht: Dezember 2019 und Veränderung zum Vorjahr (Männer −8,4 %, Frauen −7,4 %)',
  },
  2019: { m: REPORT.elbMen.value, w: REPORT.elbWomen.value, source: 'Bericht 2.3' },
  2020: { m: 5_170, w: 5_650, source: 'Annahme (Pandemie)' },
};

/** Integration rate (K2, percent) of each December; 2017–2019 from the report (7 Fazit). */
export const INTEGRATION_RATE_PATH: Record<number, number> = {
  2015: 21.5,
  2016: 20.5,
  2017: REPORT.integrationRate2017.value,
  2018: REPORT.integrationRate2018.value,
  2019: REPORT.integrationRate.value,
  2020: 18.5,
};

/** Monthly inflow of eLb as a share of the stock (entries of households without refugee background). */
export const INFLOW_RATE: Record<number, number> = {
  2015: 0.026,
  2016: 0.027,
  2017: 0.027,
  2018: 0.024,
  2019: 0.023,
  2020: 0.027,
};

/** Monthly eLb entering with refugee background (scale 1), by half-year: the move from AsylbLG into SGB II. */
export const REFUGEE_INFLOW: Record<string, number> = {
  '2015-1': 16,
  '2015-2': 52,
  '2016-1': 145,
  '2016-2': 140,
  '2017-1': 95,
  '2017-2': 70,
  '2018-1': 46,
  '2018-2': 38,
  '2019-1': 32,
  '2019-2': 28,
  '2020-1': 20,
  '2020-2': 18,
};

/** The report months from which the generator steers a figure towards its report value. */
export const STEER_FROM = {
  /** receipt started before 15.12.2015 (the "more than 4 years" of December 2019) */
  over4Years: '2016-01',
  lzb: '2017-01',
  u25: '2019-01',
  refugee: '2019-01',
  households: '2019-01',
  subsistence: '2019-01',
} as const;
