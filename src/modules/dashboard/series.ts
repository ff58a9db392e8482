import { monthIndex, monthString } from '../indicators/calendar.ts';
import type { IndicatorReport, IndicatorService } from '../indicators/service.ts';

/**
 * The indicator reports of several months for one Jobcenter, in the order given. For now one
 * `compute` per month; the indicators module is getting `computeMany(tenantId, months)`, which reads
 * the facts once – this is the one place to switch to it.
 */
export async function computeSeries(
  indicators: Pick<IndicatorService, 'compute'>,
  tenantId: string,
  months: readonly string[],
): Promise<IndicatorReport[]> {
  const out: IndicatorReport[] = [];
  // one after another: each compute reads all facts of the Jobcenter; in parallel they would only compete
  for (const month of months) out.push(await indicators.compute(tenantId, month));
  return out;
}

/** The `count` months ending with `month`, oldest first ('2019-12', 3 → 2019-10, 2019-11, 2019-12). */
export function monthsEndingWith(month: string, count: number): string[] {
  const end = monthIndex(month);
  return Array.from({ length: count }, (_, i) => monthString(end - count + 1 + i));
}
