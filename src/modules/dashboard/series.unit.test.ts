import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { IndicatorReport } from '../indicators/service.ts';
import { CACHE_MINUTES, monthsEndingWith, reportSource } from './series.ts';

const report = (month: string): IndicatorReport => ({ month, scopes: [], figures: [], structure: [] });

describe('report source', () => {
  it('months ending with a month, across the turn of the year', () => {
    expect(monthsEndingWith('2019-02', 4)).toEqual(['2018-11', '2018-12', '2019-01', '2019-02']);
  });

  it('computes a month once per database and Jobcenter within the cache time, shared by all services', async () => {
    const db = {} as Database;
    const calls: string[] = [];
    const indicators = {
      compute: async (tenantId: string, month: string) => {
        calls.push(`${tenantId}|${month}`);
        return report(month);
      },
      computeMany: async (tenantId: string, months: readonly string[]) => {
        calls.push(`${tenantId}|${months.join('+')}`);
        return months.map(report);
      },
    };
    const a = reportSource(db, indicators);
    const b = reportSource(db, indicators);
    await a.months('t1', ['2019-11', '2019-12']);
    await b.month('t1', '2019-12');
    await a.month('t2', '2019-12');
    // the two months of the series in one pass, then from the cache
    expect(calls).toEqual(['t1|2019-11+2019-12', 't2|2019-12']);
    await a.months('t1', ['2019-10', '2019-11', '2019-12']);
    expect(calls).toEqual(['t1|2019-11+2019-12', 't2|2019-12', 't1|2019-10']);
    // after the cache time the month is computed again
    await a.month('t1', '2019-12', Date.now() + CACHE_MINUTES * 60_000 + 1);
    expect(calls).toHaveLength(4);
    // another database has its own cache
    await reportSource({} as Database, indicators).month('t1', '2019-12');
    expect(calls).toHaveLength(5);
  });

  it('does not remember a failed computation', async () => {
    let fail = true;
    const source = reportSource({} as Database, {
      compute: async (_t: string, month: string) => {
        if (fail) throw new Error('kaputt');
        return report(month);
      },
      computeMany: async (_t: string, months: readonly string[]) => {
        if (fail) throw new Error('kaputt');
        return months.map(report);
      },
    });
    await expect(source.month('t', '2019-12')).rejects.toThrow('kaputt');
    fail = false;
    await expect(source.month('t', '2019-12')).resolves.toMatchObject({ month: '2019-12' });
    fail = true;
    await expect(source.months('t', ['2019-10', '2019-11'])).rejects.toThrow('kaputt');
    fail = false;
    await expect(source.months('t', ['2019-10', '2019-11'])).resolves.toHaveLength(2);
  });
});
