import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { Button } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { formatMonth, todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { dataMonthQuery, reportTeamsQuery, type TeamReport, teamReportExportUrl, teamReportQuery } from './api.ts';
import {
  formatChange,
  formatCount,
  formatDecimal,
  formatFigure,
  formatPercent,
  formatPoints,
  lastCompleteMonth,
} from './format.ts';
import { MonthForm } from './month-form.tsx';
import './dashboard.css';

interface TeamReportSearch {
  team?: string;
  monat?: string;
}

/** /teamreport: the team report for the Auswertungsdialog (teamreport.read; own teams unless tenant scope). */
export const teamReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'teamreport',
  validateSearch: (search: Record<string, unknown>): TeamReportSearch => ({
    team: typeof search.team === 'string' ? search.team : undefined,
    monat: typeof search.monat === 'string' && /^\d{4}-\d{2}$/.test(search.monat) ? search.monat : undefined,
  }),
  beforeLoad: requirePermission('teamreport.read'),
  loader: ({ context }) => context.queryClient.fetchQuery(reportTeamsQuery),
  component: TeamReportPage,
});

type Cell = TeamReport['figures'][number]['team'];

/** A value or the suppression mark, which screen readers read out in words. */
function Shown({ cell, text }: { cell: Cell; text: (c: Cell) => string }) {
  if (!cell.suppressed) return <>{text(cell)}</>;
  return (
    <>
      <span aria-hidden="true">•</span>
      <span className="kern-sr-only">{t.dashboard.suppressed}</span>
    </>
  );
}

function TeamReportPage() {
  const { data: teams } = useSuspenseQuery(reportTeamsQuery);
  const search = teamReportRoute.useSearch();
  const navigate = teamReportRoute.useNavigate();
  const dataMonth = useQuery({ ...dataMonthQuery, enabled: !search.monat });
  const month = search.monat ?? dataMonth.data?.month ?? (dataMonth.isError ? lastCompleteMonth(todayIso()) : undefined);
  const teamId = search.team && teams.some((x) => x.id === search.team) ? search.team : teams[0]?.id;
  const [chosenTeam, setChosenTeam] = useState(teamId ?? '');
  const report = useQuery({ ...teamReportQuery(teamId ?? '', month ?? ''), enabled: !!teamId && !!month });
  if (!month)
    return (
      <div className="kern-stack-lg">
        <PageTitle title={t.dashboard.teamTitle} />
        <Loading />
      </div>
    );

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.dashboard.teamTitle} />
      <p className="kern-body no-print">{t.dashboard.teamIntro}</p>
      {!teams.length ? (
        <p className="kern-body">{t.dashboard.noTeams}</p>
      ) : (
        <MonthForm
          key={month}
          month={month}
          busy={report.isFetching}
          onSubmit={(m) => void navigate({ search: { team: chosenTeam, monat: m } })}
        >
          <SelectField
            label={t.dashboard.team}
            name="team"
            value={chosenTeam}
            onChange={(e) => setChosenTeam(e.currentTarget.value)}
          >
            {teams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </SelectField>
        </MonthForm>
      )}
      {report.isPending && teamId && <Loading />}
      {report.isError && <ErrorAlert error={report.error} />}
      {report.data && <ReportDocument report={report.data} />}
    </div>
  );
}

function ReportDocument({ report }: { report: TeamReport }) {
  const month = formatMonth(report.month);
  const name = report.team.name;
  const figureColumns: Column<TeamReport['figures'][number]>[] = [
    { header: t.dashboard.code, rowHeader: true, cell: (f) => f.code },
    { header: t.dashboard.name, cell: (f) => f.name },
    { header: t.dashboard.team, numeric: true, cell: (f) => <Shown cell={f.team} text={(c) => formatFigure(f.kind, c.value)} /> },
    {
      header: t.dashboard.jobcenter,
      numeric: true,
      cell: (f) => <Shown cell={f.jobcenter} text={(c) => formatFigure(f.kind, c.value)} />,
    },
    { header: t.dashboard.difference, numeric: true, cell: (f) => formatPoints(f.difference) },
  ];
  const structureText = (code: string, unit: 'count' | 'percent') => (c: Cell) =>
    unit === 'count'
      ? c.numerator === null
        ? t.common.none
        : formatCount(c.numerator)
      : code === 'households_change'
        ? formatChange(c.value)
        : formatPercent(c.value);
  const structureColumns: Column<TeamReport['structure'][number]>[] = [
    { header: t.dashboard.name, rowHeader: true, cell: (s) => s.name },
    { header: t.dashboard.team, numeric: true, cell: (s) => <Shown cell={s.team} text={structureText(s.code, s.unit)} /> },
    {
      header: t.dashboard.jobcenter,
      numeric: true,
      cell: (s) => <Shown cell={s.jobcenter} text={structureText(s.code, s.unit)} />,
    },
    {
      header: t.dashboard.perTeam,
      numeric: true,
      cell: (s) => (s.perTeam === null ? t.common.none : formatDecimal(Math.round(s.perTeam * 10) / 10)),
    },
  ];
  const count = (c: Cell) => (c.numerator === null ? t.common.none : formatCount(c.numerator));
  const share = (c: Cell) => formatPercent(c.value);
  const groupColumns: Column<TeamReport['groups'][number]>[] = [
    { header: t.dashboard.group, rowHeader: true, cell: (g) => g.label },
    { header: `${t.dashboard.team}: ${t.dashboard.count}`, numeric: true, cell: (g) => <Shown cell={g.team} text={count} /> },
    { header: `${t.dashboard.team}: ${t.dashboard.share}`, numeric: true, cell: (g) => <Shown cell={g.team} text={share} /> },
    {
      header: `${t.dashboard.jobcenter}: ${t.dashboard.count}`,
      numeric: true,
      cell: (g) => <Shown cell={g.jobcenter} text={count} />,
    },
    {
      header: `${t.dashboard.jobcenter}: ${t.dashboard.share}`,
      numeric: true,
      cell: (g) => <Shown cell={g.jobcenter} text={share} />,
    },
  ];
  return (
    <article className="kern-stack-lg print-document" aria-labelledby="report-heading">
      <div className="kern-stack">
        <h2 className="kern-heading-medium" id="report-heading">
          {t.dashboard.teamTitle}: {name}
          {report.provisional && (
            <span className="kern-badge kern-badge--warning provisional-badge">{t.dashboard.provisional}</span>
          )}
        </h2>
        <p className="kern-body">{t.dashboard.reportOf(name, report.team.siteName, month)}</p>
      </div>
      <div className="button-row no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t.dashboard.print}
        </Button>
        <a className="kern-btn kern-btn--secondary" href={teamReportExportUrl(report.team.id, report.month, 'csv')} download>
          <span className="kern-label">{t.dashboard.downloadCsv}</span>
        </a>
        <a className="kern-btn kern-btn--secondary" href={teamReportExportUrl(report.team.id, report.month, 'xlsx')} download>
          <span className="kern-label">{t.dashboard.downloadXlsx}</span>
        </a>
      </div>
      <DataTable
        caption={t.dashboard.teamFigures(name, month)}
        columns={figureColumns}
        rows={report.figures}
        rowKey={(f) => f.code}
      />
      <DataTable
        caption={t.dashboard.teamStructure(name, month)}
        columns={structureColumns}
        rows={report.structure}
        rowKey={(s) => s.code}
      />
      <DataTable
        caption={t.dashboard.teamGroups(name, month)}
        columns={groupColumns}
        rows={report.groups}
        rowKey={(g) => g.split}
      />
      <section aria-labelledby="footnotes-heading" className="footnotes">
        <h3 className="kern-heading-small" id="footnotes-heading">
          {t.dashboard.footnotes}
        </h3>
        <ul className="kern-list">
          {report.footnotes.map((f) => (
            <li key={f} className="kern-body kern-body--small">
              {f}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
