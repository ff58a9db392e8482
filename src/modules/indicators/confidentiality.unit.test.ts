import { describe, expect, it } from 'vitest';
import {
  figureGroupSize,
  isSmallGroup,
  SUPPRESSION_THRESHOLD,
  splitPartition,
  structureGroupSize,
  suppressSmall,
} from './confidentiality.ts';

describe('statistical confidentiality', () => {
  it('the threshold is five persons; 1–4 are small, 0 and 5 are shown', () => {
    expect(SUPPRESSION_THRESHOLD).toBe(5);
    expect([0, 1, 4, 4.9, 5, 6].map(isSmallGroup)).toEqual([false, true, true, true, false, false]);
  });

  it('primary suppression hides every small group, independent of partitions', () => {
    const cells = [
      { k: 'all', n: 120 },
      { k: 'refugee', n: 3 },
      { k: 'lzb', n: 5 },
      { k: 'single_parent', n: 0 },
    ];
    expect(suppressSmall(cells, (c) => c.n)).toEqual([null, 'primary', null, null]);
  });

  it('secondary suppression: one hidden cell of a partition takes the smallest other non-empty cell with it', () => {
    // men 60, women 57, diverse 3: total 120 is shown, so diverse = 120 − 60 − 57 unless women are hidden too
    const cells = [
      { s: 'all', n: 120 },
      { s: 'sex:m', n: 60 },
      { s: 'sex:w', n: 57 },
      { s: 'sex:d', n: 3 },
    ];
    expect(
      suppressSmall(
        cells,
        (c) => c.n,
        (c) => splitPartition(c.s),
      ),
    ).toEqual([null, null, 'secondary', 'primary']);
  });

  it('two hidden cells of a partition protect each other; empty complements need no protection', () => {
    const two = [
      { s: 'age:under25', n: 2 },
      { s: 'age:25to49', n: 4 },
      { s: 'age:50plus', n: 30 },
    ];
    expect(
      suppressSmall(
        two,
        (c) => c.n,
        (c) => splitPartition(c.s),
      ),
    ).toEqual(['primary', 'primary', null]);
    const empty = [
      { s: 'sex:m', n: 0 },
      { s: 'sex:w', n: 3 },
      { s: 'sex:d', n: 0 },
    ];
    // the hidden 3 equals the total anyway; hiding an empty cell would not protect it (documented)
    expect(
      suppressSmall(
        empty,
        (c) => c.n,
        (c) => splitPartition(c.s),
      ),
    ).toEqual([null, 'primary', null]);
  });

  it('partitions are separate: a hidden sex cell does not pull an age cell', () => {
    const cells = [
      { s: 'sex:m', n: 10 },
      { s: 'sex:w', n: 4 },
      { s: 'age:under25', n: 6 },
      { s: 'age:25to49', n: 8 },
    ];
    expect(
      suppressSmall(
        cells,
        (c) => c.n,
        (c) => splitPartition(c.s),
      ),
    ).toEqual(['secondary', 'primary', null, null]);
  });

  it('group size of figures: base population, mean for twelve-month sums, smaller stock for changes, none for money', () => {
    expect(figureGroupSize({ code: 'K2', numerator: 1, denominator: 4.5 })).toBe(4.5);
    expect(figureGroupSize({ code: 'K1E3', numerator: 10, denominator: 48 })).toBe(4);
    expect(figureGroupSize({ code: 'K1E2', numerator: 3, denominator: 40 })).toBe(3);
    expect(figureGroupSize({ code: 'K1', numerator: 100_000, denominator: 90_000 })).toBeNull();
    expect(structureGroupSize({ code: 'elb', numerator: 4, denominator: 1 })).toBe(4);
    expect(structureGroupSize({ code: 'lzb_share', numerator: 2, denominator: 50 })).toBe(50);
  });
});
