import { describe, expect, it } from 'vitest';
import { meets, projectYearEnd, roundOne, targetProgress } from './rules.ts';

const months = (values: (number | null)[]) => [...values, ...Array(12 - values.length).fill(null)];

describe('target agreement rules (§ 48b SGB II)', () => {
  it('compares the value rounded to one decimal, as shown', () => {
    expect(roundOne(23.95)).toBe(24);
    expect(roundOne(-2.05)).toBe(-2.1);
    expect(meets(23.96, '>=', 24)).toBe(true); // shown as 24,0 %
    expect(meets(23.94, '>=', 24)).toBe(false); // shown as 23,9 %
    expect(meets(-2.5, '<=', -2)).toBe(true);
    expect(meets(-1.9, '<=', -2)).toBe(false);
  });

  it('projects linearly from the previous December: 22 → 23 in four months gives 22 + 1 × 12/4 = 25', () => {
    expect(projectYearEnd(22, 23, 4)).toBe(25);
    // LZB change: −0,5 at December, −1,0 in June → −0,5 + (−0,5) × 12/6 = −1,5
    expect(projectYearEnd(-0.5, -1, 6)).toBe(-1.5);
    expect(projectYearEnd(null, 23, 4)).toBe(23);
    expect(projectYearEnd(22, 23, 12)).toBe(23);
    expect(() => projectYearEnd(22, 23, 0)).toThrow(RangeError);
  });

  it('im Plan when the projection meets the target, gefährdet when it misses and the year is not over', () => {
    // K2 ≥ 24: December 22,0; April 23,0 → projection 25,0
    expect(targetProgress({ comparator: '>=', target: 24, base: 22, monthly: months([22.2, 22.5, 22.8, 23]) })).toEqual({
      status: 'on_track',
      projection: 25,
      latestMonth: 4,
    });
    // April 22,4 → 22 + 0,4 × 3 = 23,2 < 24
    const risk = targetProgress({ comparator: '>=', target: 24, base: 22, monthly: months([22.1, 22.2, 22.3, 22.4]) });
    expect(risk.status).toBe('at_risk');
    expect(risk.projection).toBeCloseTo(23.2, 10);
    // K3 ≤ −2: December −0,5; June −1,0 → −1,5 > −2
    expect(
      targetProgress({ comparator: '<=', target: -2, base: -0.5, monthly: months([-0.6, null, null, null, null, -1]) }),
    ).toEqual({ status: 'at_risk', projection: -1.5, latestMonth: 6 });
  });

  it('with December the year is decided: erreicht or verfehlt by the December value alone', () => {
    const year = Array.from({ length: 12 }, (_, i) => 20 + i * 0.5); // December 25,5
    expect(targetProgress({ comparator: '>=', target: 24, base: 18, monthly: year }).status).toBe('achieved');
    expect(targetProgress({ comparator: '>=', target: 26, base: 18, monthly: year })).toEqual({
      status: 'missed',
      projection: 25.5,
      latestMonth: 12,
    });
  });

  it('no value in the year yet: noch keine Daten', () => {
    expect(targetProgress({ comparator: '>=', target: 24, base: 22, monthly: months([]) })).toEqual({
      status: 'no_data',
      projection: null,
      latestMonth: null,
    });
  });
});
