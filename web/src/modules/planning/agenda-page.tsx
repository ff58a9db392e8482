import { useQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { STEP_OWNER_LABELS } from '../../../../src/modules/planning/codes.ts';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { Checkbox, SelectField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { type Agenda, agendaQuery, personName } from './api.ts';

const p = t.planning;
const HORIZONS = [7, 14, 28, 60, 90, 180, 365];

/** /termine: "Meine Termine und Fristen" – due steps, reviews and appointments of the caller's teams. */
export const agendaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'termine',
  beforeLoad: requirePermission('planning.read'),
  loader: ({ context }) => context.queryClient.fetchQuery(agendaQuery(28, false)),
  component: AgendaPage,
});

function PersonLink({ row }: { row: { personId: string; familyName: string; givenNames: string } }) {
  return (
    <Link to="/personen/$personId/integrationsplanung" params={{ personId: row.personId }} className="kern-link">
      {personName(row)}
    </Link>
  );
}

const due = (date: string, overdue: boolean) => (overdue ? `${formatDate(date)} (${p.overdue})` : formatDate(date));

function AgendaPage() {
  const [days, setDays] = useState(28);
  const [mine, setMine] = useState(false);
  const agenda = useQuery(agendaQuery(days, mine));
  const data: Agenda | undefined = agenda.data;
  return (
    <div className="kern-stack-lg">
      <PageTitle title={p.agendaTitle} />
      <div className="filter-grid">
        <SelectField
          label={p.horizon}
          name="horizon"
          value={String(days)}
          onChange={(e) => setDays(Number(e.currentTarget.value))}
        >
          {HORIZONS.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </SelectField>
        <Checkbox label={p.onlyMine} name="mine" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
      </div>
      {agenda.isPending && <Loading />}
      {agenda.isError && <ErrorAlert error={agenda.error} />}
      {data && (
        <>
          <p className="kern-body" role="status">
            {p.agendaIntro(formatDate(data.until))}
          </p>
          <section className="kern-stack" aria-labelledby="schritte-titel">
            <h2 className="kern-heading-medium" id="schritte-titel">
              {p.dueSteps} ({data.steps.length})
            </h2>
            <DataTable
              caption={p.dueSteps}
              captionHidden
              empty={p.noneDue}
              rows={data.steps}
              rowKey={(s) => `${s.personId}-${s.dueDate}-${s.description}`}
              columns={[
                { header: p.dueDate, rowHeader: true, cell: (s) => due(s.dueDate, s.overdue) },
                { header: p.person, cell: (s) => <PersonLink row={s} /> },
                { header: p.stepDescription, cell: (s) => s.description },
                { header: p.owner, cell: (s) => STEP_OWNER_LABELS[s.owner] },
              ]}
            />
          </section>
          <section className="kern-stack" aria-labelledby="ueberpruefungen-titel">
            <h2 className="kern-heading-medium" id="ueberpruefungen-titel">
              {p.reviewsDue} ({data.reviews.length})
            </h2>
            <DataTable
              caption={p.reviewsDue}
              captionHidden
              empty={p.noneDue}
              rows={data.reviews}
              rowKey={(r) => r.personId}
              columns={[
                { header: p.reviewDate, rowHeader: true, cell: (r) => due(r.reviewDate, r.overdue) },
                { header: p.person, cell: (r) => <PersonLink row={r} /> },
                { header: p.sectionTitle, cell: (r) => r.planLabel },
              ]}
            />
          </section>
          <section className="kern-stack" aria-labelledby="termine-titel">
            <h2 className="kern-heading-medium" id="termine-titel">
              {p.appointments} ({data.appointments.length})
            </h2>
            <DataTable
              caption={p.appointments}
              captionHidden
              empty={p.noneDue}
              rows={data.appointments}
              rowKey={(a) => a.contactId}
              columns={[
                {
                  header: p.contactDate,
                  rowHeader: true,
                  cell: (a) => `${formatDate(a.contactDate)}, ${a.contactTime}${a.resultMissing ? ` (${p.resultMissing})` : ''}`,
                },
                { header: p.person, cell: (a) => <PersonLink row={a} /> },
                { header: p.contactKind, cell: (a) => a.kindLabel },
                { header: p.contactStaff, cell: (a) => a.staffName },
              ]}
            />
          </section>
        </>
      )}
    </div>
  );
}
