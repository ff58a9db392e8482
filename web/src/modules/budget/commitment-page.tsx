import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, TextLink } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { type ApiError, api, isApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { formatEuro, parseEuro } from '../../lib/money.ts';
import { budgetKeys, commitmentQuery, INSTRUMENT_LABELS, type Instrument, monthText, ORIGIN_LABELS } from './api.ts';

export const commitmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'budget/verpflichtungen/$commitmentId',
  beforeLoad: requirePermission('budget.read'),
  component: CommitmentPage,
});

function CommitmentPage() {
  const { commitmentId } = commitmentRoute.useParams();
  const { session } = commitmentRoute.useRouteContext();
  const q = useQuery(commitmentQuery(commitmentId));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <div className="kern-stack-lg">
      <PageTitle title={c.description}>
        <p className="kern-body">
          {ORIGIN_LABELS[c.origin]} · {c.sourceLabel} · {INSTRUMENT_LABELS[c.instrument as Instrument]}
        </p>
      </PageTitle>
      <TextLink to="/budget">Zur Budgetübersicht</TextLink>
      <dl className="kern-description-list" data-testid="commitment-sums">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Gebunden</dt>
          <dd className="kern-description-list-item__value">{formatEuro(c.committedCents)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Gezahlt</dt>
          <dd className="kern-description-list-item__value">{formatEuro(c.paidCents)}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">Offen</dt>
          <dd className="kern-description-list-item__value">{formatEuro(c.openCents)}</dd>
        </div>
      </dl>
      {c.overrideReason && (
        <Alert variant="warning" title="Über die freien Mittel hinaus gebucht">
          <p className="kern-body">Begründung: {c.overrideReason}</p>
        </Alert>
      )}
      {can(session, 'budget.write') && c.openCents > 0 && <InvoiceForm id={commitmentId} open={c.openCents} />}
      <section className="kern-stack" aria-labelledby="zahlungen">
        <h2 id="zahlungen" className="kern-heading-medium">
          Zahlungen
        </h2>
        <DataTable
          caption="Zahlungen"
          captionHidden
          columns={[
            { header: 'Zahltag', rowHeader: true, cell: (p) => formatDate(p.paidOn) },
            { header: 'Für Monat', cell: (p) => monthText(p.forMonth) },
            { header: 'Beleg', cell: (p) => p.reference ?? '–' },
            { header: 'Betrag', numeric: true, cell: (p) => formatEuro(p.cents) },
          ]}
          rows={c.payments}
          rowKey={(p) => p.id}
          empty="Noch keine Zahlungen."
        />
      </section>
      <section className="kern-stack" aria-labelledby="monate">
        <h2 id="monate" className="kern-heading-medium">
          Gebundene Monate
        </h2>
        <DataTable
          caption="Gebundene Monate"
          captionHidden
          columns={[
            { header: 'Monat', rowHeader: true, cell: (m) => monthText(m.month) },
            { header: 'Betrag', numeric: true, cell: (m) => formatEuro(m.cents) },
          ]}
          rows={c.months}
          rowKey={(m) => m.month}
        />
      </section>
    </div>
  );
}

function InvoiceForm({ id, open }: { id: string; open: number }) {
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(new Date().toISOString().slice(0, 10));
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; paidOn?: string }>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    setFailure(null);
    const parsed = parseEuro(amount);
    if (!parsed.ok) return setErrors({ amount: parsed.message });
    if (parsed.cents === 0) return setErrors({ amount: 'Der Betrag muss größer als 0 sein.' });
    setErrors({});
    setBusy(true);
    try {
      await api.post(`/api/budget/commitments/${encodeURIComponent(id)}/payments`, {
        cents: parsed.cents,
        paidOn,
        ...(reference.trim() && { reference: reference.trim() }),
      });
      setDone(`Rechnung über ${formatEuro(parsed.cents)} gebucht.`);
      setAmount('');
      setReference('');
      await queryClient.invalidateQueries({ queryKey: budgetKeys.all });
    } catch (err) {
      if (isApiError(err) && err.status === 422 && err.errors.length)
        setErrors({ amount: err.fieldMessage('cents'), paidOn: err.fieldMessage('paidOn') });
      else setFailure(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="kern-card card-section" aria-labelledby="rechnung">
      <form className="kern-stack form-width" onSubmit={submit} noValidate>
        <h2 id="rechnung" className="kern-heading-medium">
          Rechnung buchen
        </h2>
        <p className="kern-body">Offen: {formatEuro(open)}</p>
        <TextField
          label="Betrag in Euro"
          name="amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errors.amount}
          hint="z. B. 1.250,00"
        />
        <TextField
          label="Zahltag"
          name="paidOn"
          type="date"
          value={paidOn}
          onChange={(e) => setPaidOn(e.target.value)}
          error={errors.paidOn}
        />
        <TextField
          label="Beleg oder Rechnungsnummer"
          name="reference"
          optional
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          maxLength={100}
        />
        {failure && <ErrorAlert error={failure} />}
        <p className="kern-body" role="status">
          {done}
        </p>
        <div>
          <Button type="submit" busy={busy}>
            Rechnung buchen
          </Button>
        </div>
      </form>
    </section>
  );
}
