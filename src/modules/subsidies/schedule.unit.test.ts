import { describe, expect, it } from 'vitest';
import { schedule, splitPat, subsidyEnd } from './schedule.ts';
import { MINIMUM_WAGE, valueOn } from './wage-tables.ts';

// Monthly wage = hourly × weekly hours × 13/3; subsidy = wage × (1 + employer share) × percent × days/days-of-month,
// rounded half up once per month. Employer share 2019: 18,58 % (1858 bp), 2020: 18,68 %, 2021: 18,78 %.

describe('§ 16i schedule', () => {
  it('starts mid-month in October 2019 and follows the minimum wage change on 1.1.2020', () => {
    const s = schedule({
      basis: '16i',
      startsOn: '2019-10-15',
      endsOn: '2024-10-15',
      weeklyHours: 39,
      wageBasis: 'minimum_wage',
    });
    // October 2019, 15th–31st = 17 of 31 days:
    //   9,19 € × 39 h × 13/3 = 1.553,11 €; × 1,1858 = 1.841,677838 €; × 17/31 = 1.009,952363 € → 1.009,95 €
    expect(s[0]).toMatchObject({ month: '2019-10', cents: 100995 });
    expect(s[0]?.segments[0]).toMatchObject({
      from: '2019-10-15',
      until: '2019-10-31',
      days: 17,
      hourlyCents: 919,
      percent: 100,
    });
    // November and December 2019, full months: 1.841,677838 € → 1.841,68 €
    expect(s[1]).toMatchObject({ month: '2019-11', cents: 184168 });
    expect(s[2]).toMatchObject({ month: '2019-12', cents: 184168 });
    // January 2020, minimum wage 9,35 €, share 18,68 %: 9,35 × 39 × 13/3 = 1.580,15 €; × 1,1868 = 1.875,32202 € → 1.875,32 €
    expect(s[3]).toMatchObject({ month: '2020-01', cents: 187532 });
    expect(s[3]?.segments[0]?.hourlyCents).toBe(935);
    // October 2021 holds the second anniversary (15.10.2021): 1–14 at 100 %, 15–31 at 90 %, two segments
    const oct21 = s.find((m) => m.month === '2021-10');
    expect(oct21?.segments.map((g) => [g.days, g.percent])).toEqual([
      [14, 100],
      [17, 90],
    ]);
    // last month: October 2024 until the 14th; at most five years in all
    expect(s.at(-1)?.month).toBe('2024-10');
    expect(s.at(-1)?.segments.at(-1)?.until).toBe('2024-10-14');
    expect(s.length).toBe(61);
  });

  it('part-time: 19,5 hours a week from January 2019', () => {
    const s = schedule({
      basis: '16i',
      startsOn: '2019-01-01',
      endsOn: '2021-01-01',
      weeklyHours: 19.5,
      wageBasis: 'minimum_wage',
    });
    // 9,19 € × 19,5 h × 13/3 = 776,555 €; × 1,1858 = 920,838919 € → 920,84 €
    expect(s[0]).toMatchObject({ month: '2019-01', cents: 92084 });
    expect(s.length).toBe(24);
  });

  it('year 3 at 90 % (January 2021, minimum wage 9,50 €, share 18,78 %)', () => {
    const s = schedule({
      basis: '16i',
      startsOn: '2019-01-01',
      endsOn: '2024-01-01',
      weeklyHours: 39,
      wageBasis: 'minimum_wage',
    });
    // 9,50 × 39 × 13/3 = 1.605,50 €; × 1,1878 = 1.907,0129 €; × 90 % = 1.716,31161 € → 1.716,31 €
    expect(s.find((m) => m.month === '2021-01')?.cents).toBe(171631);
    // the minimum wage rises to 9,60 € on 1.7.2021: July uses it
    expect(s.find((m) => m.month === '2021-07')?.segments[0]?.hourlyCents).toBe(960);
  });

  it('agreed wage instead of the minimum wage', () => {
    const s = schedule({
      basis: '16i',
      startsOn: '2019-02-01',
      endsOn: '2019-03-01',
      weeklyHours: 39,
      wageBasis: 'agreed',
      agreedHourlyCents: 1100,
    });
    // 11,00 × 39 × 13/3 = 1.859,00 €; × 1,1858 = 2.204,4022 € → 2.204,40 €
    expect(s).toEqual([expect.objectContaining({ month: '2019-02', cents: 220440 })]);
  });

  it('an agreed wage below the new minimum wage: from 1.10.2022 the subsidy follows the 12,00 €', () => {
    const s = schedule({
      basis: '16i',
      startsOn: '2022-09-01',
      endsOn: '2022-11-01',
      weeklyHours: 39,
      wageBasis: 'agreed',
      agreedHourlyCents: 1100,
    });
    // September 2022 (minimum wage 10,45 € < 11,00 €): 11,00 × 39 × 13/3 = 1.859,00 €; × 1,1878 = 2.208,1202 € → 2.208,12 €
    // October 2022 (minimum wage 12,00 € > 11,00 €): 12,00 × 39 × 13/3 = 2.028,00 €; × 1,1878 = 2.408,8584 € → 2.408,86 €
    expect(s.map((m) => [m.month, m.segments[0]?.hourlyCents, m.cents])).toEqual([
      ['2022-09', 1100, 220812],
      ['2022-10', 1200, 240886],
    ]);
  });
});

describe('§ 16e schedule', () => {
  it('ended early: the rest is not scheduled', () => {
    const terms = {
      basis: '16e' as const,
      startsOn: '2019-03-01',
      endsOn: '2021-03-01',
      endedOn: '2019-06-16',
      weeklyHours: 40,
      wageBasis: 'agreed' as const,
      agreedHourlyCents: 1200,
    };
    const s = schedule(terms);
    // 12,00 × 40 × 13/3 = 2.080,00 €; × 1,1858 = 2.466,464 €; × 75 % = 1.849,848 € → 1.849,85 € (March–May)
    // June: 1–15 = 15 of 30 days: 1.849,848 × 15/30 = 924,924 € → 924,92 €
    expect(s.map((m) => [m.month, m.cents])).toEqual([
      ['2019-03', 184985],
      ['2019-04', 184985],
      ['2019-05', 184985],
      ['2019-06', 92492],
    ]);
    expect(subsidyEnd(terms)).toBe('2019-06-16');
  });

  it('50 % in the second year and nothing after two years', () => {
    const s = schedule({
      basis: '16e',
      startsOn: '2019-03-01',
      endsOn: '2023-03-01',
      weeklyHours: 40,
      wageBasis: 'agreed',
      agreedHourlyCents: 1200,
    });
    expect(s.length).toBe(24);
    expect(s[12]?.segments[0]?.percent).toBe(50);
    expect(s.at(-1)?.month).toBe('2021-02');
  });
});

describe('minimum wage table and PAT split', () => {
  it('holds the dated values', () => {
    expect(valueOn(MINIMUM_WAGE, '2019-12-31')?.cents).toBe(919);
    expect(valueOn(MINIMUM_WAGE, '2022-09-30')?.cents).toBe(1045);
    expect(valueOn(MINIMUM_WAGE, '2022-10-01')?.cents).toBe(1200);
    expect(valueOn(MINIMUM_WAGE, '2026-06-01')?.cents).toBe(1390);
  });
  it('splits a month into PAT (floor) and integration budget, adding up', () => {
    expect(splitPat(184168, 2500)).toEqual({ patCents: 46042, integrationCents: 138126 });
    expect(splitPat(99, 3333)).toEqual({ patCents: 32, integrationCents: 67 });
  });
});
