import type { Database } from '../../db/client.ts';
import { todayInGermany } from '../../lib/today.ts';
import { type Caller, can } from '../auth/caller.ts';
import { listTeamRefs } from '../org/directory.ts';
import { latestPaymentMonth } from '../people/facts.ts';
import { monthIndex, monthString } from './calendar.ts';
import { FIGURES } from './definitions.ts';
import { countCompiled, factsRange } from './engine.ts';
import { tenantFacts } from './facts-cache.ts';
import { computeFigures, computeStructure, type FigureValue, type PaymentSums, type StructureValue } from './figures.ts';
import { cachedByDataVersion } from './report-cache.ts';

export interface IndicatorReport {
  month: string;
  scopes: { key: string; label: string }[];
  figures: FigureValue[];
  structure: StructureValue[];
}

/**
 * Key figures of a month for the caller's Jobcenter. Aggregates only; a team-scoped caller (team lead)
 * sees the Jobcenter as a whole and their own teams and sites.
 */
export function indicatorService(db: Database) {
  /**
   * One report per month, from one load of the facts and one pass over the persons (the reference days
   * of all months evaluated once). Months in any order; the reports come back in the order asked.
   */
  async function computeMany(tenantId: string, months: readonly string[], today = todayInGermany()): Promise<IndicatorReport[]> {
    if (!months.length) return [];
    // the same figures again (dashboard, team report, target page of one month) while no data changed
    return cachedByDataVersion(db, tenantId, `${months.join(',')}|${today}`, (version) =>
      computeFresh(tenantId, months, today, version),
    );
  }

  /**
   * Without the report cache: counted from the facts of the current data version (facts-cache.ts; loaded
   * from the database first when the data changed since they were loaded). The bench's cold and facts-warm paths.
   */
  async function computeFresh(
    tenantId: string,
    months: readonly string[],
    today = todayInGermany(),
    version?: bigint,
  ): Promise<IndicatorReport[]> {
    if (!months.length) return [];
    const indices = months.map(monthIndex);
    const first = Math.min(...indices);
    const last = Math.max(...indices);
    const { facts, teams, payments } = await tenantFacts(db, tenantId, factsRange(last, first), version);
    const counts = countCompiled(facts, last, first);
    const sums: PaymentSums = { subsistence: new Map(), housing: new Map() };
    const siteOf = new Map(teams.map((t) => [t.id, t.siteId]));
    // the months the figures read: M and M − 12 of each month asked
    const from = monthString(first - 12);
    const to = monthString(last);
    for (const p of payments) {
      if (p.month < from || p.month > to) continue;
      for (const [series, cents] of [
        [sums.subsistence, p.subsistenceCents],
        [sums.housing, p.housingCents],
      ] as const) {
        const byScope = series.get(p.month) ?? new Map<string, number>();
        series.set(p.month, byScope);
        for (const key of ['tenant', `team:${p.teamId}`, `site:${siteOf.get(p.teamId)}`])
          byScope.set(key, (byScope.get(key) ?? 0) + Number(cents));
      }
    }
    const sites = new Map(teams.map((t) => [t.siteId, t.siteName]));
    const teamNames = new Map(teams.map((t) => [t.id, t.name]));
    const scopes = counts.scopeKeys.map((key) => {
      const [kind, id] = key.split(':');
      const label =
        kind === 'tenant'
          ? 'Jobcenter insgesamt'
          : kind === 'site'
            ? `Standort ${sites.get(id as string)}`
            : (teamNames.get(id as string) ?? key);
      return { key, label };
    });
    return indices.map((index) => ({
      month: monthString(index),
      scopes,
      figures: computeFigures(counts, sums, today, index),
      structure: computeStructure(counts, index),
    }));
  }

  async function compute(tenantId: string, month: string, today = todayInGermany()): Promise<IndicatorReport> {
    return (await computeMany(tenantId, [month], today))[0] as IndicatorReport;
  }

  /**
   * The report month to show first: the last completed month, or the last month with benefit payments when
   * the data end earlier (an import of past years, the demo Jobcenter's 2015–2020), so nobody starts on an
   * empty month.
   */
  async function dataMonth(tenantId: string, today = todayInGermany()): Promise<string> {
    const lastComplete = monthString(monthIndex(today.slice(0, 7)) - 1);
    const latest = await latestPaymentMonth(db, tenantId);
    return latest && latest < lastComplete ? latest : lastComplete;
  }

  /**
   * Loads the facts of the Jobcenter's `months` latest data months into the facts cache (the dashboard's series
   * by default), so that after a process start the first user does not wait for the full load (1–2 s at
   * scale 1); every request after it refreshes only what changed (facts-cache.ts). Returns the persons loaded.
   */
  async function warm(tenantId: string, months: number): Promise<number> {
    const last = monthIndex(await dataMonth(tenantId));
    const { facts } = await tenantFacts(db, tenantId, factsRange(last, last - months + 1));
    return facts.persons.length;
  }

  return {
    compute,
    computeMany,
    computeFresh,
    dataMonth,
    warm,
    async forCaller(caller: Caller, month: string): Promise<IndicatorReport> {
      const report = await compute(caller.tenantId, month);
      if (can(caller, 'indicators.read') === 'tenant') return report;
      const teams = await listTeamRefs(db, caller.tenantId);
      const mine = new Set(['tenant', ...caller.teamIds.map((t) => `team:${t}`)]);
      for (const t of teams) if (caller.teamIds.includes(t.id)) mine.add(`site:${t.siteId}`);
      return {
        month: report.month,
        scopes: report.scopes.filter((s) => mine.has(s.key)),
        figures: report.figures.filter((f) => mine.has(f.scope)),
        structure: report.structure.filter((f) => mine.has(f.scope)),
      };
    },
    definitions: FIGURES,
  };
}

export type IndicatorService = ReturnType<typeof indicatorService>;
