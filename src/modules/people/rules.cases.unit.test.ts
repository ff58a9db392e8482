import { describe, expect, it } from 'vitest';
import {
  ageOn,
  elbDayCount,
  elbSpells,
  inReceiptMoreThan4YearsOn,
  isElbOn,
  isLongTermRecipientOn,
  isSingleParentOn,
  monthsInReceipt,
  pensionAgeLimitLastDay,
} from './rules.ts';

const elb = (from: string, to: string | null, extra: object = {}) => ({ from, to, employable: true, ...extra });

describe('hand-worked cases of the people rules', () => {
  it('ageOn follows §§ 187, 188 BGB, including 29 February', () => {
    expect(ageOn('2004-02-29', '2019-02-28')).toBe(14);
    expect(ageOn('2004-02-29', '2019-03-01')).toBe(15);
    expect(ageOn('2004-02-29', '2020-02-29')).toBe(16);
    expect(ageOn('1985-03-14', '2019-03-13')).toBe(33);
    expect(ageOn('1985-03-14', '2019-03-14')).toBe(34);
  });

  it('§ 7a age limit: the worked examples of INDICATORS.md', () => {
    expect(pensionAgeLimitLastDay('1955-03-01')).toBe('2020-11-30');
    expect(pensionAgeLimitLastDay('1955-03-02')).toBe('2020-12-31');
    expect(pensionAgeLimitLastDay('1946-06-15')).toBe('2011-06-30'); // 65 y
    expect(pensionAgeLimitLastDay('1961-05-10')).toBe('2027-11-30'); // 66 y 6 m
    expect(pensionAgeLimitLastDay('1963-05-10')).toBe('2030-03-31'); // 66 y 10 m
    expect(pensionAgeLimitLastDay('1964-01-01')).toBe('2030-12-31'); // 67 y, completed at the end of 31.12.2030
  });

  it('eLb needs receipt as employable, age 15 and not past the age limit', () => {
    const b = [elb('2015-01-01', null)];
    expect(isElbOn('2004-02-29', b, '2019-02-28')).toBe(false);
    expect(isElbOn('2004-02-29', b, '2019-03-01')).toBe(true);
    expect(isElbOn('1955-03-01', b, '2020-11-30')).toBe(true);
    expect(isElbOn('1955-03-01', b, '2020-12-01')).toBe(false);
    expect(isElbOn('1980-01-01', [{ from: '2015-01-01', to: null, employable: false }], '2019-12-15')).toBe(false);
    expect(isElbOn('1980-01-01', [elb('2015-01-01', null, { otherJobcenter: 'Gießen' })], '2019-12-15')).toBe(false);
  });

  it('LZB: 638 of 730 days, boundary at 637 vs 638, days counted once, other Jobcenters count', () => {
    const day = '2019-12-15'; // window 2017-12-16 … 2019-12-15 (730 days)
    // receipt from 2018-03-18: 2018-03-18 … 2019-12-15 = 638 days
    expect(elbDayCount('1980-01-01', [elb('2018-03-18', null)], day, 730)).toBe(638);
    expect(isLongTermRecipientOn('1980-01-01', [elb('2018-03-18', null)], day)).toBe(true);
    expect(isLongTermRecipientOn('1980-01-01', [elb('2018-03-19', null)], day)).toBe(false); // 637
    // the same days recorded twice count once
    const twice = [elb('2018-03-19', null), elb('2018-06-01', '2018-07-01', { otherJobcenter: 'Gießen' })];
    expect(elbDayCount('1980-01-01', twice, day, 730)).toBe(637);
    // an earlier Jobcenter's day fills the gap
    const moved = [elb('2018-03-19', null), elb('2018-03-18', '2018-03-19', { otherJobcenter: 'Gießen' })];
    expect(isLongTermRecipientOn('1980-01-01', moved, day)).toBe(true);
    // not in our stock on the day: not LZB, however long the history
    expect(isLongTermRecipientOn('1980-01-01', [elb('2010-01-01', '2019-12-15')], day)).toBe(false);
    // under 17: not LZB
    expect(isLongTermRecipientOn('2003-01-01', [elb('2018-01-01', null)], day)).toBe(false);
  });

  it('spells bridge breaks of at most 7 days', () => {
    const b = [elb('2019-01-01', '2019-02-01'), elb('2019-02-08', '2019-03-01'), elb('2019-03-10', null)];
    // gap 1.2.–7.2. = 7 days (bridged), gap 1.3.–9.3. = 9 days (new spell)
    expect(elbSpells('1980-01-01', b)).toEqual([
      { from: '2019-01-01', lastDay: '2019-02-28' },
      { from: '2019-03-10', lastDay: '2046-12-31' }, // open receipt, but eLb ends at the § 7a age limit
    ]);
  });

  it('months in receipt and more than four years', () => {
    expect(monthsInReceipt([elb('2019-01-31', '2019-03-02')], '2019-01-01', '2019-12-31')).toBe(3);
    expect(inReceiptMoreThan4YearsOn([elb('2015-12-14', null)], '2019-12-15')).toBe(true);
    expect(inReceiptMoreThan4YearsOn([elb('2015-12-15', null)], '2019-12-15')).toBe(false);
    // a break of 31 days does not end the duration, 32 days do
    expect(inReceiptMoreThan4YearsOn([elb('2015-01-01', '2017-01-01'), elb('2017-02-01', null)], '2019-12-15')).toBe(true);
    expect(inReceiptMoreThan4YearsOn([elb('2015-01-01', '2017-01-01'), elb('2017-02-02', null)], '2019-12-15')).toBe(false);
  });

  it('single parent: a household that loses its partner becomes single-parent', () => {
    const m = (personId: string, role: 'applicant' | 'partner' | 'child', birthDate: string, to: string | null = null) => ({
      householdId: 'h',
      personId,
      role,
      from: '2015-01-01',
      to,
      birthDate,
    });
    const members = [
      m('mother', 'applicant', '1985-01-01'),
      m('father', 'partner', '1983-01-01', '2019-07-01'),
      m('kid', 'child', '2010-01-01'),
    ];
    expect(isSingleParentOn('mother', members, '2019-06-30')).toBe(false);
    expect(isSingleParentOn('mother', members, '2019-07-01')).toBe(true);
    expect(isSingleParentOn('kid', members, '2019-07-01')).toBe(false);
    // the child turns 18: no longer a single parent
    expect(isSingleParentOn('mother', members, '2028-01-01')).toBe(false);
  });
});
