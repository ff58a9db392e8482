import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ExportDocument, SUPPRESSED, toCsv, toXlsx } from './export.ts';

const doc: ExportDocument = {
  fileName: 'probe',
  title: 'Probe; mit Semikolon',
  subtitle: ['Berichtsmonat: Dezember 2019'],
  sheets: [
    {
      name: 'Kennzahlen',
      columns: [
        { header: 'Code', type: 'text' },
        { header: 'Anzahl', type: 'integer' },
        { header: 'Nenner', type: 'decimal' },
        { header: 'Wert', type: 'percent' },
      ],
      rows: [
        ['K2', 10597, 4416.25, 24.24],
        ['K3', 3, -0.01, -2],
        ['K3E1', SUPPRESSED, SUPPRESSED, null],
      ],
    },
  ],
  footnotes: ['• = unterdrückt'],
};

describe('export documents', () => {
  it('CSV: BOM, semicolons, decimal comma without thousands separator, no "-0,0", • for suppressed', () => {
    const csv = toCsv(doc);
    expect(csv.startsWith('\uFEFF"Probe; mit Semikolon"\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toContain('Code;Anzahl;Nenner;Wert');
    expect(lines).toContain('K2;10597;4416,3;24,2');
    expect(lines).toContain('K3;3;0,0;-2,0');
    expect(lines).toContain('K3E1;•;•;');
    expect(lines.at(-2)).toBe('• = unterdrückt');
  });

  it('XLSX: numbers with formats, percent as a fraction, • as text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx(doc)) as unknown as ArrayBuffer);
    const ws = book.getWorksheet('Kennzahlen');
    const rows: ExcelJS.Row[] = [];
    ws?.eachRow((r) => rows.push(r));
    const k2 = rows.find((r) => r.getCell(1).value === 'K2');
    expect(k2?.getCell(2).value).toBe(10597);
    expect(k2?.getCell(2).numFmt).toBe('#,##0');
    expect(k2?.getCell(4).value).toBeCloseTo(0.2424, 10);
    expect(k2?.getCell(4).numFmt).toBe('0.0%');
    expect(rows.find((r) => r.getCell(1).value === 'K3E1')?.getCell(2).value).toBe('•');
  });
});
