import { useQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { formatMonth } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { type DashboardView, dashboardQuery, dataMonthQuery, exportUrl, type SeriesPoint, seriesQuery } from './api.ts';
import { formatChange, formatCount, formatDecimal, formatEuros, formatFigure, formatPercent } from './format.ts';
import { MonthForm } from './month-form.tsx';
import './dashboard.css';

// ECharts is large: its chunk loads with the first chart, not with the app
const Sparkline = lazy(() => import('./sparkline.tsx').then((m) => ({ default: m.Sparkline })));

interface DashboardSearch {
  monat?: string;
  bereich?: string;
}

/** /kennzahlen: the key figures of a month for the Jobcenter, a site or a team (indicators.read). */
export const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'kennzahlen',
  validateSearch: (search: Record<string, unknown>): DashboardSearch => ({
    monat: typeof search.monat === 'string' && /^\d{4}-\d{2}$/.test(search.monat) ? search.monat : undefined,
    bereich: typeof search.bereich === 'string' ? search.bereich : undefined,
  }),
  beforeLoad: requirePermission('indicators.read'),
  component: DashboardPage,
});

type Figure = DashboardView['figures'][number];
type Structure = DashboardView['structure'][number];

const isMoney = (code: string) => code === 'K1' || code === 'K1E1';
const amount = (code: string, n: number) => (isMoney(code) ? formatEuros(n) : formatDecimal(n));

function DashboardPage() {
  const search = dashboardRoute.useSearch();
  const navigate = dashboardRoute.useNavigate();
  const dataMonth = useQuery({ ...dataMonthQuery, enabled: !search.monat });
  const month = search.monat ?? dataMonth.data?.month;
  const scope = search.bereich ?? 'tenant';
  const view = useQuery({ ...dashboardQuery(month ?? '', scope), enabled: Boolean(month) });
  if (!month)
    return (
      <div className="kern-stack-lg">
        <PageTitle title={t.dashboard.title} />
        {dataMonth.isError ? <ErrorAlert error={dataMonth.error} /> : <Loading />}
      </div>
    );
  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.dashboard.title} />
      <p className="kern-body">{t.dashboard.intro}</p>
      <MonthForm
        key={month}
        month={month}
        busy={view.isFetching}
        onSubmit={(m) => void navigate({ search: (s: DashboardSearch) => ({ ...s, monat: m }) })}
      />
      {view.isPending && <Loading />}
      {view.isError && <ErrorAlert error={view.error} />}
      {view.data && <DashboardBody view={view.data} />}
    </div>
  );
}

function DashboardBody({ view }: { view: DashboardView }) {
  const [split, setSplit] = useState('all');
  const seriesResult = useQuery(seriesQuery(view.month, view.scope.key));
  const points: SeriesPoint[] = seriesResult.data ?? [];
  const month = formatMonth(view.month);
  const splitLabel = view.splits.find((s) => s.split === split)?.label ?? '';
  const series = useMemo(
    () => Object.fromEntries(view.figures.map((f) => [f.code, points.map((p) => p.values[f.code] ?? null)])),
    [view, points],
  );
  const pointsText = (f: Figure) =>
    points
      .map((p) => `${formatMonth(p.month)} ${formatFigure(f.kind, p.values[f.code] ?? null, t.dashboard.noValue)}`)
      .join('; ');
  const splitValue = (f: Figure) => f.values.find((v) => v.split === split);

  const columns: Column<Figure>[] = [
    { header: t.dashboard.code, rowHeader: true, cell: (f) => f.code },
    { header: t.dashboard.name, cell: (f) => f.name },
    { header: t.dashboard.numerator, numeric: true, cell: (f) => cellNumber(f, 'numerator') },
    { header: t.dashboard.denominator, numeric: true, cell: (f) => cellNumber(f, 'denominator') },
    { header: t.dashboard.value, numeric: true, cell: (f) => formatFigure(f.kind, splitValue(f)?.value ?? null) },
    {
      header: t.dashboard.trend,
      cell: (f) => {
        if (!seriesResult.data) return seriesResult.isError ? t.common.none : t.dashboard.seriesLoading;
        const label = t.dashboard.sparklineLabel(f.code, pointsText(f));
        return (
          <Suspense fallback={<div className="sparkline" role="img" aria-label={label} />}>
            <Sparkline values={series[f.code] ?? []} label={label} />
          </Suspense>
        );
      },
    },
  ];
  function cellNumber(f: Figure, part: 'numerator' | 'denominator') {
    const v = splitValue(f);
    return v ? amount(f.code, v[part]) : t.common.none;
  }
  const structureColumns: Column<Structure>[] = [
    { header: t.dashboard.name, rowHeader: true, cell: (s) => s.name },
    {
      header: t.dashboard.value,
      numeric: true,
      cell: (s) => {
        const v = s.values.find((x) => x.split === split);
        if (!v) return t.common.none;
        if (s.unit === 'count') return formatCount(v.numerator);
        return s.code === 'households_change' ? formatChange(v.value) : formatPercent(v.value);
      },
    },
  ];
  const seriesColumns: Column<SeriesPoint>[] = [
    {
      header: t.dashboard.month,
      rowHeader: true,
      cell: (p) => `${formatMonth(p.month)}${p.provisional ? ` (${t.dashboard.provisional})` : ''}`,
    },
    ...view.figures.map((f) => ({
      header: f.code,
      numeric: true,
      cell: (p: SeriesPoint) => formatFigure(f.kind, p.values[f.code] ?? null),
    })),
  ];

  return (
    <div className="kern-stack-lg">
      <nav aria-label={t.dashboard.scopeNav}>
        <ol className="breadcrumb">
          {view.breadcrumb.map((b, i) => (
            <li key={b.key}>
              {i === view.breadcrumb.length - 1 ? (
                <span aria-current="page">{b.label}</span>
              ) : (
                <Link to="/kennzahlen" search={{ monat: view.month, bereich: b.key }} className="kern-link">
                  {b.label}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <div className="kern-stack">
        <h2 className="kern-heading-medium">
          {view.scope.label}, {month}
          {view.provisional && (
            <span className="kern-badge kern-badge--warning provisional-badge">{t.dashboard.provisional}</span>
          )}
        </h2>
        {view.provisional && <p className="kern-body">{t.dashboard.provisionalNote}</p>}
      </div>
      {view.children.length > 0 && (
        <nav aria-label={t.dashboard.drillDown(view.scope.kind)}>
          <h2 className="kern-heading-small">{t.dashboard.drillDown(view.scope.kind)}</h2>
          <ul className="drill-list">
            {view.children.map((c) => (
              <li key={c.key}>
                <Link to="/kennzahlen" search={{ monat: view.month, bereich: c.key }} className="kern-link">
                  {c.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <section className="kern-stack" aria-labelledby="download-heading">
        <h2 className="kern-heading-small" id="download-heading">
          {t.dashboard.download}
        </h2>
        <p className="kern-body">{t.dashboard.downloadHint}</p>
        <div className="button-row">
          <a className="kern-btn kern-btn--secondary" href={exportUrl(view.month, view.scope.key, 'csv')} download>
            <span className="kern-label">{t.dashboard.downloadCsv}</span>
          </a>
          <a className="kern-btn kern-btn--secondary" href={exportUrl(view.month, view.scope.key, 'xlsx')} download>
            <span className="kern-label">{t.dashboard.downloadXlsx}</span>
          </a>
        </div>
      </section>
      <section className="kern-stack" aria-labelledby="figures-heading">
        <h2 className="kern-heading-small" id="figures-heading">
          {t.dashboard.figures}
        </h2>
        <div className="form-width">
          <SelectField
            label={t.dashboard.split}
            hint={t.dashboard.splitHint}
            name="split"
            value={split}
            onChange={(e) => setSplit(e.currentTarget.value)}
          >
            {view.splits.map((s) => (
              <option key={s.split} value={s.split}>
                {s.label}
              </option>
            ))}
          </SelectField>
        </div>
        <DataTable
          caption={t.dashboard.figuresCaption(view.scope.label, month, splitLabel)}
          columns={columns}
          rows={view.figures}
          rowKey={(f) => f.code}
        />
        <details className="series-details">
          <summary className="kern-body">{t.dashboard.seriesShow}</summary>
          {seriesResult.isPending && <Loading label={t.dashboard.seriesLoading} />}
          {seriesResult.isError && <ErrorAlert error={seriesResult.error} />}
          {seriesResult.data && (
            <DataTable
              caption={t.dashboard.seriesCaption(view.scope.label)}
              columns={seriesColumns}
              rows={seriesResult.data}
              rowKey={(p) => p.month}
            />
          )}
        </details>
      </section>
      <section className="kern-stack" aria-labelledby="structure-heading">
        <h2 className="kern-heading-small" id="structure-heading">
          {t.dashboard.structure}
        </h2>
        <DataTable
          caption={t.dashboard.structureCaption(view.scope.label, month)}
          captionHidden
          columns={structureColumns}
          rows={view.structure.filter((s) => s.values.some((v) => v.split === split))}
          rowKey={(s) => s.code}
        />
      </section>
    </div>
  );
}
