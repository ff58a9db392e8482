import type { Database } from '../../db/client.ts';
import { NotFoundError } from '../../lib/errors.ts';
import { todayInGermany } from '../../lib/today.ts';
import { assertTeamAccess, type Caller, teamScope } from '../auth/caller.ts';
import { isProvisional, monthIndex } from '../indicators/calendar.ts';
import {
  figureGroupSize,
  SUPPRESSION_FOOTNOTE,
  splitPartition,
  structureGroupSize,
  suppressSmall,
} from '../indicators/confidentiality.ts';
import { FIGURES, PUBLIC_SPLITS, SPLIT_LABELS, type Split } from '../indicators/definitions.ts';
import type { IndicatorService } from '../indicators/service.ts';
import { listTeamRefs } from '../org/directory.ts';
import { PROVISIONAL_NOTE } from './dashboard-export.ts';
import { STRUCTURE_LABELS } from './labels.ts';
import { reportSource } from './series.ts';

export const TEAM_NOT_FOUND = 'Dieses Team gibt es nicht.';

/** A value of the report; suppressed values (group under 5 persons) carry no numbers at all. */
export interface ReportCell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  suppressed: boolean;
}

export interface TeamReport {
  month: string;
  provisional: boolean;
  team: { id: string; name: string; siteName: string };
  figures: {
    code: string;
    name: string;
    kind: 'rate' | 'change';
    team: ReportCell;
    jobcenter: ReportCell;
    /** team − Jobcenter in percentage points, null when either is missing or suppressed */
    difference: number | null;
  }[];
  structure: {
    code: string;
    name: string;
    unit: 'count' | 'percent';
    team: ReportCell;
    jobcenter: ReportCell;
    /** For counts: the Jobcenter's mean per team (teams with eLb on the counting day), the comparable figure. */
    perTeam: number | null;
  }[];
  /** Caseload structure: each group's count and share of the eLb, team against Jobcenter. */
  groups: { split: Split; label: string; team: ReportCell; jobcenter: ReportCell }[];
  footnotes: string[];
}

const hidden: ReportCell = { numerator: null, denominator: null, value: null, suppressed: true };
const shown = (v: { numerator: number; denominator: number; value: number | null }): ReportCell => ({
  numerator: v.numerator,
  denominator: v.denominator,
  value: v.value,
  suppressed: false,
});

/**
 * The team report (teambezogener Ergebnisreport) for the "Auswertungsdialog" between staff and their
 * team lead (Eingliederungsbericht 2019, section 5): a team's figures and caseload structure against
 * the Jobcenter. Aggregates only, small groups suppressed (confidentiality.ts), since the page is
 * printed and handed round.
 */
export function teamReportService(db: Database, indicators: Pick<IndicatorService, 'compute' | 'computeMany'>) {
  const reports = reportSource(db, indicators);
  return {
    /** The teams whose report the caller may open. */
    async teams(caller: Caller) {
      const teams = await listTeamRefs(db, caller.tenantId);
      const scope = teamScope(caller, 'teamreport.read');
      return teams
        .filter((t) => scope === 'all' || scope.includes(t.id))
        .map((t) => ({ id: t.id, name: t.name, siteName: t.siteName }));
    },

    async report(caller: Caller, teamId: string, month: string): Promise<TeamReport> {
      assertTeamAccess(caller, 'teamreport.read', teamId, { type: 'team', id: teamId, notFound: TEAM_NOT_FOUND });
      const team = (await listTeamRefs(db, caller.tenantId)).find((t) => t.id === teamId);
      if (!team) throw new NotFoundError(TEAM_NOT_FOUND);
      const data = await reports.month(caller.tenantId, month);
      const key = `team:${teamId}`;
      let anySuppressed = false;

      const pick = <T extends { scope: string; split: string }>(list: T[], scope: string, split = 'all') =>
        list.find((v) => v.scope === scope && v.split === split);
      const protect = (v: { numerator: number; denominator: number; value: number | null } | undefined, size: number) => {
        if (!v) return { numerator: null, denominator: null, value: null, suppressed: false };
        if (suppressSmall([size], (n) => n)[0]) {
          anySuppressed = true;
          return hidden;
        }
        return shown(v);
      };

      const figures = FIGURES.map((def) => {
        const of = (scope: string) => {
          const v = pick(
            data.figures.filter((f) => f.code === def.code),
            scope,
          );
          return protect(v, v ? (figureGroupSize(v) ?? 0) : 0);
        };
        const t = of(key);
        const j = of('tenant');
        return {
          code: def.code,
          name: def.name,
          kind: def.kind,
          team: t,
          jobcenter: j,
          difference: t.value !== null && j.value !== null ? t.value - j.value : null,
        };
      });

      // the Jobcenter average of a count is its mean over the teams that have a caseload
      const teamsWithCaseload = data.structure.filter(
        (s) => s.code === 'elb' && s.split === 'all' && s.scope.startsWith('team:') && s.numerator > 0,
      ).length;
      const structure = (Object.keys(STRUCTURE_LABELS) as (keyof typeof STRUCTURE_LABELS)[]).map((code) => {
        const of = (scope: string) => {
          const v = pick(
            data.structure.filter((s) => s.code === code),
            scope,
          );
          return protect(v, v ? structureGroupSize(v) : 0);
        };
        const unit = code === 'elb' || code === 'households' || code === 'integrations' ? 'count' : 'percent';
        const jobcenter = of('tenant');
        const perTeam =
          unit === 'count' && jobcenter.numerator !== null && teamsWithCaseload > 0
            ? jobcenter.numerator / teamsWithCaseload
            : null;
        return { code, name: STRUCTURE_LABELS[code], unit: unit as 'count' | 'percent', team: of(key), jobcenter, perTeam };
      });

      // caseload structure by group: count of eLb in the group, share of all eLb of the scope
      const groupsOf = (scope: string) => {
        const total = pick(
          data.structure.filter((s) => s.code === 'elb'),
          scope,
        )?.numerator;
        const cells = PUBLIC_SPLITS.filter((s) => s !== 'all').map((split) => {
          const n =
            pick(
              data.structure.filter((s) => s.code === 'elb'),
              scope,
              split,
            )?.numerator ?? 0;
          return { split, n, share: total ? (n / total) * 100 : null };
        });
        const marks = suppressSmall(
          cells,
          (c) => c.n,
          (c) => splitPartition(c.split),
        );
        return cells.map((c, i): ReportCell => {
          if (marks[i]) {
            anySuppressed = true;
            return hidden;
          }
          return { numerator: c.n, denominator: total ?? 0, value: c.share, suppressed: false };
        });
      };
      const teamGroups = groupsOf(key);
      const jcGroups = groupsOf('tenant');
      const groups = PUBLIC_SPLITS.filter((s) => s !== 'all').map((split, i) => ({
        split,
        label: SPLIT_LABELS[split],
        team: teamGroups[i] as ReportCell,
        jobcenter: jcGroups[i] as ReportCell,
      }));

      const provisional = isProvisional(monthIndex(month), todayInGermany());
      return {
        month,
        provisional,
        team: { id: team.id, name: team.name, siteName: team.siteName },
        figures,
        structure,
        groups,
        footnotes: [
          ...(anySuppressed ? [SUPPRESSION_FOOTNOTE] : []),
          ...(provisional ? [PROVISIONAL_NOTE] : []),
          'Jobcenter: Durchschnitt bzw. Summe des ganzen Jobcenters im selben Berichtsmonat. Differenz in Prozentpunkten.',
        ],
      };
    },
  };
}

export type TeamReportService = ReturnType<typeof teamReportService>;
