import { type ReactNode, type Ref, useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { type ApiError, isApiError } from '../../lib/api.ts';
import { t } from '../../lib/i18n.ts';

export const isConflict = (e: unknown): e is ApiError => isApiError(e) && (e as ApiError).status === 409;

/**
 * A failed save: a 409 as "Inzwischen geändert" with the server's message, what stays of the input,
 * and "Aktuellen Stand laden"; any other error as the usual error alert.
 */
export function SaveFailure({
  error,
  keepText,
  children,
  onReload,
}: {
  error: unknown;
  keepText: string;
  children?: ReactNode;
  onReload: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  if (!isConflict(error)) return <ErrorAlert error={error} />;
  return (
    <Alert variant="danger" title={t.errors.conflictTitle} live="assertive">
      <p className="kern-body">{error.detail}</p>
      {children}
      <p className="kern-body">{keepText}</p>
      <div>
        <Button
          variant="secondary"
          busy={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onReload();
            } finally {
              setBusy(false);
            }
          }}
        >
          {t.errors.loadCurrent}
        </Button>
      </div>
    </Alert>
  );
}

/**
 * The confirmation of a section's last action ("Der Zeitraum wurde gespeichert."), in a live region
 * that is always there, so screen readers announce it; it takes the focus after the action.
 */
export function StatusMessage({ text, ref }: { text?: string; ref?: Ref<HTMLDivElement> }) {
  return (
    <div role="status" tabIndex={-1} ref={ref} className="status-message">
      {text && <Alert variant="success" title={text} />}
    </div>
  );
}

/**
 * Like applyServerErrors, for forms whose field names differ from the API's (`map`: API field → form
 * field). Returns true when every error found a field.
 */
export function applyMappedErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  map: Record<string, Path<T> | undefined>,
): boolean {
  const errors = isApiError(error) ? (error as ApiError).errors : [];
  let all = errors.length > 0;
  const seen = new Set<string>();
  for (const e of errors) {
    const field = map[e.field.split('.')[0] ?? ''];
    if (!field) {
      all = false;
      continue;
    }
    if (seen.has(field)) continue;
    seen.add(field);
    setError(field, { type: 'server', message: e.message });
  }
  return all;
}
