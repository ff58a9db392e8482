import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { t } from '../lib/i18n.ts';

/**
 * Form fields in KERN markup. Every field has a visible label; hint and error are linked to the
 * control with aria-describedby, an error sets aria-invalid. Works with react-hook-form:
 * `<TextField label="Name" error={errors.name?.message} {...register('name')} />`.
 * Ids derive from the field name (`fieldId`), so the error summary can link to each field.
 */

/** The element id of a form field, e.g. "feld-teamIds" for "teamIds". */
export const fieldId = (name: string) => `feld-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Marks the field "(freiwillig)"; fields are required unless marked optional (KERN convention). */
  optional?: boolean;
  /** With `optional`: no "(freiwillig)" marker, e.g. in a search form where every field is optional. */
  quiet?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${id}-hinweis` : '', error ? `${id}-fehler` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Label({ htmlFor, label, optional, quiet }: { htmlFor: string; label: string; optional?: boolean; quiet?: boolean }) {
  return (
    <label className="kern-label" htmlFor={htmlFor}>
      {label}
      {optional && !quiet && <span className="kern-label__optional"> {t.common.optional}</span>}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <div className="kern-hint" id={`${id}-hinweis`}>
      {hint}
    </div>
  ) : null;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="kern-error" id={`${id}-fehler`}>
      <span className="kern-icon kern-icon--danger kern-icon--md" aria-hidden="true" />
      <span className="kern-body">{error}</span>
    </p>
  ) : null;
}

type TextFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'aria-describedby' | 'aria-invalid'> & {
    name: string;
    ref?: Ref<HTMLInputElement>;
  };

export function TextField({
  label,
  hint,
  error,
  optional,
  quiet,
  id,
  name,
  className,
  type = 'text',
  ref,
  ...input
}: TextFieldProps) {
  const fid = id ?? fieldId(name);
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <Label htmlFor={fid} label={label} optional={optional} quiet={quiet} />
      <Hint id={fid} hint={hint} />
      <input
        {...input}
        ref={ref}
        id={fid}
        name={name}
        type={type}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}${className ? ` ${className}` : ''}`}
        aria-required={optional ? undefined : true}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fid, hint, error)}
      />
      <FieldError id={fid} error={error} />
    </div>
  );
}

type SelectFieldProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'aria-describedby' | 'aria-invalid'> & {
    name: string;
    ref?: Ref<HTMLSelectElement>;
    children: ReactNode;
  };

export function SelectField({ label, hint, error, optional, quiet, id, name, children, ref, ...select }: SelectFieldProps) {
  const fid = id ?? fieldId(name);
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <Label htmlFor={fid} label={label} optional={optional} quiet={quiet} />
      <Hint id={fid} hint={hint} />
      <div className="kern-form-input__select-wrapper">
        <select
          {...select}
          ref={ref}
          id={fid}
          name={name}
          className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          aria-required={optional ? undefined : true}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(fid, hint, error)}
        >
          {children}
        </select>
      </div>
      <FieldError id={fid} error={error} />
    </div>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: ReactNode;
  hint?: ReactNode;
  name: string;
  ref?: Ref<HTMLInputElement>;
  invalid?: boolean;
};

/** One checkbox with its label (and an optional hint linked by aria-describedby). */
export function Checkbox({ label, hint, id, name, value, invalid, ref, ...input }: CheckboxProps) {
  const fid = id ?? fieldId(value === undefined ? name : `${name}-${String(value)}`);
  return (
    <div className={`kern-form-check${invalid ? ' kern-form-check--error' : ''}`}>
      <input
        {...input}
        ref={ref}
        type="checkbox"
        id={fid}
        name={name}
        value={value}
        className={`kern-form-check__checkbox${invalid ? ' kern-form-check__checkbox--error' : ''}`}
        aria-describedby={hint ? `${fid}-hinweis` : undefined}
      />
      <label className="kern-label" htmlFor={fid}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint checkbox-hint" id={`${fid}-hinweis`}>
          {hint}
        </div>
      )}
    </div>
  );
}

/**
 * A group of checkboxes (e.g. roles) in a fieldset with legend, hint and error. The error is
 * linked to the group; the fieldset's id is `fieldId(name)`, the error summary focuses its first box.
 */
export function CheckboxGroup({
  legend,
  name,
  hint,
  error,
  optional,
  horizontal,
  children,
}: {
  legend: string;
  name: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  horizontal?: boolean;
  children: ReactNode;
}) {
  const fid = fieldId(name);
  return (
    <fieldset
      id={fid}
      className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={describedBy(fid, hint, error)}
    >
      <legend className="kern-label">
        {legend}
        {optional && <span className="kern-label__optional"> {t.common.optional}</span>}
      </legend>
      <Hint id={fid} hint={hint} />
      <div className={`kern-fieldset__body${horizontal ? ' kern-fieldset__body--horizontal' : ''}`}>{children}</div>
      <FieldError id={fid} error={error} />
    </fieldset>
  );
}
