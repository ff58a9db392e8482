import { EARLIEST_DATE } from '../model.ts';

/** Parsers for the columns of the interchange format: each returns a value or a German message. */
export type Parse<T> = (raw: string) => { value: T } | { error: string };

export interface Column<T = unknown> {
  name: string;
  required: boolean;
  /** For docs/import-format.md. */
  doc: string;
  parse: Parse<T>;
}

const ok = <T>(value: T) => ({ value });
const fail = (error: string) => ({ error });

export function text(max = 200): Parse<string> {
  return (raw) => {
    const s = raw.trim();
    if (!s) return fail('darf nicht leer sein');
    if (s.length > max) return fail(`ist länger als ${max} Zeichen`);
    return ok(s);
  };
}

export function optional<T>(p: Parse<T>): Parse<T | null> {
  return (raw) => (raw.trim() === '' ? ok(null) : p(raw));
}

export function pattern(re: RegExp, what: string, transform: (s: string) => string = (s) => s): Parse<string> {
  return (raw) => {
    const s = transform(raw.trim());
    return re.test(s) ? ok(s) : fail(`${what}: „${raw.trim()}“ passt nicht`);
  };
}

export function oneOf<const T extends string>(codes: readonly T[]): Parse<T> {
  return (raw) => {
    const s = raw.trim() as T;
    return codes.includes(s) ? ok(s) : fail(`unbekannter Code „${raw.trim()}“ (erlaubt: ${codes.join(', ')})`);
  };
}

/** A date as 2019-12-15 or 15.12.2019; a calendar date that exists, not before 1900. */
export function date(): Parse<string> {
  return (raw) => {
    const s = raw.trim();
    let y: number;
    let m: number;
    let d: number;
    if (s.length === 10 && s[4] === '-' && s[7] === '-') {
      y = Number(s.slice(0, 4));
      m = Number(s.slice(5, 7));
      d = Number(s.slice(8, 10));
    } else {
      const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
      if (!german) return fail(`„${s}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)`);
      y = Number(german[3]);
      m = Number(german[2]);
      d = Number(german[1]);
    }
    if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m))
      return fail(`„${s}“ ist kein gültiges Kalenderdatum`);
    const iso = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    if (iso < EARLIEST_DATE) return fail(`„${s}“ liegt vor 1900`);
    return ok(iso);
  };
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function month(): Parse<string> {
  return (raw) => {
    const s = raw.trim();
    const m = /^(\d{4})-(\d{2})$/.exec(s) ?? /^(\d{2})\/(\d{4})$/.exec(s);
    if (!m) return fail(`„${s}“ ist kein Monat (JJJJ-MM)`);
    const [y, mo] = s.includes('/') ? [m[2], m[1]] : [m[1], m[2]];
    if (Number(mo) < 1 || Number(mo) > 12) return fail(`„${s}“ ist kein Monat (JJJJ-MM)`);
    if (`${y}` < '1900') return fail(`„${s}“ liegt vor 1900`);
    return ok(`${y}-${mo}`);
  };
}

export function bool(): Parse<boolean> {
  return (raw) => {
    const s = raw.trim().toLowerCase();
    if (['ja', 'j', '1', 'true', 'wahr'].includes(s)) return ok(true);
    if (['nein', 'n', '0', 'false', 'falsch'].includes(s)) return ok(false);
    return fail(`„${raw.trim()}“ ist weder ja noch nein`);
  };
}

/** Whole cents, not negative: 123456 (not 1.234,56). */
export function cents(): Parse<number> {
  return (raw) => {
    const s = raw.trim();
    if (/^-/.test(s)) return fail(`Betrag „${s}“ ist negativ`);
    if (!/^\d{1,12}$/.test(s)) return fail(`Betrag „${s}“ ist kein ganzer Betrag in Cent`);
    return ok(Number(s));
  };
}

/** Weekly hours with at most one decimal, point or comma: 19,5. */
export function hours(): Parse<number> {
  return (raw) => {
    const s = raw.trim().replace(',', '.');
    if (!/^\d{1,2}(\.\d)?$/.test(s)) return fail(`„${raw.trim()}“ sind keine Wochenstunden (z. B. 19,5)`);
    const n = Number(s);
    if (n <= 0 || n > 80) return fail(`Wochenstunden „${raw.trim()}“ müssen über 0 und höchstens 80 sein`);
    return ok(n);
  };
}

/** A list inside one field, separated by | (e.g. roles "pap|teamleitung"). */
export function list<T>(item: Parse<T>): Parse<T[]> {
  return (raw) => {
    const out: T[] = [];
    for (const part of raw
      .split('|')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const r = item(part);
      if ('error' in r) return r;
      out.push(r.value);
    }
    return ok(out);
  };
}

export const col = <T>(name: string, parse: Parse<T>, doc: string, required = true): Column<T> => ({
  name,
  parse,
  doc,
  required,
});
