import { pickCumulative, type Rng } from './random.ts';

/**
 * Chooses who leaves benefit receipt in a month so that the stock follows its targets (eLb by sex, under
 * 25, long-term recipients, receipt over 4 years, refugee background, households, subsistence spending).
 *
 * Candidates ("units") are whole households or single members; each has a contribution to every
 * dimension (how much the count falls when it leaves) and a base weight, the natural hazard of leaving
 * (new recipients leave more often than long-term ones). The choice minimises Σ w_d (need_d − removed_d)²:
 * - in rounds: round k of R aims at k/R of every need, so that the mix of leavers follows all targets at
 *   once rather than the biggest need first; within a round, draw candidates by weight, take the one that
 *   improves most, repeat while something improves (when drawing finds nothing, look at every kind once);
 * - then a polish with the final weights (eLb by sex exactly): add or drop single choices while that helps,
 *   and in the report's Decembers also exchange one choice for another (`swaps`).
 * "Every kind": units with the same counts in the leading `exactDims` dimensions are alike; the scans look
 * at the first free unit of each kind, which keeps them fast (a few hundred kinds instead of thousands of
 * units). Deterministic for a given random stream.
 */
export interface Units {
  /** Number of dimensions. */
  dims: number;
  count: number;
  /** count × dims contributions, row-major. */
  contrib: Float64Array;
  weight: Float64Array;
  /** Units of the same group exclude each other (a household and its members). */
  group: Int32Array;
}

export interface ChooseOptions {
  samples?: number;
  rounds?: number;
  finalWeights?: Float64Array;
  swaps?: boolean;
  /** The leading dimensions that define a kind of unit (counts); the others are continuous (money). */
  exactDims?: number;
}

export function chooseExits(
  units: Units,
  needs: Float64Array,
  dimWeights: Float64Array,
  rng: Rng,
  opts: ChooseOptions = {},
): number[] {
  const { dims, count, contrib, weight, group } = units;
  if (!count) return [];
  const samples = opts.samples ?? 24;
  const rounds = Math.max(1, opts.rounds ?? 8);
  const exactDims = opts.exactDims ?? dims;
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += weight[i] as number;
    cumulative[i] = total;
  }
  // kinds of units
  const kindOf = new Map<string, number>();
  const kinds: number[][] = [];
  for (let u = 0; u < count; u++) {
    let key = '';
    for (let k = 0; k < exactDims; k++) key += `${contrib[u * dims + k]},`;
    let kind = kindOf.get(key);
    if (kind === undefined) {
      kind = kinds.length;
      kindOf.set(key, kind);
      kinds.push([]);
    }
    (kinds[kind] as number[]).push(u);
  }
  const pointer = new Int32Array(kinds.length);

  const taken = new Set<number>();
  const chosen = new Set<number>();
  /** what is still to be removed (in this round), per dimension */
  const rest = new Float64Array(dims);
  const removed = new Float64Array(dims);
  let w = dimWeights;

  /** change of the objective when unit u is added (sign +1) or dropped (sign −1) */
  const delta = (u: number, sign: 1 | -1) => {
    let d = 0;
    const base = u * dims;
    for (let k = 0; k < dims; k++) {
      const wk = w[k] as number;
      if (wk === 0) continue;
      const c = contrib[base + k] as number;
      if (c === 0) continue;
      d += wk * (c * c - 2 * sign * c * (rest[k] as number));
    }
    return d;
  };
  const apply = (u: number, sign: 1 | -1) => {
    if (sign > 0) {
      chosen.add(u);
      taken.add(group[u] as number);
    } else {
      chosen.delete(u);
      taken.delete(group[u] as number);
      pointer.fill(0);
    }
    const base = u * dims;
    for (let k = 0; k < dims; k++) {
      const c = sign * (contrib[base + k] as number);
      rest[k] = (rest[k] as number) - c;
      removed[k] = (removed[k] as number) + c;
    }
  };
  /** the first free unit of a kind */
  const free = (kind: number): number => {
    const list = kinds[kind] as number[];
    let p = pointer[kind] as number;
    while (p < list.length && taken.has(group[list[p] as number] as number)) p++;
    pointer[kind] = p;
    return p < list.length ? (list[p] as number) : -1;
  };
  const bestAdd = (): [number, number] => {
    let best = -1;
    let bestDelta = -1e-9;
    for (let kind = 0; kind < kinds.length; kind++) {
      const u = free(kind);
      if (u < 0) continue;
      const d = delta(u, 1);
      if (d < bestDelta) {
        bestDelta = d;
        best = u;
      }
    }
    return [best, bestDelta];
  };

  for (let round = 1; round <= rounds; round++) {
    for (let k = 0; k < dims; k++) rest[k] = ((needs[k] as number) * round) / rounds - (removed[k] as number);
    let failures = 0;
    for (;;) {
      let best = -1;
      let bestDelta = -1e-9;
      for (let s = 0; s < samples; s++) {
        const u = pickCumulative(cumulative, count, rng.float() * total);
        if (taken.has(group[u] as number)) continue;
        const d = delta(u, 1);
        if (d < bestDelta) {
          bestDelta = d;
          best = u;
        }
      }
      if (best >= 0) {
        failures = 0;
        apply(best, 1);
        continue;
      }
      if (++failures < 3) continue;
      // drawing found nothing three times: every kind once (needs that only rare units can meet)
      const [u] = bestAdd();
      if (u < 0) break;
      apply(u, 1);
      failures = 0;
    }
  }

  // polish with the final weights: the best single addition or removal, while it improves
  if (opts.finalWeights) w = opts.finalWeights;
  for (let k = 0; k < dims; k++) rest[k] = (needs[k] as number) - (removed[k] as number);
  for (let iteration = 0; iteration < 100_000; iteration++) {
    const [add, addDelta] = bestAdd();
    let drop = -1;
    let dropDelta = -1e-9;
    for (const u of chosen) {
      const d = delta(u, -1);
      if (d < dropDelta) {
        dropDelta = d;
        drop = u;
      }
    }
    if (add >= 0 || drop >= 0) {
      if (drop >= 0 && (add < 0 || dropDelta < addDelta)) apply(drop, -1);
      else apply(add, 1);
      continue;
    }
    if (!opts.swaps || !swap()) break;
  }
  return [...chosen];

  /** One exchange (drop one choice, add a unit of another kind) that improves, if there is one. */
  function swap(): boolean {
    // best free unit per kind and its addition delta, once
    const rep = new Int32Array(kinds.length);
    const d0 = new Float64Array(kinds.length);
    for (let kind = 0; kind < kinds.length; kind++) {
      const u = free(kind);
      rep[kind] = u;
      d0[kind] = u < 0 ? 0 : delta(u, 1);
    }
    let bestDrop = -1;
    let bestNew = -1;
    let bestDelta = -1e-9;
    for (const u of chosen) {
      const d1 = delta(u, -1);
      const bu = u * dims;
      for (let kind = 0; kind < kinds.length; kind++) {
        const v = rep[kind] as number;
        if (v < 0) continue;
        // adding v after dropping u: d0(v) − 2 Σ w c_v c_u
        let cross = 0;
        const bv = v * dims;
        for (let k = 0; k < dims; k++) cross += (w[k] as number) * (contrib[bv + k] as number) * (contrib[bu + k] as number);
        const d = d1 + (d0[kind] as number) - 2 * cross;
        if (d < bestDelta) {
          bestDelta = d;
          bestDrop = u;
          bestNew = v;
        }
      }
    }
    if (bestDrop < 0) return false;
    apply(bestDrop, -1);
    apply(bestNew, 1);
    return true;
  }
}
