import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { MITARBEIT_REASON_LABELS } from '../../../../src/modules/planning/codes.ts';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { Button } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { withQuery } from '../../lib/api.ts';
import { formatDate, todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { teamsQuery } from '../admin/api.ts';
import { analysisQuery, mitarbeitQuery, personName } from './api.ts';

const p = t.planning;

/** /mitarbeit: the long-term recipients of one of the caller's teams, with their last MitArbeit review. */
export const mitarbeitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'mitarbeit',
  beforeLoad: requirePermission('planning.read'),
  loader: ({ context }) => context.queryClient.fetchQuery(teamsQuery),
  component: MitarbeitPage,
});

function MitarbeitPage() {
  const { session } = mitarbeitRoute.useRouteContext();
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const own = teams.filter((x) => session.teamIds.includes(x.id));
  const [teamId, setTeamId] = useState(own[0]?.id ?? '');
  const list = useQuery({ ...mitarbeitQuery(teamId), enabled: !!teamId });
  return (
    <div className="kern-stack-lg">
      <PageTitle title={p.mitarbeitTitle} />
      <p className="kern-body">{p.mitarbeitIntro}</p>
      {!own.length ? (
        <p className="kern-body">{p.noTeams}</p>
      ) : (
        <SelectField label={p.team} name="team" value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
          {own.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
      )}
      {list.isPending && teamId && <Loading />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <>
          <p className="kern-body" role="status">
            {p.reviewed(list.data.reviewed, list.data.rows.length)}
          </p>
          <DataTable
            caption={p.mitarbeitTitle}
            captionHidden
            rows={list.data.rows}
            rowKey={(r) => r.personId}
            columns={[
              {
                header: p.person,
                rowHeader: true,
                cell: (r) => (
                  <Link to="/personen/$personId/integrationsplanung" params={{ personId: r.personId }} className="kern-link">
                    {personName(r)}
                  </Link>
                ),
              },
              { header: p.customerNumber, cell: (r) => r.customerNumber },
              { header: p.age, numeric: true, cell: (r) => String(r.age) },
              {
                header: p.lastReview,
                cell: (r) =>
                  r.lastReview
                    ? `${formatDate(r.lastReview.reviewDate)}: ${r.lastReview.reasons.map((x) => MITARBEIT_REASON_LABELS[x]).join('; ')}`
                    : p.notReviewed,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}

/** /mitarbeit/auswertung: counts per reason and team (aggregates only), with a CSV export. */
export const analysisRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'mitarbeit/auswertung',
  beforeLoad: requirePermission('planning.analysis'),
  component: AnalysisPage,
});

function AnalysisPage() {
  const today = todayIso();
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const [range, setRange] = useState({ from: yearAgo, to: today });
  const [draft, setDraft] = useState(range);
  const result = useQuery(analysisQuery(range.from, range.to));
  const a = result.data;
  const reasonsShown = a ? a.reasons.filter((r) => a.total.counts[r] > 0) : [];
  return (
    <div className="kern-stack-lg">
      <PageTitle title={p.analysisTitle} />
      <p className="kern-body">{p.analysisIntro}</p>
      <form
        className="filter-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setRange(draft);
        }}
      >
        <TextField
          label={p.from}
          type="date"
          name="from"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
        <TextField
          label={p.to}
          type="date"
          name="to"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
        <div className="filter-grid__submit">
          <Button type="submit" busy={result.isFetching}>
            {p.show}
          </Button>
        </div>
      </form>
      {result.isPending && <Loading />}
      {result.isError && <ErrorAlert error={result.error} />}
      {a && (
        <>
          <DataTable
            caption={p.analysisCaption(formatDate(a.from), formatDate(a.to))}
            rows={[...a.teams, { teamId: 'gesamt', teamName: p.total, ...a.total }]}
            rowKey={(r) => r.teamId}
            columns={[
              { header: p.team, rowHeader: true, cell: (r) => r.teamName },
              { header: p.lzbToday, numeric: true, cell: (r) => r.longTermRecipients.toLocaleString('de-DE') },
              { header: p.reviewedCount, numeric: true, cell: (r) => r.reviewed.toLocaleString('de-DE') },
              ...reasonsShown.map((reason) => ({
                header: MITARBEIT_REASON_LABELS[reason],
                numeric: true,
                cell: (r: { counts: Record<string, number> }) => (r.counts[reason] ?? 0).toLocaleString('de-DE'),
              })),
            ]}
          />
          <p className="kern-body">
            <a
              className="kern-link"
              href={withQuery('/api/planning/mitarbeit/analysis.csv', { from: a.from, to: a.to })}
              download
            >
              {p.exportCsv}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
