import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldError, fieldId } from '../../components/fields.tsx';
import { t } from '../../lib/i18n.ts';

/** A multi-line text field in KERN markup, labelled like TextField (hint and error linked). */
export function TextArea({
  label,
  hint,
  error,
  optional,
  name,
  id,
  ref,
  rows = 3,
  ...rest
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'aria-describedby' | 'aria-invalid'> & {
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  name: string;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  const fid = id ?? fieldId(name);
  const described = [hint ? `${fid}-hinweis` : '', error ? `${fid}-fehler` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={fid}>
        {label}
        {optional && <span className="kern-label__optional"> {t.common.optional}</span>}
      </label>
      {hint && (
        <div className="kern-hint" id={`${fid}-hinweis`}>
          {hint}
        </div>
      )}
      <textarea
        {...rest}
        ref={ref}
        id={fid}
        name={name}
        rows={rows}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        aria-required={optional ? undefined : true}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      <FieldError id={fid} error={error} />
    </div>
  );
}
