import { useEffect, useRef, useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { Button } from '../../components/button.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { api } from '../../lib/api.ts';
import { t } from '../../lib/i18n.ts';
import { type HistoryKind, type PersonRecord, periodPath } from './api.ts';
import { SaveFailure } from './feedback.tsx';
import {
  EMPLOYMENT_KINDS,
  employmentKindLabel,
  hoursText,
  STATUS_KINDS,
  STATUS_VALUES,
  statusKindLabel,
  statusValueLabel,
} from './labels.ts';

/** One form for the four kinds of period; the fields shown depend on the kind. Names match the API's. */
export interface PeriodValues {
  validFrom: string;
  validUntil: string;
  kind: string;
  value: string;
  detail: string;
  weeklyHours: string;
  employer: string;
  teamId: string;
  /** A household's id, "other" for another Jobcenter, or "" (not chosen yet). */
  householdId: string;
  otherJobcenter: string;
  /** "ja" | "nein" | "" */
  employable: string;
  /** The person's version when the form was opened (optimistic concurrency). */
  personVersion: number;
}

type BenefitRow = PersonRecord['benefitPeriods'][number];
type StatusRow = PersonRecord['statusPeriods'][number];
type TeamRow = PersonRecord['teamAssignments'][number];
type EmploymentRow = PersonRecord['employments'][number];
export type PeriodRow = BenefitRow | StatusRow | TeamRow | EmploymentRow;

const OTHER = 'other';

const FIELDS: Record<HistoryKind, Path<PeriodValues>[]> = {
  benefit: ['householdId', 'otherJobcenter', 'employable', 'validFrom', 'validUntil'],
  status: ['kind', 'value', 'detail', 'validFrom', 'validUntil'],
  team: ['teamId', 'validFrom', 'validUntil'],
  employment: ['kind', 'validFrom', 'validUntil', 'weeklyHours', 'employer'],
};

const LABELS: Record<Path<PeriodValues>, string> = {
  validFrom: t.people.validFrom,
  validUntil: t.people.validUntil,
  kind: t.people.employmentKind,
  value: t.people.statusValue,
  detail: t.people.statusDetail,
  weeklyHours: t.people.weeklyHours,
  employer: t.people.employer,
  teamId: t.people.team,
  householdId: t.people.receiptIn,
  otherJobcenter: t.people.otherJobcenter,
  employable: t.people.employable,
  personVersion: '',
};

function labelsFor(kind: HistoryKind): Partial<Record<Path<PeriodValues>, string>> {
  const labels = kind === 'status' ? { ...LABELS, kind: t.people.statusKind } : LABELS;
  return Object.fromEntries(FIELDS[kind].map((f) => [f, labels[f]]));
}

export function toValues(kind: HistoryKind, personVersion: number, row?: PeriodRow): PeriodValues {
  const v: PeriodValues = {
    validFrom: row?.validFrom ?? '',
    validUntil: row?.validUntil ?? '',
    kind: '',
    value: '',
    detail: '',
    weeklyHours: '',
    employer: '',
    teamId: '',
    householdId: '',
    otherJobcenter: '',
    employable: '',
    personVersion,
  };
  if (!row) return v;
  if (kind === 'benefit') {
    const b = row as BenefitRow;
    v.householdId = b.otherJobcenter ? OTHER : (b.householdId ?? '');
    v.otherJobcenter = b.otherJobcenter ?? '';
    v.employable = b.employable ? 'ja' : 'nein';
  } else if (kind === 'status') {
    const s = row as StatusRow;
    v.kind = s.kind;
    v.value = s.value;
    v.detail = s.detail ?? '';
  } else if (kind === 'team') {
    v.teamId = (row as TeamRow).teamId;
  } else {
    const e = row as EmploymentRow;
    v.kind = e.kind;
    v.weeklyHours = hoursText(e.weeklyHours);
    v.employer = e.employer ?? '';
  }
  return v;
}

/** "19,5" → 19.5; undefined when it is not a number with at most one decimal. */
export function parseHours(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  return /^\d{1,3}(\.\d)?$/.test(s) ? Number(s) : undefined;
}

function toBody(kind: HistoryKind, v: PeriodValues) {
  const common = { validFrom: v.validFrom, validUntil: v.validUntil || null, personVersion: v.personVersion };
  switch (kind) {
    case 'benefit':
      return {
        ...common,
        householdId: v.householdId === OTHER ? null : v.householdId || null,
        otherJobcenter: v.householdId === OTHER ? v.otherJobcenter.trim() || null : null,
        employable: v.employable === 'ja',
      };
    case 'status':
      return { ...common, kind: v.kind, value: v.value, detail: v.kind === 'refugee' ? v.detail.trim() || null : null };
    case 'team':
      return { ...common, teamId: v.teamId };
    case 'employment':
      return {
        ...common,
        kind: v.kind,
        weeklyHours: v.weeklyHours.trim() ? (parseHours(v.weeklyHours) ?? null) : null,
        employer: v.employer.trim() || null,
      };
  }
}

/**
 * Records a new period or corrects one ("berichtigen"), with the person's version from when the form
 * was opened. Field errors of the server (422) appear at their fields; a 409 keeps the input and lets
 * the person load the current state (which brings the new version) and save again.
 */
export function PeriodForm({
  kind,
  personId,
  title,
  row,
  initial,
  households,
  teams,
  onSaved,
  onCancel,
  onReload,
}: {
  kind: HistoryKind;
  personId: string;
  title: string;
  row?: PeriodRow;
  initial: PeriodValues;
  households: { id: string; number: string }[];
  teams: { id: string; name: string }[];
  onSaved: () => Promise<void>;
  onCancel: () => void;
  /** Loads the person again and returns the current version. */
  onReload: () => Promise<number>;
}) {
  const [failure, setFailure] = useState<unknown>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PeriodValues>({ defaultValues: initial, shouldFocusError: false });
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const statusKind = watch('kind');
  const household = watch('householdId');
  const required = (label: string) => ({ validate: (v: unknown) => !!String(v ?? '').trim() || t.form.requiredField(label) });

  const onSubmit = async (values: PeriodValues) => {
    setFailure(undefined);
    try {
      const body = toBody(kind, values);
      if (row) await api.put(periodPath(personId, kind, row.id), body);
      else await api.post(periodPath(personId, kind), body);
      await onSaved();
    } catch (e) {
      // the input stays as it is, whatever went wrong
      if (!applyServerErrors(e, setError, FIELDS[kind])) setFailure(e);
    }
  };

  const headingId = `formular-${kind}`;
  return (
    <section className="kern-stack period-form" aria-labelledby={headingId}>
      <h3 id={headingId} className="kern-heading-small" tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      {failure !== undefined && (
        <SaveFailure
          error={failure}
          keepText={t.people.conflictPeriod}
          onReload={async () => {
            setValue('personVersion', await onReload());
            setFailure(undefined);
          }}
        />
      )}
      <ErrorSummary items={summaryItems(errors, labelsFor(kind))} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        {kind === 'benefit' && (
          <>
            <SelectField
              label={t.people.receiptIn}
              error={errors.householdId?.message}
              {...register('householdId', required(t.people.receiptIn))}
            >
              <option value="">{t.common.pleaseChoose}</option>
              {households.map((h) => (
                <option key={h.id} value={h.id}>
                  {t.people.household} {h.number}
                </option>
              ))}
              <option value={OTHER}>{t.people.otherJobcenterOption}</option>
            </SelectField>
            {household === OTHER && (
              <TextField
                label={t.people.otherJobcenter}
                autoComplete="off"
                error={errors.otherJobcenter?.message}
                {...register('otherJobcenter', required(t.people.otherJobcenter))}
              />
            )}
            <SelectField
              label={t.people.employable}
              hint={t.people.employableHint}
              error={errors.employable?.message}
              {...register('employable', required(t.people.employable))}
            >
              <option value="">{t.common.pleaseChoose}</option>
              <option value="ja">{t.people.yes}</option>
              <option value="nein">{t.people.no}</option>
            </SelectField>
          </>
        )}
        {kind === 'status' && (
          <>
            <SelectField
              label={t.people.statusKind}
              error={errors.kind?.message}
              {...register('kind', {
                ...required(t.people.statusKind),
                onChange: () => setValue('value', ''),
              })}
            >
              <option value="">{t.common.pleaseChoose}</option>
              {STATUS_KINDS.map((k) => (
                <option key={k} value={k}>
                  {statusKindLabel(k)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t.people.statusValue}
              error={errors.value?.message}
              {...register('value', required(t.people.statusValue))}
            >
              <option value="">{statusKind ? t.common.pleaseChoose : t.people.chooseKindFirst}</option>
              {Object.keys(STATUS_VALUES[statusKind as keyof typeof STATUS_VALUES] ?? {}).map((value) => (
                <option key={value} value={value}>
                  {statusValueLabel(statusKind, value)}
                </option>
              ))}
            </SelectField>
            {statusKind === 'refugee' && (
              <TextField
                label={t.people.statusDetail}
                hint={t.people.statusDetailHint}
                optional
                autoComplete="off"
                maxLength={2}
                className="input-short"
                error={errors.detail?.message}
                {...register('detail')}
              />
            )}
          </>
        )}
        {kind === 'team' && (
          <SelectField label={t.people.team} error={errors.teamId?.message} {...register('teamId', required(t.people.team))}>
            <option value="">{t.common.pleaseChoose}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </SelectField>
        )}
        {kind === 'employment' && (
          <SelectField
            label={t.people.employmentKind}
            error={errors.kind?.message}
            {...register('kind', required(t.people.employmentKind))}
          >
            <option value="">{t.common.pleaseChoose}</option>
            {EMPLOYMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {employmentKindLabel(k)}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t.people.validFrom}
          hint={t.people.validFromHint}
          type="date"
          error={errors.validFrom?.message}
          {...register('validFrom', required(t.people.validFrom))}
        />
        <TextField
          label={t.people.validUntil}
          hint={t.people.validUntilHint}
          type="date"
          optional
          error={errors.validUntil?.message}
          {...register('validUntil', {
            validate: (v, all) => !v || !all.validFrom || v >= all.validFrom || t.people.endBeforeStart,
          })}
        />
        {kind === 'employment' && (
          <>
            <TextField
              label={t.people.weeklyHours}
              hint={t.people.weeklyHoursHint}
              optional
              inputMode="decimal"
              autoComplete="off"
              className="input-short"
              error={errors.weeklyHours?.message}
              {...register('weeklyHours', {
                validate: (v) => !v.trim() || parseHours(v) !== undefined || t.people.weeklyHoursInvalid,
              })}
            />
            <TextField
              label={t.people.employer}
              optional
              autoComplete="off"
              error={errors.employer?.message}
              {...register('employer')}
            />
          </>
        )}
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : t.common.save}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t.common.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}
