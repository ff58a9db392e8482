/**
 * CSV as the interchange format speaks it (RFC 4180): a header row, `;` or `,` as delimiter
 * (detected from the header), fields optionally in double quotes with "" for a quote, CRLF or LF.
 * Strict about encoding: bytes that are not UTF-8 are refused, not guessed.
 */
export interface CsvTable {
  delimiter: ';' | ',';
  header: string[];
  /** Data rows with their 1-based line number in the file (a quoted field may span lines). */
  rows: { line: number; fields: string[] }[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvSyntaxError(
      1,
      'Die Datei ist nicht UTF-8-kodiert. Bitte als „CSV UTF-8“ speichern (in Excel: Speichern unter → CSV UTF-8).',
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function detectDelimiter(firstLine: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons >= commas ? ';' : ',';
}

export function parseCsv(text: string): CsvTable {
  const records: { line: number; fields: string[] }[] = [];
  const delimiter = forEachCsvRecord(text, (line, fields) => {
    records.push({ line, fields });
  });
  const [head, ...rows] = records;
  if (!head) throw new CsvSyntaxError(1, 'Die Datei ist leer; es fehlt die Kopfzeile');
  return { delimiter, header: head.fields.map((h) => h.trim()), rows };
}

/**
 * The records of `text` one at a time, the header first (empty lines skipped); returns the delimiter.
 * For large files: a caller that converts each record at once keeps no array of all raw records, which
 * for a whole Jobcenter's extract (millions of records) is most of what the garbage collector would trace.
 */
export function forEachCsvRecord(text: string, onRecord: (line: number, fields: string[]) => void): ';' | ',' {
  const firstBreak = text.search(/\r?\n/);
  const delimiter = detectDelimiter(firstBreak === -1 ? text : text.slice(0, firstBreak));
  const DELIM = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  const n = text.length;
  let pos = 0;
  let line = 1;
  // Scans with charCodeAt and slices whole fields: a 100 MB extract parses in seconds, not minutes.
  while (pos < n) {
    const recordLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text.charCodeAt(pos) === QUOTE) {
        let value = '';
        let from = pos + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) throw new CsvSyntaxError(recordLine, 'Ein Anführungszeichen wird nicht geschlossen');
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === LF) line++;
        fields.push(value);
        const c = text.charCodeAt(pos);
        if (pos >= n) endOfRecord = true;
        else if (c === DELIM) pos++;
        else if (c === LF || c === CR) {
          pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
          line++;
          endOfRecord = true;
        } else throw new CsvSyntaxError(line, 'Nach einem Anführungszeichen am Feldende folgt kein Trennzeichen');
        continue;
      }
      let i = pos;
      let c = 0;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === DELIM || c === LF || c === CR) break;
        i++;
      }
      fields.push(text.slice(pos, i));
      if (i >= n) {
        pos = n;
        endOfRecord = true;
      } else if (c === DELIM) pos = i + 1;
      else {
        pos = i + (c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1);
        line++;
        endOfRecord = true;
      }
    }
    // a completely empty line is skipped, not read as a record with one empty field
    if (!(fields.length === 1 && fields[0] === '')) onRecord(recordLine, fields);
  }
  return delimiter;
}

/** Writes one CSV line; quotes a field only when it holds the delimiter, a quote or a line break. */
export function formatCsvLine(fields: readonly (string | number | null | undefined)[], delimiter = ';'): string {
  return fields
    .map((f) => {
      const s = f === null || f === undefined ? '' : String(f);
      return /[";\n\r,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(delimiter);
}
