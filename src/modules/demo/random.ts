/**
 * Seeded randomness for the demo generator, identical on every machine: integer arithmetic only
 * (sfc32, seeded by hashing a text), no `Math.random`, no clock, no `Math.log`/`exp`/`pow` (their last
 * bit may differ between platforms). Every part of the generator draws from its own named stream
 * (`rng.fork('names')`), so a change in one part does not shift the numbers of the others.
 */

/** 128 bits from a text (cyrb128), the seed of a stream. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

const TWO_32 = 4294967296;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly label: string) {
    [this.a, this.b, this.c, this.d] = hash128(label);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** An independent stream, named below this one. */
  fork(name: string | number): Rng {
    return new Rng(`${this.label}/${name}`);
  }

  /** Uniform 32-bit unsigned integer (sfc32). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / TWO_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (!list.length) throw new Error('pick aus leerer Liste');
    return list[this.int(list.length)] as T;
  }

  /** Picks by weight from `[value, weight]` pairs. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let x = this.float() * total;
    for (const [v, w] of choices) {
      x -= w;
      if (x < 0) return v;
    }
    return (choices[choices.length - 1] as readonly [T, number])[0];
  }

  /** Approximately normal (mean 0, sd 1) from the sum of 12 uniforms: no transcendental functions. */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 12; i++) s += this.float();
    return s - 6;
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = list[i] as T;
      list[i] = list[j] as T;
      list[j] = t;
    }
    return list;
  }
}

/**
 * Error diffusion: turns a series of fractional quotas (0.4, 0.4, 0.4 …) into whole numbers whose
 * running sum never strays more than ½ from the running sum of the quotas (0, 1, 0, 1, 0 …). This
 * is how shares hold exactly even for a small Jobcenter (scale 0.1), where coin flips would wander.
 */
export class Quota {
  private carry = 0;
  take(amount: number): number {
    const want = amount + this.carry;
    const n = Math.max(0, Math.floor(want + 0.5));
    this.carry = want - n;
    return n;
  }
}

/** Picks from a list of cumulative weights (binary search). */
export function pickCumulative(cumulative: Float64Array | number[], length: number, x: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
