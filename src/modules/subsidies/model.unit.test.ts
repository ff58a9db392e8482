import { describe, expect, it } from 'vitest';
import { contractCreate, lastDayOfTwoYears } from './model.ts';

const base = {
  personId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  employer: 'Bäckerei Schmidt',
  weeklyHours: 40,
  wageBasis: 'minimum_wage' as const,
};

describe('§ 16e: an employment of at least two years (§ 16e Abs. 1 SGB II)', () => {
  it('start 1.3.2019: two years reach to 28.2.2021 (inclusive); start 29.2.2020 to 28.2.2022', () => {
    expect(lastDayOfTwoYears('2019-03-01')).toBe('2021-02-28');
    expect(lastDayOfTwoYears('2020-02-29')).toBe('2022-02-28');
  });

  it('ending on 28.2.2021 is accepted, on 27.2.2021 refused at the end field; § 16i has no minimum', () => {
    const ok = contractCreate.safeParse({ ...base, basis: '16e', startsOn: '2019-03-01', endsOnInclusive: '2021-02-28' });
    expect(ok.success).toBe(true);
    const short = contractCreate.safeParse({ ...base, basis: '16e', startsOn: '2019-03-01', endsOnInclusive: '2021-02-27' });
    expect(short.success).toBe(false);
    expect(short.error?.issues.map((i) => i.path.join('.'))).toEqual(['endsOnInclusive']);
    const i16 = contractCreate.safeParse({ ...base, basis: '16i', startsOn: '2019-03-01', endsOnInclusive: '2019-12-31' });
    expect(i16.success).toBe(true);
  });
});
