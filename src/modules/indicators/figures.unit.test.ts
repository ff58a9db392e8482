import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../people/facts.ts';
import { monthIndex } from './calendar.ts';
import { SPLITS } from './definitions.ts';
import { compileFacts, countCompiled, countFacts } from './engine.ts';
import { computeFigures, computeStructure, type FigureValue } from './figures.ts';

const TEAM = { id: 't1', siteId: 's1' };
const person = (id: string, sex: 'm' | 'w', from: string, to: string | null, jobs: [string, string][] = []): PersonFacts => ({
  id,
  sex,
  birthDate: '1980-05-05',
  benefit: [{ from, to, employable: true }],
  teams: [{ teamId: 't1', from: '2010-01-01', to: null }],
  members: [],
  status: [],
  employments: jobs.map(([kind, start]) => ({ kind: kind as PersonFacts['employments'][number]['kind'], from: start, to: null })),
});

/**
 * A small history worked by hand (see the comments): report month December 2019, reference days the 15th.
 * Mean eLb stock ST(2018-12) … ST(2019-11): A 12 + B 0 + C 5 + D 10 + E 12 = 39 → 3.25.
 */
const HISTORY: PersonFacts[] = [
  // A: eLb since 2015; integration on 10.1.2019 (window of January; in the stock on ST(2018-12)) → January
  person('A', 'w', '2015-01-01', null, [
    ['regular', '2019-01-10'],
    ['minijob', '2019-03-01'],
  ]),
  // B: joins on 16.12.2019, after the reference day: in no stock of the year
  person('B', 'm', '2019-12-16', null),
  // C: joins on 20.6.2019 (after ST(2019-06)); job on 10.7.2019 → not in stock ST(2019-06), in ST(2019-07) → August
  person('C', 'm', '2019-06-20', null, [['regular', '2019-07-10']]),
  // D: eLb 2017-01-01 … 2019-09-30; two integrations in April count once; leaves on 1.10.2019 (outflow in October)
  person('D', 'w', '2017-01-01', '2019-10-01', [
    ['regular', '2019-04-02'],
    ['self_employment', '2019-04-10'],
  ]),
  // E: eLb since 2018-01-01 (LZB from 30.9.2019 on: 638th day); job on the last window day 15.12.2019 counts,
  // one on 16.12.2019 belongs to January 2020
  person('E', 'm', '2018-01-01', null, [
    ['regular', '2019-12-15'],
    ['regular', '2019-12-16'],
  ]),
];

function figure(values: FigureValue[], code: string, split = 'all', scope = 'tenant') {
  const v = values.find((x) => x.code === code && x.split === split && x.scope === scope);
  if (!v) throw new Error(`${code} ${split} ${scope} fehlt`);
  return v;
}

describe('key figures on a history worked by hand (December 2019)', () => {
  const counts = countFacts(HISTORY, { teams: [TEAM] }, monthIndex('2019-12'));
  const values = computeFigures(counts, null, '2026-11-25');

  it('K2: 4 integrations (A Jan, D Apr once, C Aug, E Dec) over a mean stock of 3.25', () => {
    const k2 = figure(values, 'K2');
    expect(k2.numerator).toBe(4);
    expect(k2.denominator).toBe(3.25);
    expect(k2.value).toBeCloseTo(123.0769, 3);
    expect(figure(values, 'K2', 'sex:w')).toMatchObject({ numerator: 2, denominator: 22 / 12 });
    expect(figure(values, 'K2', 'sex:m')).toMatchObject({ numerator: 2, denominator: 17 / 12 });
    expect(figure(values, 'K2', 'all', 'team:t1').numerator).toBe(4);
    expect(figure(values, 'K2', 'all', 'site:s1').numerator).toBe(4);
  });

  it('K2E1 counts the mini-job by the same rule', () => {
    expect(figure(values, 'K2E1').numerator).toBe(1);
  });

  it('K1E2 and K3: stocks of ST(2019-12) against ST(2018-12)', () => {
    expect(figure(values, 'K1E2')).toMatchObject({ numerator: 3, denominator: 3, value: 0 });
    expect(figure(values, 'K3')).toMatchObject({ numerator: 2, denominator: 2, value: 0 });
  });

  it('K3E1: integrations of persons who were LZB on the reference day used (A, D, E) over the mean LZB stock', () => {
    // LZB stock ST(2018-12) … ST(2019-11): A 12, D 10 (LZB from 30.9.2018), E 2 (from 30.9.2019) = 24 → 2
    expect(figure(values, 'K3E1')).toMatchObject({ numerator: 3, denominator: 2, value: 150 });
  });

  it('K1E3 and K1E4: one inflow in July over a stock of 4, one outflow in October over the September stock of 4', () => {
    expect(figure(values, 'K1E3').value).toBeCloseTo(25 / 12, 6);
    expect(figure(values, 'K1E4').value).toBeCloseTo(25 / 12, 6);
  });

  it('structure: stock by sex and LZB share', () => {
    const s = computeStructure(counts);
    const get = (code: string, split = 'all') => s.find((x) => x.code === code && x.split === split && x.scope === 'tenant');
    expect(get('elb')?.numerator).toBe(3);
    expect(get('elb', 'sex:m')?.numerator).toBe(2);
    expect(get('lzb_share')?.value).toBeCloseTo((2 / 3) * 100, 6);
  });

  it('marks months younger than three months as provisional', () => {
    const recent = computeFigures(countFacts(HISTORY, { teams: [TEAM] }, monthIndex('2026-10')), null, '2026-11-25');
    expect(recent[0]?.provisional).toBe(true);
    expect(values[0]?.provisional).toBe(false);
  });
});

describe('properties of the counts', () => {
  const arbPerson = fc.record({
    sex: fc.constantFrom<'m' | 'w'>('m', 'w'),
    start: fc.integer({ min: 0, max: 1500 }),
    length: fc.option(fc.integer({ min: 1, max: 1500 }), { nil: null }),
    job: fc.option(fc.integer({ min: 0, max: 1800 }), { nil: null }),
    team: fc.constantFrom('t1', 't2'),
  });
  const day = (n: number) => new Date(Date.UTC(2016, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

  it('splitting by sex sums to the total, and teams sum to the Jobcenter, for every count', () => {
    fc.assert(
      fc.property(fc.array(arbPerson, { maxLength: 30 }), (people) => {
        const facts: PersonFacts[] = people.map((p, i) => ({
          ...person(
            `p${i}`,
            p.sex,
            day(p.start),
            p.length === null ? null : day(p.start + p.length),
            p.job === null ? [] : [['regular', day(p.job)]],
          ),
          teams: [{ teamId: p.team, from: '2010-01-01', to: null }],
        }));
        const org = { teams: [TEAM, { id: 't2', siteId: 's1' }] };
        const values = computeFigures(countFacts(facts, org, monthIndex('2019-12')), null, '2026-11-25');
        for (const code of ['K2', 'K1E2', 'K3']) {
          const total = figure(values, code);
          const m = figure(values, code, 'sex:m');
          const w = figure(values, code, 'sex:w');
          expect(m.numerator + w.numerator).toBeCloseTo(total.numerator, 9);
          expect(m.denominator + w.denominator).toBeCloseTo(total.denominator, 9);
          const t1 = figure(values, code, 'all', 'team:t1');
          const t2 = figure(values, code, 'all', 'team:t2');
          expect(t1.numerator + t2.numerator).toBeCloseTo(total.numerator, 9);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('a time series counted in one pass', () => {
  it('gives for every month exactly the figures of that month counted alone', () => {
    const org = { teams: [TEAM] };
    const series = countFacts(HISTORY, org, monthIndex('2019-12'), monthIndex('2018-11'));
    for (const month of ['2018-11', '2019-03', '2019-12']) {
      const alone = countFacts(HISTORY, org, monthIndex(month));
      expect(computeFigures(series, null, '2026-11-25', monthIndex(month))).toEqual(computeFigures(alone, null, '2026-11-25'));
      expect(computeStructure(series, monthIndex(month))).toEqual(computeStructure(alone));
    }
    expect(() => computeFigures(series, null, '2026-11-25', monthIndex('2018-10'))).toThrow(/nicht gezählt/);
  });
});

describe('properties of every count on every reference day', () => {
  const KINDS = ['regular', 'minijob', 'public_16i', 'self_employment', 'subsidised_egz'] as const;
  const arb = fc.record({
    sex: fc.constantFrom<'m' | 'w' | 'd'>('m', 'w', 'd'),
    birth: fc.integer({ min: -20_000, max: 0 }),
    periods: fc.array(fc.record({ start: fc.integer({ min: 0, max: 1800 }), length: fc.integer({ min: 1, max: 900 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    jobs: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), start: fc.integer({ min: 0, max: 1800 }) }), { maxLength: 3 }),
    team: fc.constantFrom('t1', 't2', 't3'),
    severe: fc.boolean(),
  });
  const day = (n: number) => new Date(Date.UTC(2016, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const org = {
    teams: [
      { id: 't1', siteId: 's1' },
      { id: 't2', siteId: 's1' },
      { id: 't3', siteId: 's2' },
    ],
  };
  const NAMES = [
    'stock',
    'lzb',
    'lzbActive',
    'integrations',
    'minijobs',
    'publicJobs',
    'svIntegrations',
    'svContinued',
    'inflows',
    'outflows',
    'lzbInflows',
    'lzbOutflows',
    'households',
    'over4Years',
    'jobSeeking',
  ] as const;

  it('sexes sum to the total; with one team per person, teams sum to the Jobcenter and a site is the sum of its teams', () => {
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 25 }), (people) => {
        const facts: PersonFacts[] = people.map((p, i) => ({
          id: `p${i}`,
          sex: p.sex,
          birthDate: day(p.birth),
          benefit: p.periods.map((b) => ({ from: day(b.start), to: day(b.start + b.length), employable: true })),
          teams: [{ teamId: p.team, from: '2000-01-01', to: null }],
          members: [],
          status: p.severe ? [{ kind: 'severe_disability', value: 'recognised', from: '2000-01-01', to: null }] : [],
          employments: p.jobs.map((j) => ({ kind: j.kind, from: day(j.start), to: null })),
        }));
        const counts = countFacts(facts, org, monthIndex('2019-12'), monthIndex('2019-06'));
        const scope = (key: string) => counts.scopeKeys.indexOf(key);
        const [tenant, s1, s2, t1, t2, t3] = ['tenant', 'site:s1', 'site:s2', 'team:t1', 'team:t2', 'team:t3'].map(scope) as [
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        const [all, m, w, dv] = ['all', 'sex:m', 'sex:w', 'sex:d'].map((x) => SPLITS.indexOf(x as (typeof SPLITS)[number])) as [
          number,
          number,
          number,
          number,
        ];
        const wrong: string[] = [];
        for (const name of NAMES) {
          const c = counts[name];
          for (let d = 0; d < counts.days; d++) {
            for (let x = 0; x < SPLITS.length; x++) {
              const at = (s: number) => c.get(d, s, x);
              if (at(tenant) !== at(t1) + at(t2) + at(t3)) wrong.push(`${name} ${d} ${SPLITS[x]}: Teams`);
              if (at(s1) !== at(t1) + at(t2) || at(s2) !== at(t3)) wrong.push(`${name} ${d} ${SPLITS[x]}: Standort`);
            }
            for (const s of [tenant, s1, t3])
              if (c.get(d, s, all) !== c.get(d, s, m) + c.get(d, s, w) + c.get(d, s, dv)) wrong.push(`${name} ${d}: Geschlecht`);
          }
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('compiled facts reused for any window (the facts cache)', () => {
  const arb = fc.record({
    sex: fc.constantFrom<'m' | 'w'>('m', 'w'),
    start: fc.integer({ min: 0, max: 1800 }),
    length: fc.option(fc.integer({ min: 1, max: 1500 }), { nil: null }),
    jobs: fc.array(
      fc.record({ kind: fc.constantFrom('regular', 'minijob', 'public_16i'), start: fc.integer({ min: 0, max: 1900 }) }),
      {
        maxLength: 3,
      },
    ),
    team: fc.constantFrom('t1', 't2'),
    household: fc.integer({ min: 0, max: 4 }),
    measureFrom: fc.option(fc.integer({ min: 0, max: 1800 }), { nil: null }),
  });
  const day = (n: number) => new Date(Date.UTC(2016, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const org = { teams: [TEAM, { id: 't2', siteId: 's2' }] };
  const window = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }));

  it('counts every window, in any order, exactly as from freshly compiled facts', () => {
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 20 }), fc.array(window, { minLength: 1, maxLength: 4 }), (people, windows) => {
        const facts: PersonFacts[] = people.map((p, i) => ({
          id: `p${i}`,
          sex: p.sex,
          birthDate: '1985-03-20',
          benefit: [{ from: day(p.start), to: p.length === null ? null : day(p.start + p.length), employable: true }],
          teams: [{ teamId: p.team, from: '2010-01-01', to: null }],
          members: [
            {
              householdId: `h${p.household}`,
              personId: `p${i}`,
              role: 'applicant' as const,
              from: day(p.start),
              to: null,
              birthDate: '1985-03-20',
            },
          ],
          status:
            p.measureFrom === null
              ? []
              : [{ kind: 'labour_market', value: 'measure', from: day(p.measureFrom), to: day(p.measureFrom + 200) }],
          employments: p.jobs.map((j) => ({ kind: j.kind, from: day(j.start), to: null })),
        }));
        const compiled = compileFacts(facts, org);
        for (const [offset, span] of windows) {
          const month = monthIndex('2017-06') + offset;
          const cached = countCompiled(compiled, month, month - span);
          const fresh = countFacts(facts, org, month, month - span);
          expect(cached).toEqual(fresh);
        }
      }),
      { numRuns: 30 },
    );
  });
});
