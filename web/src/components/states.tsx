import type { ReactNode } from 'react';
import { type ApiError, isApiError } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { Alert } from './alert.tsx';

/** Shown while data loads: the KERN loader with a text that screen readers announce. */
export function Loading({ label = t.common.loading }: { label?: string }) {
  return (
    <div className="state state--loading" role="status">
      <span className="kern-loader kern-loader--visible" aria-hidden="true" />
      <span className="kern-body">{label}</span>
    </div>
  );
}

/** Shown when a list has no entries. */
export function Empty({ children = t.common.empty }: { children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="kern-body">{children}</p>
    </div>
  );
}

/** An API error as a KERN alert with the server's German title and detail. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const e = isApiError(error) ? (error as ApiError) : undefined;
  return (
    <Alert variant="danger" title={title ?? e?.title ?? t.errors.errorTitle} live="assertive">
      <p className="kern-body">{e?.detail ?? t.errors.errorText}</p>
      {e?.requestId && e.status >= 500 && <p className="kern-body kern-body--small">{t.errors.requestId(e.requestId)}</p>}
    </Alert>
  );
}
