import { useQueryClient } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { appRoute } from '../../app/routes-base.tsx';
import { SESSION_KEY, sessionQuery } from '../../app/session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { api } from '../../lib/api.ts';
import { flash } from '../../lib/flash.ts';
import { t } from '../../lib/i18n.ts';

/** Own password. Also the only page reachable while a password change is due (after a reset). */
export const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'passwort',
  component: PasswordPage,
});

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

const labels = { currentPassword: t.auth.currentPassword, newPassword: t.auth.newPassword, repeat: t.auth.repeatPassword };
const MIN_LENGTH = 12;

function PasswordPage() {
  const { session } = passwordRoute.useRouteContext();
  const forced = session.mustChangePassword;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PasswordForm>({ defaultValues: { currentPassword: '', newPassword: '', repeat: '' }, shouldFocusError: false });

  const onSubmit = async ({ currentPassword, newPassword }: PasswordForm) => {
    setFailure(undefined);
    setDone(false);
    try {
      await api.post('/api/auth/password', { currentPassword, newPassword });
      reset();
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      await queryClient.fetchQuery(sessionQuery);
      if (forced) await navigate({ to: '/', state: flash(t.auth.passwordChanged) });
      else setDone(true);
    } catch (e) {
      if (!applyServerErrors(e, setError, ['currentPassword', 'newPassword'])) setFailure(e);
    }
  };

  return (
    <div className="narrow kern-stack-lg">
      <PageTitle title={t.auth.passwordTitle} />
      {forced && <Alert variant="warning" title={t.auth.passwordForced} />}
      {done && <Alert variant="success" title={t.auth.passwordChanged} live="polite" />}
      {failure !== undefined && <ErrorAlert error={failure} />}
      <ErrorSummary items={summaryItems(errors, labels)} focusKey={submitCount} />
      <p className="kern-body">{t.auth.passwordIntro}</p>
      <form className="kern-stack" onSubmit={handleSubmit(onSubmit)} noValidate>
        {/* Hidden username helps password managers to store the new password for the right account. */}
        <input type="text" name="username" autoComplete="username" value={session.username} readOnly hidden />
        <TextField
          label={t.auth.currentPassword}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...register('currentPassword', { required: t.auth.currentMissing })}
        />
        <TextField
          label={t.auth.newPassword}
          type="password"
          autoComplete="new-password"
          hint={t.auth.newPasswordHint}
          error={errors.newPassword?.message}
          {...register('newPassword', {
            required: t.auth.newMissing,
            minLength: { value: MIN_LENGTH, message: t.auth.tooShort },
          })}
        />
        <TextField
          label={t.auth.repeatPassword}
          type="password"
          autoComplete="new-password"
          error={errors.repeat?.message}
          {...register('repeat', {
            required: t.auth.repeatMissing,
            validate: (v) => v === getValues('newPassword') || t.auth.mismatch,
          })}
        />
        <div>
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : t.auth.passwordSubmit}
          </Button>
        </div>
      </form>
    </div>
  );
}
