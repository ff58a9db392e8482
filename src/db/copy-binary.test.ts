import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { BinaryRows, binaryCopyable, COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from './copy-binary.ts';
import { openTestDatabase } from './testing.ts';

/** Rows written in COPY's binary format read back as the same values as through COPY text. */
const TYPES = ['uuid', 'text', 'date', 'bool', 'int8', 'int4', 'int2'];
const ROWS: (string | number | boolean | null)[][] = [
  ['0190b6a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b', 'Müller-Lüdenscheidt, Ægidius 🙂', '2019-12-31', true, 0, 0, 0],
  ['FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '', '0001-01-01', false, -1, -2147483648, -32768],
  [
    '00000000-0000-0000-0000-000000000000',
    'tab\tline\nback\\slash',
    '9999-12-31',
    true,
    9_007_199_254_740_991,
    2147483647,
    32767,
  ],
  ['0190b6a4-1c2d-7e3f-8a9b-0c1d2e3f4a5c', null, '2000-01-01', null, -9_007_199_254_740_991, null, null],
  ['0190b6a4-1c2d-7e3f-8a9b-0c1d2e3f4a5d', 'x', '1999-12-31', false, 4_294_967_296, 1, -1],
];

describe('COPY binary', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('knows which column types it can write', () => {
    expect(binaryCopyable(TYPES)).toBe(true);
    expect(binaryCopyable(['uuid', 'numeric'])).toBe(false);
    expect(() => new BinaryRows(['numeric'])).toThrow();
    expect(() => new BinaryRows(['uuid']).add(['not-a-uuid'])).toThrow();
    expect(() => new BinaryRows(['date']).add(['2019-02-30'])).toThrow();
  });

  it('loads the same values as INSERT, in chunks of one stream', async () => {
    await db.rows(sql`DROP TABLE IF EXISTS copy_binary_probe`);
    await db.rows(
      sql`CREATE TABLE copy_binary_probe (n int4, u uuid, t text, d date, b bool, i8 int8, i4 int4, i2 int2, PRIMARY KEY (n))`,
    );
    try {
      // two chunks, as the demo generator sends them: header + chunk + chunk + trailer
      const first = new BinaryRows(['int4', ...TYPES]);
      const second = new BinaryRows(['int4', ...TYPES]);
      ROWS.forEach((r, i) => {
        (i < 2 ? first : second).add([i, ...r]);
      });
      const body = [first.take(), second.take()];
      const statement = 'COPY copy_binary_probe (n, u, t, d, b, i8, i4, i2) FROM';
      if (db.kind === 'pglite') {
        const client = (db.orm as unknown as { $client: PGlite }).$client;
        await client.query(`${statement} '/dev/blob' WITH (FORMAT binary)`, [], {
          blob: new Blob([COPY_BINARY_HEADER, ...(body as Uint8Array<ArrayBuffer>[]), COPY_BINARY_TRAILER]),
        });
      } else {
        const client = await (db.orm as unknown as { $client: pg.Pool }).$client.connect();
        try {
          const stream = client.query(copyFrom(`${statement} STDIN WITH (FORMAT binary)`));
          const done = new Promise<void>((resolve, reject) => {
            stream.once('finish', () => resolve());
            stream.once('error', reject);
          });
          for (const part of [COPY_BINARY_HEADER, ...body, COPY_BINARY_TRAILER]) stream.write(part);
          stream.end();
          await done;
        } finally {
          client.release();
        }
      }
      const got = await db.rows<Record<string, unknown>>(
        sql`SELECT u::text AS u, t, d::text AS d, b, i8::text AS i8, i4, i2 FROM copy_binary_probe ORDER BY n`,
      );
      expect(got).toEqual(
        ROWS.map(([u, t, d, b, i8, i4, i2]) => ({
          u: String(u).toLowerCase(),
          t,
          d,
          b,
          i8: String(i8),
          i4,
          i2,
        })),
      );
    } finally {
      await db.rows(sql`DROP TABLE copy_binary_probe`);
    }
  });
});
