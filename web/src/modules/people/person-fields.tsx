import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { SelectField, TextField } from '../../components/fields.tsx';
import { t } from '../../lib/i18n.ts';
import type { PersonRecord } from './api.ts';
import { sexLabel } from './labels.ts';

/** A person's master data as form values (all text; optional fields empty = not known). */
export interface PersonFieldValues {
  customerNumber: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  sex: string;
  nationality: string;
  phone: string;
  email: string;
  street: string;
  postcode: string;
  city: string;
}

export const PERSON_LABELS: Record<keyof PersonFieldValues, string> = {
  customerNumber: t.people.customerNumber,
  familyName: t.people.lastName,
  givenNames: t.people.givenNames,
  birthDate: t.people.birthDate,
  sex: t.people.sex,
  nationality: t.people.nationality,
  phone: t.people.phone,
  email: t.people.email,
  street: t.people.street,
  postcode: t.people.postcode,
  city: t.people.city,
};
export const PERSON_FIELDS = Object.keys(PERSON_LABELS) as (keyof PersonFieldValues)[];

export const emptyPerson: PersonFieldValues = {
  customerNumber: '',
  familyName: '',
  givenNames: '',
  birthDate: '',
  sex: '',
  nationality: '',
  phone: '',
  email: '',
  street: '',
  postcode: '',
  city: '',
};

export const toPersonValues = (p: PersonRecord['person']): PersonFieldValues => ({
  customerNumber: p.customerNumber,
  familyName: p.familyName,
  givenNames: p.givenNames,
  birthDate: p.birthDate,
  sex: p.sex,
  nationality: p.nationality ?? '',
  phone: p.phone ?? '',
  email: p.email ?? '',
  street: p.street ?? '',
  postcode: p.postcode ?? '',
  city: p.city ?? '',
});

/** The master data as POST and PATCH want them: optional fields left empty are sent as null. */
export function personBody(v: PersonFieldValues) {
  const opt = (s: string) => s.trim() || null;
  return {
    customerNumber: v.customerNumber.trim(),
    familyName: v.familyName.trim(),
    givenNames: v.givenNames.trim(),
    birthDate: v.birthDate,
    sex: v.sex,
    nationality: opt(v.nationality),
    phone: opt(v.phone),
    email: opt(v.email),
    street: opt(v.street),
    postcode: opt(v.postcode),
    city: opt(v.city),
  };
}

/** The master data fields (create and edit form). */
export function PersonFields({
  register,
  errors,
}: {
  register: UseFormRegister<PersonFieldValues>;
  errors: FieldErrors<PersonFieldValues>;
}) {
  const required = (label: string) => ({ validate: (v: string) => !!v.trim() || t.form.requiredField(label) });
  return (
    <>
      <TextField
        label={t.people.customerNumber}
        hint={t.people.customerNumberHint}
        autoComplete="off"
        spellCheck={false}
        error={errors.customerNumber?.message}
        {...register('customerNumber', required(t.people.customerNumber))}
      />
      <TextField
        label={t.people.lastName}
        autoComplete="off"
        error={errors.familyName?.message}
        {...register('familyName', required(t.people.lastName))}
      />
      <TextField
        label={t.people.givenNames}
        autoComplete="off"
        error={errors.givenNames?.message}
        {...register('givenNames', required(t.people.givenNames))}
      />
      <TextField
        label={t.people.birthDate}
        type="date"
        error={errors.birthDate?.message}
        {...register('birthDate', required(t.people.birthDate))}
      />
      <SelectField label={t.people.sex} error={errors.sex?.message} {...register('sex', required(t.people.sex))}>
        <option value="">{t.common.pleaseChoose}</option>
        {['w', 'm', 'd'].map((s) => (
          <option key={s} value={s}>
            {sexLabel(s)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t.people.nationality}
        hint={t.people.nationalityHint}
        optional
        autoComplete="off"
        maxLength={2}
        className="input-short"
        error={errors.nationality?.message}
        {...register('nationality')}
      />
      <TextField
        label={t.people.phone}
        type="tel"
        optional
        autoComplete="off"
        error={errors.phone?.message}
        {...register('phone')}
      />
      <TextField
        label={t.people.email}
        type="email"
        optional
        autoComplete="off"
        error={errors.email?.message}
        {...register('email')}
      />
      <TextField label={t.people.street} optional autoComplete="off" error={errors.street?.message} {...register('street')} />
      <TextField
        label={t.people.postcode}
        optional
        inputMode="numeric"
        autoComplete="off"
        maxLength={5}
        className="input-short"
        error={errors.postcode?.message}
        {...register('postcode')}
      />
      <TextField label={t.people.city} optional autoComplete="off" error={errors.city?.message} {...register('city')} />
    </>
  );
}
