import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, notFound, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { Checkbox, SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { type ApiError, api, isApiError } from '../../lib/api.ts';
import { flash } from '../../lib/flash.ts';
import { roleLabel, t, teamKindLabel } from '../../lib/i18n.ts';
import { orgKeys, type Site, sitesQuery, TEAM_KINDS, type Team, teamQuery, teamsQuery } from './api.ts';
import { isUuid, orgAdminRoute } from './route.tsx';

// ---------------------------------------------------------------- list

export const teamsRoute = createRoute({
  getParentRoute: () => orgAdminRoute,
  path: 'teams',
  loader: ({ context }) => Promise.all([context.queryClient.fetchQuery(teamsQuery), context.queryClient.fetchQuery(sitesQuery)]),
  component: TeamsPage,
});

const teamColumns: Column<Team>[] = [
  {
    header: t.admin.teamName,
    rowHeader: true,
    cell: (team) => (
      <Link to="/verwaltung/teams/$teamId" params={{ teamId: team.id }} className="kern-link">
        {team.name}
      </Link>
    ),
  },
  { header: t.admin.site, cell: (team) => team.siteName },
  { header: t.admin.kind, cell: (team) => teamKindLabel(team.kind) },
  { header: t.admin.members, numeric: true, cell: (team) => team.memberCount.toLocaleString('de-DE') },
  { header: t.admin.status, cell: (team) => (team.active ? t.admin.statusActive : t.admin.inactive) },
];

function TeamsPage() {
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const { data: sites } = useSuspenseQuery(sitesQuery);
  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.admin.teamsTitle} />
      <div>
        <ButtonLink to="/verwaltung/teams/neu" variant="primary" icon="add">
          {t.admin.newTeam}
        </ButtonLink>
      </div>
      <DataTable
        caption={`${t.admin.teamsTitle} (${t.common.count(teams.length)})`}
        columns={teamColumns}
        rows={teams}
        rowKey={(team) => team.id}
        empty={t.admin.noTeams}
      />
      <SitesSection sites={sites} teams={teams} />
    </div>
  );
}

/** The Jobcenter's sites (Standorte) with their number of teams, and a form for a new one. */
function SitesSection({ sites, teams }: { sites: Site[]; teams: Team[] }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ name: string }>({ defaultValues: { name: '' }, shouldFocusError: false });
  const onSubmit = async ({ name }: { name: string }) => {
    setFailure(undefined);
    setDone(undefined);
    try {
      await api.post('/api/org/sites', { name: name.trim() });
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      reset({ name: '' });
      setDone(t.admin.siteCreated(name.trim()));
    } catch (e) {
      if (!applyServerErrors(e, setError, ['name'])) setFailure(e);
    }
  };
  return (
    <section className="kern-stack" aria-labelledby="standorte">
      <h2 id="standorte" className="kern-heading-medium">
        {t.admin.sitesTitle}
      </h2>
      <DataTable
        caption={`${t.admin.sitesTitle} (${t.common.count(sites.length)})`}
        captionHidden
        columns={[
          { header: t.admin.siteName, rowHeader: true, cell: (s: Site) => s.name },
          {
            header: t.admin.siteTeams,
            numeric: true,
            cell: (s: Site) => teams.filter((team) => team.siteId === s.id).length.toLocaleString('de-DE'),
          },
        ]}
        rows={sites}
        rowKey={(s) => s.id}
        empty={t.admin.noTeams}
      />
      {done && <Alert variant="success" title={done} live="polite" />}
      {failure !== undefined && <ErrorAlert error={failure} />}
      <ErrorSummary items={summaryItems(errors, { name: t.admin.siteName })} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t.admin.newSite}>
        <TextField
          label={t.admin.siteName}
          autoComplete="off"
          error={errors.name?.message}
          {...register('name', { validate: (v) => !!v.trim() || t.form.requiredField(t.admin.siteName) })}
        />
        <div>
          <Button type="submit" busy={isSubmitting}>
            {t.admin.newSite}
          </Button>
        </div>
      </form>
    </section>
  );
}

// ---------------------------------------------------------------- form

interface TeamFormValues {
  name: string;
  siteId: string;
  kind: string;
  active: boolean;
  /** The version the form was loaded from; sent with the change (optimistic concurrency). */
  version: number;
}

const teamLabels = { name: t.admin.teamName, siteId: t.admin.site, kind: t.admin.kind, active: t.admin.activeTeam };

function TeamForm({
  sites,
  initial,
  editing,
  onSave,
  onReloadCurrent,
}: {
  sites: Site[];
  initial: TeamFormValues;
  editing: boolean;
  onSave: (values: TeamFormValues) => Promise<void>;
  /** Loads the current record after a conflict and returns it as form values. */
  onReloadCurrent?: () => Promise<TeamFormValues>;
}) {
  const [failure, setFailure] = useState<unknown>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<TeamFormValues>({ defaultValues: initial, shouldFocusError: false });
  const conflict = isApiError(failure) && (failure as ApiError).status === 409 ? (failure as ApiError) : undefined;

  const onSubmit = async (values: TeamFormValues) => {
    setFailure(undefined);
    try {
      await onSave(values);
    } catch (e) {
      // Keep what the person typed: no reset here, whatever went wrong.
      if (!applyServerErrors(e, setError, ['name', 'siteId', 'kind', 'active'])) setFailure(e);
    }
  };

  return (
    <div className="kern-stack-lg">
      {conflict ? (
        <Alert variant="danger" title={t.errors.conflictTitle} live="assertive">
          <p className="kern-body">{conflict.detail}</p>
          <p className="kern-body">{t.errors.conflictKeep}</p>
          {onReloadCurrent && (
            <div>
              <Button
                variant="secondary"
                onClick={async () => {
                  reset(await onReloadCurrent());
                  setFailure(undefined);
                }}
              >
                {t.errors.loadCurrent}
              </Button>
            </div>
          )}
        </Alert>
      ) : (
        failure !== undefined && <ErrorAlert error={failure} />
      )}
      <ErrorSummary items={summaryItems(errors, teamLabels)} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField
          label={t.admin.teamName}
          autoComplete="off"
          error={errors.name?.message}
          {...register('name', { validate: (v) => !!v.trim() || t.form.requiredField(t.admin.teamName) })}
        />
        <SelectField
          label={t.admin.site}
          error={errors.siteId?.message}
          {...register('siteId', { required: t.form.requiredField(t.admin.site) })}
        >
          <option value="">{t.common.pleaseChoose}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.admin.kind}
          error={errors.kind?.message}
          {...register('kind', { required: t.form.requiredField(t.admin.kind) })}
        >
          <option value="">{t.common.pleaseChoose}</option>
          {TEAM_KINDS.map((k) => (
            <option key={k} value={k}>
              {teamKindLabel(k)}
            </option>
          ))}
        </SelectField>
        {editing && <Checkbox label={t.admin.activeTeam} {...register('active')} />}
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : editing ? t.common.save : t.common.create}
          </Button>
          <ButtonLink to="/verwaltung/teams" variant="secondary">
            {t.common.cancel}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}

// ---------------------------------------------------------------- create

export const teamCreateRoute = createRoute({
  getParentRoute: () => orgAdminRoute,
  path: 'teams/neu',
  loader: ({ context }) => context.queryClient.fetchQuery(sitesQuery),
  component: TeamCreatePage,
});

function TeamCreatePage() {
  const { data: sites } = useSuspenseQuery(sitesQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.admin.newTeam} />
      <TeamForm
        sites={sites}
        editing={false}
        initial={{ name: '', siteId: sites.length === 1 ? (sites[0]?.id ?? '') : '', kind: '', active: true, version: 0 }}
        onSave={async ({ name, siteId, kind }) => {
          await api.post<{ id: string }>('/api/org/teams', { name: name.trim(), siteId, kind });
          await queryClient.invalidateQueries({ queryKey: orgKeys.all });
          await navigate({ to: '/verwaltung/teams', state: flash(t.admin.teamCreated(name.trim())) });
        }}
      />
    </div>
  );
}

// ---------------------------------------------------------------- edit

export const teamEditRoute = createRoute({
  getParentRoute: () => orgAdminRoute,
  path: 'teams/$teamId',
  loader: async ({ context, params }) => {
    if (!isUuid(params.teamId)) throw notFound();
    await Promise.all([context.queryClient.fetchQuery(sitesQuery), context.queryClient.fetchQuery(teamQuery(params.teamId))]);
  },
  component: TeamEditPage,
});

function TeamEditPage() {
  const { teamId } = teamEditRoute.useParams();
  const { data: sites } = useSuspenseQuery(sitesQuery);
  const { data: team } = useSuspenseQuery(teamQuery(teamId));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toForm = (x: Team): TeamFormValues => ({
    name: x.name,
    siteId: x.siteId,
    kind: x.kind,
    active: x.active,
    version: x.version,
  });

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.admin.editTeam(team.name)} />
      <TeamForm
        key={team.version}
        sites={sites}
        editing
        initial={toForm(team)}
        onSave={async (values) => {
          await api.patch(`/api/org/teams/${teamId}`, { ...values, name: values.name.trim() });
          await queryClient.invalidateQueries({ queryKey: orgKeys.all });
          await navigate({ to: '/verwaltung/teams', state: flash(t.common.saved) });
        }}
        onReloadCurrent={async () => toForm(await queryClient.fetchQuery({ ...teamQuery(teamId), staleTime: 0 }))}
      />
      <section className="kern-stack" aria-labelledby="mitglieder">
        <h2 id="mitglieder" className="kern-heading-medium">
          {t.admin.members}
        </h2>
        <DataTable
          caption={t.admin.members}
          captionHidden
          columns={[
            { header: t.admin.displayName, rowHeader: true, cell: (m) => m.displayName },
            { header: t.admin.roles, cell: (m) => m.roles.map(roleLabel).join(', ') },
          ]}
          rows={team.members}
          rowKey={(m) => m.id}
          empty={t.admin.noMembers}
        />
      </section>
    </div>
  );
}
