import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, decodeUtf8, formatCsvLine, parseCsv } from './parse.ts';

describe('parseCsv', () => {
  it('detects ; and , and keeps line numbers', () => {
    const t = parseCsv('a;b\n1;2\n\n3;4\n');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
    expect(parseCsv('a,b\r\n1,2').rows[0]?.fields).toEqual(['1', '2']);
  });

  it('reads quoted fields with delimiters, quotes and line breaks', () => {
    const t = parseCsv('name;note\n"Müller; Hans";"sagt ""ja""\nund geht"\nx;y');
    expect(t.rows[0]?.fields).toEqual(['Müller; Hans', 'sagt "ja"\nund geht']);
    expect(t.rows[1]?.line).toBe(4);
  });

  it('keeps empty fields', () => {
    expect(parseCsv('a;b;c\n;;\n').rows[0]?.fields).toEqual(['', '', '']);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a;b\n1;2\n"3;4')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a;b\n1;2\n"3;4');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  it('refuses bytes that are not UTF-8 and strips a BOM', () => {
    expect(() => decodeUtf8(new Uint8Array([0x4d, 0xfc, 0x6c]))).toThrow(/UTF-8/); // "Mül" in Latin-1
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
  });

  it('formats what it parses (round trip)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ä', ';', ',', '"', '\n', ' ', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = ['x;y', ...rows.map((r) => formatCsvLine(r))].join('\n');
        const parsed = parseCsv(text).rows.map((r) => r.fields);
        expect(parsed).toEqual(rows);
      }),
    );
  });
});
