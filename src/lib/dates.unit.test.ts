import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsToDay,
  anniversaryDay,
  completedYears,
  type DayRange,
  dayFromYmd,
  daysInMonth,
  endOfMonth,
  endOfMonthDay,
  firstOfMonth,
  formatGerman,
  fromDay,
  inclusiveEnd,
  isLeapYear,
  isValidIsoDate,
  MAX_DAY,
  MIN_DAY,
  mergeDayRanges,
  mergePeriods,
  monthIndexOfDay,
  monthOf,
  overlaps,
  type Period,
  parseGermanOrIsoDate,
  periodContains,
  periodLength,
  toDay,
  ymdOfDay,
  ymdOfIso,
} from './dates.ts';

/** Reference implementation through the platform's Date (UTC), only for tests. */
const viaDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const arbDay = fc.integer({ min: MIN_DAY, max: MAX_DAY });
const arbModernDay = fc.integer({ min: toDay('1900-01-01'), max: toDay('2100-12-31') });

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11016],
    ['2000-03-01', 11017],
    ['2019-12-15', 18245],
    ['0001-01-01', MIN_DAY],
    ['9999-12-31', MAX_DAY],
  ])('toDay(%s) = %i and back', (iso, n) => {
    expect(toDay(iso)).toBe(n);
    expect(fromDay(n)).toBe(iso);
  });

  it.each([
    '2019-02-29',
    '1900-02-29',
    '2019-13-01',
    '2019-00-10',
    '2019-04-31',
    '2019-12-00',
    '2019-1-1',
    '15.12.2019',
    '',
    ' 2019-12-15',
    '2019-12-15T00:00:00Z',
    '0000-01-01',
    'abcd-ef-gh',
    '2019/12/15',
  ])('toDay rejects %j', (text) => {
    expect(() => toDay(text)).toThrow(RangeError);
    expect(isValidIsoDate(text)).toBe(false);
  });

  it('isValidIsoDate accepts leap days of leap years only, and only strings', () => {
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('2020-02-29')).toBe(true);
    expect(isValidIsoDate('2100-02-29')).toBe(false);
    expect(isValidIsoDate(20191215)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });

  it('fromDay rejects days outside 0001–9999 and fractions', () => {
    expect(() => fromDay(MIN_DAY - 1)).toThrow(RangeError);
    expect(() => fromDay(MAX_DAY + 1)).toThrow(RangeError);
    expect(() => fromDay(1.5)).toThrow(RangeError);
    expect(() => fromDay(Number.NaN)).toThrow(RangeError);
  });

  it('leap years and month lengths', () => {
    expect([1900, 2000, 2019, 2020, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2019, 2)).toBe(28);
    expect(daysInMonth(2019, 4)).toBe(30);
    expect(daysInMonth(2019, 12)).toBe(31);
  });

  it('property: fromDay agrees with Date (UTC) and toDay inverts it', () => {
    fc.assert(
      fc.property(arbDay, (n) => {
        expect(fromDay(n)).toBe(viaDate(n));
        expect(toDay(fromDay(n))).toBe(n);
      }),
    );
  });

  it('property: ymdOfDay and dayFromYmd invert each other, ymdOfIso reads the same', () => {
    fc.assert(
      fc.property(arbDay, (n) => {
        const ymd = ymdOfDay(n);
        expect(dayFromYmd(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100)).toBe(n);
        expect(ymdOfIso(fromDay(n))).toBe(ymd);
      }),
    );
  });
});

describe('calendar arithmetic', () => {
  it('addDays crosses month, leap day and year ends', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2019-12-15', 0)).toBe('2019-12-15');
    expect(addDays('2017-12-16', 729)).toBe('2019-12-15');
  });

  it.each([
    ['2020-01-31', 1, '2020-02-29'],
    ['2019-01-31', 1, '2019-02-28'],
    ['2020-03-31', -1, '2020-02-29'],
    ['2019-03-31', 1, '2019-04-30'],
    ['2020-02-29', 12, '2021-02-28'],
    ['2020-02-29', 48, '2024-02-29'],
    ['2019-12-15', 1, '2020-01-15'],
    ['2019-12-15', -12, '2018-12-15'],
    ['2019-01-15', -13, '2017-12-15'],
    ['2019-05-10', 0, '2019-05-10'],
    ['1955-03-01', 789, '2020-12-01'],
  ])('addMonths(%s, %i) = %s', (iso, n, expected) => expect(addMonths(iso, n)).toBe(expected));

  it.each([
    ['2020-02-10', '2020-02-29', '2020-02-01'],
    ['2019-02-28', '2019-02-28', '2019-02-01'],
    ['1900-02-01', '1900-02-28', '1900-02-01'],
    ['2000-02-15', '2000-02-29', '2000-02-01'],
    ['2019-12-31', '2019-12-31', '2019-12-01'],
    ['2019-04-01', '2019-04-30', '2019-04-01'],
  ])('month of %s ends %s and starts %s', (iso, end, first) => {
    expect(endOfMonth(iso)).toBe(end);
    expect(firstOfMonth(iso)).toBe(first);
  });

  it('monthOf and month indices', () => {
    expect(monthOf('2019-12-15')).toBe('2019-12');
    expect(() => monthOf('2019-12')).toThrow(RangeError);
    expect(monthIndexOfDay(toDay('2020-01-01')) - monthIndexOfDay(toDay('2019-12-31'))).toBe(1);
  });

  it('property: addMonths lands in the right month and never past its end; endOfMonth is idempotent', () => {
    fc.assert(
      fc.property(arbModernDay, fc.integer({ min: -1200, max: 1200 }), (n, k) => {
        const r = addMonthsToDay(n, k);
        expect(monthIndexOfDay(r)).toBe(monthIndexOfDay(n) + k);
        expect(ymdOfDay(r) % 100).toBe(Math.min(ymdOfDay(n) % 100, ymdOfDay(endOfMonthDay(r)) % 100));
        expect(endOfMonthDay(endOfMonthDay(n))).toBe(endOfMonthDay(n));
        expect(monthIndexOfDay(endOfMonthDay(n) + 1)).toBe(monthIndexOfDay(n) + 1);
      }),
    );
  });

  it('completed years and anniversaries follow §§ 187 (2), 188 BGB (29 February → 1 March in common years)', () => {
    const leap = toDay('2004-02-29');
    expect(anniversaryDay(leap, 1)).toBe(toDay('2005-03-01'));
    expect(anniversaryDay(leap, 4)).toBe(toDay('2008-02-29'));
    expect(completedYears(leap, toDay('2005-02-28'))).toBe(0);
    expect(completedYears(leap, toDay('2005-03-01'))).toBe(1);
    expect(completedYears(leap, toDay('2004-02-28'))).toBe(-1);
  });

  it('property: anniversaryDay is the first day with the completed years', () => {
    fc.assert(
      fc.property(arbModernDay, fc.integer({ min: 1, max: 120 }), (start, years) => {
        const a = anniversaryDay(start, years);
        expect(completedYears(start, a)).toBe(years);
        expect(completedYears(start, a - 1)).toBe(years - 1);
      }),
    );
  });
});

describe('German and ISO text', () => {
  it.each([
    ['15.12.2019', '2019-12-15'],
    ['1.2.2019', '2019-02-01'],
    ['01.02.2019', '2019-02-01'],
    ['29.02.2020', '2020-02-29'],
    ['2019-12-15', '2019-12-15'],
    ['  15.12.2019 ', '2019-12-15'],
  ])('parseGermanOrIsoDate(%j) = %s', (text, iso) => expect(parseGermanOrIsoDate(text)).toBe(iso));

  it.each([
    '31.02.2019',
    '29.02.2019',
    '31.04.2019',
    '00.01.2019',
    '15.13.2019',
    '15.12.19',
    '15/12/2019',
    '2019-02-30',
    '2019-12-15x',
    '15.12.2019 12:00',
    '',
    'heute',
  ])('parseGermanOrIsoDate(%j) is undefined', (text) => expect(parseGermanOrIsoDate(text)).toBeUndefined());

  it('parseGermanOrIsoDate takes null and undefined', () => {
    expect(parseGermanOrIsoDate(null)).toBeUndefined();
    expect(parseGermanOrIsoDate(undefined)).toBeUndefined();
  });

  it('formatGerman', () => {
    expect(formatGerman('2019-12-15')).toBe('15.12.2019');
    expect(formatGerman('2020-02-01')).toBe('01.02.2020');
    expect(() => formatGerman('2019-02-30')).toThrow(RangeError);
  });

  it('property: formatGerman and parseGermanOrIsoDate round-trip', () => {
    fc.assert(
      fc.property(arbDay, (n) => {
        const iso = fromDay(n);
        expect(parseGermanOrIsoDate(formatGerman(iso))).toBe(iso);
      }),
    );
  });
});

describe('half-open periods', () => {
  const p = (from: string, to: string | null): Period => ({ from, to });

  it('periodContains: from included, to excluded, null open', () => {
    const year = p('2019-01-01', '2020-01-01');
    expect(periodContains(year, '2018-12-31')).toBe(false);
    expect(periodContains(year, '2019-01-01')).toBe(true);
    expect(periodContains(year, '2019-12-31')).toBe(true);
    expect(periodContains(year, '2020-01-01')).toBe(false);
    expect(periodContains(p('2019-01-01', null), '9999-12-31')).toBe(true);
    expect(periodContains(p('2019-01-01', '2019-01-01'), '2019-01-01')).toBe(false);
  });

  it('overlaps: touching periods do not, open ones reach forever, empty ones never', () => {
    expect(overlaps(p('2019-01-01', '2019-02-01'), p('2019-02-01', '2019-03-01'))).toBe(false);
    expect(overlaps(p('2019-01-01', '2019-02-02'), p('2019-02-01', '2019-03-01'))).toBe(true);
    expect(overlaps(p('2019-01-01', null), p('2030-01-01', null))).toBe(true);
    expect(overlaps(p('2019-01-01', null), p('2018-01-01', '2019-01-01'))).toBe(false);
    expect(overlaps(p('2019-01-01', '2020-01-01'), p('2019-05-01', '2019-06-01'))).toBe(true);
    expect(overlaps(p('2019-05-01', '2019-05-01'), p('2019-01-01', null))).toBe(false);
    expect(overlaps(p('2019-06-01', '2019-05-01'), p('2019-01-01', null))).toBe(false);
  });

  it('inclusiveEnd and periodLength', () => {
    expect(inclusiveEnd(p('2019-01-01', '2020-01-01'))).toBe('2019-12-31');
    expect(inclusiveEnd(p('2019-01-01', '2020-03-01'))).toBe('2020-02-29');
    expect(inclusiveEnd(p('2019-01-01', null))).toBeNull();
    expect(periodLength(p('2020-01-01', '2021-01-01'))).toBe(366);
    expect(periodLength(p('2020-01-01', null))).toBeNull();
    expect(periodLength(p('2020-01-02', '2020-01-01'))).toBe(0);
  });

  it('mergePeriods joins overlapping and adjacent periods, drops empty ones, sorts', () => {
    expect(mergePeriods([])).toEqual([]);
    expect(
      mergePeriods([
        p('2019-06-01', '2019-07-01'),
        p('2019-01-01', '2019-03-01'),
        p('2019-03-01', '2019-04-01'), // adjacent
        p('2019-02-01', '2019-02-15'), // inside
        p('2019-05-01', '2019-05-01'), // empty
        p('2019-06-15', null), // open, overlapping
      ]),
    ).toEqual([p('2019-01-01', '2019-04-01'), p('2019-06-01', null)]);
    expect(mergePeriods([p('2019-01-01', '2019-01-10'), p('2019-01-11', '2019-01-20')])).toHaveLength(2); // one free day
  });

  const arbRanges = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.boolean())
      .map(([from, len, open]): DayRange => ({ from, to: open ? Number.POSITIVE_INFINITY : from + len })),
    { maxLength: 12 },
  );
  const covered = (rs: readonly DayRange[], d: number) => rs.some((r) => r.from <= d && d < r.to);

  it('property: merging is idempotent, keeps exactly the same days, and leaves sorted, separated ranges', () => {
    fc.assert(
      fc.property(arbRanges, (ranges) => {
        const copy = JSON.stringify(ranges);
        const merged = mergeDayRanges(ranges);
        expect(JSON.stringify(ranges)).toBe(copy); // input untouched
        expect(mergeDayRanges(merged)).toEqual(merged);
        for (let i = 1; i < merged.length; i++)
          expect((merged[i] as DayRange).from).toBeGreaterThan((merged[i - 1] as DayRange).to);
        let differing = 0;
        for (let d = -1; d <= 470; d++) if (covered(merged, d) !== covered(ranges, d)) differing++;
        expect(differing).toBe(0);
      }),
    );
  });

  it('property: mergePeriods agrees with mergeDayRanges and is idempotent', () => {
    fc.assert(
      fc.property(arbRanges, (ranges) => {
        const base = toDay('2019-01-01');
        const periods = ranges.map((r) => ({
          from: fromDay(base + r.from),
          to: r.to === Number.POSITIVE_INFINITY ? null : fromDay(base + r.to),
        }));
        const merged = mergePeriods(periods);
        expect(mergePeriods(merged)).toEqual(merged);
        expect(merged.length).toBe(mergeDayRanges(ranges).length);
      }),
    );
  });

  it('property: overlaps is symmetric and agrees with a day-by-day check', () => {
    const arbPeriod = fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: -2, max: 20 }), fc.boolean())
      .map(([a, len, open]): Period => {
        const from = fromDay(toDay('2019-01-01') + a);
        return { from, to: open ? null : addDays(from, len) };
      });
    fc.assert(
      fc.property(arbPeriod, arbPeriod, (a, b) => {
        expect(overlaps(a, b)).toBe(overlaps(b, a));
        let shared = false;
        for (let d = toDay('2019-01-01'); d <= toDay('2019-03-15') && !shared; d++) {
          const day = fromDay(d);
          shared = periodContains(a, day) && periodContains(b, day);
        }
        expect(overlaps(a, b)).toBe(shared);
      }),
    );
  });
});
