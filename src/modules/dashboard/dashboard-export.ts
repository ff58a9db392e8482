import {
  figureGroupSize,
  SUPPRESSION_FOOTNOTE,
  splitPartition,
  structureGroupSize,
  suppressSmall,
} from '../indicators/confidentiality.ts';
import { SPLIT_LABELS } from '../indicators/definitions.ts';
import { type ExportCell, type ExportDocument, SUPPRESSED } from './export.ts';
import type { CellValue, DashboardView, FigureRow, StructureRow } from './service.ts';

export const PROVISIONAL_NOTE =
  'vorläufig: Der Berichtsmonat liegt weniger als drei Monate zurück (Wartezeit der Statistik); die Werte können sich noch ändern.';

/** "2019-12" → "Dezember 2019" */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${new Intl.DateTimeFormat('de-DE', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)))} ${y}`;
}

/** Suppression marks for the values of a row (one partition per sex and per age groups). */
function marks(values: CellValue[], size: (v: CellValue) => number) {
  return suppressSmall(values, size, (v) => splitPartition(v.split));
}

export function figureCells(row: Pick<FigureRow, 'code'>, values: CellValue[]) {
  const m = marks(values, (v) => figureGroupSize({ code: row.code, ...v }) ?? 0);
  return values.map((v, i) => ({ ...v, suppressed: m[i] !== null }));
}

export function structureCells(row: Pick<StructureRow, 'code'>, values: CellValue[]) {
  const m = marks(values, (v) => structureGroupSize({ code: row.code, ...v }));
  return values.map((v, i) => ({ ...v, suppressed: m[i] !== null }));
}

const or = (suppressed: boolean, value: ExportCell): ExportCell => (suppressed ? SUPPRESSED : value);

/** The dashboard view as a document: every figure and structure value of the scope, each split one row. */
export function dashboardDocument(view: DashboardView): ExportDocument {
  const figureRows: ExportCell[][] = [];
  let anySuppressed = false;
  for (const f of view.figures) {
    // money figures count cents; the document shows euros
    const scale = f.code === 'K1' || f.code === 'K1E1' ? 100 : 1;
    for (const c of figureCells(f, f.values)) {
      anySuppressed ||= c.suppressed;
      figureRows.push([
        f.code,
        f.name,
        SPLIT_LABELS[c.split],
        or(c.suppressed, c.numerator / scale),
        or(c.suppressed, c.denominator / scale),
        or(c.suppressed, c.value),
        f.kind === 'change' ? `Veränderung zum Vorjahresmonat${scale > 1 ? ' (Zähler und Nenner in Euro)' : ''}` : 'Quote',
      ]);
    }
  }
  const structureRows: ExportCell[][] = [];
  for (const s of view.structure) {
    for (const c of structureCells(s, s.values)) {
      anySuppressed ||= c.suppressed;
      structureRows.push([
        s.name,
        SPLIT_LABELS[c.split],
        or(c.suppressed, s.unit === 'count' ? c.numerator : null),
        or(c.suppressed, s.unit === 'percent' ? c.value : null),
        or(c.suppressed, s.unit === 'percent' ? c.numerator : null),
        or(c.suppressed, s.unit === 'percent' ? c.denominator : null),
      ]);
    }
  }
  const scopeSlug = view.scope.kind === 'tenant' ? 'jobcenter' : view.scope.key.replace(':', '-');
  return {
    fileName: `kennzahlen-${view.month}-${scopeSlug}`,
    title: `Kennzahlen nach § 48a SGB II – ${view.scope.label}`,
    subtitle: [
      `Berichtsmonat: ${monthLabel(view.month)}${view.provisional ? ' (vorläufig)' : ''}`,
      `Bereich: ${view.breadcrumb.map((b) => b.label).join(' › ')}`,
    ],
    sheets: [
      {
        name: 'Kennzahlen',
        columns: [
          { header: 'Kennzahl', type: 'text', width: 10 },
          { header: 'Bezeichnung', type: 'text', width: 60 },
          { header: 'Gruppe', type: 'text', width: 36 },
          { header: 'Zähler', type: 'decimal' },
          { header: 'Nenner', type: 'decimal' },
          { header: 'Wert', type: 'percent' },
          { header: 'Art', type: 'text', width: 32 },
        ],
        rows: figureRows,
      },
      {
        name: 'Strukturdaten',
        columns: [
          { header: 'Merkmal', type: 'text', width: 60 },
          { header: 'Gruppe', type: 'text', width: 36 },
          { header: 'Anzahl', type: 'integer' },
          { header: 'Anteil bzw. Veränderung', type: 'percent' },
          { header: 'Zähler', type: 'integer' },
          { header: 'Nenner', type: 'integer' },
        ],
        rows: structureRows,
      },
    ],
    footnotes: [
      ...(anySuppressed ? [SUPPRESSION_FOOTNOTE] : []),
      ...(view.provisional ? [PROVISIONAL_NOTE] : []),
      'Quelle: Teilhabe, eigene Berechnung nach der Kennzahlenverordnung zu § 48a SGB II (Fassung ab 22.03.2019).',
    ],
  };
}
