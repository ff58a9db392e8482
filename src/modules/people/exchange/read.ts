import { CsvSyntaxError, decodeUtf8, forEachCsvRecord } from '../../../lib/csv/parse.ts';
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
    // A file's problems are kept apart until it has parsed: a CSV syntax error is then its only problem.
    const fileProblems: ImportProblem[] = [];
    const rows: Row[] = [];
    let width = -1;
    let headerOk = true;
    let columns: { name: string; required: boolean; parse: FileSpec['columns'][number]['parse']; at: number | undefined }[] = [];
    try {
      // each record becomes a typed row as it is read (no array of all raw records: see forEachCsvRecord)
      forEachCsvRecord(decodeUtf8(f.bytes), (line, fields) => {
        if (width < 0) {
          const header = fields.map((h) => h.trim());
          width = header.length;
          const index = new Map(header.map((h, i) => [h, i]));
          for (const h of header)
            if (!spec.columns.some((c) => c.name === h)) {
              fileProblems.push({ file: name, line: 1, column: h, message: `Unbekannte Spalte „${h}“` });
              headerOk = false;
            }
          for (const c of spec.columns)
            if (c.required && !index.has(c.name)) {
              fileProblems.push({ file: name, line: 1, column: c.name, message: `Pflichtspalte „${c.name}“ fehlt` });
              headerOk = false;
            }
          // looked up once per file, not once per field
          columns = spec.columns.map((c) => ({ name: c.name, required: c.required, parse: c.parse, at: index.get(c.name) }));
          return;
        }
        if (!headerOk) return;
        if (fields.length !== width) {
          fileProblems.push({
            file: name,
            line,
            column: null,
            message: `Zeile hat ${fields.length} Felder, die Kopfzeile ${width}`,
          });
          return;
        }
        const v: Record<string, unknown> = {};
        let rowOk = true;
        for (const c of columns) {
          const raw = c.at === undefined ? '' : (fields[c.at] as string);
          const parsed = c.parse(raw);
          if ('error' in parsed) {
            const message = raw.trim() === '' && c.required ? 'Pflichtfeld ist leer' : parsed.error;
            fileProblems.push({ file: name, line, column: c.name, message });
            rowOk = false;
          } else v[c.name] = parsed.value;
        }
        rows.push(rowOk ? { line, v } : { line, v, partial: true });
      });
      if (width < 0) throw new CsvSyntaxError(1, 'Die Datei ist leer; es fehlt die Kopfzeile');
    } catch (e) {
      if (e instanceof CsvSyntaxError) {
        problems.push({ file: name, line: e.line, column: null, message: e.message });
        continue;
      }
      throw e;
    }
    for (const problem of fileProblems) problems.push(problem);
    if (!headerOk) continue;
    out.set(name, rows);
  }
  return out;
}
