import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, t } from '../../lib/i18n.ts';

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'protokoll',
  beforeLoad: requirePermission('audit.read'),
  component: AuditPage,
});

interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  purpose: string | null;
  requestId: string | null;
  outcome: string;
}

interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBad?: { tenantId: string; seq: number; reason: string };
}

interface Filters {
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  outcome: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actorId: '', action: '', entityType: '', entityId: '', outcome: '', from: '', to: '' };
const PAGE = 50;
const SYSTEM_ACTOR = '00000000-0000-0000-0000-000000000000';
/** Suggestions for the action field (the field takes any action name). */
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.change_password',
  'audit.search',
  'site.create',
  'team.create',
  'team.update',
  'staff.create',
  'staff.update',
  'staff.read',
  'staff.list',
  'staff.reset_password',
  'tenant.create',
];

const labels = {
  actorId: t.audit.actor,
  action: t.audit.action,
  entityType: t.audit.entityType,
  entityId: t.audit.entityId,
  outcome: t.audit.outcome,
  from: t.audit.from,
  to: t.audit.to,
};

/** Local calendar day → ISO instant: start of `from`, end of `to`. */
const dayStart = (d: string) => new Date(`${d}T00:00:00`).toISOString();
const dayEnd = (d: string) => new Date(new Date(`${d}T00:00:00`).getTime() + 86_400_000 - 1).toISOString();

function AuditPage() {
  const { session } = auditRoute.useRouteContext();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const staff = useQuery({
    queryKey: ['org', 'staff'],
    queryFn: () => api.get<{ id: string; displayName: string; username: string }[]>('/api/org/staff'),
    enabled: can(session, 'staff.read'),
  });
  const names = new Map((staff.data ?? []).map((s) => [s.id, s.displayName]));
  names.set(SYSTEM_ACTOR, t.audit.system);

  const entries = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditEntry[]>(
        '/api/audit',
        {
          actorId: filters.actorId,
          action: filters.action.trim(),
          entityType: filters.entityType.trim(),
          entityId: filters.entityId.trim(),
          outcome: filters.outcome,
          from: filters.from && dayStart(filters.from),
          to: filters.to && dayEnd(filters.to),
          beforeSeq: pageParam,
          limit: PAGE,
        },
        { signal },
      ),
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1]?.seq : undefined),
    staleTime: 0,
  });
  const rows = entries.data?.pages.flat() ?? [];
  // "Suchen" with unchanged filters still searches again: the log grows while the page is open.
  const submit = (values: Filters) => {
    if (JSON.stringify(values) === JSON.stringify(filters)) void entries.refetch();
    else setFilters(values);
  };

  const verify = useMutation({ mutationFn: () => api.get<VerifyResult>('/api/audit/verify') });

  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, submitCount },
  } = useForm<Filters>({ defaultValues: EMPTY, shouldFocusError: false });

  const columns: Column<AuditEntry>[] = [
    { header: t.audit.seq, numeric: true, cell: (e) => e.seq.toLocaleString('de-DE') },
    { header: t.audit.at, cell: (e) => formatDateTime(e.at) },
    {
      header: t.audit.actor,
      cell: (e) => (e.actorId ? (names.get(e.actorId) ?? <span className="mono">{e.actorId}</span>) : t.common.none),
    },
    { header: t.audit.action, cell: (e) => <span className="mono">{e.action}</span> },
    { header: t.audit.entityType, cell: (e) => e.entityType },
    { header: t.audit.entityId, cell: (e) => (e.entityId ? <span className="mono">{e.entityId}</span> : t.common.none) },
    { header: t.audit.outcome, cell: (e) => t.audit.outcomes[e.outcome] ?? e.outcome },
    { header: t.audit.purpose, cell: (e) => e.purpose ?? t.common.none },
  ];

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.audit.title} />
      <p className="kern-body">{t.audit.intro}</p>

      <section className="kern-stack" aria-labelledby="kette">
        <h2 id="kette" className="kern-heading-medium">
          {t.audit.chainHeading}
        </h2>
        <div>
          <Button variant="secondary" busy={verify.isPending} onClick={() => verify.mutate()}>
            {verify.isPending ? t.audit.verifying : t.audit.verify}
          </Button>
        </div>
        <div aria-live="polite">
          {verify.data?.ok === true && (
            <Alert variant="success" title={t.audit.verifyOk}>
              <p className="kern-body">{t.audit.verifyOkText(verify.data.checked)}</p>
            </Alert>
          )}
          {verify.data?.ok === false && (
            <Alert variant="danger" title={t.audit.verifyBad}>
              <p className="kern-body">
                {t.audit.verifyBadText(verify.data.firstBad?.seq ?? 0, verify.data.firstBad?.reason ?? '', verify.data.checked)}
              </p>
            </Alert>
          )}
        </div>
        {verify.isError && <ErrorAlert error={verify.error} />}
      </section>

      <section className="kern-stack" aria-labelledby="suche">
        <h2 id="suche" className="kern-heading-medium">
          {t.audit.filters}
        </h2>
        <p className="kern-body">{t.audit.filtersHint}</p>
        <ErrorSummary items={summaryItems(errors, labels)} focusKey={submitCount} />
        <search>
          <form className="kern-stack" onSubmit={handleSubmit(submit)} noValidate>
            <div className="filter-grid">
              <SelectField label={t.audit.actor} optional quiet {...register('actorId')}>
                <option value="">{t.audit.anyActor}</option>
                <option value={SYSTEM_ACTOR}>{t.audit.system}</option>
                {(staff.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName} ({s.username})
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t.audit.action}
                hint={t.audit.actionHint}
                optional
                quiet
                list="bekannte-aktionen"
                autoComplete="off"
                {...register('action')}
              />
              <datalist id="bekannte-aktionen">
                {KNOWN_ACTIONS.map((a) => (
                  <option key={a} value={a} />
                ))}
              </datalist>
              <TextField
                label={t.audit.entityType}
                hint={t.audit.entityTypeHint}
                optional
                quiet
                autoComplete="off"
                {...register('entityType')}
              />
              <TextField
                label={t.audit.entityId}
                optional
                quiet
                autoComplete="off"
                spellCheck={false}
                {...register('entityId')}
              />
              <SelectField label={t.audit.outcome} optional quiet {...register('outcome')}>
                <option value="">{t.common.all}</option>
                {Object.entries(t.audit.outcomes).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </SelectField>
              <TextField label={t.audit.from} type="date" optional quiet error={errors.from?.message} {...register('from')} />
              <TextField
                label={t.audit.to}
                type="date"
                optional
                quiet
                error={errors.to?.message}
                {...register('to', { validate: (to, all) => !to || !all.from || to >= all.from || t.audit.toBeforeFrom })}
              />
            </div>
            <div className="button-row">
              <Button type="submit" icon="search">
                {t.common.search}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  reset(EMPTY);
                  setFilters(EMPTY);
                }}
              >
                {t.audit.resetFilters}
              </Button>
            </div>
          </form>
        </search>
      </section>

      <section className="kern-stack" aria-labelledby="treffer">
        <h2 id="treffer" className="kern-heading-medium">
          {t.audit.results}
        </h2>
        {entries.isPending ? (
          <Loading />
        ) : entries.isError ? (
          <ErrorAlert error={entries.error} />
        ) : (
          <>
            <p className="kern-body" aria-live="polite">
              {rows.length ? t.audit.shown(rows.length, entries.hasNextPage) : ''}
            </p>
            <DataTable
              caption={t.audit.tableCaption}
              captionHidden
              columns={columns}
              rows={rows}
              rowKey={(e) => String(e.seq)}
              empty={t.audit.noResults}
            />
            {entries.hasNextPage && (
              <div>
                <Button variant="secondary" busy={entries.isFetchingNextPage} onClick={() => entries.fetchNextPage()}>
                  {entries.isFetchingNextPage ? t.common.loading : t.audit.more}
                </Button>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
