import type { StructureValue } from '../indicators/figures.ts';

/** German names of the structure figures (Strukturdaten des Eingliederungsberichts), in display order. */
export const STRUCTURE_LABELS: Record<StructureValue['code'], string> = {
  elb: 'Erwerbsfähige Leistungsberechtigte (Bestand am Stichtag)',
  households: 'Bedarfsgemeinschaften',
  households_change: 'Veränderung der Bedarfsgemeinschaften zum Vorjahresmonat',
  lzb_share: 'Anteil Langzeitleistungsbeziehende',
  over4y_share: 'Anteil mit mehr als vier Jahren Leistungsbezug',
  severe_disability_share: 'Anteil schwerbehinderter oder gleichgestellter Arbeitsuchender',
  refugee_share: 'Anteil mit Fluchthintergrund',
  integrations: 'Integrationen in den letzten zwölf Monaten',
};
