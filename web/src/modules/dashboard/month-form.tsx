import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button.tsx';
import { ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { t } from '../../lib/i18n.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The report month chooser (and optional further fields, e.g. the team), submitted with "Anzeigen". */
export function MonthForm({
  month,
  onSubmit,
  busy,
  children,
}: {
  month: string;
  onSubmit: (month: string) => void;
  busy?: boolean;
  children?: ReactNode;
}) {
  const {
    register,
    handleSubmit,
    formState: { errors, submitCount },
  } = useForm<{ month: string }>({ defaultValues: { month }, shouldFocusError: false });
  return (
    <>
      <ErrorSummary items={summaryItems(errors, { month: t.dashboard.month })} focusKey={submitCount} />
      <form className="filter-grid no-print" noValidate onSubmit={handleSubmit((v) => onSubmit(v.month))}>
        {children}
        <TextField
          label={t.dashboard.month}
          hint={t.dashboard.monthHint}
          type="month"
          className="input-short"
          error={errors.month?.message}
          {...register('month', {
            required: t.form.requiredField(t.dashboard.month),
            pattern: { value: MONTH, message: t.dashboard.monthInvalid },
          })}
        />
        <div className="filter-grid__submit">
          <Button type="submit" busy={busy}>
            {t.dashboard.show}
          </Button>
        </div>
      </form>
    </>
  );
}
