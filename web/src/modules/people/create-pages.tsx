import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { type UseFormRegister, useForm } from 'react-hook-form';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import type { Session } from '../../app/session.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/dates.ts';
import { flash } from '../../lib/flash.ts';
import { t } from '../../lib/i18n.ts';
import { type Team, teamQuery, teamsQuery } from '../admin/api.ts';
import { householdQuery, isUuid, peopleKeys } from './api.ts';
import { applyMappedErrors } from './feedback.tsx';
import { MEMBERSHIP_ROLES, roleLabel } from './labels.ts';
import { emptyPerson, PERSON_FIELDS, PERSON_LABELS, PersonFields, type PersonFieldValues, personBody } from './person-fields.tsx';

/** The caller's own active teams (person.write and benefit.write are team-scoped). */
const ownTeams = (teams: Team[], session: Session) => teams.filter((x) => x.active && session.teamIds.includes(x.id));

// ---------------------------------------------------------------- person

export const personCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'personen/neu',
  beforeLoad: requirePermission('person.write'),
  // only the household's id (no social data) may travel in the address
  validateSearch: (search: Record<string, unknown>): { bg?: string } =>
    typeof search.bg === 'string' && isUuid(search.bg) ? { bg: search.bg } : {},
  loaderDeps: ({ search }) => ({ bg: search.bg }),
  loader: async ({ context, deps }) => {
    await Promise.all([
      context.queryClient.fetchQuery(teamsQuery),
      deps.bg ? context.queryClient.fetchQuery(householdQuery(deps.bg)) : undefined,
    ]);
  },
  component: PersonCreatePage,
});

type PersonCreateValues = PersonFieldValues & { teamId: string; role: string; memberFrom: string };

function PersonCreatePage() {
  const { session } = personCreateRoute.useRouteContext();
  const { bg } = personCreateRoute.useSearch();
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const household = useQuery({ ...householdQuery(bg ?? ''), enabled: !!bg });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<unknown>();
  const choices = ownTeams(teams, session);
  const preselected = household.data && choices.some((x) => x.id === household.data.teamId) ? household.data.teamId : undefined;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PersonCreateValues>({
    defaultValues: {
      ...emptyPerson,
      teamId: preselected ?? (choices.length === 1 ? (choices[0]?.id ?? '') : ''),
      role: '',
      memberFrom: todayIso(),
    },
    shouldFocusError: false,
  });
  const labels = {
    ...PERSON_LABELS,
    teamId: t.people.team,
    ...(bg ? { role: t.people.role, memberFrom: t.people.memberFrom } : {}),
  };

  const onSubmit = async (v: PersonCreateValues) => {
    setFailure(undefined);
    try {
      const { id } = await api.post<{ id: string }>('/api/people/persons', {
        ...personBody(v),
        teamId: v.teamId,
        ...(bg ? { householdId: bg, role: v.role, memberFrom: v.memberFrom } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      await navigate({ to: '/personen/$personId', params: { personId: id }, state: flash(t.people.personCreated) });
    } catch (e) {
      const map: Record<string, keyof PersonCreateValues> = Object.fromEntries(PERSON_FIELDS.map((f) => [f, f]));
      Object.assign(map, { teamId: 'teamId', role: 'role', memberFrom: 'memberFrom', validFrom: 'memberFrom' });
      if (!applyMappedErrors(e, setError, map)) setFailure(e);
    }
  };

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.people.newPersonTitle} />
      {household.data && <p className="kern-body">{t.people.newPersonInHousehold(household.data.number)}</p>}
      {failure !== undefined && <ErrorAlert error={failure} />}
      <ErrorSummary items={summaryItems(errors, labels)} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        <SelectField
          label={t.people.team}
          hint={t.people.teamHint}
          error={errors.teamId?.message}
          {...register('teamId', { required: t.form.requiredField(t.people.team) })}
        >
          <option value="">{t.common.pleaseChoose}</option>
          {choices.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
        <PersonFields register={register as unknown as UseFormRegister<PersonFieldValues>} errors={errors} />
        {bg && (
          <>
            <SelectField
              label={t.people.role}
              error={errors.role?.message}
              {...register('role', { required: t.form.requiredField(t.people.role) })}
            >
              <option value="">{t.common.pleaseChoose}</option>
              {MEMBERSHIP_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t.people.memberFrom}
              type="date"
              error={errors.memberFrom?.message}
              {...register('memberFrom', { required: t.form.requiredField(t.people.memberFrom) })}
            />
          </>
        )}
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : t.common.create}
          </Button>
          {bg ? (
            <ButtonLink to="/bedarfsgemeinschaften/$householdId" params={{ householdId: bg }} variant="secondary">
              {t.common.cancel}
            </ButtonLink>
          ) : (
            <ButtonLink to="/personen" variant="secondary">
              {t.common.cancel}
            </ButtonLink>
          )}
        </div>
      </form>
    </div>
  );
}

// ---------------------------------------------------------------- household

export const householdCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'bedarfsgemeinschaften/neu',
  beforeLoad: requirePermission('benefit.write'),
  loader: ({ context }) => context.queryClient.fetchQuery(teamsQuery),
  component: HouseholdCreatePage,
});

interface HouseholdValues {
  number: string;
  teamId: string;
  caseworkerId: string;
  benefitOfficerId: string;
}
const householdLabels = {
  number: t.people.householdNumber,
  teamId: t.people.team,
  caseworkerId: t.people.caseworker,
  benefitOfficerId: t.people.benefitOfficer,
};

function HouseholdCreatePage() {
  const { session } = householdCreateRoute.useRouteContext();
  const { data: teams } = useSuspenseQuery(teamsQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<unknown>();
  const choices = ownTeams(teams, session);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    getValues,
    setValue,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<HouseholdValues>({
    defaultValues: {
      number: '',
      teamId: choices.length === 1 ? (choices[0]?.id ?? '') : '',
      caseworkerId: '',
      benefitOfficerId: '',
    },
    shouldFocusError: false,
  });
  const teamId = watch('teamId');
  const team = useQuery({ ...teamQuery(teamId), enabled: isUuid(teamId) }).data;
  const members = team?.members ?? [];
  const caseworkers = members.filter((m) => m.roles.includes('pap') || m.roles.includes('fallmanagement'));
  const officers = members.filter((m) => m.roles.includes('leistung'));
  // The choices follow the team: a choice that is no longer offered is cleared; benefit staff are
  // proposed as the household's benefit officer the first time their own team's list arrives.
  const proposed = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another team's members arrive
  useEffect(() => {
    if (!team) return;
    const keep = (field: 'caseworkerId' | 'benefitOfficerId', list: { id: string }[]) => {
      const v = getValues(field);
      if (v && !list.some((m) => m.id === v)) setValue(field, '');
    };
    keep('caseworkerId', caseworkers);
    keep('benefitOfficerId', officers);
    if (!proposed.current && !getValues('benefitOfficerId') && officers.some((m) => m.id === session.staffId)) {
      proposed.current = true;
      setValue('benefitOfficerId', session.staffId);
    }
  }, [team]);

  const onSubmit = async (v: HouseholdValues) => {
    setFailure(undefined);
    try {
      const number = v.number.trim().toUpperCase();
      const { id } = await api.post<{ id: string }>('/api/people/households', {
        number,
        teamId: v.teamId,
        caseworkerId: v.caseworkerId || null,
        benefitOfficerId: v.benefitOfficerId || null,
      });
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      await navigate({
        to: '/bedarfsgemeinschaften/$householdId',
        params: { householdId: id },
        state: flash(t.people.householdCreated(number)),
      });
    } catch (e) {
      if (
        !applyMappedErrors(e, setError, {
          number: 'number',
          teamId: 'teamId',
          caseworkerId: 'caseworkerId',
          benefitOfficerId: 'benefitOfficerId',
        })
      )
        setFailure(e);
    }
  };

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.people.newHouseholdTitle} />
      {failure !== undefined && <ErrorAlert error={failure} />}
      <ErrorSummary items={summaryItems(errors, householdLabels)} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField
          label={t.people.householdNumber}
          hint={t.people.householdNumberHint}
          autoComplete="off"
          spellCheck={false}
          error={errors.number?.message}
          {...register('number', { validate: (v) => !!v.trim() || t.form.requiredField(t.people.householdNumber) })}
        />
        <SelectField
          label={t.people.team}
          error={errors.teamId?.message}
          {...register('teamId', { required: t.form.requiredField(t.people.team) })}
        >
          <option value="">{t.common.pleaseChoose}</option>
          {choices.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t.people.caseworker} optional error={errors.caseworkerId?.message} {...register('caseworkerId')}>
          <option value="">{teamId ? t.people.unassigned : t.people.chooseTeamFirst}</option>
          {caseworkers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.people.benefitOfficer}
          optional
          error={errors.benefitOfficerId?.message}
          {...register('benefitOfficerId')}
        >
          <option value="">{teamId ? t.people.unassigned : t.people.chooseTeamFirst}</option>
          {officers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : t.common.create}
          </Button>
          <ButtonLink to="/personen" variant="secondary">
            {t.common.cancel}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
