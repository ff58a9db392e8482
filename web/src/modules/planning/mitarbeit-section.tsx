import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { MITARBEIT_REASON_LABELS, MITARBEIT_REASONS } from '../../../../src/modules/planning/codes.ts';
import { Button } from '../../components/button.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { Checkbox, CheckboxGroup, TextField } from '../../components/fields.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { StatusMessage } from '../people/feedback.tsx';
import { type PlanningView, planningKeys } from './api.ts';
import { TextArea } from './textarea.tsx';

const p = t.planning;

interface ReviewValues {
  reviewDate: string;
  reasons: string[];
  note: string;
}

/** MitArbeit reviews of a long-term recipient: earlier reviews and the form with the uniform reasons. */
export function MitarbeitSection({ view, canWrite }: { view: PlanningView; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const status = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ReviewValues>({ defaultValues: { reviewDate: todayIso(), reasons: [], note: '' }, shouldFocusError: false });
  const labels = { reviewDate: p.reviewOn, reasons: p.reasons, note: p.note };

  return (
    <section className="kern-stack" aria-labelledby="mitarbeit-titel">
      <h2 className="kern-heading-medium" id="mitarbeit-titel">
        {p.mitarbeit}
      </h2>
      <p className="kern-body">{view.person.longTermRecipient ? p.mitarbeitIntro : p.mitarbeitNotLzb}</p>
      <StatusMessage text={message} ref={status} />
      {view.mitarbeit.length ? (
        <ul className="kern-list">
          {view.mitarbeit.map((m) => (
            <li key={m.id}>
              {formatDate(m.reviewDate)} ({m.staffName}): {m.reasons.map((r) => MITARBEIT_REASON_LABELS[r]).join('; ')}
              {m.note && ` – ${m.note}`}
            </li>
          ))}
        </ul>
      ) : (
        view.person.longTermRecipient && <p className="kern-body">{p.noReviews}</p>
      )}
      {canWrite && view.person.longTermRecipient && !open && (
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              setMessage(undefined);
              setOpen(true);
            }}
          >
            {p.mitarbeit} {t.common.create.toLowerCase()}
          </Button>
        </div>
      )}
      {canWrite && open && (
        <form
          className="kern-stack form-width"
          noValidate
          aria-label={p.mitarbeit}
          onSubmit={handleSubmit(async (v) => {
            setFailure(undefined);
            try {
              await api.post(`/api/planning/persons/${encodeURIComponent(view.person.id)}/mitarbeit`, {
                ...v,
                reasons: v.reasons || [],
              });
              reset();
              setOpen(false);
              await queryClient.invalidateQueries({ queryKey: planningKeys.all });
              setMessage(p.reviewSaved);
              status.current?.focus();
            } catch (e) {
              if (!applyServerErrors(e, setError, ['reviewDate', 'reasons', 'note'])) setFailure(e);
            }
          })}
        >
          {failure !== undefined && <ErrorAlert error={failure} />}
          <ErrorSummary items={summaryItems(errors, labels)} focusKey={submitCount} />
          <TextField label={p.reviewOn} type="date" error={errors.reviewDate?.message} {...register('reviewDate')} />
          <CheckboxGroup legend={p.reasons} name="reasons" error={errors.reasons?.message}>
            {MITARBEIT_REASONS.map((r) => (
              <Checkbox key={r} label={MITARBEIT_REASON_LABELS[r]} value={r} {...register('reasons')} />
            ))}
          </CheckboxGroup>
          <TextArea label={p.note} optional error={errors.note?.message} {...register('note')} />
          <div className="button-row">
            <Button type="submit" busy={isSubmitting}>
              {p.saveReview}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t.common.cancel}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
