import { BinaryRows, binaryCopyable } from '../../db/copy-binary.ts';
import { type CalibrationRow, calibrate } from './calibration.ts';
import { IdFactory } from './population.ts';
import { Rng } from './random.ts';
import { countRows, type RecordContext, type Row, TABLES, type TableSpec, worldRows } from './records.ts';
import { type Numbering, simulate, type World } from './simulate.ts';
import { copyField } from './sink.ts';
import { planStaff, staffDirectory } from './staff.ts';

/**
 * The demo's rows as COPY chunks (binary format where the table's column types allow it, else text), shard
 * after shard: simulate a shard, turn it into rows, cut them into chunks of at most `chunkRows` rows of one
 * table. Runs in a worker thread (worker.ts), so that the
 * next shard is simulated while the database writes the last one, or in-process (tests, fallback).
 *
 * Shards: scale K is made of ⌈K / SHARD_SCALE⌉ simulations of equal size, each calibrated on its own.
 */
export const SHARD_SCALE = 0.5;

export interface ProduceParams {
  seed: number;
  scale: number;
  calibrate: boolean;
  chunkRows?: number;
  /**
   * COPY text instead of the binary format for every table (the binary format is used where a table's
   * column types allow it: copy-binary.ts).
   */
  textOnly?: boolean;
}

/** The ids the rows refer to; known once the Jobcenter exists (asked for with a 'context' chunk). */
export interface ProduceContext {
  tenantId: string;
  teamIds: string[];
  staffIds: string[];
}

export const TABLE_ORDER: TableSpec[] = Object.values(TABLES);

export type Chunk =
  /** COPY text (complete lines) or, as bytes, rows in the binary format without header and trailer */
  | { kind: 'rows'; table: number; payload: string | Uint8Array; rows: number }
  | { kind: 'shard'; shard: number; shards: number; simulateMs: number; rows: Record<string, number> }
  | { kind: 'calibration'; rows: CalibrationRow[] }
  | { kind: 'context' };

/** What a chunk holds in memory until the main thread takes it (rows; other chunks count as nothing). */
export function chunkBytes(chunk: Chunk): number {
  if (chunk.kind !== 'rows') return 0;
  return typeof chunk.payload === 'string' ? chunk.payload.length * 2 : chunk.payload.byteLength;
}

export function shardsFor(scale: number): { shards: number; shardScale: number } {
  const shards = Math.max(1, Math.ceil(scale / SHARD_SCALE - 1e-9));
  return { shards, shardScale: scale / shards };
}

/**
 * The chunks of a demo. The first shard is simulated before the ids exist: the generator then yields a
 * 'context' chunk and expects the ids as the value of the next `next(context)`.
 */
export function* produce(params: ProduceParams): Generator<Chunk, void, ProduceContext | undefined> {
  const { seed, scale } = params;
  const chunkRows = params.chunkRows ?? 20_000;
  const { shards, shardScale } = shardsFor(scale);
  const numbering: Numbering = { person: 0, household: 0, ids: new IdFactory(new Rng(`teilhabe-demo/${seed}/ids`)) };
  const directory = staffDirectory(planStaff(seed));
  let ctx: RecordContext | null = null;
  // the calibration table: of the whole demo up to two shards (scale 1), else of the first shard
  const kept: World[] = [];
  for (let shard = 0; shard < shards; shard++) {
    const t0 = performance.now();
    const world = simulate({ seed, scale: shardScale, shard, numbering, staff: directory });
    const simulateMs = performance.now() - t0;
    if (params.calibrate && (shards <= 2 || shard === 0)) kept.push(world);
    if (kept.length && (shard === shards - 1 || shards > 2)) {
      yield { kind: 'calibration', rows: calibrate(kept) };
      kept.length = 0;
    }
    yield { kind: 'shard', shard, shards, simulateMs, rows: countRows(world) };
    if (!ctx) {
      const given = yield { kind: 'context' };
      if (!given) throw new Error('produce: Kennungen (context) fehlen');
      ctx = { ...given, ids: numbering.ids };
    }
    let spec: TableSpec | null = null;
    let binary: BinaryRows | null = null;
    let text = '';
    let n = 0;
    const chunk = (): Chunk => ({
      kind: 'rows',
      table: TABLE_ORDER.indexOf(spec as TableSpec),
      payload: binary ? binary.take() : text,
      rows: n,
    });
    for (const [s, row] of worldRows(world, ctx)) {
      if (s !== spec || n >= chunkRows) {
        if (spec && n) yield chunk();
        if (s !== spec) binary = params.textOnly ? null : binaryWriter(s);
        spec = s;
        text = '';
        n = 0;
      }
      if (binary) binary.add(row);
      else text += copyLine(row);
      n++;
    }
    if (spec && n) yield chunk();
  }
}

/** All shards of a demo in memory (tests and calibration; the database path streams them instead). */
export function simulateAll(seed: number, scale: number): World[] {
  const { shards, shardScale } = shardsFor(scale);
  const numbering: Numbering = { person: 0, household: 0, ids: new IdFactory(new Rng(`teilhabe-demo/${seed}/ids`)) };
  const directory = staffDirectory(planStaff(seed));
  return Array.from({ length: shards }, (_, shard) => simulate({ seed, scale: shardScale, shard, numbering, staff: directory }));
}

function binaryWriter(spec: TableSpec): BinaryRows | null {
  const types = spec.columns.map((c) => c.type);
  return binaryCopyable(types) ? new BinaryRows(types) : null;
}

function copyLine(row: Row): string {
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i ? '\t' : '') + copyField(row[i]);
  return `${line}\n`;
}
