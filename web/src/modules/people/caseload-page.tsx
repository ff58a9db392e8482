import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { Button } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { Checkbox, CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { formatDate, todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { teamsQuery } from '../admin/api.ts';
import { CASELOAD_FILTERS, type CaseloadFilter, type CaseloadRow, caseloadQuery, fullName } from './api.ts';
import { statusValueLabel } from './labels.ts';

/** /fallbestand: a team's eLb on a day, filtered in the browser (one audited read per team and day). */
export const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'fallbestand',
  beforeLoad: requirePermission('person.read'),
  loader: ({ context }) => context.queryClient.fetchQuery(teamsQuery),
  component: CaseloadPage,
});

const columns: Column<CaseloadRow>[] = [
  {
    header: t.people.familyName,
    rowHeader: true,
    cell: (r) => (
      <Link to="/personen/$personId" params={{ personId: r.id }} className="kern-link">
        {fullName(r)}
      </Link>
    ),
  },
  { header: t.people.birthDate, cell: (r) => formatDate(r.birthDate) },
  { header: t.people.ageColumn, numeric: true, cell: (r) => String(r.age) },
  { header: t.people.customerNumber, cell: (r) => r.customerNumber },
  { header: t.people.householdNumber, cell: (r) => r.householdNumber ?? t.common.none },
  { header: t.people.caseworker, cell: (r) => r.caseworker ?? t.people.unassigned },
  {
    header: t.people.labourMarket,
    cell: (r) => (r.labourMarket ? statusValueLabel('labour_market', r.labourMarket) : t.common.none),
  },
  {
    header: t.people.features,
    cell: (r) =>
      CASELOAD_FILTERS.filter((f) => r.flags[f])
        .map((f) => t.people.filterShort[f])
        .join(', ') || t.common.none,
  },
];

interface Choice {
  teamId: string;
  day: string;
}

function CaseloadPage() {
  const { session } = caseloadRoute.useRouteContext();
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const own = teams.filter((x) => session.teamIds.includes(x.id));
  // Opening the page shows the first own team today; other teams and days on request.
  const [choice, setChoice] = useState<Choice | undefined>(own[0] ? { teamId: own[0].id, day: todayIso() } : undefined);
  const [filters, setFilters] = useState<CaseloadFilter[]>([]);
  const {
    register,
    handleSubmit,
    formState: { errors, submitCount },
  } = useForm<Choice>({ defaultValues: choice ?? { teamId: '', day: todayIso() }, shouldFocusError: false });
  const caseload = useQuery({ ...caseloadQuery(choice?.teamId ?? '', choice?.day ?? ''), enabled: !!choice });
  const teamName = own.find((x) => x.id === choice?.teamId)?.name ?? '';

  if (!own.length)
    return (
      <div className="kern-stack-lg">
        <PageTitle title={t.people.caseloadTitle} />
        <p className="kern-body">{t.people.noTeamsForCaseload}</p>
      </div>
    );

  const data = caseload.data;
  const rows = data ? data.rows.filter((r) => filters.every((f) => r.flags[f])) : [];
  const day = formatDate(data?.day ?? choice?.day);

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.people.caseloadTitle} />
      <p className="kern-body">{t.people.caseloadIntro}</p>
      <ErrorSummary items={summaryItems(errors, { teamId: t.people.team, day: t.people.day })} focusKey={submitCount} />
      <form
        className="filter-grid"
        noValidate
        onSubmit={handleSubmit((v) => {
          if (v.teamId === choice?.teamId && v.day === choice?.day) void caseload.refetch();
          setChoice(v);
        })}
      >
        <SelectField
          label={t.people.team}
          error={errors.teamId?.message}
          {...register('teamId', { required: t.form.requiredField(t.people.team) })}
        >
          {own.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t.people.day}
          type="date"
          error={errors.day?.message}
          {...register('day', { required: t.form.requiredField(t.people.day) })}
        />
        <div className="filter-grid__submit">
          <Button type="submit" busy={caseload.isFetching}>
            {t.people.show}
          </Button>
        </div>
      </form>
      <CheckboxGroup legend={t.people.filters} name="filter" hint={t.people.filtersHint} horizontal>
        {CASELOAD_FILTERS.map((f) => (
          <Checkbox
            key={f}
            name="filter"
            value={f}
            label={`${t.people.filterLabels[f]} (${(data?.counts[f] ?? 0).toLocaleString('de-DE')})`}
            checked={filters.includes(f)}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setFilters((list) => (on ? [...list, f] : list.filter((x) => x !== f)));
            }}
          />
        ))}
      </CheckboxGroup>
      <div className="kern-stack">
        <p className="kern-body" role="status">
          {data ? t.people.shownOf(rows.length, data.counts.total, teamName, day) : ''}
        </p>
        {caseload.isPending && choice && <Loading />}
        {caseload.isError && <ErrorAlert error={caseload.error} />}
        {data && (
          <DataTable
            caption={t.people.caseloadCaption(teamName, day)}
            captionHidden
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            empty={t.people.noCaseload}
          />
        )}
      </div>
    </div>
  );
}
