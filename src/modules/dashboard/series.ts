import type { Database } from '../../db/client.ts';
import { monthIndex, monthString } from '../indicators/calendar.ts';
import type { IndicatorReport, IndicatorService } from '../indicators/service.ts';

/**
 * Indicator reports of whole months, shared by the dashboard, the team report and the target
 * agreement. A report holds every scope of the Jobcenter, so drilling down from the Jobcenter to a
 * site and a team, or opening the team report after the dashboard, needs no new computation.
 *
 * Reports are kept for CACHE_MINUTES per database and Jobcenter (statistics with a three-month
 * waiting time do not need to be current to the second); concurrent requests for the same month share
 * one computation. The months of a series missing from the cache are computed together with
 * `computeMany`, which reads the facts once for all of them.
 */
export const CACHE_MINUTES = 5;
const MAX_ENTRIES = 64;

interface Entry {
  at: number;
  report: Promise<IndicatorReport>;
}
const caches = new WeakMap<Database, Map<string, Entry>>();

export function reportSource(db: Database, indicators: Pick<IndicatorService, 'compute' | 'computeMany'>) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const entries = cache;

  const fresh = (tenantId: string, m: string, now: number) => {
    const hit = entries.get(`${tenantId}|${m}`);
    return hit && now - hit.at < CACHE_MINUTES * 60_000 ? hit.report : undefined;
  };

  function remember(tenantId: string, m: string, report: Promise<IndicatorReport>, now: number) {
    const key = `${tenantId}|${m}`;
    entries.set(key, { at: now, report });
    report.catch(() => entries.delete(key)); // a failure is not remembered
    while (entries.size > MAX_ENTRIES) {
      const oldest = [...entries.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!oldest) break;
      entries.delete(oldest[0]);
    }
  }

  function month(tenantId: string, m: string, now = Date.now()): Promise<IndicatorReport> {
    const hit = fresh(tenantId, m, now);
    if (hit) return hit;
    const report = indicators.compute(tenantId, m);
    remember(tenantId, m, report, now);
    return report;
  }

  return {
    month,
    /** The reports of the given months, in order; the months not cached are computed in one pass. */
    async months(tenantId: string, months: readonly string[], now = Date.now()): Promise<IndicatorReport[]> {
      const missing = [...new Set(months.filter((m) => !fresh(tenantId, m, now)))];
      if (missing.length) {
        const batch = indicators.computeMany(tenantId, missing);
        missing.forEach((m, i) => {
          remember(
            tenantId,
            m,
            batch.then((reports) => reports[i] as IndicatorReport),
            now,
          );
        });
      }
      return Promise.all(months.map((m) => fresh(tenantId, m, now) ?? month(tenantId, m, now)));
    },
  };
}

/** The `count` months ending with `month`, oldest first ('2019-12', 3 → 2019-10, 2019-11, 2019-12). */
export function monthsEndingWith(month: string, count: number): string[] {
  const end = monthIndex(month);
  return Array.from({ length: count }, (_, i) => monthString(end - count + 1 + i));
}
