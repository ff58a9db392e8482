import { toDay } from '../lib/dates.ts';

/**
 * COPY in PostgreSQL's binary format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format"):
 * the server takes uuids, dates and integers as they are stored instead of parsing text for each field.
 * On PGlite the demo's tables load about 40 % faster than from text (payments: 1.5 instead of 2.5 CPU
 * seconds for 609,000 rows, scratch measurement, same process, alternating); date_in and uuid_in dominate
 * text COPY there.
 *
 * `BinaryRows` writes the rows only; a COPY stream is `COPY_BINARY_HEADER`, the rows of any number of chunks,
 * then `COPY_BINARY_TRAILER`. Types: uuid, text, date, bool, int2/int4/int8; others (numeric, arrays, json)
 * have no encoder here: `binaryCopyable` tells whether a table's columns can go this way.
 */
export const COPY_BINARY_HEADER = Uint8Array.from([
  0x50,
  0x47,
  0x43,
  0x4f,
  0x50,
  0x59,
  0x0a,
  0xff,
  0x0d,
  0x0a,
  0x00, // PGCOPY\n\377\r\n\0
  0,
  0,
  0,
  0, // flags
  0,
  0,
  0,
  0, // header extension length
]);
export const COPY_BINARY_TRAILER = Uint8Array.from([0xff, 0xff]);

const SUPPORTED = new Set(['uuid', 'text', 'date', 'bool', 'int2', 'int4', 'int8']);

export function binaryCopyable(types: readonly string[]): boolean {
  return types.every((t) => SUPPORTED.has(t));
}

type Encode = (w: BinaryRows, v: string | number | boolean) => void;

/** Days between 1970-01-01 and PostgreSQL's epoch 2000-01-01. */
const PG_EPOCH_DAYS = 10_957;

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}

const ENCODERS: Record<string, Encode> = {
  uuid(w, v) {
    const s = String(v);
    w.int32(16);
    w.reserve(16);
    let k = 0;
    let high = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 45) continue; // '-'
      const h = c < 128 ? (HEX[c] as number) : -1;
      if (h < 0 || k >= 32) throw new Error(`COPY binär: keine UUID: ${s}`);
      if (k & 1) w.buf[w.pos++] = (high << 4) | h;
      else high = h;
      k++;
    }
    if (k !== 32) throw new Error(`COPY binär: keine UUID: ${s}`);
  },
  text(w, v) {
    const s = String(v);
    // at most 3 bytes of UTF-8 per UTF-16 code unit
    w.reserve(4 + s.length * 3);
    const n = w.buf.write(s, w.pos + 4, 'utf8');
    w.buf.writeInt32BE(n, w.pos);
    w.pos += 4 + n;
  },
  date(w, v) {
    w.int32(4);
    w.int32(toDay(String(v)) - PG_EPOCH_DAYS);
  },
  bool(w, v) {
    w.int32(1);
    w.reserve(1);
    w.buf[w.pos++] = v === true || v === 't' || v === 'true' ? 1 : 0;
  },
  int2(w, v) {
    w.int32(2);
    w.reserve(2);
    w.buf.writeInt16BE(Number(v), w.pos);
    w.pos += 2;
  },
  int4(w, v) {
    w.int32(4);
    w.int32(Number(v));
  },
  int8(w, v) {
    const n = Number(v);
    if (!Number.isSafeInteger(n)) throw new Error(`COPY binär: keine ganze Zahl: ${v}`);
    w.int32(8);
    const hi = Math.floor(n / 2 ** 32);
    w.int32(hi);
    w.int32(n - hi * 2 ** 32);
  },
};

/** Rows in binary COPY format, appended to a growing buffer. */
export class BinaryRows {
  buf = Buffer.allocUnsafe(1 << 20);
  pos = 0;
  rows = 0;
  private readonly encoders: Encode[];

  constructor(types: readonly string[]) {
    this.encoders = types.map((t) => {
      const e = ENCODERS[t];
      if (!e) throw new Error(`COPY binär: Typ ${t} nicht unterstützt`);
      return e;
    });
  }

  reserve(n: number) {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int32(n: number) {
    this.reserve(4);
    this.buf.writeInt32BE(n | 0, this.pos);
    this.pos += 4;
  }

  add(row: readonly (string | number | boolean | null | undefined)[]) {
    const encoders = this.encoders;
    if (row.length !== encoders.length) throw new Error(`COPY binär: ${row.length} statt ${encoders.length} Werte`);
    this.reserve(2);
    this.buf.writeInt16BE(encoders.length, this.pos);
    this.pos += 2;
    for (let i = 0; i < encoders.length; i++) {
      const v = row[i];
      if (v === null || v === undefined) this.int32(-1);
      else (encoders[i] as Encode)(this, v);
    }
    this.rows++;
  }

  /** The rows written so far, as a copy of exactly their bytes (transferable to another thread). */
  take(): Uint8Array {
    const out = new Uint8Array(this.pos);
    out.set(this.buf.subarray(0, this.pos));
    this.pos = 0;
    this.rows = 0;
    return out;
  }
}
