import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, TextLink } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { type ApiError, api, isApiError } from '../../lib/api.ts';
import { parseEuro } from '../../lib/money.ts';
import { budgetKeys, INSTRUMENT_LABELS, INSTRUMENTS, sourcesQuery } from './api.ts';

export const commitmentCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'budget/verpflichtungen/neu',
  beforeLoad: requirePermission('budget.write'),
  component: CommitmentCreatePage,
});

type Field = 'sourceId' | 'instrument' | 'description' | 'fromMonth' | 'toMonth' | 'total' | 'overrideReason';

function CommitmentCreatePage() {
  const { session } = commitmentCreateRoute.useRouteContext();
  const sources = useQuery(sourcesQuery);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [v, setV] = useState<Record<Field, string>>({
    sourceId: '',
    instrument: 'activation_45',
    description: '',
    fromMonth: '',
    toMonth: '',
    total: '',
    overrideReason: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [warning, setWarning] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: Field) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const sourceId = v.sourceId || sources.data?.[0]?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const total = parseEuro(v.total);
    const next: Partial<Record<Field, string>> = {};
    if (!total.ok) next.total = total.message;
    if (!v.description.trim()) next.description = 'Bitte eine Bezeichnung angeben.';
    if (!/^\d{4}-\d{2}$/.test(v.fromMonth)) next.fromMonth = 'Monat im Format JJJJ-MM angeben.';
    if (!/^\d{4}-\d{2}$/.test(v.toMonth)) next.toMonth = 'Monat im Format JJJJ-MM angeben.';
    setErrors(next);
    if (Object.keys(next).length || !total.ok) return;
    setBusy(true);
    try {
      const r = await api.post<{ id: string }>('/api/budget/commitments', {
        sourceId,
        instrument: v.instrument,
        description: v.description.trim(),
        fromMonth: v.fromMonth,
        toMonth: v.toMonth,
        totalCents: total.cents,
        ...(warning && v.overrideReason.trim() && { overrideReason: v.overrideReason.trim() }),
      });
      await queryClient.invalidateQueries({ queryKey: budgetKeys.all });
      await navigate({ to: '/budget/verpflichtungen/$commitmentId', params: { commitmentId: r.id } });
    } catch (err) {
      if (isApiError(err) && err.status === 409) setWarning(err.detail);
      else if (isApiError(err) && err.status === 422 && err.errors.length) {
        const map: Record<string, Field> = { totalCents: 'total' };
        setErrors(Object.fromEntries(err.errors.map((x) => [map[x.field] ?? x.field, x.message])));
      } else setFailure(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="kern-stack-lg">
      <PageTitle title="Manuelle Verpflichtung" />
      <TextLink to="/budget">Zur Budgetübersicht</TextLink>
      <form className="kern-stack form-width" onSubmit={submit} noValidate>
        <SelectField label="Mittelherkunft" name="sourceId" value={sourceId} onChange={set('sourceId')}>
          {(sources.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Instrument" name="instrument" value={v.instrument} onChange={set('instrument')}>
          {INSTRUMENTS.map((i) => (
            <option key={i} value={i}>
              {INSTRUMENT_LABELS[i]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Bezeichnung"
          name="description"
          value={v.description}
          onChange={set('description')}
          error={errors.description}
          maxLength={200}
        />
        <TextField
          label="Von Monat"
          name="fromMonth"
          type="month"
          placeholder="JJJJ-MM"
          value={v.fromMonth}
          onChange={set('fromMonth')}
          error={errors.fromMonth}
        />
        <TextField
          label="Bis Monat"
          name="toMonth"
          type="month"
          placeholder="JJJJ-MM"
          value={v.toMonth}
          onChange={set('toMonth')}
          error={errors.toMonth}
        />
        <TextField
          label="Betrag insgesamt in Euro"
          name="total"
          inputMode="decimal"
          hint="wird gleichmäßig auf die Monate verteilt"
          value={v.total}
          onChange={set('total')}
          error={errors.total}
        />
        {warning && (
          <Alert variant="warning" title="Freie Mittel reichen nicht" live="assertive">
            <p className="kern-body">{warning}</p>
          </Alert>
        )}
        {warning && can(session, 'budget.override') && (
          <TextField
            label="Begründung für die Überschreitung"
            name="overrideReason"
            hint="mindestens 10 Zeichen; wird protokolliert"
            value={v.overrideReason}
            onChange={set('overrideReason')}
            error={errors.overrideReason}
          />
        )}
        {failure && <ErrorAlert error={failure} />}
        <div>
          <Button type="submit" busy={busy}>
            {warning && can(session, 'budget.override') ? 'Trotzdem binden' : 'Mittel binden'}
          </Button>
        </div>
      </form>
    </div>
  );
}
