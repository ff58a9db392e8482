import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../people/facts.ts';
import { monthIndex } from './calendar.ts';
import type { Split } from './definitions.ts';
import { countFacts } from './engine.ts';
import { computeFigures, type FigureValue, type PaymentSums } from './figures.ts';

/**
 * Small histories worked by hand, one per rule of INDICATORS.md. Report month December 2019 unless said;
 * reference days are the 15th, so W(M) = 16th of M−1 … 15th of M. The expected numbers are derived in
 * the comments.
 */
const TODAY = '2026-11-25';
const ORG = { teams: [{ id: 't1', siteId: 's1' }] };
type Job = [PersonFacts['employments'][number]['kind'], string, (string | null)?];

function person(
  id: string,
  receipt: [string, string | null, string?][],
  opts: { sex?: 'm' | 'w'; jobs?: Job[]; status?: PersonFacts['status']; members?: PersonFacts['members']; birth?: string } = {},
): PersonFacts {
  return {
    id,
    sex: opts.sex ?? 'w',
    birthDate: opts.birth ?? '1980-05-05',
    benefit: receipt.map(([from, to, other]) => ({ from, to, employable: true, otherJobcenter: other ?? null })),
    teams: [{ teamId: 't1', from: '2000-01-01', to: null }],
    members: opts.members ?? [],
    status: opts.status ?? [],
    employments: (opts.jobs ?? []).map(([kind, from, to]) => ({ kind, from, to: to ?? null })),
  };
}

function figures(history: PersonFacts[], month = '2019-12', payments: PaymentSums | null = null) {
  return computeFigures(countFacts(history, ORG, monthIndex(month)), payments, TODAY);
}
function get(values: FigureValue[], code: string, split: Split = 'all') {
  const v = values.find((x) => x.code === code && x.split === split && x.scope === 'tenant');
  if (!v) throw new Error(`${code} ${split} fehlt`);
  return v;
}

describe('K2 integrations: the 12-month window and the stock rule', () => {
  // Everyone below is eLb since 2015 unless said, so in the stock on every reference day of 2018/2019:
  // mean stock over ST(2018-12) … ST(2019-11) = number of such persons.
  const history = [
    // first day of W(2019-01) = 16.12.2018; in the stock on ST(2018-12) → report month January 2019: counts
    person('first', [['2015-01-01', null]], { jobs: [['regular', '2018-12-16']] }),
    // last day of W(2018-12) = 15.12.2018 → report month December 2018: outside M−11 … M
    person('before', [['2015-01-01', null]], { jobs: [['regular', '2018-12-15']] }),
    // last day of W(2019-12) = 15.12.2019 → December 2019: counts
    person('last', [['2015-01-01', null]], { jobs: [['regular', '2019-12-15']] }),
    // 16.12.2019 lies in W(2020-01) → January 2020: not counted
    person('after', [['2015-01-01', null]], { jobs: [['regular', '2019-12-16']] }),
    // joins in m−1: eLb from 20.10.2019 (after ST(2019-10)), job 1.11.2019 in W(2019-11): not in the stock
    // on ST(2019-10), in it on ST(2019-11) → counts one month later, in December 2019
    person('joined', [['2019-10-20', null]], { jobs: [['regular', '2019-11-01']] }),
    // eLb only 1.11.–10.11.2019: in neither stock ST(2019-10) nor ST(2019-11) → never counts
    person('between', [['2019-11-01', '2019-11-11']], { jobs: [['regular', '2019-11-05']] }),
    // two starts in W(2019-03) (1.3. and 10.3.) → one integration; a third on 20.3. is in W(2019-04) → one more
    person('twice', [['2015-01-01', null]], {
      jobs: [
        ['regular', '2019-03-01'],
        ['self_employment', '2019-03-10'],
        ['vocational_training', '2019-03-20'],
      ],
    }),
    // not integrations: § 16i, § 16d, mini-job (they are K2E2/K2E1 entries)
    person('other', [['2015-01-01', null]], {
      jobs: [
        ['public_16i', '2019-05-02'],
        ['public_16d', '2019-06-03'],
        ['minijob', '2019-07-01'],
      ],
    }),
  ];
  const v = figures(history);

  it('counts first (Jan), last (Dec), joined (Dec) and twice (Mar, Apr): 5 over a mean stock of 6 + 2/12', () => {
    // stock ST(2018-12) … ST(2019-11): first, before, last, after, twice, other = 6 on all 12 days;
    // joined is in the stock on ST(2019-10) (no: 20.10. > 15.10.) and ST(2019-11) (yes) → 1 day;
    // between on none. Mean = (6 × 12 + 1) / 12 = 73 / 12.
    const k2 = get(v, 'K2');
    expect(k2.numerator).toBe(5);
    expect(k2.denominator).toBeCloseTo(73 / 12, 12);
    expect(k2.value).toBeCloseTo((5 / (73 / 12)) * 100, 9); // 82.19 %
  });

  it('a start on the last window day of November 2019 counts in the November report (window moves with M)', () => {
    // K2 for 2019-11: months 2018-12 … 2019-11 → before (Dec 2018), first (Jan), twice (Mar, Apr) = 4;
    // last/joined fall in December, after in January 2020
    expect(get(figures(history, '2019-11'), 'K2').numerator).toBe(4);
  });

  it('K2E1 and K2E2 count mini-jobs and § 16i/§ 16d entries by the same rule (one per person and month)', () => {
    expect(get(v, 'K2E1').numerator).toBe(1); // minijob 1.7.2019
    expect(get(v, 'K2E2').numerator).toBe(2); // § 16i in May, § 16d in June: two months
  });
});

describe('LZB: 638 of the 730 days ending with ST(M), the window edge', () => {
  // 730-day window for ST(2019-12) = 16.12.2017 … 15.12.2019; for ST(2018-12) = 16.12.2016 … 15.12.2018.
  const history = [
    // open receipt from 18.3.2018: 15.12.2019 − 18.3.2018 + 1 = 638 days ("21 months") → LZB
    person('d638', [['2018-03-18', null]]),
    // from 19.3.2018: 637 days ("20 months") → not LZB
    person('d637', [['2018-03-19', null]]),
    // from the first window day 16.12.2017, gap 1.6.–31.8.2018 (30 + 31 + 31 = 92 days): 730 − 92 = 638 → LZB
    person('edge', [
      ['2017-12-16', '2018-06-01'],
      ['2018-09-01', null],
    ]),
    // the same from 17.12.2017: 637 → not LZB
    person('edge-1', [
      ['2017-12-17', '2018-06-01'],
      ['2018-09-01', null],
    ]),
    // receipt since 2010, gap 1.6.–1.9.2018 (93 days): days before the window do not count: 637 → not LZB
    person('long', [
      ['2010-01-01', '2018-06-01'],
      ['2018-09-02', null],
    ]),
    // another Jobcenter's period counts for the 730 days (imported), only this Jobcenter's for the stock:
    // eLb everywhere since 2016 → LZB on ST(2019-12); in our stock only from 1.1.2019
    person('moved', [
      ['2016-01-01', '2019-01-01', 'Jobcenter Gießen'],
      ['2019-01-01', null],
    ]),
  ];
  const v = figures(history);

  it('K3: LZB(2019-12) = d638, edge, moved = 3 against LZB(2018-12) = 0 (nobody has 638 days then)', () => {
    // ST(2018-12): d638 has 273 days, edge 365 − 92 = 273, long 730 − 93 = 637 → none; moved not in our stock
    expect(get(v, 'K3')).toMatchObject({ numerator: 3, denominator: 0, value: null });
  });

  it('K3E3: LZB inflows (LZB now, not on the previous reference day), mean of monthly quotas', () => {
    // moved: in our stock from 1.1.2019, LZB on ST(2019-01) (all 730 days eLb) → LZB inflow in January,
    // over LZB stock(Jan) = 1 → quota 1.
    // d638 crosses 638 days on 15.12.2019 → inflow in December; edge: window start 16.12.2017 reaches 638
    // only on 15.12.2019 as well (on 15.11.2019 its window 16.11.2017 … has 730 − 92 = 638? no: 16.11.2017 …
    // 15.12.2017 were not eLb, so 30 days fewer = 608) → inflow in December. LZB stock(Dec) = 3 → 2/3.
    // Mean of the 12 quotas: (1 + 2/3) / 12.
    const k3e3 = get(v, 'K3E3');
    expect(k3e3.numerator).toBe(3);
    expect(k3e3.value).toBeCloseTo(((1 + 2 / 3) / 12) * 100, 9);
  });
});

describe('single parent: a household that loses its partner', () => {
  // Household H: applicant P (w) with partner Q until 30.6.2019 (membership to 1.7.) and child K (born
  // 2012). From 1.7.2019 P lives with a minor child and without a partner → single parent.
  const members: PersonFacts['members'] = [
    { householdId: 'H', personId: 'P', role: 'applicant', from: '2015-01-01', to: null, birthDate: '1985-02-02' },
    { householdId: 'H', personId: 'Q', role: 'partner', from: '2015-01-01', to: '2019-07-01', birthDate: '1983-03-03' },
    { householdId: 'H', personId: 'K', role: 'child', from: '2015-01-01', to: null, birthDate: '2012-04-04' },
  ];
  const history = [
    // integration 2.9.2019 (W(2019-09)), P in the stock on ST(2019-08) as a single parent → K2E4 counts it
    person('P', [['2015-01-01', null]], { birth: '1985-02-02', members, jobs: [['regular', '2019-09-02']] }),
    person('Q', [['2015-01-01', '2019-07-01']], { sex: 'm', birth: '1983-03-03', members }),
  ];
  const v = figures(history);

  it('K2E4: one integration over the mean single-parent stock ST(2018-12) … ST(2019-11) = 5/12', () => {
    // single parent on ST(2019-07) … ST(2019-11): 5 of the 12 days; before July the partner lives there
    const k2e4 = get(v, 'K2E4');
    expect(k2e4.numerator).toBe(1);
    expect(k2e4.denominator).toBeCloseTo(5 / 12, 12);
    expect(k2e4.value).toBeCloseTo(240, 9);
    expect(get(v, 'K2E4', 'sex:w')).toMatchObject({ numerator: 1 });
    expect(get(v, 'K2E4', 'sex:m')).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it('K1E4: Q leaves on 1.7.2019 (after ST(2019-06)) → one outflow in W(2019-07) over the June stock of 2', () => {
    const k1e4 = get(v, 'K1E4');
    expect(k1e4.numerator).toBe(1);
    expect(k1e4.value).toBeCloseTo((1 / 2 / 12) * 100, 9);
  });
});

describe('K2E3: continuous employment for 12 months after an integration in M−23 … M−12', () => {
  // integrations counted in January … December 2018 (all three in the stock since 2015)
  const history = [
    // 1.3.2018 → 28.2.2019 inclusive (to 1.3.2019): 12 months → continued
    person('full', [['2015-01-01', null]], { jobs: [['regular', '2018-03-01', '2019-03-01']] }),
    // ends one day earlier (last day 27.2.2019) → not continued
    person('short', [['2015-01-01', null]], { jobs: [['regular', '2018-03-01', '2019-02-28']] }),
    // changes employer without a gap on 1.10.2018 → continued; self-employment is no sv integration
    person('change', [['2015-01-01', null]], {
      jobs: [
        ['subsidised_egz', '2018-04-02', '2018-10-01'],
        ['regular', '2018-10-01'],
        ['self_employment', '2018-06-01'],
      ],
    }),
  ];
  it('full (Mar 2018) yes, short no, change: EGZ in Apr 2018 yes and the new job in Oct 2018 (a start, so an integration) yes → 3 of 4', () => {
    expect(get(figures(history), 'K2E3')).toMatchObject({ numerator: 3, denominator: 4 });
  });
});

describe('K3E2: LZB in an active measure on ST(M); § 16i counts from 22.3.2019', () => {
  const history = [
    person('measure', [['2015-01-01', null]], {
      status: [{ kind: 'labour_market', value: 'measure', from: '2019-01-01', to: null }],
    }),
    person('16i', [['2015-01-01', null]], { jobs: [['public_16i', '2019-01-02']] }),
    person('idle', [['2015-01-01', null]], {
      status: [{ kind: 'labour_market', value: 'unemployed', from: '2015-01-01', to: null }],
    }),
  ];
  it('February 2019: only the measure (1 of 3); April 2019: measure and § 16i (2 of 3)', () => {
    expect(get(figures(history, '2019-02'), 'K3E2')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(get(figures(history, '2019-04'), 'K3E2')).toMatchObject({ numerator: 2, denominator: 3 });
  });
});

describe('K1 and K1E1: claims of M against M−12', () => {
  it('93,600 € against 100,000 € subsistence → −6.4 %; housing 51,000 € against 50,000 € → +2 %', () => {
    const sums: PaymentSums = {
      subsistence: new Map([
        ['2019-12', new Map([['tenant', 9_360_000]])],
        ['2018-12', new Map([['tenant', 10_000_000]])],
      ]),
      housing: new Map([
        ['2019-12', new Map([['tenant', 5_100_000]])],
        ['2018-12', new Map([['tenant', 5_000_000]])],
      ]),
    };
    const v = figures([], '2019-12', sums);
    expect(get(v, 'K1').value).toBeCloseTo(-6.4, 9);
    expect(get(v, 'K1E1').value).toBeCloseTo(2, 9);
  });
});

describe('provisional months (three months waiting time)', () => {
  it('on 25.11.2026: August 2026 is final, September … November 2026 are provisional', () => {
    const h = [person('a', [['2015-01-01', null]])];
    expect(get(figures(h, '2026-08'), 'K1E2').provisional).toBe(false);
    expect(get(figures(h, '2026-09'), 'K1E2').provisional).toBe(true);
    expect(get(figures(h, '2026-11'), 'K1E2').provisional).toBe(true);
  });
});
