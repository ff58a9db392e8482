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
 * one computation. For now one `compute` per month; the indicators module is getting
 * `computeMany(tenantId, months)`, which reads the facts once – this is the one place to switch to it.
 */
export const CACHE_MINUTES = 5;
const MAX_ENTRIES = 64;

interface Entry {
  at: number;
  report: Promise<IndicatorReport>;
}
const caches = new WeakMap<Database, Map<string, Entry>>();

export function reportSource(db: Database, indicators: Pick<IndicatorService, 'compute'>) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const entries = cache;

  function month(tenantId: string, m: string, now = Date.now()): Promise<IndicatorReport> {
    const key = `${tenantId}|${m}`;
    const hit = entries.get(key);
    if (hit && now - hit.at < CACHE_MINUTES * 60_000) return hit.report;
    const report = indicators.compute(tenantId, m);
    entries.set(key, { at: now, report });
    report.catch(() => entries.delete(key)); // a failure is not remembered
    if (entries.size > MAX_ENTRIES) {
      const oldest = [...entries.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (oldest) entries.delete(oldest[0]);
    }
    return report;
  }

  return {
    month,
    /** The reports of the given months, in order; one after another (each compute reads all facts). */
    async months(tenantId: string, months: readonly string[]): Promise<IndicatorReport[]> {
      const out: IndicatorReport[] = [];
      for (const m of months) out.push(await month(tenantId, m));
      return out;
    },
  };
}

/** The `count` months ending with `month`, oldest first ('2019-12', 3 → 2019-10, 2019-11, 2019-12). */
export function monthsEndingWith(month: string, count: number): string[] {
  const end = monthIndex(month);
  return Array.from({ length: count }, (_, i) => monthString(end - count + 1 + i));
}
