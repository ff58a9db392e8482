import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { WAGE_BASIS_LABELS } from '../../../../src/modules/subsidies/codes.ts';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { type ApiError, api, isApiError } from '../../lib/api.ts';
import { todayIso } from '../../lib/dates.ts';
import { flash } from '../../lib/flash.ts';
import { t } from '../../lib/i18n.ts';
import { parseEuro } from '../../lib/money.ts';
import { personQuery } from '../people/api.ts';
import { applyMappedErrors } from '../people/feedback.tsx';
import { BASIS_LABELS, subsidyKeys } from './api.ts';
import { BudgetShortfall, EligibilityRefused } from './contract-create-alerts.tsx';
import { decimal } from './numbers.ts';

/**
 * /personen/$personId/foerderung/neu: a § 16i / § 16e contract for the person (subsidy.write). The
 * server checks eligibility on the start day (422 on `personId`, with each failed criterion) and
 * commits the schedule to the budget (409 when the free funds do not suffice); both answers offer
 * the reason field only to those whose role may override.
 */
export const contractCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'personen/$personId/foerderung/neu',
  beforeLoad: requirePermission('subsidy.write'),
  validateSearch: (s: Record<string, unknown>): { basis?: '16i' | '16e' } =>
    s.basis === '16i' || s.basis === '16e' ? { basis: s.basis } : {},
  component: ContractCreatePage,
});

interface ContractValues {
  basis: string;
  employer: string;
  startsOn: string;
  endsOnInclusive: string;
  weeklyHours: string;
  wageBasis: string;
  agreedHourly: string;
  patShare: string;
  eligibilityOverrideReason: string;
  budgetOverrideReason: string;
}

const LABELS: Record<keyof ContractValues, string> = {
  basis: 'Förderung',
  employer: 'Arbeitgeber',
  startsOn: 'Beginn',
  endsOnInclusive: 'Ende (letzter Tag)',
  weeklyHours: 'Wochenstunden',
  wageBasis: 'Lohngrundlage',
  agreedHourly: 'Tarif- oder gezahlter Stundenlohn in Euro',
  patShare: 'PAT-Anteil in Prozent',
  eligibilityOverrideReason: 'Begründung für die Förderung trotz fehlender Voraussetzungen',
  budgetOverrideReason: 'Begründung für die Überschreitung der freien Mittel',
};
const SERVER_FIELDS: Record<string, keyof ContractValues> = {
  ...(Object.fromEntries(Object.keys(LABELS).map((k) => [k, k])) as Record<string, keyof ContractValues>),
  agreedHourlyCents: 'agreedHourly',
  patShareBp: 'patShare',
};

function ContractCreatePage() {
  const { personId } = contractCreateRoute.useParams();
  const { basis } = contractCreateRoute.useSearch();
  const { session } = contractCreateRoute.useRouteContext();
  const person = useQuery(personQuery(personId));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [shortfall, setShortfall] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ContractValues>({
    defaultValues: {
      basis: basis ?? '16i',
      employer: '',
      startsOn: todayIso(),
      endsOnInclusive: '',
      weeklyHours: '',
      wageBasis: 'minimum_wage',
      agreedHourly: '',
      patShare: '0',
      eligibilityOverrideReason: '',
      budgetOverrideReason: '',
    },
    shouldFocusError: false,
  });
  const required = (field: keyof ContractValues) => ({
    validate: (x: string) => !!x.trim() || t.form.requiredField(LABELS[field]),
  });
  const agreed = watch('wageBasis') === 'agreed';
  const is16i = watch('basis') === '16i';
  const mayOverrideEligibility = !!refusal && can(session, 'subsidy.override');
  const mayOverrideBudget = !!shortfall && can(session, 'budget.override');

  const onSubmit = async (v: ContractValues) => {
    setFailure(undefined);
    const hours = decimal(v.weeklyHours);
    const wage = agreed ? parseEuro(v.agreedHourly) : null;
    const pat = is16i ? decimal(v.patShare || '0') : 0;
    let invalid = false;
    if (hours === null) {
      setError('weeklyHours', { message: 'Bitte die Wochenstunden als Zahl angeben, z. B. 39 oder 19,5.' });
      invalid = true;
    }
    if (wage && !wage.ok) {
      setError('agreedHourly', { message: wage.message });
      invalid = true;
    }
    if (pat === null) {
      setError('patShare', { message: 'Bitte den PAT-Anteil als Zahl in Prozent angeben, z. B. 25.' });
      invalid = true;
    }
    if (invalid) return;
    try {
      const { id } = await api.post<{ id: string }>('/api/subsidies/contracts', {
        personId,
        basis: v.basis,
        employer: v.employer.trim(),
        startsOn: v.startsOn,
        endsOnInclusive: v.endsOnInclusive,
        weeklyHours: hours,
        wageBasis: v.wageBasis,
        agreedHourlyCents: wage?.ok ? wage.cents : null,
        patShareBp: Math.round((pat ?? 0) * 100),
        ...(mayOverrideEligibility && { eligibilityOverrideReason: v.eligibilityOverrideReason }),
        ...(mayOverrideBudget && { budgetOverrideReason: v.budgetOverrideReason }),
      });
      await queryClient.invalidateQueries({ queryKey: subsidyKeys.all });
      await navigate({
        to: '/foerderung/$contractId',
        params: { contractId: id },
        state: flash('Der Fördervertrag wurde angelegt, die Mittel sind gebunden.'),
      });
    } catch (e) {
      const problem = isApiError(e) ? e : null;
      // eligibility is no field of the form: the failed criteria (422 on `personId`) get their own alert
      const eligibility = problem?.status === 422 ? problem.errors.filter((x) => x.field === 'personId') : [];
      // both stay once shown (with their reason fields), so a later answer does not drop the reason typed
      if (eligibility.length) setRefusal(problem);
      if (problem?.status === 409) setShortfall(problem.detail);
      if (eligibility.length || problem?.status === 409) return;
      if (!applyMappedErrors(e, setError, SERVER_FIELDS)) setFailure(e);
    }
  };

  return (
    <div className="kern-stack-lg">
      <PageTitle title="Fördervertrag anlegen">
        {person.data && (
          <p className="kern-body">{`${person.data.person.familyName}, ${person.data.person.givenNames} (Kundennummer ${person.data.person.customerNumber})`}</p>
        )}
      </PageTitle>
      {failure !== undefined && <ErrorAlert error={failure} />}
      <ErrorSummary items={summaryItems(errors, LABELS)} focusKey={submitCount} />
      {refusal && <EligibilityRefused error={refusal} personId={personId} canOverride={can(session, 'subsidy.override')} />}
      {shortfall && <BudgetShortfall detail={shortfall} canOverride={can(session, 'budget.override')} />}
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        <SelectField label={LABELS.basis} error={errors.basis?.message} {...register('basis', required('basis'))}>
          <option value="16i">{BASIS_LABELS['16i']}</option>
          <option value="16e">{BASIS_LABELS['16e']}</option>
        </SelectField>
        <TextField
          label={LABELS.employer}
          maxLength={200}
          error={errors.employer?.message}
          {...register('employer', required('employer'))}
        />
        <TextField
          label={LABELS.startsOn}
          type="date"
          error={errors.startsOn?.message}
          {...register('startsOn', required('startsOn'))}
        />
        <TextField
          label={LABELS.endsOnInclusive}
          type="date"
          hint="§ 16i: höchstens fünf Jahre, § 16e: zwei Jahre"
          error={errors.endsOnInclusive?.message}
          {...register('endsOnInclusive', required('endsOnInclusive'))}
        />
        <TextField
          label={LABELS.weeklyHours}
          inputMode="decimal"
          hint="z. B. 39 oder 19,5"
          error={errors.weeklyHours?.message}
          {...register('weeklyHours', required('weeklyHours'))}
        />
        <SelectField label={LABELS.wageBasis} error={errors.wageBasis?.message} {...register('wageBasis', required('wageBasis'))}>
          <option value="minimum_wage">{WAGE_BASIS_LABELS.minimum_wage}</option>
          <option value="agreed">{WAGE_BASIS_LABELS.agreed}</option>
        </SelectField>
        {agreed && (
          <TextField
            label={LABELS.agreedHourly}
            inputMode="decimal"
            hint="z. B. 14,50"
            error={errors.agreedHourly?.message}
            {...register('agreedHourly', required('agreedHourly'))}
          />
        )}
        {is16i && (
          <TextField
            label={LABELS.patShare}
            optional
            inputMode="decimal"
            hint="Anteil aus dem Passiv-Aktiv-Transfer, 0 bis 100"
            error={errors.patShare?.message}
            {...register('patShare')}
          />
        )}
        {mayOverrideEligibility && (
          <TextField
            label={LABELS.eligibilityOverrideReason}
            hint="mindestens 10 Zeichen; wird protokolliert"
            error={errors.eligibilityOverrideReason?.message}
            {...register('eligibilityOverrideReason', required('eligibilityOverrideReason'))}
          />
        )}
        {mayOverrideBudget && (
          <TextField
            label={LABELS.budgetOverrideReason}
            hint="mindestens 10 Zeichen; wird protokolliert"
            error={errors.budgetOverrideReason?.message}
            {...register('budgetOverrideReason', required('budgetOverrideReason'))}
          />
        )}
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting
              ? t.common.saving
              : mayOverrideEligibility || mayOverrideBudget
                ? 'Trotzdem anlegen'
                : 'Vertrag anlegen'}
          </Button>
          <ButtonLink to="/personen/$personId/foerderung" params={{ personId }} variant="secondary">
            {t.common.cancel}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
