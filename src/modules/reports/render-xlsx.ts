import ExcelJS from 'exceljs';
import type { Cell, ReportDocument, TableBlock } from './document.ts';

/**
 * The report's tables as Excel: one sheet per table, caption on top, numbers as numbers with a number
 * format (Excel shows them the German way in a German Excel), suppressed figures as the mark "•".
 */
const FORMATS: Record<NonNullable<Cell['format']>, string> = {
  int: '#,##0',
  pct: '0.0" %"',
  eur: '#,##0 "€"',
};

export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Teilhabe';
  book.title = doc.title;
  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  tables.forEach((t, i) => {
    const sheet = book.addWorksheet(`T${i + 1} ${t.id}`.slice(0, 31).replace(/[[\]:*?/\\]/g, '-'));
    sheet.addRow([`Tabelle ${i + 1}: ${t.caption}`]).font = { bold: true, size: 12 };
    sheet.addRow([`${doc.title} – ${doc.subtitle}`]);
    sheet.addRow([]);
    const header = sheet.addRow(t.columns);
    header.font = { bold: true };
    header.eachCell((c) => {
      c.border = { bottom: { style: 'thin' } };
    });
    for (const r of t.rows) {
      const row = sheet.addRow(r.map((c) => (c.value !== undefined && c.value !== null ? c.value : c.text)));
      r.forEach((c, j) => {
        const cell = row.getCell(j + 1);
        if (c.format && typeof cell.value === 'number') cell.numFmt = FORMATS[c.format];
        if (j > 0) cell.alignment = { horizontal: 'right' };
      });
    }
    if (t.footnotes.length) sheet.addRow([]);
    for (const f of t.footnotes) sheet.addRow([f]).font = { size: 9 };
    sheet.getColumn(1).width = Math.min(60, Math.max(18, ...t.rows.map((r) => (r[0]?.text.length ?? 0) + 2)));
    for (let c = 2; c <= t.columns.length; c++) sheet.getColumn(c).width = Math.max(14, (t.columns[c - 1]?.length ?? 0) + 2);
    sheet.views = [{ state: 'frozen', ySplit: 4 }];
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
