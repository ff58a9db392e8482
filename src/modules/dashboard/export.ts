import ExcelJS from 'exceljs';
import { SUPPRESSION_SYMBOL } from '../indicators/confidentiality.ts';

/**
 * Exported documents (CSV, XLSX) from one neutral shape: sheets of typed columns. CSV is written for
 * German spreadsheet programs (semicolon, decimal comma, no thousands separator, UTF-8 with BOM);
 * XLSX keeps numbers as numbers with a number format, so they can be computed with.
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'percent';

export interface ExportColumn {
  header: string;
  type: ColumnType;
  width?: number;
}

/** A cell: text, a number (percent columns hold percent, e.g. 24.2), empty, or suppressed. */
export type ExportCell = string | number | null | { suppressed: true };
export const SUPPRESSED: ExportCell = { suppressed: true };

export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
}

export interface ExportDocument {
  /** File name without extension, ASCII only. */
  fileName: string;
  title: string;
  /** Lines under the title: month, scope, "vorläufig" … */
  subtitle: string[];
  sheets: ExportSheet[];
  footnotes: string[];
}

/** One CSV line with `;`; quotes only where needed (a decimal comma needs none with this delimiter). */
function formatCsvLine(fields: readonly string[]): string {
  return fields.map((s) => (/[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)).join(';');
}

const isSuppressed = (c: ExportCell): c is { suppressed: true } => typeof c === 'object' && c !== null;

/** German decimal notation without thousands separator (spreadsheets read it back as a number). */
function csvNumber(value: number, type: ColumnType): string {
  const digits = type === 'integer' ? 0 : 1;
  return value
    .toFixed(digits)
    .replace('.', ',')
    .replace(/^-(0(,0)?)$/, '$1');
}

function csvCell(c: ExportCell, type: ColumnType): string {
  if (c === null) return '';
  if (isSuppressed(c)) return SUPPRESSION_SYMBOL;
  if (typeof c === 'number') return type === 'text' ? String(c) : csvNumber(c, type);
  return c;
}

export function toCsv(doc: ExportDocument): string {
  const lines: string[] = [formatCsvLine([doc.title]), ...doc.subtitle.map((s) => formatCsvLine([s]))];
  for (const sheet of doc.sheets) {
    lines.push('', formatCsvLine([sheet.name]), formatCsvLine(sheet.columns.map((c) => c.header)));
    for (const row of sheet.rows) lines.push(formatCsvLine(row.map((c, i) => csvCell(c, sheet.columns[i]?.type ?? 'text'))));
  }
  if (doc.footnotes.length) lines.push('', ...doc.footnotes.map((f) => formatCsvLine([f])));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const NUMBER_FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: '#,##0.0',
  percent: '0.0%',
};

export async function toXlsx(doc: ExportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Teilhabe';
  book.created = new Date();
  for (const sheet of doc.sheets) {
    const ws = book.addWorksheet(sheet.name.slice(0, 31));
    ws.addRow([doc.title]).font = { bold: true, size: 14 };
    for (const s of doc.subtitle) ws.addRow([s]);
    ws.addRow([]);
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    for (const row of sheet.rows) {
      const r = ws.addRow(
        row.map((c, i) => {
          if (c === null) return null;
          if (isSuppressed(c)) return SUPPRESSION_SYMBOL;
          // Excel percent: the fraction, shown by the number format as "24,2 %"
          return typeof c === 'number' && sheet.columns[i]?.type === 'percent' ? c / 100 : c;
        }),
      );
      sheet.columns.forEach((col, i) => {
        const fmt = NUMBER_FORMATS[col.type];
        const target = r.getCell(i + 1);
        if (fmt && typeof target.value === 'number') target.numFmt = fmt;
        if (col.type !== 'text') target.alignment = { horizontal: 'right' };
      });
    }
    sheet.columns.forEach((col, i) => {
      ws.getColumn(i + 1).width = col.width ?? (col.type === 'text' ? 40 : 14);
    });
    if (doc.footnotes.length) {
      ws.addRow([]);
      for (const f of doc.footnotes) ws.addRow([f]).font = { italic: true };
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
