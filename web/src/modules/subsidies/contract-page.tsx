import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Button, TextLink } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { type ApiError, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { formatEuro } from '../../lib/money.ts';
import { BASIS_LABELS, contractQuery, subsidyKeys } from './api.ts';
import { ContractEndForm } from './contract-end-form.tsx';
import { lastDay } from './contracts-page.tsx';
import { PaymentForm } from './payment-form.tsx';

export const contractRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'foerderung/$contractId',
  beforeLoad: requirePermission('subsidy.read'),
  component: ContractPage,
});

const monthText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

function ContractPage() {
  const { contractId } = contractRoute.useParams();
  const { session } = contractRoute.useRouteContext();
  const q = useQuery(contractQuery(contractId));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const total = c.schedule.reduce((a, m) => a + m.cents, 0);
  const paid = c.schedule.reduce((a, m) => a + m.paidCents, 0);
  return (
    <div className="kern-stack-lg">
      <PageTitle title={`${BASIS_LABELS[c.basis]}: ${c.personName}`}>
        <p className="kern-body">
          Kundennummer {c.customerNumber} · {c.employer} · {formatDate(c.startsOn)} bis{' '}
          {formatDate(lastDay(c.endedOn ?? c.endsOn))}
          {c.endedOn && ' (vorzeitig beendet)'} · {c.weeklyHours.toLocaleString('de-DE')} Wochenstunden ·{' '}
          {c.wageBasis === 'agreed' ? `Tarif- oder gezahlter Lohn ${formatEuro(c.agreedHourlyCents ?? 0)}/Std.` : 'Mindestlohn'}
          {c.patShareBp > 0 && ` · PAT-Anteil ${(c.patShareBp / 100).toLocaleString('de-DE')} %`}
        </p>
      </PageTitle>
      <TextLink to="/foerderung">Zur Übersicht geförderte Beschäftigung</TextLink>
      <p className="kern-body">
        Zuschuss insgesamt {formatEuro(total)}, ausgezahlt {formatEuro(paid)}. Voraussetzungen:{' '}
        {c.eligible === 'yes'
          ? 'erfüllt'
          : c.eligible === 'no'
            ? `nicht erfüllt, bewilligt mit Begründung: ${c.overrideReason ?? ''}`
            : 'nicht geprüft (übernommene Daten)'}
        .
      </p>
      {can(session, 'subsidy.write') && <CoachingForm id={contractId} />}
      {can(session, 'subsidy.write') && <PaymentForm contract={c} />}
      {can(session, 'subsidy.write') && <ContractEndForm contract={c} />}
      <section className="kern-stack" aria-labelledby="zahlplan">
        <h2 id="zahlplan" className="kern-heading-medium">
          Zahlplan
        </h2>
        <DataTable
          caption="Zahlplan je Monat"
          captionHidden
          columns={[
            { header: 'Monat', rowHeader: true, cell: (m) => monthText(m.month) },
            {
              header: 'Stundenlohn',
              numeric: true,
              cell: (m) => [...new Set(m.segments.map((s) => formatEuro(s.hourlyCents)))].join(' / '),
            },
            {
              header: 'Fördersatz',
              numeric: true,
              cell: (m) => [...new Set(m.segments.map((s) => `${s.percent} %`))].join(' / '),
            },
            { header: 'Zuschuss', numeric: true, cell: (m) => formatEuro(m.cents) },
            { header: 'davon PAT', numeric: true, cell: (m) => formatEuro(m.patCents) },
            { header: 'ausgezahlt', numeric: true, cell: (m) => formatEuro(m.paidCents) },
          ]}
          rows={c.schedule}
          rowKey={(m) => m.month}
        />
      </section>
      <section className="kern-stack" aria-labelledby="coaching">
        <h2 id="coaching" className="kern-heading-medium">
          Coaching ({c.coachingHours.toLocaleString('de-DE')} Stunden)
        </h2>
        <DataTable
          caption="Coaching-Termine"
          captionHidden
          columns={[
            { header: 'Datum', rowHeader: true, cell: (s) => formatDate(s.heldOn) },
            { header: 'Stunden', numeric: true, cell: (s) => (s.minutes / 60).toLocaleString('de-DE') },
          ]}
          rows={c.coaching}
          rowKey={(s) => s.id}
          empty="Noch kein Coaching erfasst."
        />
      </section>
    </div>
  );
}

function CoachingForm({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const [heldOn, setHeldOn] = useState(new Date().toISOString().slice(0, 10));
  const [hours, setHours] = useState('');
  const [error, setError] = useState<{ heldOn?: string; hours?: string }>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    setFailure(null);
    const h = Number(hours.replace(',', '.'));
    if (!(h > 0)) return setError({ hours: 'Bitte die Dauer in Stunden angeben, z. B. 2,5.' });
    setError({});
    try {
      await api.post(`/api/subsidies/contracts/${encodeURIComponent(id)}/coaching`, { heldOn, hours: h });
      setDone('Coaching-Termin erfasst.');
      setHours('');
      await queryClient.invalidateQueries({ queryKey: subsidyKeys.all });
    } catch (err) {
      const a = err as ApiError;
      if (a.status === 422 && a.errors?.length) setError({ heldOn: a.fieldMessage('heldOn'), hours: a.fieldMessage('hours') });
      else setFailure(a);
    }
  }
  return (
    <section className="kern-card card-section" aria-labelledby="coaching-neu">
      <form className="kern-stack form-width" onSubmit={submit} noValidate>
        <h2 id="coaching-neu" className="kern-heading-medium">
          Coaching-Termin erfassen
        </h2>
        <TextField
          label="Datum"
          name="heldOn"
          type="date"
          value={heldOn}
          onChange={(e) => setHeldOn(e.target.value)}
          error={error.heldOn}
        />
        <TextField
          label="Stunden"
          name="hours"
          inputMode="decimal"
          hint="in Viertelstunden, z. B. 1,5"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={error.hours}
        />
        {failure && <ErrorAlert error={failure} />}
        <p className="kern-body" role="status">
          {done}
        </p>
        <div>
          <Button type="submit">Termin erfassen</Button>
        </div>
      </form>
    </section>
  );
}
