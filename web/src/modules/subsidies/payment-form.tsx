import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { formatEuro } from '../../lib/money.ts';
import { StatusMessage } from '../people/feedback.tsx';
import { type ContractDetail, subsidyKeys } from './api.ts';

const LABELS = { month: 'Monat', paidOn: 'Zahltag' };
const monthText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/**
 * "Monat auszahlen" on the contract page: pays what is still due for one month of the schedule (the
 * server books it against the contract's commitments). Only months with an open amount are offered.
 */
export function PaymentForm({ contract }: { contract: ContractDetail }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);
  const open = contract.schedule.filter((m) => m.cents > m.paidCents);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ month: string; paidOn: string }>({
    defaultValues: { month: '', paidOn: todayIso() },
    shouldFocusError: false,
  });

  const onSubmit = async (v: { month: string; paidOn: string }) => {
    setFailure(undefined);
    setMessage(undefined);
    try {
      const r = await api.post<{ paidCents: number }>(`/api/subsidies/contracts/${encodeURIComponent(contract.id)}/payments`, {
        month: v.month,
        paidOn: v.paidOn,
      });
      setValue('month', '');
      setMessage(`Zuschuss für ${monthText(v.month)} ausgezahlt: ${formatEuro(r.paidCents)}.`);
      requestAnimationFrame(() => messageRef.current?.focus());
      await queryClient.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (e) {
      if (!applyServerErrors(e, setError, ['month', 'paidOn'])) setFailure(e);
    }
  };

  return (
    <section className="kern-card card-section" aria-labelledby="auszahlen">
      <div className="kern-card__container kern-stack">
        <h2 id="auszahlen" className="kern-heading-medium">
          Monat auszahlen
        </h2>
        <StatusMessage text={message} ref={messageRef} />
        {failure !== undefined && <ErrorAlert error={failure} />}
        <ErrorSummary items={summaryItems(errors, LABELS)} focusKey={submitCount} />
        <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
          <SelectField
            label={LABELS.month}
            hint={open.length ? undefined : 'Alle Monate sind ausgezahlt.'}
            error={errors.month?.message}
            {...register('month', { required: t.form.requiredField(LABELS.month) })}
          >
            <option value="">{t.common.pleaseChoose}</option>
            {open.map((m) => (
              <option key={m.month} value={m.month}>
                {`${monthText(m.month)} – offen ${formatEuro(m.cents - m.paidCents)}`}
              </option>
            ))}
          </SelectField>
          <TextField
            label={LABELS.paidOn}
            type="date"
            error={errors.paidOn?.message}
            {...register('paidOn', { required: t.form.requiredField(LABELS.paidOn) })}
          />
          <div>
            <Button type="submit" busy={isSubmitting}>
              Auszahlen
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
