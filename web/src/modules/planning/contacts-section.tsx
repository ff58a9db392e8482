import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  CONTACT_KIND_LABELS,
  CONTACT_KINDS,
  CONTACT_STATUS_LABELS,
  CONTACT_STATUSES,
} from '../../../../src/modules/planning/codes.ts';
import { Button } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { SaveFailure, StatusMessage } from '../people/feedback.tsx';
import { type PlanningView, planningKeys } from './api.ts';

const p = t.planning;

interface ContactValues {
  kind: string;
  contactDate: string;
  contactTime: string;
  status: string;
  note: string;
}

/** Contacts and appointments of a person: list, "held"/"missed" for past planned ones, and a form. */
export function ContactsSection({ view, canWrite }: { view: PlanningView; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const status = useRef<HTMLDivElement>(null);
  const today = todayIso();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ContactValues>({
    defaultValues: { kind: 'counselling', contactDate: today, contactTime: '09:00', status: 'planned', note: '' },
    shouldFocusError: false,
  });
  const labels = {
    kind: p.contactKind,
    contactDate: p.contactDate,
    contactTime: p.contactTime,
    status: p.contactStatus,
    note: p.contactNote,
  };
  const refresh = async (text: string) => {
    await queryClient.invalidateQueries({ queryKey: planningKeys.all });
    setMessage(text);
    status.current?.focus();
  };

  const mark = async (id: string, version: number, next: 'held' | 'missed') => {
    setFailure(undefined);
    try {
      await api.patch(`/api/planning/contacts/${encodeURIComponent(id)}`, { version, status: next });
      await refresh(p.contactSaved);
    } catch (e) {
      setFailure(e);
    }
  };

  return (
    <section className="kern-stack" aria-labelledby="kontakte-titel">
      <h2 className="kern-heading-medium" id="kontakte-titel">
        {p.contacts}
      </h2>
      <p className="kern-body">{p.missed(view.missedCount)}</p>
      <StatusMessage text={message} ref={status} />
      {failure !== undefined && (
        <SaveFailure error={failure} keepText="" onReload={() => queryClient.invalidateQueries({ queryKey: planningKeys.all })} />
      )}
      <DataTable
        caption={p.contacts}
        captionHidden
        empty={p.noContacts}
        rows={view.contacts}
        rowKey={(c) => c.id}
        columns={[
          { header: p.contactDate, rowHeader: true, cell: (c) => `${formatDate(c.contactDate)}, ${c.contactTime}` },
          { header: p.contactKind, cell: (c) => c.kindLabel },
          { header: p.contactStatus, cell: (c) => c.statusLabel },
          { header: p.contactStaff, cell: (c) => c.staffName },
          { header: p.contactNote, cell: (c) => c.note ?? t.common.none },
          {
            header: t.common.edit,
            cell: (c) =>
              canWrite && c.status === 'planned' && c.contactDate <= today ? (
                <div className="table-actions">
                  <Button variant="secondary" onClick={() => mark(c.id, c.version, 'held')}>
                    {p.markHeld}
                    <span className="sr-extra">: {p.markFor(c.kindLabel, formatDate(c.contactDate))}</span>
                  </Button>
                  <Button variant="secondary" onClick={() => mark(c.id, c.version, 'missed')}>
                    {p.markMissed}
                    <span className="sr-extra">: {p.markFor(c.kindLabel, formatDate(c.contactDate))}</span>
                  </Button>
                </div>
              ) : (
                t.common.none
              ),
          },
        ]}
      />
      {canWrite && !open && (
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              setMessage(undefined);
              setOpen(true);
            }}
          >
            {p.addContact}
          </Button>
        </div>
      )}
      {canWrite && open && (
        <form
          className="kern-stack form-width"
          noValidate
          aria-label={p.addContact}
          onSubmit={handleSubmit(async (v) => {
            setFailure(undefined);
            try {
              await api.post(`/api/planning/persons/${encodeURIComponent(view.person.id)}/contacts`, v);
              reset();
              setOpen(false);
              await refresh(p.contactSaved);
            } catch (e) {
              if (!applyServerErrors(e, setError, ['kind', 'contactDate', 'contactTime', 'status', 'note'])) setFailure(e);
            }
          })}
        >
          <ErrorSummary items={summaryItems(errors, labels)} focusKey={submitCount} />
          <SelectField label={p.contactKind} error={errors.kind?.message} {...register('kind')}>
            {CONTACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {CONTACT_KIND_LABELS[k]}
              </option>
            ))}
          </SelectField>
          <TextField label={p.contactDate} type="date" error={errors.contactDate?.message} {...register('contactDate')} />
          <TextField label={p.contactTime} type="time" error={errors.contactTime?.message} {...register('contactTime')} />
          <SelectField label={p.contactStatus} error={errors.status?.message} {...register('status')}>
            {CONTACT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CONTACT_STATUS_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <TextField label={p.contactNote} optional error={errors.note?.message} {...register('note')} />
          <div className="button-row">
            <Button type="submit" busy={isSubmitting}>
              {p.saveContact}
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
