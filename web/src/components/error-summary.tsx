import { useEffect, useRef } from 'react';
import type { FieldErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { type ApiError, isApiError } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { fieldId } from './fields.tsx';

export interface SummaryItem {
  field: string;
  label: string;
  message: string;
}

/** Focuses a field by name: the control itself, or the first control inside a group. */
export function focusField(field: string) {
  const el = document.getElementById(fieldId(field));
  const target = el?.matches('input, select, textarea') ? el : el?.querySelector<HTMLElement>('input, select, textarea');
  target?.focus();
}

/**
 * The list of a form's errors above the form (KERN alert). It takes the focus whenever `focusKey`
 * changes (each failed submit), and every entry links to its field.
 */
export function ErrorSummary({ items, focusKey }: { items: SummaryItem[]; focusKey?: unknown }) {
  const ref = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on each failed submit
  useEffect(() => {
    if (items.length) ref.current?.focus();
  }, [focusKey, items.length > 0]);
  if (!items.length) return null;
  return (
    <section
      className="kern-alert kern-alert--danger error-summary"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="fehleruebersicht-titel"
    >
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 className="kern-title" id="fehleruebersicht-titel">
          {t.form.summaryTitle}
        </h2>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{t.form.summaryIntro(items.length)}</p>
        <ul className="kern-list">
          {items.map((item) => (
            <li key={item.field}>
              <a
                className="kern-link"
                href={`#${fieldId(item.field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(item.field);
                }}
              >
                {item.label}: {item.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** Summary entries from react-hook-form's errors, in the order of `labels`. */
export function summaryItems<T extends FieldValues>(
  errors: FieldErrors<T>,
  labels: Partial<Record<Path<T>, string>>,
): SummaryItem[] {
  return Object.entries(labels)
    .map(([field, label]) => {
      const message = (errors as Record<string, { message?: unknown } | undefined>)[field]?.message;
      return typeof message === 'string' && message ? { field, label: String(label), message } : undefined;
    })
    .filter((x): x is SummaryItem => x !== undefined);
}

/**
 * Puts the server's field errors (422) onto the form's fields. Returns true when every error found
 * a field, false when some remain that only the general error alert can show.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
) {
  if (!isApiError(error) || !(error as ApiError).errors.length) return false;
  let all = true;
  const seen = new Set<string>();
  for (const e of (error as ApiError).errors) {
    const root = e.field.split('.')[0] as Path<T>;
    if (!fields.includes(root)) {
      all = false;
      continue;
    }
    if (seen.has(root)) continue;
    seen.add(root);
    setError(root, { type: 'server', message: e.message });
  }
  return all;
}
