import { CsvSyntaxError, decodeUtf8, parseCsv } from '../../../lib/csv/parse.ts';
import { FILES, type FileSpec } from './format.ts';

/** One problem of an import, with where it is: file, line (1 = header), column. */
export interface ImportProblem {
  file: string;
  line: number;
  column: string | null;
  message: string;
}

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** A data row; `partial` rows had a field error and carry only the fields that parsed. */
export type Row = { line: number; v: Record<string, unknown>; partial?: true };

/** Parses every known file into typed rows, collecting all problems instead of stopping at the first. */
export function readFiles(files: ImportFile[], problems: ImportProblem[]): Map<string, Row[]> {
  const known = new Map<string, FileSpec>(FILES.map((f) => [f.file, f]));
  const out = new Map<string, Row[]>();
  const seen = new Set<string>();
  for (const f of files) {
    const name = f.name.split(/[\\/]/).pop() ?? f.name;
    const spec = known.get(name);
    if (!spec) {
      problems.push({
        file: name,
        line: 0,
        column: null,
        message: `Unbekannte Datei. Erwartet werden: ${FILES.map((x) => x.file).join(', ')}`,
      });
      continue;
    }
    if (seen.has(name)) {
      problems.push({ file: name, line: 0, column: null, message: 'Datei ist doppelt angegeben' });
      continue;
    }
    seen.add(name);
    let table: ReturnType<typeof parseCsv>;
    try {
      table = parseCsv(decodeUtf8(f.bytes));
    } catch (e) {
      if (e instanceof CsvSyntaxError) {
        problems.push({ file: name, line: e.line, column: null, message: e.message });
        continue;
      }
      throw e;
    }
    const index = new Map(table.header.map((h, i) => [h, i]));
    let headerOk = true;
    for (const h of table.header)
      if (!spec.columns.some((c) => c.name === h)) {
        problems.push({ file: name, line: 1, column: h, message: `Unbekannte Spalte „${h}“` });
        headerOk = false;
      }
    for (const c of spec.columns)
      if (c.required && !index.has(c.name)) {
        problems.push({ file: name, line: 1, column: c.name, message: `Pflichtspalte „${c.name}“ fehlt` });
        headerOk = false;
      }
    if (!headerOk) continue;
    const rows: Row[] = [];
    // looked up once per file, not once per field (millions of fields in a whole Jobcenter's extract)
    const columns = spec.columns.map((c) => ({ name: c.name, required: c.required, parse: c.parse, at: index.get(c.name) }));
    const width = table.header.length;
    for (const r of table.rows) {
      const fields = r.fields;
      if (fields.length !== width) {
        problems.push({
          file: name,
          line: r.line,
          column: null,
          message: `Zeile hat ${fields.length} Felder, die Kopfzeile ${width}`,
        });
        continue;
      }
      const v: Record<string, unknown> = {};
      let rowOk = true;
      for (const c of columns) {
        const raw = c.at === undefined ? '' : (fields[c.at] as string);
        const parsed = c.parse(raw);
        if ('error' in parsed) {
          const message = raw.trim() === '' && c.required ? 'Pflichtfeld ist leer' : parsed.error;
          problems.push({ file: name, line: r.line, column: c.name, message });
          rowOk = false;
        } else v[c.name] = parsed.value;
      }
      rows.push(rowOk ? { line: r.line, v } : { line: r.line, v, partial: true });
    }
    out.set(name, rows);
  }
  return out;
}
