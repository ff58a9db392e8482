import { monthLabel } from './dashboard-export.ts';
import { type ExportCell, type ExportDocument, SUPPRESSED } from './export.ts';
import type { ReportCell, TeamReport } from './team-report.ts';

const value = (c: ReportCell): ExportCell => (c.suppressed ? SUPPRESSED : c.value);
const count = (c: ReportCell): ExportCell => (c.suppressed ? SUPPRESSED : c.numerator);

/** The team report as a document (CSV/XLSX); suppressed values stay suppressed. */
export function teamReportDocument(r: TeamReport): ExportDocument {
  const slug = r.team.name
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return {
    fileName: `teamreport-${r.month}-${slug}`,
    title: `Teambezogener Ergebnisreport – ${r.team.name}`,
    subtitle: [
      `Berichtsmonat: ${monthLabel(r.month)}${r.provisional ? ' (vorläufig)' : ''}`,
      `Standort: ${r.team.siteName}; Vergleich: Jobcenter insgesamt`,
    ],
    sheets: [
      {
        name: 'Kennzahlen',
        columns: [
          { header: 'Kennzahl', type: 'text', width: 10 },
          { header: 'Bezeichnung', type: 'text', width: 60 },
          { header: 'Team', type: 'percent' },
          { header: 'Jobcenter', type: 'percent' },
          { header: 'Differenz (Prozentpunkte)', type: 'decimal', width: 24 },
        ],
        rows: r.figures.map((f) => [f.code, f.name, value(f.team), value(f.jobcenter), f.difference]),
      },
      {
        name: 'Struktur',
        columns: [
          { header: 'Merkmal', type: 'text', width: 60 },
          { header: 'Team: Anzahl', type: 'integer' },
          { header: 'Team: Anteil bzw. Veränderung', type: 'percent' },
          { header: 'Jobcenter: Anzahl', type: 'integer' },
          { header: 'Jobcenter: Anteil bzw. Veränderung', type: 'percent' },
          { header: 'Jobcenter: Durchschnitt je Team', type: 'decimal' },
        ],
        rows: r.structure.map((s) =>
          s.unit === 'count'
            ? [s.name, value(s.team), null, value(s.jobcenter), null, s.perTeam]
            : [s.name, null, value(s.team), null, value(s.jobcenter), null],
        ),
      },
      {
        name: 'Gruppen',
        columns: [
          { header: 'Gruppe', type: 'text', width: 40 },
          { header: 'Team: eLb', type: 'integer' },
          { header: 'Team: Anteil', type: 'percent' },
          { header: 'Jobcenter: eLb', type: 'integer' },
          { header: 'Jobcenter: Anteil', type: 'percent' },
        ],
        rows: r.groups.map((g) => [g.label, count(g.team), value(g.team), count(g.jobcenter), value(g.jobcenter)]),
      },
    ],
    footnotes: r.footnotes,
  };
}
