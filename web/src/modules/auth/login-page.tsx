import { useQueryClient } from '@tanstack/react-query';
import { createRoute, redirect, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { safeReturnPath } from '../../app/guards.ts';
import { rootRoute } from '../../app/routes-base.tsx';
import { login, SESSION_KEY, sessionQuery } from '../../app/session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { t } from '../../lib/i18n.ts';

interface LoginSearch {
  /** Where to go after login (a local path). */
  weiter?: string;
  /** Why the login page is shown: after logout or after an expired session. */
  grund?: 'abgemeldet' | 'abgelaufen';
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'anmelden',
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({
    weiter: typeof search.weiter === 'string' ? search.weiter : undefined,
    grund: search.grund === 'abgemeldet' || search.grund === 'abgelaufen' ? search.grund : undefined,
  }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) throw redirect({ href: safeReturnPath(search.weiter) });
  },
  component: LoginPage,
});

interface LoginForm {
  username: string;
  password: string;
}

const labels = { username: t.auth.username, password: t.auth.password };

function LoginPage() {
  const { weiter, grund } = loginRoute.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<LoginForm>({ defaultValues: { username: '', password: '' }, shouldFocusError: false });

  const onSubmit = async (values: LoginForm) => {
    setFailure(undefined);
    try {
      const session = await login(values.username.trim(), values.password);
      queryClient.setQueryData(SESSION_KEY, session);
      await navigate({ href: safeReturnPath(weiter), replace: true });
    } catch (e) {
      setValue('password', '');
      if (!applyServerErrors(e, setError, ['username', 'password'])) setFailure(e);
    }
  };

  return (
    <div className="narrow kern-stack-lg">
      <PageTitle title={t.auth.loginTitle} />
      {grund === 'abgemeldet' && !failure && <Alert variant="success" title={t.auth.loggedOut} live="polite" />}
      {grund === 'abgelaufen' && !failure && <Alert variant="warning" title={t.errors.sessionExpired} live="polite" />}
      {failure !== undefined && <ErrorAlert error={failure} />}
      <ErrorSummary items={summaryItems(errors, labels)} focusKey={submitCount} />
      <p className="kern-body">{t.auth.loginIntro}</p>
      <form className="kern-stack" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField
          label={t.auth.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.username?.message}
          {...register('username', { validate: (v) => !!v.trim() || t.auth.usernameMissing })}
        />
        <TextField
          label={t.auth.password}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password', { required: t.auth.passwordMissing })}
        />
        <div>
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.auth.submitting : t.auth.submit}
          </Button>
        </div>
      </form>
    </div>
  );
}
