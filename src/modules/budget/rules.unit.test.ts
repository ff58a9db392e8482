import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentForLegalBasis } from './codes.ts';
import { elapsedMonths, freeCents, monthsFromTo, projectYearEnd, releaseFrom, shortfalls, splitEvenly } from './rules.ts';

describe('budget rules', () => {
  it('splits evenly to the cent', () => {
    expect(splitEvenly(1000, 3)).toEqual([334, 333, 333]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 120 }), (total, n) => {
        const parts = splitEvenly(total, n);
        return parts.reduce((a, b) => a + b, 0) === total && Math.max(...parts) - Math.min(...parts) <= 1;
      }),
    );
  });

  it('elapsed months', () => {
    expect(elapsedMonths(2019, '2019-06-30')).toBe(6);
    expect(elapsedMonths(2019, '2019-06-15')).toBe(5);
    expect(elapsedMonths(2019, '2020-03-01')).toBe(12);
    expect(elapsedMonths(2019, '2018-12-31')).toBe(0);
  });

  it('projects the year end by hand', () => {
    // 30.6.2019: 6 months ended; paid 600.000,00 € → run rate 100.000,00 €/month × 6 = 600.000,00 €;
    // committed 1.000.000,00 € → open 400.000,00 €; the run rate is larger: 600.000 + 600.000 = 1.200.000,00 €
    expect(projectYearEnd(2019, '2019-06-30', { committedCents: 100_000_000, paidCents: 60_000_000 })).toEqual({
      elapsedMonths: 6,
      remainingMonths: 6,
      runRateCents: 10_000_000,
      openCommittedCents: 40_000_000,
      projectedCents: 120_000_000,
    });
    // committed 1.500.000,00 € → open 900.000 > 600.000: projected 600.000 + 900.000 = 1.500.000,00 €
    expect(projectYearEnd(2019, '2019-06-30', { committedCents: 150_000_000, paidCents: 60_000_000 }).projectedCents).toBe(
      150_000_000,
    );
    // 15.3.2019: 2 months ended, paid 100,01 € → run rate ⌊10001 ÷ 2⌋ = 5000 ct × 10 = 500,00 €; projected 600,01 €
    expect(projectYearEnd(2019, '2019-03-15', { committedCents: 0, paidCents: 10001 }).projectedCents).toBe(60001);
    // after the year: paid plus what is still open
    expect(projectYearEnd(2019, '2020-02-01', { committedCents: 500, paidCents: 300 }).projectedCents).toBe(500);
  });

  it('free = plan − max(committed, paid)', () => {
    expect(freeCents({ plannedCents: 1000, committedCents: 600, paidCents: 200 })).toBe(400);
    expect(freeCents({ plannedCents: 1000, committedCents: 600, paidCents: 700 })).toBe(300);
  });

  it('shortfalls only in years with a plan', () => {
    const req = new Map([
      [2019, 500],
      [2020, 900],
      [2021, 10],
    ]);
    const free = new Map<number, number | null>([
      [2019, 500],
      [2020, 800],
      [2021, null],
    ]);
    expect(shortfalls(req, free)).toEqual([{ year: 2020, freeCents: 800, requestedCents: 900 }]);
  });

  it('release keeps earlier months and never less than paid', () => {
    const months = monthsFromTo('2019-11', '2020-02').map((month) => ({ month, cents: 100 }));
    expect(releaseFrom(months, 150, '2020-01')).toEqual([
      { month: '2019-11', cents: 100 },
      { month: '2019-12', cents: 100 },
    ]);
    expect(releaseFrom(months, 250, '2020-01')).toEqual([
      { month: '2019-11', cents: 100 },
      { month: '2019-12', cents: 150 },
    ]);
    expect(releaseFrom(months, 50, '2019-10')).toEqual([{ month: '2019-10', cents: 50 }]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 24 }), fc.nat(23), (cents, cut) => {
        const ms = cents.map((c, i) => ({ month: monthsFromTo('2019-01', '2020-12')[i] as string, cents: c }));
        const total = cents.reduce((a, b) => a + b, 0);
        const paid = Math.floor(total / 2);
        const kept = releaseFrom(ms, paid, monthsFromTo('2019-01', '2020-12')[cut] as string);
        return kept.reduce((a, m) => a + m.cents, 0) >= paid;
      }),
    );
  });

  it('maps legal bases to instruments', () => {
    expect(instrumentForLegalBasis('§ 45 SGB III')).toBe('activation_45');
    expect(instrumentForLegalBasis('§ 16d SGB II')).toBe('agh_16d');
    expect(instrumentForLegalBasis('§§ 81 ff. SGB III')).toBe('training_voucher_81');
    expect(instrumentForLegalBasis('§ 16 SGB II')).toBe('other');
  });
});
