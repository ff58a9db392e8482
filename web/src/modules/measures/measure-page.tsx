import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, notFound } from '@tanstack/react-router';
import { useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, ButtonLink } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { formatDate, todayIso } from '../../lib/dates.ts';
import { formatEuro } from '../../lib/money.ts';
import { type MeasureDetail, measureKeys, measureQuery } from './api.ts';
import { durationText, legalBasisLabel, rhythmText, scheduleLabel, targetGroupText } from './labels.ts';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** /massnahmen/$measureId: the measure, its occupancy by week, the waiting list and quality notes. */
export const measureRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'massnahmen/$measureId',
  beforeLoad: requirePermission('measure.read'),
  loader: async ({ context, params }) => {
    if (!isUuid(params.measureId)) throw notFound();
    await context.queryClient.fetchQuery(measureQuery(params.measureId));
  },
  component: MeasurePage,
});

type Week = MeasureDetail['occupancy'][number];
type Waiting = MeasureDetail['waitingList'][number];
type Participant = MeasureDetail['participants'][number];

const participantColumns: Column<Participant>[] = [
  { header: 'Person', rowHeader: true, cell: (p) => p.person ?? '' },
  { header: 'Eintritt', cell: (p) => formatDate(p.entryDate) },
  { header: 'geplantes Ende', cell: (p) => formatDate(p.plannedEnd) },
];

function MeasurePage() {
  const { measureId } = measureRoute.useParams();
  const { session } = measureRoute.useRouteContext();
  const { data } = useSuspenseQuery(measureQuery(measureId));
  const m = data.measure;
  const weekColumns: Column<Week>[] = [
    { header: 'Woche ab', rowHeader: true, cell: (w) => formatDate(w.week) },
    { header: 'Teilnehmende', numeric: true, cell: (w) => String(w.participants) },
    { header: 'Eintritte', numeric: true, cell: (w) => String(w.entries) },
    {
      header: 'Auslastung',
      cell: (w) => {
        const pct = Math.round((100 * w.participants) / m.places);
        return (
          <span className="occupancy-bar">
            <span
              aria-hidden="true"
              style={{
                display: 'inline-block',
                width: `${Math.min(100, pct)}px`,
                height: '0.75rem',
                background: 'currentColor',
                marginRight: '0.5rem',
              }}
            />
            {`${pct} %`}
          </span>
        );
      },
    },
  ];
  const waitingColumns: Column<Waiting>[] = [
    { header: 'Platz', numeric: true, cell: (w) => String(w.position) },
    { header: 'Person', rowHeader: true, cell: (w) => w.person ?? 'Person eines anderen Teams' },
    { header: 'Zielgruppe', cell: (w) => (w.inTargetGroup ? 'ja' : 'nein (begründete Ausnahme)') },
    { header: 'wartet seit', cell: (w) => formatDate(w.waitingSince.slice(0, 10)) },
  ];
  return (
    <div className="kern-stack-lg">
      <PageTitle title={m.name} />
      {can(session, 'measure.manage') && (
        <div>
          <ButtonLink to="/massnahmen/$measureId/bearbeiten" params={{ measureId }} variant="secondary">
            Maßnahme bearbeiten
          </ButtonLink>
        </div>
      )}
      <section className="kern-card card-section" aria-labelledby="angaben">
        <div className="kern-card__container kern-stack">
          <h2 id="angaben" className="kern-heading-medium">
            Angaben
          </h2>
          {m.description && <p className="kern-body">{m.description}</p>}
          <dl className="kern-description-list">
            <Item label="Träger">{data.provider?.name ?? '–'}</Item>
            <Item label="Rechtsgrundlage">{legalBasisLabel(m.legalBasis)}</Item>
            <Item label="Zielgruppen">{targetGroupText(m.targetGroups)}</Item>
            <Item label="Standort">{m.site}</Item>
            <Item label="Plätze">{`${m.places} (belegt ${data.occupied}, frei ${data.free})`}</Item>
            <Item label="Einstieg">{rhythmText(m)}</Item>
            <Item label="Regeldauer">{durationText(m)}</Item>
            <Item label="Zeitmodell">
              {[scheduleLabel(m.scheduleKind), m.scheduleNote, m.daysPerWeek ? `${m.daysPerWeek} Tage je Woche` : null]
                .filter(Boolean)
                .join(', ')}
            </Item>
            <Item label="Kinderbetreuung vor Ort">{m.childcareOnSite ? 'ja' : 'nein'}</Item>
            <Item label="Kosten je Teilnehmermonat">{formatEuro(m.costPerMonthCents)}</Item>
            <Item label="Vertragslaufzeit">{`${formatDate(m.contractFrom)} bis ${m.contractUntil ? formatDate(m.contractUntil) : 'offen'}`}</Item>
            <Item label="Vertragsziel Integration">
              {m.integrationTargetPercent === null ? 'keins' : `${m.integrationTargetPercent} %`}
            </Item>
            {data.provider?.contacts.length ? (
              <Item label="Kontakt beim Träger">
                {data.provider.contacts.map((c) => [c.name, c.role, c.phone].filter(Boolean).join(', ')).join('; ')}
              </Item>
            ) : null}
          </dl>
        </div>
      </section>
      <section className="kern-stack" aria-labelledby="belegung">
        <h2 id="belegung" className="kern-heading-medium">
          Belegung je Woche
        </h2>
        <DataTable
          caption={`Belegung ${m.name} je Woche`}
          columns={weekColumns}
          rows={[...data.occupancy].reverse()}
          rowKey={(w) => w.week}
        />
      </section>
      <section className="kern-stack" aria-labelledby="warteliste">
        <h2 id="warteliste" className="kern-heading-medium">
          Warteliste
        </h2>
        <p className="kern-body">
          Reihenfolge: zuerst Personen der Zielgruppe der Maßnahme, dann in der Reihenfolge der Anmeldung.
        </p>
        <DataTable
          caption={`Warteliste ${m.name}`}
          captionHidden
          columns={waitingColumns}
          rows={data.waitingList}
          rowKey={(w) => w.assignmentId}
          empty="Niemand wartet auf einen Platz."
        />
      </section>
      {can(session, 'assignment.read') && (
        <section className="kern-stack" aria-labelledby="teilnehmende">
          <h2 id="teilnehmende" className="kern-heading-medium">
            Teilnehmende aus Ihren Teams
          </h2>
          <DataTable
            caption={`Teilnehmende ${m.name} aus Ihren Teams`}
            captionHidden
            columns={participantColumns}
            rows={data.participants}
            rowKey={(p) => p.assignmentId}
            empty="Niemand aus Ihren Teams nimmt gerade teil."
          />
        </section>
      )}
      {(can(session, 'measure.evaluate') || can(session, 'measure.manage')) && (
        <QualityNotes measureId={measureId} notes={data.qualityNotes} canWrite={can(session, 'measure.manage')} />
      )}
    </div>
  );
}

function QualityNotes({
  measureId,
  notes,
  canWrite,
}: {
  measureId: string;
  notes: MeasureDetail['qualityNotes'];
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const [meetingOn, setMeetingOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (f: string) => (isApiError(error) ? error.fieldMessage(f) : undefined);
  return (
    <section className="kern-stack" aria-labelledby="qualitaet">
      <h2 id="qualitaet" className="kern-heading-medium">
        Qualitätsgespräche mit dem Träger
      </h2>
      {notes.length ? (
        <ul className="kern-list">
          {notes.map((n) => (
            <li key={n.id} className="kern-body">{`${formatDate(n.meetingOn)} (${n.author}): ${n.note}`}</li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">Noch keine Notiz.</p>
      )}
      {canWrite && (
        <form
          className="kern-stack"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await api.post(`/api/measures/${encodeURIComponent(measureId)}/quality-notes`, { meetingOn, note });
              setNote('');
              await queryClient.invalidateQueries({ queryKey: measureKeys.detail(measureId) });
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          <TextField
            label="Datum des Gesprächs"
            name="meetingOn"
            type="date"
            value={meetingOn}
            error={fieldError('meetingOn')}
            onChange={(e) => setMeetingOn(e.currentTarget.value)}
          />
          <TextField
            label="Notiz"
            name="note"
            value={note}
            error={fieldError('note')}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {error && !isApiError(error) ? <ErrorAlert error={error} /> : null}
          {isApiError(error) && !error.errors.length ? (
            <Alert variant="danger" title={error.title}>
              {error.detail}
            </Alert>
          ) : null}
          <div>
            <Button type="submit" variant="secondary" busy={busy}>
              Notiz speichern
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children}</dd>
    </div>
  );
}
