import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { formatEuro } from '../../lib/money.ts';
import { isConflict, SaveFailure, StatusMessage } from '../people/feedback.tsx';
import { type ContractDetail, contractQuery, subsidyKeys } from './api.ts';

const LABELS = { lastDay: 'Letzter Arbeitstag' };

/**
 * "Vertrag vorzeitig beenden" on the contract page: the last working day, sent with the version the
 * page showed. Someone else's change in between is a 409: its message stays with the input, "Aktuellen
 * Stand laden" fetches the contract and its new version. The server releases the remaining funds.
 */
export function ContractEndForm({ contract }: { contract: ContractDetail }) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(contract.version);
  const [failure, setFailure] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ lastDay: string }>({ defaultValues: { lastDay: todayIso() }, shouldFocusError: false });

  const onSubmit = async (v: { lastDay: string }) => {
    setFailure(undefined);
    setMessage(undefined);
    try {
      const r = await api.post<{ version: number; releasedCents: number }>(
        `/api/subsidies/contracts/${encodeURIComponent(contract.id)}/end`,
        { lastDay: v.lastDay, version },
      );
      setVersion(r.version);
      setMessage(`Der Vertrag endet mit dem ${formatDate(v.lastDay)}. Freigegebene Mittel: ${formatEuro(r.releasedCents)}.`);
      requestAnimationFrame(() => messageRef.current?.focus());
      await queryClient.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (e) {
      if (isConflict(e) || !applyServerErrors(e, setError, ['lastDay'])) setFailure(e);
    }
  };

  return (
    <section className="kern-card card-section" aria-labelledby="vertrag-beenden">
      <div className="kern-card__container kern-stack">
        <h2 id="vertrag-beenden" className="kern-heading-medium">
          Vertrag vorzeitig beenden
        </h2>
        <StatusMessage text={message} ref={messageRef} />
        {failure !== undefined && (
          <SaveFailure
            error={failure}
            keepText={t.errors.conflictKeep}
            onReload={async () => {
              const fresh = await queryClient.fetchQuery({ ...contractQuery(contract.id), staleTime: 0 });
              setVersion(fresh.version);
              setFailure(undefined);
            }}
          />
        )}
        <ErrorSummary items={summaryItems(errors, LABELS)} focusKey={submitCount} />
        <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
          <TextField
            label={LABELS.lastDay}
            type="date"
            hint="Die Mittel der Monate danach werden freigegeben."
            error={errors.lastDay?.message}
            {...register('lastDay', { required: t.form.requiredField(LABELS.lastDay) })}
          />
          <div>
            <Button type="submit" variant="secondary" busy={isSubmitting}>
              Vertrag beenden
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
