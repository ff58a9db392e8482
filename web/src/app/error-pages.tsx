import { KernButton } from '@kern-ux-annex/kern-react-kit';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { ButtonLink } from '../components/button.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { type ApiError, isApiError } from '../lib/api.ts';
import { t } from '../lib/i18n.ts';
import { PermissionDenied } from './guards.ts';

/** 404: the address matches no page (or the server does not know the record). */
export function NotFoundPage({ detail }: { detail?: string }) {
  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.errors.notFoundTitle} />
      <p className="kern-body kern-body--large">{detail ?? t.errors.notFoundText}</p>
      <div>
        <ButtonLink to="/" variant="primary">
          {t.errors.toStart}
        </ButtonLink>
      </div>
    </div>
  );
}

/** 403: signed in, but this page needs a permission the person's roles do not give. */
export function ForbiddenPage({ detail }: { detail?: string }) {
  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.errors.forbiddenTitle} />
      <p className="kern-body kern-body--large">{t.errors.forbiddenText}</p>
      {detail && detail !== t.errors.forbiddenText && <p className="kern-body">{detail}</p>}
      <div>
        <ButtonLink to="/" variant="primary">
          {t.errors.toStart}
        </ButtonLink>
      </div>
    </div>
  );
}

/**
 * The error boundary of every page: forbidden and not-found errors get their own pages, anything
 * else a German message with the request id for the support (never a stack trace).
 */
export function ErrorPage({ error }: ErrorComponentProps) {
  if (error instanceof PermissionDenied) return <ForbiddenPage />;
  const api = isApiError(error) ? (error as ApiError) : undefined;
  if (api?.status === 403) return <ForbiddenPage detail={api.detail} />;
  if (api?.status === 404) return <NotFoundPage detail={api.detail} />;
  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.errors.errorTitle} />
      <p className="kern-body kern-body--large">{api?.detail ?? t.errors.errorText}</p>
      {api?.requestId && <p className="kern-body">{t.errors.requestId(api.requestId)}</p>}
      <div className="button-row">
        <KernButton text={t.errors.reloadPage} variant="primary" onClick={() => window.location.reload()} />
        <ButtonLink to="/" variant="secondary">
          {t.errors.toStart}
        </ButtonLink>
      </div>
    </div>
  );
}
