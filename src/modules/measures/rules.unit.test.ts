import { describe, expect, it } from 'vitest';
import {
  assignmentCostSchedule,
  compareWaiting,
  entryProblems,
  evaluate,
  exitProblems,
  fitsTargetGroups,
  isoWeekday,
  occupancyByWeek,
  placeDecision,
  plannedEndFor,
  targetGroupsOf,
} from './rules.ts';

describe('assignmentCostSchedule (pro rata by calendar days, largest remainder)', () => {
  it('15.01.–14.03.2020 at 1.000 €: 17/31 of January, all February, 14/31 of March; 2.000,00 € in total', () => {
    // Jan 17/31 × 100000 = 54838.71, Feb 100000, Mar 14/31 × 100000 = 45161.29; total exactly 200000;
    // floors 54838 + 100000 + 45161 = 199999, the missing cent goes to the larger remainder (January)
    expect(assignmentCostSchedule('2020-01-15', '2020-03-14', 100_000)).toEqual([
      { month: '2020-01', cents: 54_839 },
      { month: '2020-02', cents: 100_000 },
      { month: '2020-03', cents: 45_161 },
    ]);
  });
  it('a full month costs exactly the monthly price', () => {
    expect(assignmentCostSchedule('2019-02-01', '2019-02-28', 123_456)).toEqual([{ month: '2019-02', cents: 123_456 }]);
  });
  it('10 of 30 April days at 999,99 € cost 333,33 €', () => {
    expect(assignmentCostSchedule('2019-04-10', '2019-04-19', 99_999)).toEqual([{ month: '2019-04', cents: 33_333 }]);
  });
  it('31.01.–01.02.2019 at 1 €: 3,23 ct + 3,57 ct = 6,80 ct → 7 ct, the extra cent to February', () => {
    expect(assignmentCostSchedule('2019-01-31', '2019-02-01', 100)).toEqual([
      { month: '2019-01', cents: 3 },
      { month: '2019-02', cents: 4 },
    ]);
  });
  it('sums to the rounded exact total over a long span with odd prices', () => {
    const months = assignmentCostSchedule('2019-03-07', '2020-02-11', 77_777);
    expect(months).toHaveLength(12);
    // exact: 25/31 + 10 full months + 11/29, in cents
    const exact = 77_777 * (25 / 31 + 10 + 11 / 29);
    expect(months.reduce((s, m) => s + m.cents, 0)).toBe(Math.round(exact));
  });
  it('refuses an end before the entry and a fractional price', () => {
    expect(() => assignmentCostSchedule('2020-02-01', '2020-01-31', 100)).toThrow(RangeError);
    expect(() => assignmentCostSchedule('2020-01-01', '2020-01-31', 10.5)).toThrow(RangeError);
  });
});

describe('dates of the flow', () => {
  it('plans 8 weeks and 6 months as inclusive last days', () => {
    expect(plannedEndFor('2020-01-07', 8, 'weeks')).toBe('2020-03-02');
    expect(plannedEndFor('2020-01-07', 6, 'months')).toBe('2020-07-06');
  });
  it('knows weekdays (07.01.2020 was a Tuesday)', () => {
    expect(isoWeekday('2020-01-07')).toBe(2);
    expect(isoWeekday('2020-01-05')).toBe(7);
  });
  it('refuses an entry before the assignment, outside the contract, or on a day without entries', () => {
    const base = { assignedOn: '2020-01-06', contractFrom: '2019-01-01', contractTo: '2021-01-01', entryWeekdays: [2] };
    expect(entryProblems({ ...base, entryDate: '2020-01-07' })).toEqual([]);
    expect(entryProblems({ ...base, entryDate: '2020-01-03' })[0]?.message).toBe(
      'Der Eintritt liegt vor der Zuweisung vom 06.01.2020',
    );
    expect(entryProblems({ ...base, entryDate: '2020-01-08' })[0]?.message).toBe('Ein Einstieg ist nur dienstags möglich');
    expect(entryProblems({ ...base, entryDate: '2021-01-05' })[0]?.field).toBe('entryDate');
    expect(exitProblems('2020-01-07', '2020-01-06')[0]?.message).toBe('Der Austritt liegt vor dem Eintritt am 07.01.2020');
    expect(exitProblems('2020-01-07', '2020-01-07')).toEqual([]);
  });
});

describe('target groups and waiting list', () => {
  const person = {
    sex: 'w' as const,
    age: 40,
    longTermRecipient: true,
    singleParent: false,
    refugee: false,
    rehaOrSevereDisability: false,
  };
  it('derives groups and checks all of a measure’s groups', () => {
    expect(targetGroupsOf(person)).toEqual(['women', 'lzb']);
    expect(fitsTargetGroups(['women', 'lzb'], ['women', 'lzb'])).toBe(true);
    expect(fitsTargetGroups(['u25'], ['women', 'lzb'])).toBe(false);
    expect(fitsTargetGroups(['new_applicants'], [])).toBe(true);
    expect(fitsTargetGroups([], [])).toBe(true);
  });
  it('orders the target group first, then first come first served', () => {
    const list = [
      { id: 'a', inTargetGroup: false, waitingSince: '2020-01-01T08:00:00Z' },
      { id: 'b', inTargetGroup: true, waitingSince: '2020-01-02T08:00:00Z' },
      { id: 'c', inTargetGroup: true, waitingSince: '2020-01-01T09:00:00Z' },
    ];
    expect([...list].sort(compareWaiting).map((w) => w.id)).toEqual(['c', 'b', 'a']);
    expect(placeDecision(10, 9, list, 'c')).toBe('ok');
    expect(placeDecision(10, 9, list, 'a')).toBe('queue');
    expect(placeDecision(10, 9, list, 'new')).toBe('queue');
    expect(placeDecision(10, 7, list, 'a')).toBe('ok');
    expect(placeDecision(10, 10, list, 'c')).toBe('full');
  });
});

describe('evaluation', () => {
  const a = (
    entryDate: string,
    exitDate: string | null,
    exitReason: null | 'regular' | 'job' | 'dropout',
    outcome: null | 'integration' | 'unemployed' = null,
  ) => ({
    entryDate,
    exitDate,
    exitReason,
    outcome,
    sex: 'w' as const,
    groups: [],
  });
  it('counts entries, exits, dropouts, work share and the 6-month integration rate', () => {
    const list = [
      a('2019-01-08', '2019-03-04', 'job'),
      a('2019-01-08', '2019-03-04', 'regular', 'integration'),
      a('2019-01-08', '2019-03-04', 'regular', 'unemployed'),
      a('2019-02-05', '2019-02-20', 'dropout'),
      a('2019-11-05', '2019-12-02', 'regular'), // six months not yet over on 31.12.2019, no outcome: not in the base
      a('2019-12-03', null, null),
    ];
    const e = evaluate(list, '2019-01-01', '2019-12-31', '2019-12-31');
    expect(e).toMatchObject({ entries: 6, exits: 5, dropoutRate: 20, workOrTrainingShare: 20 });
    expect(e.exitsByReason).toEqual({ regular: 3, job: 1, dropout: 1, other: 0 });
    expect(e).toMatchObject({ integrationBase: 4, integrated: 2, integrationRate: 50 });
  });
  it('counts the most participants on one day of each week, and the entries', () => {
    // two who follow each other within one week occupy one place, not two
    expect(
      occupancyByWeek(
        [
          { entryDate: '2020-01-06', exitDate: '2020-01-07' },
          { entryDate: '2020-01-09', exitDate: null },
        ],
        '2020-01-06',
        1,
      ),
    ).toEqual([{ week: '2020-01-06', participants: 1, entries: 2 }]);
  });
  it('counts participants and entries per week', () => {
    const w = occupancyByWeek(
      [
        { entryDate: '2020-01-07', exitDate: '2020-01-10' },
        { entryDate: '2020-01-14', exitDate: null },
      ],
      '2020-01-06',
      3,
    );
    expect(w).toEqual([
      { week: '2020-01-06', participants: 1, entries: 1 },
      { week: '2020-01-13', participants: 1, entries: 1 },
      { week: '2020-01-20', participants: 1, entries: 0 },
    ]);
  });
});
