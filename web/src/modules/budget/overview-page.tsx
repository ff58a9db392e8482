import { useQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { ButtonLink } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { formatEuro } from '../../lib/money.ts';
import {
  type CommitmentRow,
  commitmentsQuery,
  INSTRUMENT_LABELS,
  type Instrument,
  monthText,
  ORIGIN_LABELS,
  type Overview,
  overviewQuery,
} from './api.ts';

const YEARS = Array.from({ length: 12 }, (_, i) => 2015 + i);

export const budgetOverviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'budget',
  beforeLoad: requirePermission('budget.read'),
  validateSearch: (s: Record<string, unknown>): { jahr?: number } => {
    const y = Number(s.jahr);
    return Number.isInteger(y) && y >= 2005 && y <= 2100 ? { jahr: y } : {};
  },
  component: BudgetOverviewPage,
});

type SourceRow = Overview['sources'][number];
type CellRow = Overview['cells'][number] & { sourceLabel: string };

const money = (c: number) => <span className={c < 0 ? 'text-danger' : undefined}>{formatEuro(c)}</span>;

const sourceColumns: Column<SourceRow>[] = [
  { header: 'Mittelherkunft', rowHeader: true, cell: (s) => s.label },
  { header: 'Zuteilung', numeric: true, cell: (s) => (s.allocatedCents === null ? '–' : formatEuro(s.allocatedCents)) },
  { header: 'Plan', numeric: true, cell: (s) => formatEuro(s.plannedCents) },
  { header: 'Gebunden', numeric: true, cell: (s) => formatEuro(s.committedCents) },
  { header: 'Gezahlt', numeric: true, cell: (s) => formatEuro(s.paidCents) },
  { header: 'Frei', numeric: true, cell: (s) => money(s.freeCents) },
  { header: 'Hochrechnung Jahresende', numeric: true, cell: (s) => formatEuro(s.projection.projectedCents) },
];

const cellColumns: Column<CellRow>[] = [
  {
    header: 'Instrument',
    rowHeader: true,
    cell: (c) => <span title={INSTRUMENT_LABELS[c.instrument as Instrument]}>{c.label}</span>,
  },
  { header: 'Mittelherkunft', cell: (c) => c.sourceLabel },
  { header: 'Plan', numeric: true, cell: (c) => formatEuro(c.plannedCents) },
  { header: 'Gebunden', numeric: true, cell: (c) => formatEuro(c.committedCents) },
  { header: 'Gezahlt', numeric: true, cell: (c) => formatEuro(c.paidCents) },
  { header: 'Frei', numeric: true, cell: (c) => money(c.freeCents) },
];

const commitmentColumns: Column<CommitmentRow>[] = [
  {
    header: 'Verpflichtung',
    rowHeader: true,
    cell: (c) => (
      <Link to="/budget/verpflichtungen/$commitmentId" params={{ commitmentId: c.id }} className="kern-link">
        {c.description}
      </Link>
    ),
  },
  { header: 'Herkunft', cell: (c) => ORIGIN_LABELS[c.origin] },
  { header: 'Zeitraum', cell: (c) => `${monthText(c.firstMonth)} – ${monthText(c.lastMonth)}` },
  { header: 'Gebunden', numeric: true, cell: (c) => formatEuro(c.committedCents) },
  { header: 'Gezahlt', numeric: true, cell: (c) => formatEuro(c.paidCents) },
  { header: 'Offen', numeric: true, cell: (c) => formatEuro(c.committedCents - c.paidCents) },
];

function BudgetOverviewPage() {
  const { session } = budgetOverviewRoute.useRouteContext();
  const search = budgetOverviewRoute.useSearch();
  const navigate = budgetOverviewRoute.useNavigate();
  const year = search.jahr ?? new Date().getFullYear();
  const overview = useQuery(overviewQuery(year));
  const commitments = useQuery(commitmentsQuery(year));
  const o = overview.data;
  const labels = new Map((o?.sources ?? []).map((s) => [s.sourceId, s.label]));
  return (
    <div className="kern-stack-lg">
      <PageTitle title="Eingliederungsbudget" />
      <div className="button-row">
        <div className="form-width">
          <SelectField
            label="Haushaltsjahr"
            name="jahr"
            value={year}
            onChange={(e) => void navigate({ search: { jahr: Number(e.target.value) } })}
          >
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        </div>
        {can(session, 'budget.write') && (
          <ButtonLink to="/budget/verpflichtungen/neu" icon="add">
            Manuelle Verpflichtung
          </ButtonLink>
        )}
      </div>
      {overview.isPending && <Loading />}
      {overview.isError && <ErrorAlert error={overview.error} />}
      {o && (
        <>
          <section className="kern-stack" aria-labelledby="je-herkunft">
            <h2 id="je-herkunft" className="kern-heading-medium">
              Je Mittelherkunft {year}
            </h2>
            <DataTable
              caption={`Plan, gebunden, gezahlt und frei je Mittelherkunft ${year}`}
              captionHidden
              columns={sourceColumns}
              rows={o.sources}
              rowKey={(s) => s.sourceId}
            />
            <p className="kern-body" data-testid="budget-totals">
              Insgesamt: Plan {formatEuro(o.totals.plannedCents)} · gebunden {formatEuro(o.totals.committedCents)} · gezahlt{' '}
              {formatEuro(o.totals.paidCents)} · frei {formatEuro(o.totals.freeCents)}
            </p>
            <p className="kern-body">
              Hochrechnung zum Jahresende (Stand {formatDate(o.asOf)}): {formatEuro(o.totals.projection.projectedCents)} – gezahlt
              plus das Größere aus offenen Bindungen des Jahres ({formatEuro(o.totals.projection.openCommittedCents)}) und
              bisherigem Monatsdurchschnitt ({formatEuro(o.totals.projection.runRateCents)}) ×{' '}
              {o.totals.projection.remainingMonths} restliche Monate.
            </p>
          </section>
          <section className="kern-stack" aria-labelledby="je-instrument">
            <h2 id="je-instrument" className="kern-heading-medium">
              Je Instrument
            </h2>
            <DataTable
              caption={`Plan, gebunden, gezahlt und frei je Instrument ${year}`}
              captionHidden
              columns={cellColumns}
              rows={o.cells.map((c) => ({ ...c, sourceLabel: labels.get(c.sourceId) ?? '' }))}
              rowKey={(c) => `${c.sourceId}/${c.instrument}`}
            />
          </section>
        </>
      )}
      <section className="kern-stack" aria-labelledby="verpflichtungen">
        <h2 id="verpflichtungen" className="kern-heading-medium">
          Verpflichtungen mit Monaten in {year}
        </h2>
        {commitments.isError && <ErrorAlert error={commitments.error} />}
        {commitments.data && (
          <DataTable
            caption={`Verpflichtungen ${year}`}
            captionHidden
            columns={commitmentColumns}
            rows={commitments.data}
            rowKey={(c) => c.id}
          />
        )}
      </section>
    </div>
  );
}
