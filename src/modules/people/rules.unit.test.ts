import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDay, type IsoDate, monthOf, toDay } from '../../lib/dates.ts';
import {
  ageGroupOn,
  ageOn,
  type BenefitSpan,
  ELB_SPELL_MAX_GAP_DAYS,
  elbDayCount,
  elbProfile,
  elbSpells,
  type HouseholdMemberSpan,
  inReceiptMoreThan4YearsOn,
  isElbOn,
  isLongTermRecipientOn,
  isSingleParentOn,
  isU25On,
  LZB_MIN_ELB_DAYS,
  LZB_WINDOW_DAYS,
  MIN_ELB_AGE,
  MIN_LZB_AGE,
  monthsInReceipt,
  pensionAgeLimitLastDay,
  pensionLimitAgeMonths,
  profileElbDayCount,
  profileElbSpells,
  profileIsElb,
  profileIsLongTermRecipient,
  RECEIPT_DURATION_MAX_GAP_DAYS,
  receiptDurationOn,
  receiptStartOn,
} from './rules.ts';

const elb = (from: IsoDate, to: IsoDate | null, otherJobcenter: string | null = null): BenefitSpan => ({
  from,
  to,
  employable: true,
  otherJobcenter,
});
const nef = (from: IsoDate, to: IsoDate | null): BenefitSpan => ({ from, to, employable: false });
const ADULT = '1980-01-01';

describe('constants (INDICATORS.md)', () => {
  it('are the published values', () => {
    expect([MIN_ELB_AGE, MIN_LZB_AGE, LZB_WINDOW_DAYS, LZB_MIN_ELB_DAYS]).toEqual([15, 17, 730, 638]);
    expect([ELB_SPELL_MAX_GAP_DAYS, RECEIPT_DURATION_MAX_GAP_DAYS]).toEqual([7, 31]);
  });
});

describe('ageOn (§ 187 (2), § 188 (2), (3) BGB)', () => {
  it.each([
    ['1985-03-14', '2019-03-13', 33],
    ['1985-03-14', '2019-03-14', 34], // the year is completed at the end of 13 March
    ['1985-03-14', '1985-03-14', 0],
    ['1985-03-14', '1985-03-13', -1],
    ['2004-02-29', '2005-02-28', 0], // completes at the end of 28 February …
    ['2004-02-29', '2005-03-01', 1], // … so the new age holds on 1 March
    ['2004-02-29', '2008-02-28', 3],
    ['2004-02-29', '2008-02-29', 4], // leap year: on 29 February
    ['2096-02-29', '2100-02-28', 3], // 2100 is a common year
    ['2096-02-29', '2100-03-01', 4],
    ['2000-03-01', '2001-02-28', 0],
    ['2000-03-01', '2001-03-01', 1],
    ['1955-03-01', '2020-12-01', 65],
  ])('born %s, on %s: %i', (birth, day, age) => expect(ageOn(birth, day)).toBe(age));

  it('rejects invalid dates', () => {
    expect(() => ageOn('1985-02-30', '2019-01-01')).toThrow(RangeError);
    expect(() => ageOn('1985-01-01', '15.12.2019')).toThrow(RangeError);
  });

  const arbDay = fc.integer({ min: toDay('1900-01-01'), max: toDay('2100-12-31') });

  it('property: agrees with the textbook rule (year difference minus one before the birthday)', () => {
    fc.assert(
      fc.property(arbDay, arbDay, (b, d) => {
        const [by, bm, bd] = fromDay(b).split('-').map(Number) as [number, number, number];
        const [dy, dm, dd] = fromDay(d).split('-').map(Number) as [number, number, number];
        const expected = dy - by - (dm < bm || (dm === bm && dd < bd) ? 1 : 0);
        expect(ageOn(fromDay(b), fromDay(d))).toBe(expected);
      }),
    );
  });

  it('property: monotone in the day, rising by at most one a day', () => {
    fc.assert(
      fc.property(arbDay, arbDay, fc.integer({ min: 0, max: 3000 }), (b, d, k) => {
        const birth = fromDay(b);
        expect(ageOn(birth, fromDay(d))).toBeLessThanOrEqual(ageOn(birth, fromDay(d + k)));
        expect(ageOn(birth, fromDay(d + 1)) - ageOn(birth, fromDay(d))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('isU25On and ageGroupOn switch on the birthday', () => {
    expect(isU25On('1994-12-15', '2019-12-14')).toBe(true);
    expect(isU25On('1994-12-15', '2019-12-15')).toBe(false);
    expect(ageGroupOn('1994-12-15', '2019-12-14')).toBe('under25');
    expect(ageGroupOn('1994-12-15', '2019-12-15')).toBe('25to49');
    expect(ageGroupOn('1969-12-15', '2019-12-14')).toBe('25to49');
    expect(ageGroupOn('1969-12-15', '2019-12-15')).toBe('50plus');
    expect(ageGroupOn('2005-01-01', '2019-12-15')).toBe('under25');
  });
});

describe('§ 7a SGB II age limit', () => {
  it.each([
    [1940, 65 * 12],
    [1946, 65 * 12],
    [1947, 65 * 12 + 1],
    [1955, 65 * 12 + 9], // 65 y 9 m (INDICATORS.md)
    [1958, 66 * 12],
    [1959, 66 * 12 + 2],
    [1961, 66 * 12 + 6], // 66 y 6 m (INDICATORS.md)
    [1963, 66 * 12 + 10], // 66 y 10 m (INDICATORS.md)
    [1964, 67 * 12],
    [1990, 67 * 12],
  ])('born %i: limit age %i months', (year, months) => expect(pensionLimitAgeMonths(year)).toBe(months));

  it.each([
    ['1955-03-01', '2020-11-30'], // INDICATORS.md: completes 65 y 9 m on 30.11.2020
    ['1955-03-02', '2020-12-31'], // INDICATORS.md: completes it on 1.12.2020
    ['1946-12-31', '2011-12-31'], // 65 y
    ['1947-01-01', '2012-01-31'], // 65 y 1 m: completed at the end of 31.01.2012
    ['1947-01-02', '2012-02-29'],
    ['1958-01-01', '2023-12-31'], // 66 y
    ['1961-05-10', '2027-11-30'], // 66 y 6 m
    ['1963-05-10', '2030-03-31'], // 66 y 10 m
    ['1964-01-01', '2030-12-31'], // 67 y
    ['1964-01-02', '2031-01-31'],
    ['1952-02-29', '2017-08-31'], // 65 y 6 m from a leap day
    ['1951-09-30', '2017-02-28'], // 65 y 5 m: "30 February" is missing, § 188 (3) BGB
    ['1960-10-31', '2027-02-28'], // 66 y 4 m
  ])('born %s: eLb at most until %s', (birth, last) => expect(pensionAgeLimitLastDay(birth)).toBe(last));

  it('property: the limit age is completed within the month that ends on the last day', () => {
    // completed months on `day` (textbook rule), independent of the implementation
    const completedMonths = (birth: IsoDate, day: IsoDate) => {
      const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
      const [dy, dm, dd] = day.split('-').map(Number) as [number, number, number];
      return (dy - by) * 12 + (dm - bm) - (dd < bd ? 1 : 0);
    };
    fc.assert(
      fc.property(fc.integer({ min: toDay('1935-01-01'), max: toDay('1975-12-31') }), (b) => {
        const birth = fromDay(b);
        const limit = pensionLimitAgeMonths(Number(birth.slice(0, 4)));
        const last = pensionAgeLimitLastDay(birth);
        expect(addDays(last, 1).slice(8)).toBe('01'); // a month's end
        expect(completedMonths(birth, addDays(last, 1))).toBeGreaterThanOrEqual(limit); // completed by its end
        expect(completedMonths(birth, `${last.slice(0, 8)}01`)).toBeLessThan(limit); // not before the month
      }),
    );
  });
});

describe('isElbOn', () => {
  const b = [elb('2019-01-01', '2020-01-01')];

  it('holds from the first day of the period, not on the exclusive end', () => {
    expect(isElbOn(ADULT, b, '2018-12-31')).toBe(false);
    expect(isElbOn(ADULT, b, '2019-01-01')).toBe(true);
    expect(isElbOn(ADULT, b, '2019-12-31')).toBe(true);
    expect(isElbOn(ADULT, b, '2020-01-01')).toBe(false);
    expect(isElbOn(ADULT, [elb('2019-01-01', null)], '2035-06-30')).toBe(true);
  });

  it('needs an employable period', () => {
    expect(isElbOn(ADULT, [nef('2019-01-01', null)], '2019-06-01')).toBe(false);
    expect(isElbOn(ADULT, [nef('2019-01-01', null), elb('2019-06-01', null)], '2019-06-01')).toBe(true);
    expect(isElbOn(ADULT, [], '2019-06-01')).toBe(false);
  });

  it('counts only this Jobcenter unless asked to include the others', () => {
    const other = [elb('2019-01-01', null, 'Jobcenter Gießen')];
    expect(isElbOn(ADULT, other, '2019-06-01')).toBe(false);
    expect(isElbOn(ADULT, other, '2019-06-01', { includeOtherJobcenters: true })).toBe(true);
    expect(isElbOn(ADULT, [{ ...elb('2019-01-01', null), otherJobcenter: '' }], '2019-06-01')).toBe(true);
    expect(isElbOn(ADULT, [{ from: '2019-01-01', to: null, employable: true }], '2019-06-01')).toBe(true);
  });

  it('starts on the 15th birthday', () => {
    const open = [elb('2015-01-01', null)];
    expect(isElbOn('2004-06-10', open, '2019-06-09')).toBe(false);
    expect(isElbOn('2004-06-10', open, '2019-06-10')).toBe(true);
    expect(isElbOn('2004-02-29', open, '2019-02-28')).toBe(false);
    expect(isElbOn('2004-02-29', open, '2019-03-01')).toBe(true);
  });

  it('ends with the month in which the § 7a limit age is completed', () => {
    const open = [elb('2015-01-01', null)];
    expect(isElbOn('1955-03-01', open, '2020-11-30')).toBe(true);
    expect(isElbOn('1955-03-01', open, '2020-12-01')).toBe(false);
    expect(isElbOn('1955-03-02', open, '2020-12-31')).toBe(true);
    expect(isElbOn('1955-03-02', open, '2021-01-01')).toBe(false);
  });

  it('throws on a malformed date instead of guessing', () => {
    expect(() => isElbOn('01.01.1980', b, '2019-06-01')).toThrow(RangeError);
  });
});

describe('elbDayCount', () => {
  it('counts the days of the window, each once', () => {
    expect(elbDayCount(ADULT, [elb('2019-01-01', null)], '2019-01-31', 31)).toBe(31);
    expect(elbDayCount(ADULT, [elb('2019-01-01', null)], '2019-01-31', 365)).toBe(31);
    expect(elbDayCount(ADULT, [elb('2019-01-01', '2019-01-11'), elb('2019-01-05', '2019-01-21')], '2019-01-31', 31)).toBe(20);
    expect(elbDayCount(ADULT, [elb('2019-01-01', null), elb('2019-01-01', null, 'Gießen')], '2019-01-31', 31)).toBe(31);
  });

  it('counts other Jobcenters, not non-employable receipt', () => {
    expect(elbDayCount(ADULT, [elb('2019-01-01', '2019-01-11', 'Gießen'), elb('2019-01-11', null)], '2019-01-31', 31)).toBe(31);
    expect(elbDayCount(ADULT, [nef('2019-01-01', '2019-01-11'), elb('2019-01-11', null)], '2019-01-31', 31)).toBe(21);
  });

  it('counts nothing for an empty window or empty history', () => {
    expect(elbDayCount(ADULT, [elb('2019-01-01', null)], '2019-01-31', 0)).toBe(0);
    expect(elbDayCount(ADULT, [elb('2019-01-01', null)], '2019-01-31', -5)).toBe(0);
    expect(elbDayCount(ADULT, [], '2019-01-31', 730)).toBe(0);
  });

  it('counts only days between the 15th birthday and the § 7a limit', () => {
    expect(elbDayCount('2003-01-01', [elb('2016-01-01', null)], '2018-01-10', 730)).toBe(10);
    expect(elbDayCount('1955-03-01', [elb('2016-01-01', null)], '2020-12-31', 31)).toBe(0);
    expect(elbDayCount('1955-03-01', [elb('2016-01-01', null)], '2020-12-31', 61)).toBe(30);
  });
});

describe('isLongTermRecipientOn (638 of 730 days)', () => {
  const day = '2019-12-15'; // window 2017-12-16 … 2019-12-15

  it('has the boundary at 637 vs 638 days', () => {
    // 2018-03-18 … 2019-12-15: 14 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 (2018) + 349 (2019) = 638
    expect(elbDayCount(ADULT, [elb('2018-03-18', null)], day, 730)).toBe(638);
    expect(isLongTermRecipientOn(ADULT, [elb('2018-03-18', null)], day)).toBe(true);
    expect(elbDayCount(ADULT, [elb('2018-03-19', null)], day, 730)).toBe(637);
    expect(isLongTermRecipientOn(ADULT, [elb('2018-03-19', null)], day)).toBe(false);
  });

  it('allows 92 days without eLb in the window, not 93', () => {
    // gap 2018-06-01 … 2018-08-31 = 30 + 31 + 31 = 92 days
    expect(isLongTermRecipientOn(ADULT, [elb('2017-12-16', '2018-06-01'), elb('2018-09-01', null)], day)).toBe(true);
    expect(isLongTermRecipientOn(ADULT, [elb('2017-12-16', '2018-06-01'), elb('2018-09-02', null)], day)).toBe(false);
    // receipt before the window does not help
    expect(isLongTermRecipientOn(ADULT, [elb('2010-01-01', '2018-06-01'), elb('2018-09-02', null)], day)).toBe(false);
  });

  it('counts overlapping periods once', () => {
    const b = [elb('2018-03-19', null), elb('2018-03-19', '2019-01-01', 'Gießen'), elb('2018-05-01', '2018-07-01')];
    expect(elbDayCount(ADULT, b, day, 730)).toBe(637);
    expect(isLongTermRecipientOn(ADULT, b, day)).toBe(false);
  });

  it("counts a previous Jobcenter's periods, but needs the own stock on the day", () => {
    const moved = [elb('2017-01-01', '2019-10-01', 'Jobcenter Gießen'), elb('2019-10-01', null)];
    expect(isLongTermRecipientOn(ADULT, moved, day)).toBe(true);
    expect(isLongTermRecipientOn(ADULT, [elb('2017-01-01', null, 'Jobcenter Gießen')], day)).toBe(false);
    expect(isLongTermRecipientOn(ADULT, [elb('2017-01-01', '2019-12-15')], day)).toBe(false);
  });

  it('handles a leap day inside the window: 730 days end 2020-12-15 start 2018-12-17', () => {
    // 2019-03-18 … 2020-03-17 = 366 days (29.02.2020), 2020-03-18 … 2020-12-15 = 273 days → 639
    expect(elbDayCount(ADULT, [elb('2019-03-18', null)], '2020-12-15', 730)).toBe(639);
    expect(elbDayCount(ADULT, [elb('2018-12-17', null)], '2020-12-15', 730)).toBe(730);
    expect(elbDayCount(ADULT, [elb('2018-12-16', null)], '2020-12-15', 730)).toBe(730);
    expect(isLongTermRecipientOn(ADULT, [elb('2019-03-19', null)], '2020-12-15')).toBe(true); // 638
    expect(isLongTermRecipientOn(ADULT, [elb('2019-03-20', null)], '2020-12-15')).toBe(false); // 637
  });

  it('needs age 17 on the day', () => {
    const b = [elb('2017-01-01', null)];
    // 15 on 2018-01-01: 714 eLb days by 2019-12-15, but aged 16
    expect(elbDayCount('2003-01-01', b, day, 730)).toBe(714);
    expect(isLongTermRecipientOn('2003-01-01', b, day)).toBe(false);
    expect(isLongTermRecipientOn('2003-01-01', b, '2019-12-31')).toBe(false);
    expect(isLongTermRecipientOn('2003-01-01', b, '2020-01-01')).toBe(true); // 17th birthday, 730 days
  });

  it('ends with the § 7a age limit', () => {
    const b = [elb('2015-01-01', null)];
    expect(isLongTermRecipientOn('1955-03-01', b, '2020-11-30')).toBe(true);
    expect(isLongTermRecipientOn('1955-03-01', b, '2020-12-01')).toBe(false);
  });
});

describe('elbSpells (movements: breaks of at most 7 days do not end a spell)', () => {
  it('bridges 7 free days, not 8', () => {
    // free 2019-04-01 … 2019-04-07 (7 days), then 2019-05-01 … 2019-05-08 (8 days)
    const b = [elb('2019-01-01', '2019-04-01'), elb('2019-04-08', '2019-05-01'), elb('2019-05-09', '2019-07-01')];
    expect(elbSpells(ADULT, b)).toEqual([
      { from: '2019-01-01', lastDay: '2019-04-30' },
      { from: '2019-05-09', lastDay: '2019-06-30' },
    ]);
  });

  it('joins adjacent and overlapping periods, ignores empty input', () => {
    expect(elbSpells(ADULT, [])).toEqual([]);
    expect(
      elbSpells(ADULT, [elb('2019-01-01', '2019-02-01'), elb('2019-02-01', '2019-03-01'), elb('2019-01-15', '2019-02-15')]),
    ).toEqual([{ from: '2019-01-01', lastDay: '2019-02-28' }]);
  });

  it('a change of Jobcenter is an inflow here (own periods only by default)', () => {
    const b = [elb('2018-01-01', '2019-06-01', 'Jobcenter Gießen'), elb('2019-06-01', '2020-01-01')];
    expect(elbSpells(ADULT, b)).toEqual([{ from: '2019-06-01', lastDay: '2019-12-31' }]);
    expect(elbSpells(ADULT, b, { includeOtherJobcenters: true })).toEqual([{ from: '2018-01-01', lastDay: '2019-12-31' }]);
  });

  it('a spell starts on the 15th birthday and ends at the § 7a limit', () => {
    expect(elbSpells('2004-05-10', [elb('2018-01-01', '2020-01-01')])).toEqual([{ from: '2019-05-10', lastDay: '2019-12-31' }]);
    expect(elbSpells('2004-05-10', [elb('2018-01-01', '2019-05-10')])).toEqual([]);
    expect(elbSpells('1955-03-01', [elb('2020-01-01', null)])).toEqual([{ from: '2020-01-01', lastDay: '2020-11-30' }]);
  });

  it('non-employable receipt is a break', () => {
    const b = [elb('2019-01-01', '2019-04-01'), nef('2019-04-01', '2019-06-01'), elb('2019-06-01', '2019-07-01')];
    expect(elbSpells(ADULT, b)).toHaveLength(2);
  });

  it('maxGapDays is a parameter', () => {
    const b = [elb('2019-01-01', '2019-02-01'), elb('2019-02-02', '2019-03-01')];
    expect(elbSpells(ADULT, b, { maxGapDays: 0 })).toHaveLength(2);
    expect(elbSpells(ADULT, b, { maxGapDays: 1 })).toHaveLength(1);
  });
});

describe('monthsInReceipt (any employability, window inclusive)', () => {
  it.each([
    [[elb('2019-01-31', '2019-03-02')], '2019-01-01', '2019-12-31', 3],
    [[nef('2019-01-31', '2019-03-02')], '2019-01-01', '2019-12-31', 3],
    [[elb('2019-01-01', '2019-01-15')], '2019-01-15', '2019-03-14', 0], // last day 14.01.
    [[elb('2019-01-01', '2019-01-16')], '2019-01-15', '2019-03-14', 1],
    [[elb('2019-05-01', '2019-05-03'), elb('2019-05-20', '2019-05-22')], '2019-01-01', '2019-12-31', 1],
    [[elb('2019-05-01', '2019-07-01'), nef('2019-06-15', '2019-08-01')], '2019-01-01', '2019-12-31', 3],
    [[elb('2018-06-10', null)], '2019-01-01', '2019-12-31', 12],
    [[elb('2018-06-10', null)], '2019-11-20', '2020-02-10', 4],
    [[elb('2018-06-10', null, 'Gießen')], '2019-11-20', '2020-02-10', 4],
    [[], '2019-01-01', '2019-12-31', 0],
    [[elb('2018-06-10', null)], '2019-12-31', '2019-01-01', 0], // inverted window
  ])('%j in %s … %s: %i months', (benefit, from, to, n) => expect(monthsInReceipt(benefit, from, to)).toBe(n));
});

describe('receipt duration ("bisherige Verweildauer", breaks up to 31 days bridged)', () => {
  it('counts from the first day, the day itself included', () => {
    expect(receiptDurationOn([nef('2019-01-01', null)], '2019-01-01')).toBe(1);
    expect(receiptDurationOn([nef('2019-01-01', null)], '2019-12-31')).toBe(365);
    expect(receiptStartOn([elb('2019-01-01', null)], '2019-12-31')).toBe('2019-01-01');
  });

  it('is 0 / null when not in receipt on the day, also inside a bridged break', () => {
    const b = [elb('2018-01-01', '2018-07-01'), elb('2018-08-01', null)];
    expect(receiptDurationOn(b, '2018-07-15')).toBe(0);
    expect(receiptStartOn(b, '2018-07-15')).toBeNull();
    expect(receiptDurationOn([], '2018-07-15')).toBe(0);
    expect(receiptDurationOn(b, '2017-12-31')).toBe(0);
  });

  it('bridges 31 free days (July) but not 32', () => {
    const bridged = [elb('2018-01-01', '2018-07-01'), elb('2018-08-01', null)];
    expect(receiptStartOn(bridged, '2018-08-01')).toBe('2018-01-01');
    expect(receiptDurationOn(bridged, '2018-08-01')).toBe(213); // 212 days Jan–Jul + 1
    const broken = [elb('2018-01-01', '2018-07-01'), elb('2018-08-02', null)];
    expect(receiptStartOn(broken, '2018-08-02')).toBe('2018-08-02');
    expect(receiptDurationOn(broken, '2018-08-02')).toBe(1);
  });

  it('chains several bridged breaks, any employability and Jobcenter', () => {
    const b = [
      nef('2016-01-01', '2016-06-01'),
      elb('2016-06-20', '2017-01-01', 'Gießen'),
      elb('2017-01-31', '2018-01-01'),
      elb('2018-03-01', null),
    ];
    expect(receiptStartOn(b, '2017-12-31')).toBe('2016-01-01');
    expect(receiptStartOn(b, '2018-03-01')).toBe('2018-03-01'); // Jan + Feb free: 59 days
  });

  it('more than 4 years: from the day after the 4th anniversary of the start', () => {
    expect(inReceiptMoreThan4YearsOn([elb('2015-12-15', null)], '2019-12-15')).toBe(false);
    expect(inReceiptMoreThan4YearsOn([elb('2015-12-15', null)], '2019-12-16')).toBe(true);
    expect(inReceiptMoreThan4YearsOn([elb('2016-02-29', null)], '2020-02-29')).toBe(false);
    expect(inReceiptMoreThan4YearsOn([elb('2016-02-29', null)], '2020-03-01')).toBe(true);
    expect(inReceiptMoreThan4YearsOn([elb('2015-01-01', '2019-01-01')], '2019-12-15')).toBe(false); // not in receipt
    expect(inReceiptMoreThan4YearsOn([elb('2015-01-01', '2017-01-01'), elb('2017-02-01', null)], '2019-12-15')).toBe(true);
    expect(inReceiptMoreThan4YearsOn([elb('2015-01-01', '2017-01-01'), elb('2017-02-02', null)], '2019-12-15')).toBe(false);
  });
});

describe('isSingleParentOn', () => {
  const m = (
    personId: string,
    role: HouseholdMemberSpan['role'],
    birthDate: IsoDate,
    from = '2015-01-01',
    to: IsoDate | null = null,
    householdId = 'bg1',
  ): HouseholdMemberSpan => ({ householdId, personId, role, from, to, birthDate });
  const day = '2019-12-15';

  it('applicant with a minor child and no partner', () => {
    expect(isSingleParentOn('mum', [m('mum', 'applicant', '1985-01-01'), m('kid', 'child', '2010-01-01')], day)).toBe(true);
  });

  it('not with a partner in the household, and never the partner', () => {
    const couple = [m('mum', 'applicant', '1985-01-01'), m('dad', 'partner', '1983-01-01'), m('kid', 'child', '2010-01-01')];
    expect(isSingleParentOn('mum', couple, day)).toBe(false);
    expect(isSingleParentOn('dad', couple, day)).toBe(false);
    expect(isSingleParentOn('dad', [m('dad', 'partner', '1983-01-01'), m('kid', 'child', '2010-01-01')], day)).toBe(false);
  });

  it('not the child, nor an "other" member', () => {
    const h = [m('mum', 'applicant', '1985-01-01'), m('kid', 'child', '2010-01-01'), m('gran', 'other', '1960-01-01')];
    expect(isSingleParentOn('kid', h, day)).toBe(false);
    expect(isSingleParentOn('gran', h, day)).toBe(false);
    expect(isSingleParentOn('mum', h, day)).toBe(true);
  });

  it('needs a child under 18 on the day, in role child', () => {
    const h = (kidBirth: IsoDate) => [m('mum', 'applicant', '1980-01-01'), m('kid', 'child', kidBirth)];
    expect(isSingleParentOn('mum', h('2001-12-16'), day)).toBe(true); // 17 until 15.12.
    expect(isSingleParentOn('mum', h('2001-12-15'), day)).toBe(false); // 18th birthday
    expect(isSingleParentOn('mum', [m('mum', 'applicant', '1980-01-01'), m('x', 'other', '2010-01-01')], day)).toBe(false);
    expect(isSingleParentOn('mum', [m('mum', 'applicant', '1980-01-01')], day)).toBe(false);
    expect(isSingleParentOn('mum', [], day)).toBe(false);
  });

  it('reads memberships on the day (half-open)', () => {
    const h = [
      m('mum', 'applicant', '1985-01-01'),
      m('dad', 'partner', '1983-01-01', '2015-01-01', '2019-12-15'),
      m('kid', 'child', '2010-01-01', '2019-12-15'),
    ];
    expect(isSingleParentOn('mum', h, '2019-12-14')).toBe(false); // partner still there, child not yet
    expect(isSingleParentOn('mum', h, '2019-12-15')).toBe(true);
    expect(
      isSingleParentOn(
        'mum',
        [m('mum', 'applicant', '1985-01-01', '2015-01-01', '2019-12-15'), m('kid', 'child', '2010-01-01')],
        day,
      ),
    ).toBe(false);
  });

  it('looks only at the households the person heads', () => {
    const h = [
      m('mum', 'applicant', '1985-01-01', '2015-01-01', null, 'bg1'),
      m('kid', 'child', '2010-01-01', '2015-01-01', null, 'bg1'),
      m('dad', 'partner', '1983-01-01', '2015-01-01', null, 'bg2'), // someone else's household
    ];
    expect(isSingleParentOn('mum', h, day)).toBe(true);
  });

  it('optionally checks eLb itself', () => {
    const h = [m('mum', 'applicant', '1985-01-01'), m('kid', 'child', '2010-01-01')];
    expect(isSingleParentOn('mum', h, day, { elb: { birthDate: '1985-01-01', benefit: [elb('2019-01-01', null)] } })).toBe(true);
    expect(isSingleParentOn('mum', h, day, { elb: { birthDate: '1985-01-01', benefit: [nef('2019-01-01', null)] } })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties against brute-force, day-by-day oracles built on isElbOn

const BASE = toDay('2019-01-01');
const SPAN = 500; // days of the generated histories
/** Births that put the 15th birthday or the § 7a limit inside the generated histories, or neither. */
const arbBirth = fc
  .oneof(
    fc.integer({ min: toDay('2003-06-01'), max: toDay('2006-06-01') }),
    fc.integer({ min: toDay('1953-06-01'), max: toDay('1956-06-01') }),
    fc.integer({ min: toDay('1960-01-01'), max: toDay('2000-01-01') }),
  )
  .map(fromDay);
const arbSpan = (allowOpen: boolean) =>
  fc
    .record({
      start: fc.integer({ min: 0, max: SPAN - 60 }),
      len: fc.integer({ min: 0, max: 90 }),
      open: allowOpen ? fc.boolean() : fc.constant(false),
      employable: fc.boolean(),
      other: fc.boolean(),
    })
    .map(
      (r): BenefitSpan => ({
        from: fromDay(BASE + r.start),
        to: r.open ? null : fromDay(BASE + r.start + r.len),
        employable: r.employable,
        otherJobcenter: r.other ? 'Jobcenter Gießen' : null,
      }),
    );
const arbBenefit = (allowOpen = true) => fc.array(arbSpan(allowOpen), { maxLength: 8 });
const inReceipt = (benefit: readonly BenefitSpan[], day: IsoDate) =>
  benefit.some((s) => s.from <= day && (s.to === null || day < s.to));

describe('properties', () => {
  it('elbDayCount equals the day-by-day count, never exceeds the window, and the profile agrees', () => {
    fc.assert(
      fc.property(
        arbBirth,
        arbBenefit(),
        fc.integer({ min: 0, max: SPAN + 30 }),
        fc.integer({ min: -3, max: 200 }),
        (birth, b, end, w) => {
          const last = fromDay(BASE + end);
          let expected = 0;
          for (let d = BASE + end - w + 1; d <= BASE + end; d++)
            if (isElbOn(birth, b, fromDay(d), { includeOtherJobcenters: true })) expected++;
          const n = elbDayCount(birth, b, last, w);
          expect(n).toBe(expected);
          expect(n).toBeLessThanOrEqual(Math.max(0, w));
          expect(profileElbDayCount(elbProfile(birth, b), BASE + end, w)).toBe(n);
        },
      ),
    );
  });

  it('elbDayCount never exceeds 730 over the LZB window, whatever the overlaps', () => {
    fc.assert(
      fc.property(arbBirth, arbBenefit(), fc.integer({ min: 0, max: SPAN }), (birth, b, end) => {
        expect(elbDayCount(birth, [...b, ...b], fromDay(BASE + end), LZB_WINDOW_DAYS)).toBeLessThanOrEqual(LZB_WINDOW_DAYS);
      }),
    );
  });

  it('profile functions agree with the ISO-string functions', () => {
    fc.assert(
      fc.property(arbBirth, arbBenefit(), fc.integer({ min: -10, max: SPAN + 10 }), (birth, b, k) => {
        const p = elbProfile(birth, b);
        const day = fromDay(BASE + k);
        expect(profileIsElb(p, BASE + k)).toBe(isElbOn(birth, b, day));
        expect(profileIsElb(p, BASE + k, true)).toBe(isElbOn(birth, b, day, { includeOtherJobcenters: true }));
        expect(profileIsLongTermRecipient(p, BASE + k)).toBe(isLongTermRecipientOn(birth, b, day));
      }),
    );
  });

  it('isLongTermRecipientOn is exactly: own eLb, aged 17, 638 eLb days of 730', () => {
    fc.assert(
      fc.property(arbBirth, arbBenefit(), fc.integer({ min: 0, max: SPAN }), (birth, b, k) => {
        // stretch the history so that LZB is reachable: each span also recorded two years earlier elsewhere
        const history = [
          ...b,
          ...b.map((s) => ({ ...s, from: addDays(s.from, -365), to: s.to && addDays(s.to, -365), otherJobcenter: 'X' })),
        ];
        const day = fromDay(BASE + k);
        const expected = isElbOn(birth, history, day) && ageOn(birth, day) >= 17 && elbDayCount(birth, history, day, 730) >= 638;
        expect(isLongTermRecipientOn(birth, history, day)).toBe(expected);
      }),
    );
  });

  it('elbSpells cover exactly the eLb days, separated by breaks of more than maxGapDays', () => {
    fc.assert(
      fc.property(arbBirth, arbBenefit(false), fc.integer({ min: 0, max: 10 }), fc.boolean(), (birth, b, gap, other) => {
        const opts = { maxGapDays: gap, includeOtherJobcenters: other };
        // oracle: eLb days one by one, grouped by the gap rule
        const expected: { from: number; lastDay: number }[] = [];
        for (let d = BASE - 1; d <= BASE + SPAN + 40; d++) {
          if (!isElbOn(birth, b, fromDay(d), opts)) continue;
          const cur = expected.at(-1);
          if (cur && d - cur.lastDay - 1 <= gap) cur.lastDay = d;
          else expected.push({ from: d, lastDay: d });
        }
        expect(profileElbSpells(elbProfile(birth, b), opts)).toEqual(expected);
        expect(elbSpells(birth, b, opts)).toEqual(expected.map((s) => ({ from: fromDay(s.from), lastDay: fromDay(s.lastDay) })));
      }),
    );
  });

  it('monthsInReceipt equals the number of distinct months with a receipt day in the window', () => {
    fc.assert(
      fc.property(arbBenefit(), fc.integer({ min: -20, max: SPAN }), fc.integer({ min: 0, max: 120 }), (b, a, len) => {
        const months = new Set<string>();
        for (let d = BASE + a; d <= BASE + a + len; d++) if (inReceipt(b, fromDay(d))) months.add(monthOf(fromDay(d)));
        expect(monthsInReceipt(b, fromDay(BASE + a), fromDay(BASE + a + len))).toBe(months.size);
      }),
    );
  });

  it('receiptStartOn walks back over breaks of at most 31 days', () => {
    fc.assert(
      fc.property(arbBenefit(), fc.integer({ min: 0, max: SPAN }), (b, k) => {
        const day = fromDay(BASE + k);
        let expected: IsoDate | null = null;
        if (inReceipt(b, day)) {
          let free = 0;
          for (let d = BASE + k; d >= BASE - 40 && free <= RECEIPT_DURATION_MAX_GAP_DAYS; d--) {
            if (inReceipt(b, fromDay(d))) {
              expected = fromDay(d);
              free = 0;
            } else free++;
          }
        }
        expect(receiptStartOn(b, day)).toBe(expected);
        expect(receiptDurationOn(b, day)).toBe(expected === null ? 0 : BASE + k - toDay(expected) + 1);
      }),
    );
  });
});
