import { useQuery } from '@tanstack/react-query';
import { createRoute, Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { type SearchHit, searchQuery } from './api.ts';

// The search text may be a name: it never goes into the address (no social data in URLs), only into the
// history entry's state, so that "back" from a person's page shows the same results again.
declare module '@tanstack/history' {
  interface HistoryState {
    personSearch?: string;
  }
}

export const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'personen',
  beforeLoad: requirePermission('person.read'),
  component: SearchPage,
});

const columns: Column<SearchHit>[] = [
  {
    header: t.people.familyName,
    rowHeader: true,
    cell: (p) => (
      <Link to="/personen/$personId" params={{ personId: p.id }} className="kern-link">
        {p.familyName}
      </Link>
    ),
  },
  { header: t.people.givenNames, cell: (p) => p.givenNames },
  { header: t.people.birthDate, cell: (p) => formatDate(p.birthDate) },
  { header: t.people.customerNumber, cell: (p) => p.customerNumber },
  { header: t.people.householdNumber, cell: (p) => p.householdNumber ?? t.common.none },
  { header: t.people.team, cell: (p) => p.teamName ?? t.common.none },
];

function SearchPage() {
  const { session } = searchRoute.useRouteContext();
  const navigate = useNavigate();
  const remembered = useRouterState({ select: (s) => s.location.state.personSearch }) ?? '';
  const [query, setQuery] = useState(remembered);
  const {
    register,
    handleSubmit,
    formState: { errors, submitCount },
  } = useForm<{ q: string }>({ defaultValues: { q: remembered }, shouldFocusError: false });
  const results = useQuery({ ...searchQuery(query), enabled: query !== '' });

  const onSubmit = async ({ q }: { q: string }) => {
    const text = q.trim();
    if (text === query) void results.refetch();
    setQuery(text);
    await navigate({ to: '/personen', state: { personSearch: text }, replace: true });
  };

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.people.searchTitle} />
      {(can(session, 'person.write') || can(session, 'benefit.write')) && (
        <div className="button-row">
          {can(session, 'person.write') && (
            <ButtonLink to="/personen/neu" variant="secondary" icon="add">
              {t.people.newPerson}
            </ButtonLink>
          )}
          {can(session, 'benefit.write') && (
            <ButtonLink to="/bedarfsgemeinschaften/neu" variant="secondary" icon="add">
              {t.people.newHousehold}
            </ButtonLink>
          )}
        </div>
      )}
      <ErrorSummary items={summaryItems(errors, { q: t.people.searchLabel })} focusKey={submitCount} />
      <search>
        <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
          <TextField
            label={t.people.searchLabel}
            hint={t.people.searchHint}
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            error={errors.q?.message}
            {...register('q', { validate: (v) => !!v.trim() || t.people.searchMissing })}
          />
          <div>
            <Button type="submit" icon="search" busy={results.isFetching}>
              {t.common.search}
            </Button>
          </div>
        </form>
      </search>
      <div className="kern-stack">
        <p className="kern-body" role="status">
          {query && results.data ? `${t.people.searchResults}: ${t.people.hits(results.data.length)}` : ''}
        </p>
        {query && results.isPending && <Loading label={t.people.searching} />}
        {results.isError && <ErrorAlert error={results.error} />}
        {query && results.data && (
          <DataTable
            caption={`${t.people.searchResults} (${t.people.hits(results.data.length)})`}
            captionHidden
            columns={columns}
            rows={results.data}
            rowKey={(p) => p.id}
            empty={t.people.noHits}
          />
        )}
      </div>
    </div>
  );
}
