import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { DURATION_UNITS, WEEKDAYS } from '../../../../src/modules/measures/code-lists.ts';
import { Button } from '../../components/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { Checkbox, CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { t } from '../../lib/i18n.ts';
import { euroInput, parseEuro } from '../../lib/money.ts';
import { applyMappedErrors, SaveFailure } from '../people/feedback.tsx';
import type { MeasureDetail, Provider } from './api.ts';
import { LEGAL_BASES, SCHEDULE_KINDS, TARGET_GROUPS } from './labels.ts';

/**
 * The measure form, for creating and editing. The server's model (measures/model.ts) is the one
 * place of the rules: numbers go as typed (a non-number comes back as the server's German message at
 * its field); only required fields and the euro amount are checked here, before sending.
 */

interface MeasureValues {
  providerId: string;
  name: string;
  description: string;
  legalBasis: string;
  targetGroups: string[];
  site: string;
  places: string;
  weeklyEntryLimit: string;
  entryWeekdays: string[];
  durationValue: string;
  durationUnit: string;
  scheduleKind: string;
  scheduleNote: string;
  daysPerWeek: string;
  childcareOnSite: boolean;
  cost: string;
  contractFrom: string;
  contractUntil: string;
  integrationTargetPercent: string;
}

const LABELS: Record<keyof MeasureValues, string> = {
  providerId: 'Träger',
  name: 'Name der Maßnahme',
  description: 'Beschreibung',
  legalBasis: 'Rechtsgrundlage',
  targetGroups: 'Zielgruppen',
  site: 'Standort',
  places: 'Plätze',
  weeklyEntryLimit: 'Einstiege je Woche höchstens',
  entryWeekdays: 'Einstiegstage',
  durationValue: 'Regeldauer',
  durationUnit: 'Einheit der Regeldauer',
  scheduleKind: 'Zeitmodell',
  scheduleNote: 'Zeiten',
  daysPerWeek: 'Tage je Woche',
  childcareOnSite: 'Kinderbetreuung vor Ort',
  cost: 'Kosten je Teilnehmermonat in Euro',
  contractFrom: 'Vertragsbeginn',
  contractUntil: 'Vertragsende (letzter Tag)',
  integrationTargetPercent: 'Vertragsziel Integration in Prozent',
};

/** API field → form field (the cost travels in cents, lists report their entries as `entryWeekdays.0`). */
const SERVER_FIELDS: Record<string, keyof MeasureValues> = {
  ...(Object.fromEntries(Object.keys(LABELS).map((k) => [k, k])) as Record<string, keyof MeasureValues>),
  costPerMonthCents: 'cost',
};

type Measure = MeasureDetail['measure'];

const toValues = (m?: Measure): MeasureValues => ({
  providerId: m?.providerId ?? '',
  name: m?.name ?? '',
  description: m?.description ?? '',
  legalBasis: m?.legalBasis ?? '',
  targetGroups: m?.targetGroups ?? [],
  site: m?.site ?? '',
  places: m ? String(m.places) : '',
  weeklyEntryLimit: m?.weeklyEntryLimit ? String(m.weeklyEntryLimit) : '',
  entryWeekdays: (m?.entryWeekdays ?? []).map(String),
  durationValue: m ? String(m.durationValue) : '',
  durationUnit: m?.durationUnit ?? 'weeks',
  scheduleKind: m?.scheduleKind ?? '',
  scheduleNote: m?.scheduleNote ?? '',
  daysPerWeek: m?.daysPerWeek ? String(m.daysPerWeek) : '',
  childcareOnSite: m?.childcareOnSite ?? false,
  cost: m ? euroInput(m.costPerMonthCents) : '',
  contractFrom: m?.contractFrom ?? '',
  contractUntil: m?.contractUntil ?? '',
  integrationTargetPercent: m?.integrationTargetPercent === null || !m ? '' : String(m.integrationTargetPercent),
});

/** "12" → 12; "" → `empty`; anything else as typed, so the server names the field in its message. */
const int = (s: string, empty: null | undefined) => {
  const x = s.trim();
  return x === '' ? empty : /^\d+$/.test(x) ? Number(x) : x;
};
/** Checkbox groups give an array, or a single value / false when there is one box or none ticked. */
const list = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []);

export function MeasureForm({
  measure,
  providers,
  submitLabel,
  onSave,
  onReload,
  cancel,
}: {
  measure?: Measure;
  providers: Provider[];
  submitLabel: string;
  onSave: (body: Record<string, unknown>) => Promise<void>;
  /** Edit only: load the current state after a 409. */
  onReload?: () => Promise<void>;
  cancel: ReactNode;
}) {
  const [failure, setFailure] = useState<unknown>();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<MeasureValues>({ defaultValues: toValues(measure), shouldFocusError: false });
  const required = (field: keyof MeasureValues) => ({
    validate: (x: unknown) => (typeof x === 'string' && !!x.trim()) || t.form.requiredField(LABELS[field]),
  });

  const onSubmit = async (v: MeasureValues) => {
    setFailure(undefined);
    const cost = parseEuro(v.cost);
    if (!cost.ok) {
      setError('cost', { type: 'client', message: cost.message });
      return;
    }
    try {
      await onSave({
        providerId: v.providerId,
        name: v.name.trim(),
        description: v.description,
        legalBasis: v.legalBasis,
        targetGroups: list(v.targetGroups),
        site: v.site.trim(),
        places: int(v.places, undefined),
        weeklyEntryLimit: int(v.weeklyEntryLimit, null),
        entryWeekdays: list(v.entryWeekdays).map(Number),
        durationValue: int(v.durationValue, undefined),
        durationUnit: v.durationUnit,
        scheduleKind: v.scheduleKind,
        scheduleNote: v.scheduleNote,
        daysPerWeek: int(v.daysPerWeek, null),
        childcareOnSite: v.childcareOnSite,
        costPerMonthCents: cost.cents,
        contractFrom: v.contractFrom,
        contractUntil: v.contractUntil || null,
        integrationTargetPercent: int(v.integrationTargetPercent, null),
      });
    } catch (e) {
      if (!applyMappedErrors(e, setError, SERVER_FIELDS)) setFailure(e);
    }
  };

  const text = (
    field: keyof MeasureValues,
    extra: { optional?: boolean; hint?: string; type?: string; inputMode?: 'numeric' | 'decimal' } = {},
  ) => (
    <TextField
      label={LABELS[field]}
      error={errors[field]?.message}
      {...extra}
      {...register(field, extra.optional ? {} : required(field))}
    />
  );

  return (
    <>
      {failure !== undefined && (
        <SaveFailure error={failure} keepText={t.errors.conflictKeep} onReload={onReload ?? (async () => {})} />
      )}
      <ErrorSummary items={summaryItems(errors, LABELS)} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        <SelectField
          label={LABELS.providerId}
          error={errors.providerId?.message}
          {...register('providerId', required('providerId'))}
        >
          <option value="">{t.common.pleaseChoose}</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        {text('name')}
        {text('description', { optional: true })}
        <SelectField
          label={LABELS.legalBasis}
          error={errors.legalBasis?.message}
          {...register('legalBasis', required('legalBasis'))}
        >
          <option value="">{t.common.pleaseChoose}</option>
          {Object.entries(LEGAL_BASES).map(([code, b]) => (
            <option key={code} value={code}>
              {b.label}
            </option>
          ))}
        </SelectField>
        <CheckboxGroup
          legend={LABELS.targetGroups}
          name="targetGroups"
          optional
          hint="keine ausgewählt: offen für alle eLb"
          error={errors.targetGroups?.message}
        >
          {Object.entries(TARGET_GROUPS).map(([code, label]) => (
            <Checkbox key={code} label={label} value={code} {...register('targetGroups')} />
          ))}
        </CheckboxGroup>
        {text('site')}
        {text('places', { inputMode: 'numeric' })}
        {text('weeklyEntryLimit', { optional: true, inputMode: 'numeric', hint: 'leer: unbegrenzt' })}
        <CheckboxGroup
          legend={LABELS.entryWeekdays}
          name="entryWeekdays"
          optional
          horizontal
          hint="keiner ausgewählt: Einstieg an jedem Tag"
          error={errors.entryWeekdays?.message}
        >
          {Object.entries(WEEKDAYS).map(([day, label]) => (
            <Checkbox key={day} label={label} value={day} {...register('entryWeekdays')} />
          ))}
        </CheckboxGroup>
        {text('durationValue', { inputMode: 'numeric' })}
        <SelectField
          label={LABELS.durationUnit}
          error={errors.durationUnit?.message}
          {...register('durationUnit', required('durationUnit'))}
        >
          {Object.entries(DURATION_UNITS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={LABELS.scheduleKind}
          error={errors.scheduleKind?.message}
          {...register('scheduleKind', required('scheduleKind'))}
        >
          <option value="">{t.common.pleaseChoose}</option>
          {Object.entries(SCHEDULE_KINDS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </SelectField>
        {text('scheduleNote', { optional: true, hint: 'z. B. 8:30 bis 12:30 Uhr' })}
        {text('daysPerWeek', { optional: true, inputMode: 'numeric' })}
        <Checkbox label={LABELS.childcareOnSite} {...register('childcareOnSite')} />
        {text('cost', { inputMode: 'decimal', hint: 'z. B. 1.033,00' })}
        {text('contractFrom', { type: 'date' })}
        {text('contractUntil', { optional: true, type: 'date', hint: 'leer: unbefristet' })}
        {text('integrationTargetPercent', { optional: true, inputMode: 'numeric' })}
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : submitLabel}
          </Button>
          {cancel}
        </div>
      </form>
    </>
  );
}
