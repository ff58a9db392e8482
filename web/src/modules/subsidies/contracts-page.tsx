import { useQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { type ContractRow, coachingQuery, contractsQuery, jobsQuery } from './api.ts';

export const contractsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'foerderung',
  beforeLoad: requirePermission('subsidy.read'),
  component: ContractsPage,
});

const SEX = { m: 'männlich', w: 'weiblich', d: 'divers' } as const;

const columns: Column<ContractRow>[] = [
  {
    header: 'Person',
    rowHeader: true,
    cell: (c) => (
      <Link to="/foerderung/$contractId" params={{ contractId: c.id }} className="kern-link">
        {c.personName}
      </Link>
    ),
  },
  { header: 'Kundennummer', cell: (c) => c.customerNumber },
  { header: 'Förderung', cell: (c) => `§ ${c.basis}` },
  { header: 'Arbeitgeber', cell: (c) => c.employer },
  { header: 'Beginn', cell: (c) => formatDate(c.startsOn) },
  { header: 'Ende', cell: (c) => formatDate(lastDay(c.endedOn ?? c.endsOn)) },
  { header: 'Geschlecht', cell: (c) => SEX[c.sex] },
];

/** Half-open end → last day, for display. */
export function lastDay(end: string): string {
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function ContractsPage() {
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const list = useQuery({ ...contractsQuery(day), enabled: valid });
  const jobs = useQuery({ ...jobsQuery(day), enabled: valid });
  const coaching = useQuery({ ...coachingQuery(day.slice(0, 7)), enabled: valid });
  return (
    <div className="kern-stack-lg">
      <PageTitle title="Geförderte Beschäftigung (§ 16i, § 16e SGB II)" />
      <p className="kern-body">
        Einen Fördervertrag legen Sie auf der Personenseite an: „§ 16i/§ 16e prüfen“, dann „Fördervertrag anlegen“.
      </p>
      <div className="form-width">
        <TextField label="Stichtag" name="stichtag" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      </div>
      <section className="kern-stack" aria-labelledby="stichtag-tabelle">
        <h2 id="stichtag-tabelle" className="kern-heading-medium">
          Beschäftigungsverhältnisse am {valid ? formatDate(day) : '–'}
        </h2>
        {jobs.isError && <ErrorAlert error={jobs.error} />}
        {jobs.data && (
          <DataTable
            caption="Geförderte Beschäftigungsverhältnisse am Stichtag nach Geschlecht"
            captionHidden
            columns={[
              { header: 'Förderung', rowHeader: true, cell: (r) => `§ ${r.basis}` },
              { header: 'Anzahl gesamt', numeric: true, cell: (r) => r.total },
              { header: 'davon männlich', numeric: true, cell: (r) => r.men },
              { header: 'davon weiblich', numeric: true, cell: (r) => r.women },
              { header: 'davon divers', numeric: true, cell: (r) => r.diverse },
            ]}
            rows={jobs.data.rows}
            rowKey={(r) => r.basis}
          />
        )}
        {coaching.data && (
          <p className="kern-body">
            Coaching im Monat: {coaching.data.hours.toLocaleString('de-DE')} Stunden für {coaching.data.persons} geförderte
            Personen, durchschnittlich {coaching.data.averageHours.toLocaleString('de-DE')} Stunden je Person.
          </p>
        )}
      </section>
      <section className="kern-stack" aria-labelledby="vertraege">
        <h2 id="vertraege" className="kern-heading-medium">
          Laufende Förderverträge
        </h2>
        {list.isPending && valid && <Loading />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && (
          <DataTable
            caption="Laufende Förderverträge am Stichtag"
            captionHidden
            columns={columns}
            rows={list.data}
            rowKey={(c) => c.id}
          />
        )}
      </section>
    </div>
  );
}
