import { useState } from 'react';
import { type FieldErrors, type Path, useFieldArray, useForm } from 'react-hook-form';
import { Button, ButtonLink } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { isApiError } from '../../lib/api.ts';
import { t } from '../../lib/i18n.ts';
import { SaveFailure } from '../people/feedback.tsx';
import type { Provider } from './api.ts';

/**
 * The provider (Träger) form, for creating and editing: the name and any number of contact persons
 * (added and removed with buttons, each in its own fieldset). Field errors of the server (422, paths
 * like `contacts.1.email`) appear at their fields and in the summary; a 409 keeps the input.
 */

interface ContactValues {
  name: string;
  role: string;
  phone: string;
  email: string;
}
interface ProviderValues {
  name: string;
  contacts: ContactValues[];
}

export interface ProviderBody {
  name: string;
  contacts: { name: string; role: string; phone: string; email: string }[];
}

const CONTACT_LABELS: Record<keyof ContactValues, string> = {
  name: 'Name',
  role: 'Funktion',
  phone: 'Telefon',
  email: 'E-Mail-Adresse',
};
const ADD_ID = 'kontakt-hinzufuegen';
const emptyContact: ContactValues = { name: '', role: '', phone: '', email: '' };

/** "contacts.1.email" → "Kontaktperson 2 – E-Mail-Adresse". */
function labelFor(field: string): string {
  const [root, index, leaf] = field.split('.');
  if (root === 'contacts' && index !== undefined && leaf)
    return `Kontaktperson ${Number(index) + 1} – ${CONTACT_LABELS[leaf as keyof ContactValues] ?? leaf}`;
  return root === 'name' ? 'Name des Trägers' : 'Kontaktpersonen';
}

function summary(errors: FieldErrors<ProviderValues>): SummaryItem[] {
  const items: SummaryItem[] = [];
  if (errors.name?.message) items.push({ field: 'name', label: labelFor('name'), message: errors.name.message });
  errors.contacts?.forEach?.((c, i) => {
    for (const leaf of Object.keys(CONTACT_LABELS) as (keyof ContactValues)[]) {
      const message = c?.[leaf]?.message;
      if (message) items.push({ field: `contacts.${i}.${leaf}`, label: labelFor(`contacts.${i}.${leaf}`), message });
    }
  });
  return items;
}

const toValues = (p?: Provider): ProviderValues => ({
  name: p?.name ?? '',
  contacts: (p?.contacts ?? []).map((c) => ({
    name: c.name,
    role: c.role ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
  })),
});

export function ProviderForm({
  provider,
  submitLabel,
  onSave,
  onReload,
}: {
  provider?: Provider;
  submitLabel: string;
  onSave: (body: ProviderBody) => Promise<void>;
  /** Edit only: load the current state after a 409. */
  onReload?: () => Promise<void>;
}) {
  const [failure, setFailure] = useState<unknown>();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ProviderValues>({ defaultValues: toValues(provider), shouldFocusError: false });
  const { fields, append, remove } = useFieldArray({ control, name: 'contacts' });

  const onSubmit = async (v: ProviderValues) => {
    setFailure(undefined);
    try {
      await onSave({
        name: v.name.trim(),
        contacts: v.contacts.map((c) => ({ name: c.name.trim(), role: c.role, phone: c.phone, email: c.email.trim() })),
      });
    } catch (e) {
      const list = isApiError(e) && e.status === 422 ? e.errors : [];
      const placed = list.filter((x) => x.field === 'name' || /^contacts\.\d+\.(name|role|phone|email)$/.test(x.field));
      for (const x of placed) setError(x.field as Path<ProviderValues>, { type: 'server', message: x.message });
      if (placed.length < list.length || !list.length) setFailure(e);
    }
  };

  return (
    <>
      {failure !== undefined && (
        <SaveFailure error={failure} keepText={t.errors.conflictKeep} onReload={onReload ?? (async () => {})} />
      )}
      <ErrorSummary items={summary(errors)} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField
          label="Name des Trägers"
          maxLength={200}
          error={errors.name?.message}
          {...register('name', { validate: (x) => !!x.trim() || t.form.requiredField('Name des Trägers') })}
        />
        {fields.map((f, i) => (
          <fieldset key={f.id} className="kern-fieldset">
            <legend className="kern-label">{`Kontaktperson ${i + 1}`}</legend>
            <div className="kern-fieldset__body kern-stack">
              <TextField
                label={CONTACT_LABELS.name}
                maxLength={100}
                error={errors.contacts?.[i]?.name?.message}
                {...register(`contacts.${i}.name`, {
                  validate: (x) => !!x.trim() || t.form.requiredField(`Kontaktperson ${i + 1} – Name`),
                })}
              />
              <TextField
                label={CONTACT_LABELS.role}
                optional
                maxLength={100}
                error={errors.contacts?.[i]?.role?.message}
                {...register(`contacts.${i}.role`)}
              />
              <TextField
                label={CONTACT_LABELS.phone}
                optional
                type="tel"
                maxLength={40}
                error={errors.contacts?.[i]?.phone?.message}
                {...register(`contacts.${i}.phone`)}
              />
              <TextField
                label={CONTACT_LABELS.email}
                optional
                type="email"
                error={errors.contacts?.[i]?.email?.message}
                {...register(`contacts.${i}.email`)}
              />
              <div>
                <Button
                  variant="tertiary"
                  onClick={() => {
                    remove(i);
                    // the removed button took the focus with it: keep keyboard users in the form
                    document.getElementById(ADD_ID)?.focus();
                  }}
                >
                  {`Kontaktperson ${i + 1} entfernen`}
                </Button>
              </div>
            </div>
          </fieldset>
        ))}
        <div>
          <Button id={ADD_ID} variant="secondary" onClick={() => append({ ...emptyContact })} disabled={fields.length >= 20}>
            Kontaktperson hinzufügen
          </Button>
        </div>
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : submitLabel}
          </Button>
          <ButtonLink to="/massnahmen/traeger" variant="secondary">
            {t.common.cancel}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
