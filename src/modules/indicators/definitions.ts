/**
 * The key figures as data: code, German name, how the value is shown, and the source with its validity.
 * Formulas live in engine.ts (one function per figure, named by code). Source: Verordnung zur Festlegung
 * der Kennzahlen nach § 48a SGB II of 12.8.2010, as amended with effect from 22.3.2019; BA Statistik
 * method notes; INDICATORS.md.
 */
export type FigureKind = 'change' | 'rate';

export interface FigureDefinition {
  code: string;
  name: string;
  kind: FigureKind;
  /** Which parts of the split are meaningful (money sums have no sex split). */
  splits: 'persons' | 'none';
  source: string;
  validFrom: string;
  validTo: string | null;
  note?: string;
}

const KENNZAHLEN_VO = '§ 48a SGB II i. V. m. Kennzahlenverordnung vom 12.08.2010, Fassung ab 22.03.2019';

export const FIGURES: FigureDefinition[] = [
  {
    code: 'K1',
    name: 'Veränderung der Summe der Leistungen zum Lebensunterhalt',
    kind: 'change',
    splits: 'none',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
  },
  {
    code: 'K1E1',
    name: 'Veränderung der Leistungen für Unterkunft und Heizung',
    kind: 'change',
    splits: 'none',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
  },
  {
    code: 'K1E2',
    name: 'Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten',
    kind: 'change',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
  },
  {
    code: 'K1E3',
    name: 'Zugangsrate der erwerbsfähigen Leistungsberechtigten',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
    note: 'Mittel der zwölf Monatsquoten; Zähler und Nenner sind Summen über die zwölf Monate.',
  },
  {
    code: 'K1E4',
    name: 'Abgangsrate der erwerbsfähigen Leistungsberechtigten',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
    note: 'Mittel der zwölf Monatsquoten; Zähler und Nenner sind Summen über die zwölf Monate.',
  },
  {
    code: 'K2',
    name: 'Integrationsquote',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
    note: 'Nenner: durchschnittlicher eLb-Bestand der Stichtage M−12 bis M−1.',
  },
  {
    code: 'K2E1',
    name: 'Quote der Aufnahmen geringfügiger Beschäftigung',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2019-03-22',
    validTo: null,
  },
  {
    code: 'K2E2',
    name: 'Quote der Aufnahmen öffentlich geförderter Beschäftigung',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2019-03-22',
    validTo: null,
  },
  {
    code: 'K2E3',
    name: 'Kontinuierliche Beschäftigung nach Integration',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
    note: 'Unsere Lesart: sozialversicherungspflichtige Integrationen der Monate M−23 bis M−12, deren Beschäftigung ab Beginn zwölf Monate ohne Unterbrechung bestand.',
  },
  {
    code: 'K2E4',
    name: 'Integrationsquote der Alleinerziehenden',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
  },
  {
    code: 'K3',
    name: 'Veränderung der Zahl der Langzeitleistungsbezieher',
    kind: 'change',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
  },
  {
    code: 'K3E1',
    name: 'Integrationsquote der Langzeitleistungsbezieher',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
  },
  {
    code: 'K3E2',
    name: 'Aktivierungsquote der Langzeitleistungsbezieher',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2011-01-01',
    validTo: null,
  },
  {
    code: 'K3E3',
    name: 'Zugangsrate der Langzeitleistungsbezieher',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2019-03-22',
    validTo: null,
  },
  {
    code: 'K3E4',
    name: 'Abgangsrate der Langzeitleistungsbezieher',
    kind: 'rate',
    splits: 'persons',
    source: KENNZAHLEN_VO,
    validFrom: '2019-03-22',
    validTo: null,
  },
];

/** The groups a figure is split by (the report's groups). 'all' is the whole population. */
export const SPLITS = [
  'all',
  'sex:m',
  'sex:w',
  'sex:d',
  'age:under25',
  'age:25to49',
  'age:50plus',
  'single_parent',
  'lzb',
  'severe_disability',
  'refugee',
  // intersections the restricted figures (K2E4, K3E1) need when split by sex
  'single_parent&sex:m',
  'single_parent&sex:w',
  'single_parent&sex:d',
  'lzb&sex:m',
  'lzb&sex:w',
  'lzb&sex:d',
] as const;
export type Split = (typeof SPLITS)[number];

export const SPLIT_LABELS: Record<Split, string> = {
  all: 'insgesamt',
  'sex:m': 'Männer',
  'sex:w': 'Frauen',
  'sex:d': 'divers',
  'age:under25': 'unter 25 Jahre',
  'age:25to49': '25 bis 49 Jahre',
  'age:50plus': '50 Jahre und älter',
  single_parent: 'Alleinerziehende',
  lzb: 'Langzeitleistungsbeziehende',
  severe_disability: 'schwerbehindert oder gleichgestellt',
  refugee: 'mit Fluchthintergrund',
  'single_parent&sex:m': 'alleinerziehende Männer',
  'single_parent&sex:w': 'alleinerziehende Frauen',
  'single_parent&sex:d': 'Alleinerziehende (divers)',
  'lzb&sex:m': 'Langzeitleistungsbeziehende Männer',
  'lzb&sex:w': 'Langzeitleistungsbeziehende Frauen',
  'lzb&sex:d': 'Langzeitleistungsbeziehende (divers)',
};

/** The splits shown to users; the intersections are internal. */
export const PUBLIC_SPLITS = SPLITS.filter((s) => !s.includes('&'));
