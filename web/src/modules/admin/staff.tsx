import { KernButton } from '@kern-ux-annex/kern-react-kit';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, notFound, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { Checkbox, CheckboxGroup, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { type ApiError, api, isApiError } from '../../lib/api.ts';
import { flash } from '../../lib/flash.ts';
import { roleLabel, t } from '../../lib/i18n.ts';
import { asArray, orgKeys, ROLES, type Staff, staffListQuery, staffQuery, type Team, teamsQuery } from './api.ts';
import { isUuid, orgAdminRoute } from './route.tsx';

const teamNames = (teams: Team[], ids: string[]) =>
  ids
    .map((id) => teams.find((team) => team.id === id)?.name)
    .filter(Boolean)
    .join(', ');

function statusText(s: Staff) {
  const parts: string[] = [s.active ? t.admin.statusActive : t.admin.statusInactive];
  if (s.active && s.mustChangePassword) parts.push(t.admin.statusMustChange);
  return parts.join(', ');
}

// ---------------------------------------------------------------- list

export const staffRoute = createRoute({
  getParentRoute: () => orgAdminRoute,
  path: 'mitarbeitende',
  loader: ({ context }) =>
    Promise.all([context.queryClient.fetchQuery(staffListQuery), context.queryClient.fetchQuery(teamsQuery)]),
  component: StaffPage,
});

function StaffPage() {
  const { data: staff } = useSuspenseQuery(staffListQuery);
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const columns: Column<Staff>[] = [
    {
      header: t.admin.displayName,
      rowHeader: true,
      cell: (s) => (
        <Link to="/verwaltung/mitarbeitende/$staffId" params={{ staffId: s.id }} className="kern-link">
          {s.displayName}
        </Link>
      ),
    },
    { header: t.admin.username, cell: (s) => s.username },
    { header: t.admin.roles, cell: (s) => s.roles.map(roleLabel).join(', ') },
    { header: t.admin.teamsField, cell: (s) => teamNames(teams, s.teamIds) || t.common.none },
    { header: t.admin.status, cell: statusText },
  ];
  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.admin.staffTitle} />
      <div>
        <ButtonLink to="/verwaltung/mitarbeitende/neu" variant="primary" icon="add">
          {t.admin.newStaff}
        </ButtonLink>
      </div>
      <DataTable
        caption={`${t.admin.staffTitle} (${t.common.count(staff.length)})`}
        columns={columns}
        rows={staff}
        rowKey={(s) => s.id}
        empty={t.admin.noStaff}
      />
    </div>
  );
}

// ---------------------------------------------------------------- form

interface StaffFormValues {
  username: string;
  displayName: string;
  email: string;
  roles: string[];
  teamIds: string[];
  active: boolean;
  version: number;
}

const staffLabels = {
  username: t.admin.username,
  displayName: t.admin.displayName,
  email: t.admin.email,
  roles: t.admin.roles,
  teamIds: t.admin.teamsField,
  active: t.admin.activeAccount,
};
const staffFields = ['username', 'displayName', 'email', 'roles', 'teamIds', 'active'] as const;

function StaffForm({
  teams,
  initial,
  editing,
  onSave,
  onReloadCurrent,
}: {
  teams: Team[];
  initial: StaffFormValues;
  editing: boolean;
  onSave: (values: StaffFormValues) => Promise<void>;
  onReloadCurrent?: () => Promise<StaffFormValues>;
}) {
  const [failure, setFailure] = useState<unknown>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<StaffFormValues>({ defaultValues: initial, shouldFocusError: false });
  const conflict = isApiError(failure) && (failure as ApiError).status === 409 ? (failure as ApiError) : undefined;

  const onSubmit = async (values: StaffFormValues) => {
    setFailure(undefined);
    try {
      await onSave({ ...values, roles: asArray(values.roles), teamIds: asArray(values.teamIds) });
    } catch (e) {
      if (!applyServerErrors(e, setError, staffFields)) setFailure(e);
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
      <ErrorSummary items={summaryItems(errors, staffLabels)} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        {!editing && (
          <TextField
            label={t.admin.username}
            hint={t.admin.usernameHint}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={errors.username?.message}
            {...register('username', { validate: (v) => !!v.trim() || t.form.requiredField(t.admin.username) })}
          />
        )}
        <TextField
          label={t.admin.displayName}
          autoComplete="off"
          error={errors.displayName?.message}
          {...register('displayName', { validate: (v) => !!v.trim() || t.form.requiredField(t.admin.displayName) })}
        />
        <TextField
          label={t.admin.email}
          type="email"
          autoComplete="off"
          optional
          error={errors.email?.message}
          {...register('email')}
        />
        <CheckboxGroup legend={t.admin.roles} name="roles" error={errors.roles?.message}>
          {ROLES.map((role) => (
            <Checkbox
              key={role}
              label={roleLabel(role)}
              value={role}
              {...register('roles', { validate: (v) => asArray(v).length > 0 || t.form.chooseAtLeastOne(t.admin.roles) })}
            />
          ))}
        </CheckboxGroup>
        <CheckboxGroup legend={t.admin.teamsField} name="teamIds" optional error={errors.teamIds?.message}>
          {teams.map((team) => (
            <Checkbox key={team.id} label={`${team.name} (${team.siteName})`} value={team.id} {...register('teamIds')} />
          ))}
        </CheckboxGroup>
        {editing && <Checkbox label={t.admin.activeAccount} hint={t.admin.activeAccountHint} {...register('active')} />}
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : editing ? t.common.save : t.common.create}
          </Button>
          <ButtonLink to="/verwaltung/mitarbeitende" variant="secondary">
            {t.common.cancel}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}

/** A password shown once (new account or reset), in a box that is easy to read and to copy. */
function OneTimePassword({ title, password, focus }: { title: string; password: string; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <div className="kern-alert kern-alert--info one-time-password" tabIndex={-1} ref={ref} role="status">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--info" aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">
          <code className="password" data-testid="einmal-passwort">
            {password}
          </code>
        </p>
        <p className="kern-body">{t.admin.initialPasswordText}</p>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- create

export const staffCreateRoute = createRoute({
  getParentRoute: () => orgAdminRoute,
  path: 'mitarbeitende/neu',
  loader: ({ context }) => context.queryClient.fetchQuery(teamsQuery),
  component: StaffCreatePage,
});

function StaffCreatePage() {
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ id: string; name: string; password: string }>();
  const [formKey, setFormKey] = useState(0);

  if (created)
    return (
      <div className="kern-stack-lg">
        <PageTitle title={t.admin.staffCreated(created.name)} />
        <OneTimePassword title={t.admin.initialPasswordTitle} password={created.password} />
        <div className="button-row">
          <ButtonLink to="/verwaltung/mitarbeitende" variant="primary">
            {t.admin.toList(t.admin.staffTitle)}
          </ButtonLink>
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(undefined);
              setFormKey((k) => k + 1);
            }}
          >
            {t.admin.anotherStaff}
          </Button>
        </div>
      </div>
    );

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.admin.newStaff} />
      <StaffForm
        key={formKey}
        teams={teams.filter((team) => team.active)}
        editing={false}
        initial={{ username: '', displayName: '', email: '', roles: [], teamIds: [], active: true, version: 0 }}
        onSave={async (v) => {
          const res = await api.post<{ id: string; initialPassword: string }>('/api/org/staff', {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            email: v.email.trim() || null,
            roles: v.roles,
            teamIds: v.teamIds,
          });
          await queryClient.invalidateQueries({ queryKey: orgKeys.all });
          setCreated({ id: res.id, name: v.displayName.trim(), password: res.initialPassword });
        }}
      />
    </div>
  );
}

// ---------------------------------------------------------------- edit

export const staffEditRoute = createRoute({
  getParentRoute: () => orgAdminRoute,
  path: 'mitarbeitende/$staffId',
  loader: async ({ context, params }) => {
    if (!isUuid(params.staffId)) throw notFound();
    await Promise.all([context.queryClient.fetchQuery(teamsQuery), context.queryClient.fetchQuery(staffQuery(params.staffId))]);
  },
  component: StaffEditPage,
});

function StaffEditPage() {
  const { staffId } = staffEditRoute.useParams();
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const { data: person } = useSuspenseQuery(staffQuery(staffId));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toForm = (s: Staff): StaffFormValues => ({
    username: s.username,
    displayName: s.displayName,
    email: s.email ?? '',
    roles: s.roles,
    teamIds: s.teamIds,
    active: s.active,
    version: s.version,
  });
  // Inactive teams stay visible when the person still belongs to one.
  const teamChoices = teams.filter((team) => team.active || person.teamIds.includes(team.id));

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.admin.editStaff(person.displayName)} />
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t.admin.username}</dt>
          <dd className="kern-description-list-item__value">{person.username}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t.admin.status}</dt>
          <dd className="kern-description-list-item__value">{statusText(person)}</dd>
        </div>
      </dl>
      <StaffForm
        // A new version (e.g. after a password reset here) starts the form from the current record.
        key={person.version}
        teams={teamChoices}
        editing
        initial={toForm(person)}
        onSave={async (v) => {
          await api.patch(`/api/org/staff/${staffId}`, {
            displayName: v.displayName.trim(),
            email: v.email.trim() || null,
            roles: v.roles,
            teamIds: v.teamIds,
            active: v.active,
            version: v.version,
          });
          await queryClient.invalidateQueries({ queryKey: orgKeys.all });
          await navigate({ to: '/verwaltung/mitarbeitende', state: flash(t.common.saved) });
        }}
        onReloadCurrent={async () => toForm(await queryClient.fetchQuery({ ...staffQuery(staffId), staleTime: 0 }))}
      />
      <ResetPassword staffId={staffId} />
    </div>
  );
}

function ResetPassword({ staffId }: { staffId: string }) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [password, setPassword] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const confirmRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.focus();
  }, [step]);

  const doReset = async () => {
    setStep('busy');
    setFailure(undefined);
    try {
      const res = await api.post<{ password: string }>(`/api/org/staff/${staffId}/reset-password`);
      setPassword(res.password);
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
    } catch (e) {
      setFailure(e);
    } finally {
      setStep('idle');
    }
  };

  return (
    <section className="kern-stack" aria-labelledby="passwort-zuruecksetzen">
      <h2 id="passwort-zuruecksetzen" className="kern-heading-medium">
        {t.admin.resetPassword}
      </h2>
      {failure !== undefined && <ErrorAlert error={failure} />}
      {password && <OneTimePassword title={t.admin.newPasswordTitle} password={password} focus />}
      {step === 'confirm' ? (
        <div className="kern-stack confirm-box">
          <p className="kern-body" tabIndex={-1} ref={confirmRef}>
            {t.admin.resetConfirm}
          </p>
          <div className="button-row">
            <KernButton text={t.admin.resetYes} variant="primary" onClick={doReset} />
            <KernButton text={t.common.cancel} variant="secondary" onClick={() => setStep('idle')} />
          </div>
        </div>
      ) : (
        <div>
          <Button variant="secondary" busy={step === 'busy'} onClick={() => setStep('confirm')}>
            {t.admin.resetPassword}
          </Button>
        </div>
      )}
    </section>
  );
}
