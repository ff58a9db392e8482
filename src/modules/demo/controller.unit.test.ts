import { describe, expect, it } from 'vitest';
import { chooseExits, type Units } from './controller.ts';
import { Rng } from './random.ts';

/** Units of [men, women, long-term] contributions; each its own group. */
function units(rows: [number, number, number][], weights?: number[]): Units {
  return {
    dims: 3,
    count: rows.length,
    contrib: Float64Array.from(rows.flat()),
    weight: Float64Array.from(weights ?? rows.map(() => 1)),
    group: Int32Array.from(rows.map((_, i) => i)),
  };
}

describe('exit controller', () => {
  const pool: [number, number, number][] = [];
  const r = new Rng('pool');
  for (let i = 0; i < 2000; i++) {
    const kind = r.int(5);
    pool.push(kind === 0 ? [1, 0, 1] : kind === 1 ? [0, 1, 1] : kind === 2 ? [1, 0, 0] : kind === 3 ? [0, 1, 0] : [1, 1, 1]);
  }

  it('meets the needs of every dimension at once (exactly, up to one person)', () => {
    const u = units(pool);
    const need = Float64Array.from([120, 90, 60]);
    const weights = Float64Array.from([1 / 120 ** 2, 1 / 90 ** 2, 1 / 60 ** 2]);
    const final = Float64Array.from([100, 100, 100]);
    const chosen = chooseExits(u, need, weights, new Rng('c'), { finalWeights: final, swaps: true });
    const removed = [0, 0, 0];
    for (const i of chosen) for (let k = 0; k < 3; k++) removed[k] = (removed[k] as number) + (pool[i]?.[k] as number);
    expect(removed.slice(0, 2)).toEqual([120, 90]);
    // one exchange at a time cannot always reach the last person: [1,1,1] ↔ [1,0,0] + [0,1,0]
    expect(Math.abs((removed[2] as number) - 60)).toBeLessThanOrEqual(1);
    expect(new Set(chosen).size).toBe(chosen.length);
  });

  it('never takes two units of the same group, and takes nothing where nothing is needed', () => {
    const u = units([
      [1, 0, 0],
      [0, 1, 0],
      [1, 1, 0],
    ]);
    u.group = Int32Array.from([7, 7, 8]);
    const chosen = chooseExits(u, Float64Array.from([1, 1, 0]), Float64Array.from([1, 1, 1]), new Rng('g'));
    expect(chosen).toEqual([2]);
    expect(chooseExits(u, Float64Array.from([0, 0, 0]), Float64Array.from([1, 1, 1]), new Rng('g'))).toEqual([]);
  });

  it('is deterministic for a given stream', () => {
    const u = units(pool);
    const need = Float64Array.from([50, 40, 30]);
    const w = Float64Array.from([1, 1, 1]);
    expect(chooseExits(u, need, w, new Rng('d'))).toEqual(chooseExits(u, need, w, new Rng('d')));
  });
});
