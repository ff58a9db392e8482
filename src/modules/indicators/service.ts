import type { Database } from '../../db/client.ts';
import { todayInGermany } from '../../lib/today.ts';
import { type Caller, can } from '../auth/caller.ts';
import { listTeamRefs } from '../org/directory.ts';
import { loadPaymentSums, loadPersonFacts } from '../people/facts.ts';
import { monthIndex, monthString } from './calendar.ts';
import { FIGURES } from './definitions.ts';
import { countFacts } from './engine.ts';
import { computeFigures, computeStructure, type FigureValue, type PaymentSums, type StructureValue } from './figures.ts';

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
  async function compute(tenantId: string, month: string, today = todayInGermany()): Promise<IndicatorReport> {
    const index = monthIndex(month);
    const [facts, teams, payments] = await Promise.all([
      loadPersonFacts(db, tenantId),
      listTeamRefs(db, tenantId),
      loadPaymentSums(db, tenantId, monthString(index - 12), month),
    ]);
    const counts = countFacts(facts, { teams: teams.map((t) => ({ id: t.id, siteId: t.siteId })) }, index);
    const sums: PaymentSums = { subsistence: new Map(), housing: new Map() };
    const siteOf = new Map(teams.map((t) => [t.id, t.siteId]));
    for (const p of payments) {
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
    const scopes = counts.scopeKeys.map((key) => {
      const [kind, id] = key.split(':');
      const label =
        kind === 'tenant'
          ? 'Jobcenter insgesamt'
          : kind === 'site'
            ? `Standort ${sites.get(id as string)}`
            : (teams.find((t) => t.id === id)?.name ?? key);
      return { key, label };
    });
    return { month, scopes, figures: computeFigures(counts, sums, today), structure: computeStructure(counts) };
  }

  return {
    compute,
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
