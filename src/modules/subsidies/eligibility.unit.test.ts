import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../people/facts.ts';
import { checkEligibility, ruleVersionOn, unemployedSinceOn, unemployment16e } from './eligibility.ts';

const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  id: 'p',
  sex: 'w',
  birthDate: '1980-05-10',
  benefit: [],
  teams: [],
  members: [],
  status: [],
  employments: [],
  ...over,
});
const receiptFrom = (from: string) => [{ from, to: null, employable: true }];
const criterion = (r: ReturnType<typeof checkEligibility>, key: string) => r.criteria.find((c) => c.key === key);

describe('§ 16i eligibility', () => {
  // start 1.7.2019: the seven years are 1.7.2012 – 30.6.2019 = 84 calendar months
  const day = '2019-07-01';

  it('exactly 6 years in 7: receipt from 1.7.2013 = 72 months → eligible', () => {
    const r = checkEligibility('16i', person({ benefit: receiptFrom('2013-07-01') }), day);
    expect(criterion(r, 'receipt')?.met).toBe(true);
    expect(criterion(r, 'receipt')?.detail).toContain('72 Monate');
    expect(r.eligible).toBe(true);
    expect(r.version?.id).toBe('16i-2019');
  });

  it('one month short: receipt from 1.8.2013 = 71 months → not eligible', () => {
    const r = checkEligibility('16i', person({ benefit: receiptFrom('2013-08-01') }), day);
    expect(criterion(r, 'receipt')?.met).toBe(false);
    expect(r.eligible).toBe(false);
  });

  it('5 years with a minor child in the household: receipt from 1.7.2014 (60 months) → eligible; without the child not', () => {
    const child = {
      householdId: 'h',
      personId: 'c',
      role: 'child' as const,
      from: '2010-01-01',
      to: null,
      birthDate: '2008-01-01',
    };
    const me = {
      householdId: 'h',
      personId: 'p',
      role: 'applicant' as const,
      from: '2010-01-01',
      to: null,
      birthDate: '1980-05-10',
    };
    const withChild = checkEligibility('16i', person({ benefit: receiptFrom('2014-07-01'), members: [me, child] }), day);
    expect(criterion(withChild, 'receipt')?.met).toBe(true);
    expect(criterion(withChild, 'receipt')?.detail).toContain('minderjähriges Kind');
    expect(withChild.eligible).toBe(true);
    // the child turns 18 on 1.1.2026: on 1.7.2026 no minor child any more
    const adultChild = checkEligibility(
      '16i',
      person({ benefit: receiptFrom('2021-07-01'), members: [me, child] }),
      '2026-07-01',
    );
    expect(criterion(adultChild, 'receipt')?.met).toBe(false);
    const without = checkEligibility('16i', person({ benefit: receiptFrom('2014-07-01'), members: [me] }), day);
    expect(criterion(without, 'receipt')?.met).toBe(false);
  });

  it('5-year rule also for a recognised severe disability; 59 months are not enough', () => {
    const status = [{ kind: 'severe_disability', value: 'recognised', from: '2015-01-01', to: null }];
    expect(checkEligibility('16i', person({ benefit: receiptFrom('2014-07-01'), status }), day).eligible).toBe(true);
    expect(checkEligibility('16i', person({ benefit: receiptFrom('2014-08-01'), status }), day).eligible).toBe(false);
  });

  it('with a minor child the five years are also the window for employment, even when six in seven are met', () => {
    // start 1.7.2019: seven years from 1.7.2012, five years from 1.7.2014; receipt since 2010 meets both rules.
    // A job 1.1.2013 – 31.12.2013 (365 days > 183) lies in the seven years but before the five.
    const me = {
      householdId: 'h',
      personId: 'p',
      role: 'applicant' as const,
      from: '2010-01-01',
      to: null,
      birthDate: '1980-05-10',
    };
    const child = {
      householdId: 'h',
      personId: 'c',
      role: 'child' as const,
      from: '2010-01-01',
      to: null,
      birthDate: '2008-01-01',
    };
    const employments = [{ kind: 'regular' as const, from: '2013-01-01', to: '2014-01-01' }];
    const withChild = checkEligibility(
      '16i',
      person({ benefit: receiptFrom('2010-01-01'), members: [me, child], employments }),
      day,
    );
    expect(criterion(withChild, 'employment')?.met).toBe(true);
    expect(criterion(withChild, 'employment')?.detail).toContain('0 Tage');
    const without = checkEligibility('16i', person({ benefit: receiptFrom('2010-01-01'), members: [me], employments }), day);
    expect(criterion(without, 'employment')?.met).toBe(false);
    expect(criterion(without, 'employment')?.detail).toContain('365 Tage');
  });

  it('age: 25 on the birthday, 24 the day before', () => {
    const b = receiptFrom('2010-01-01');
    expect(criterion(checkEligibility('16i', person({ birthDate: '1994-07-01', benefit: b }), day), 'age')?.met).toBe(true);
    expect(criterion(checkEligibility('16i', person({ birthDate: '1994-07-02', benefit: b }), day), 'age')?.met).toBe(false);
  });

  it('employment: 183 days in the window are short, 184 are not', () => {
    const b = receiptFrom('2010-01-01');
    // 1.1.2018 + 183 days = 3.7.2018 (half-open)
    const short = [{ kind: 'regular' as const, from: '2018-01-01', to: '2018-07-03' }];
    const long = [{ kind: 'regular' as const, from: '2018-01-01', to: '2018-07-04' }];
    expect(criterion(checkEligibility('16i', person({ benefit: b, employments: short }), day), 'employment')?.met).toBe(true);
    expect(criterion(checkEligibility('16i', person({ benefit: b, employments: long }), day), 'employment')?.met).toBe(false);
    // an Arbeitsgelegenheit (§ 16d) is no employment in this sense
    const agh = [{ kind: 'public_16d' as const, from: '2015-01-01', to: '2018-01-01' }];
    expect(criterion(checkEligibility('16i', person({ benefit: b, employments: agh }), day), 'employment')?.met).toBe(true);
  });

  it('not before 1.1.2019; the Bürgergeld version from 1.1.2023', () => {
    const r = checkEligibility('16i', person({ benefit: receiptFrom('2005-01-01') }), '2018-12-31');
    expect(criterion(r, 'in_force')?.met).toBe(false);
    expect(ruleVersionOn('16i', '2022-12-31')?.id).toBe('16i-2019');
    expect(ruleVersionOn('16i', '2023-01-01')?.id).toBe('16i-2023');
    const later = checkEligibility('16i', person({ benefit: receiptFrom('2005-01-01') }), '2023-01-01');
    expect(criterion(later, 'receipt')?.label).toContain('Bürgergeld');
  });
});

describe('§ 16e eligibility', () => {
  const unemployed = (from: string, to: string | null = null) => ({ kind: 'labour_market', value: 'unemployed', from, to });

  it('unemployed exactly two years on the start day → eligible; one day less → not', () => {
    const b = receiptFrom('2015-01-01');
    expect(checkEligibility('16e', person({ benefit: b, status: [unemployed('2017-07-01')] }), '2019-07-01').eligible).toBe(true);
    expect(checkEligibility('16e', person({ benefit: b, status: [unemployed('2017-07-02')] }), '2019-07-01').eligible).toBe(
      false,
    );
  });

  // § 18 Abs. 2 SGB III (applied to § 16e): within the five years before the start a measure, "nicht
  // verfügbar" or up to six months (183 days) of employment interrupt the unemployment without ending it.
  // Start 1.7.2019 needs 730 days (1.7.2017 – 30.6.2019). Unemployed 1.1.2018 – 30.6.2019 = 365 + 181 = 546 days.
  const status = (value: string, from: string, to: string | null = null) => ({ kind: 'labour_market', value, from, to });
  const b = receiptFrom('2015-01-01');
  const day = '2019-07-01';

  it('a measure between two spells does not end the unemployment: 184 + 546 = 730 days → eligible, 183 + 546 → not', () => {
    // 29.12.2016 – 30.6.2017 = 3 + 181 = 184 days; measure 1.7. – 31.12.2017 (184 days) passed over
    const measure = status('measure', '2017-07-01', '2018-01-01');
    const ok = person({
      benefit: b,
      status: [status('unemployed', '2016-12-29', '2017-07-01'), measure, status('unemployed', '2018-01-01')],
    });
    expect(unemployment16e(ok, day)).toMatchObject({ days: 730, since: '2016-12-29', interruptionDays: 184 });
    expect(checkEligibility('16e', ok, day).eligible).toBe(true);
    // 30.12.2016 – 30.6.2017 = 2 + 181 = 183 days; 183 + 546 = 729 < 730
    const short = person({
      benefit: b,
      status: [status('unemployed', '2016-12-30', '2017-07-01'), measure, status('unemployed', '2018-01-01')],
    });
    expect(unemployment16e(short, day).days).toBe(729);
    expect(checkEligibility('16e', short, day).eligible).toBe(false);
    // the same half year without any status (no reason recorded) ends the count: only the 546 days since 1.1.2018
    const gap = person({
      benefit: b,
      status: [status('unemployed', '2016-12-29', '2017-07-01'), status('unemployed', '2018-01-01')],
    });
    expect(unemployment16e(gap, day)).toMatchObject({ days: 546, since: '2018-01-01', stoppedOn: '2017-12-31' });
    expect(checkEligibility('16e', gap, day).eligible).toBe(false);
  });

  it('employment interrupts harmlessly up to 183 days in total; the 184th day ends the count', () => {
    // job 2.7. – 31.12.2017 = 30 + 31 + 30 + 31 + 30 + 31 = 183 days; unemployed 29.12.2016 – 1.7.2017 = 185 days
    const ok = person({
      benefit: b,
      status: [status('unemployed', '2016-12-29', '2017-07-02'), status('unemployed', '2018-01-01')],
      employments: [{ kind: 'regular', from: '2017-07-02', to: '2018-01-01' }],
    });
    expect(unemployment16e(ok, day)).toMatchObject({ days: 731, employmentDays: 183 });
    expect(checkEligibility('16e', ok, day).eligible).toBe(true);
    // job 1.7. – 31.12.2017 = 184 days: 183 are passed over, on 1.7.2017 the count stops at 546 days
    const long = person({
      benefit: b,
      status: [status('unemployed', '2016-12-29', '2017-07-01'), status('unemployed', '2018-01-01')],
      employments: [{ kind: 'regular', from: '2017-07-01', to: '2018-01-01' }],
    });
    expect(unemployment16e(long, day)).toMatchObject({ days: 546, employmentDays: 183, stoppedOn: '2017-07-01' });
    expect(checkEligibility('16e', long, day).eligible).toBe(false);
  });

  it('only the five years before the start count (1.7.2014 – 30.6.2019)', () => {
    // unemployed 1.1.2013 – 31.12.2014, measure 1.1.2015 – 30.6.2019: inside the window 1.7. – 31.12.2014 = 184 days
    const p = person({ benefit: b, status: [status('unemployed', '2013-01-01', '2015-01-01'), status('measure', '2015-01-01')] });
    expect(unemployment16e(p, day)).toMatchObject({ days: 184, since: '2014-07-01', stoppedOn: null });
    expect(checkEligibility('16e', p, day).eligible).toBe(false);
  });

  it('adjacent periods join, a gap starts a new spell', () => {
    const joined = person({ status: [unemployed('2016-01-01', '2018-01-01'), unemployed('2018-01-01')] });
    expect(unemployedSinceOn(joined, '2019-07-01')).toBe('2016-01-01');
    const gap = person({ status: [unemployed('2016-01-01', '2018-01-01'), unemployed('2018-02-01')] });
    expect(unemployedSinceOn(gap, '2019-07-01')).toBe('2018-02-01');
    expect(unemployedSinceOn(gap, '2018-01-15')).toBeNull();
  });
});
