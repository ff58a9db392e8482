import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { Button } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { type EvaluationReport, evaluationQuery } from './api.ts';
import { percent } from './labels.ts';

/** /massnahmen/auswertung: per measure and provider, for a period (default: the latest year with exits). */
export const evaluationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'massnahmen/auswertung',
  beforeLoad: requirePermission('measure.evaluate'),
  component: EvaluationPage,
});

type Row = EvaluationReport['measures'][number];
type ProviderRow = EvaluationReport['providers'][number];

const measureColumns: Column<Row>[] = [
  { header: 'Maßnahme', rowHeader: true, cell: (r) => r.name },
  { header: 'Träger', cell: (r) => r.providerName },
  { header: 'Ø Belegung', numeric: true, cell: (r) => `${r.averageParticipants.toLocaleString('de-DE')} / ${r.places}` },
  { header: 'Eintritte', numeric: true, cell: (r) => String(r.entries) },
  { header: 'Austritte', numeric: true, cell: (r) => String(r.exits) },
  { header: 'Abbruchquote', numeric: true, cell: (r) => percent(r.dropoutRate) },
  { header: 'Austritte in Arbeit/Ausbildung', numeric: true, cell: (r) => percent(r.workOrTrainingShare) },
  {
    header: 'Integration binnen 6 Monaten',
    numeric: true,
    cell: (r) => `${percent(r.integrationRate)} (${r.integrated} von ${r.integrationBase})`,
  },
  { header: 'Frauen', numeric: true, cell: (r) => percent(r.bySex.w?.integrationRate) },
  { header: 'Männer', numeric: true, cell: (r) => percent(r.bySex.m?.integrationRate) },
  { header: 'LZB', numeric: true, cell: (r) => percent(r.byGroup.lzb?.integrationRate) },
  { header: 'U25', numeric: true, cell: (r) => percent(r.byGroup.u25?.integrationRate) },
  {
    header: 'Vertragsziel',
    cell: (r) =>
      r.integrationTargetPercent === null
        ? 'keins'
        : `${r.integrationTargetPercent} % – ${r.meetsTarget === null ? 'noch offen' : r.meetsTarget ? 'erreicht' : 'nicht erreicht'}`,
  },
];

const providerColumns: Column<ProviderRow>[] = [
  { header: 'Träger', rowHeader: true, cell: (r) => r.name },
  { header: 'Eintritte', numeric: true, cell: (r) => String(r.entries) },
  { header: 'Austritte', numeric: true, cell: (r) => String(r.exits) },
  { header: 'Abbruchquote', numeric: true, cell: (r) => percent(r.dropoutRate) },
  { header: 'Austritte in Arbeit/Ausbildung', numeric: true, cell: (r) => percent(r.workOrTrainingShare) },
  { header: 'Integration binnen 6 Monaten', numeric: true, cell: (r) => percent(r.integrationRate) },
];

function EvaluationPage() {
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const report = useQuery(evaluationQuery(period.from ?? '', period.to ?? ''));
  const data = report.data;
  return (
    <div className="kern-stack-lg">
      <PageTitle title="Auswertung der Maßnahmen" />
      <p className="kern-body">
        Gezählt werden Eintritte und Austritte im Zeitraum. Integration binnen 6 Monaten: Austritt in Arbeit oder Ausbildung, oder
        der sechs Monate nach dem Austritt erfasste Verbleib „Integration“; Grundlage sind Austritte, deren sechs Monate vorbei
        sind oder deren Ergebnis feststeht. Nur Summen, keine Namen.
      </p>
      <form
        className="filter-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setPeriod({ from: draft.from || undefined, to: draft.to || undefined });
        }}
      >
        <TextField
          label="Von"
          name="from"
          type="date"
          value={draft.from || data?.from || ''}
          onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
        />
        <TextField
          label="Bis"
          name="to"
          type="date"
          value={draft.to || data?.to || ''}
          onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
        />
        <div className="filter-grid__submit">
          <Button type="submit" busy={report.isFetching}>
            Auswerten
          </Button>
        </div>
      </form>
      {report.isPending && <Loading />}
      {report.isError && <ErrorAlert error={report.error} />}
      {data && (
        <>
          <p className="kern-body" role="status">{`Zeitraum ${formatDate(data.from)} bis ${formatDate(data.to)}`}</p>
          <DataTable caption="Je Maßnahme" columns={measureColumns} rows={data.measures} rowKey={(r) => r.measureId} />
          <DataTable caption="Je Träger" columns={providerColumns} rows={data.providers} rowKey={(r) => r.providerId} />
        </>
      )}
    </div>
  );
}
