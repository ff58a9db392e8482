import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FIGURES } from '../../../../src/modules/indicators/definitions.ts';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { formatMonth, todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { type TargetOut, type TargetProgressRow, targetKeys, targetProgressQuery } from './api.ts';
import { formatFigure, lastCompleteMonth, parsePercent } from './format.ts';
import './dashboard.css';

/** /zielvereinbarung: annual targets (§ 48b SGB II) against the actual values; entering them needs targets.write. */
export const targetsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'zielvereinbarung',
  validateSearch: (search: Record<string, unknown>): { jahr?: number } => {
    const y = Number(search.jahr);
    return { jahr: Number.isInteger(y) && y >= 2005 && y <= 2100 ? y : undefined };
  },
  beforeLoad: requirePermission('indicators.read'),
  component: TargetsPage,
});

const kindOf = (code: string) => FIGURES.find((f) => f.code === code)?.kind ?? 'rate';
const targetText = (target: TargetOut) =>
  `${target.comparator === '>=' ? '≥' : '≤'} ${formatFigure(kindOf(target.code), target.value)}`;

function TargetsPage() {
  const { session } = targetsRoute.useRouteContext();
  const search = targetsRoute.useSearch();
  const navigate = targetsRoute.useNavigate();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = search.jahr ?? Number(lastCompleteMonth(todayIso()).slice(0, 4));
  const progress = useQuery(targetProgressQuery(year));
  const [editing, setEditing] = useState<TargetOut | 'new' | undefined>();
  const [deleting, setDeleting] = useState<TargetOut | undefined>();
  const [message, setMessage] = useState('');
  const messageRef = useRef<HTMLParagraphElement>(null);
  const writable = can(session, 'targets.write');
  const queryClient = useQueryClient();
  const done = async (text: string) => {
    setEditing(undefined);
    setDeleting(undefined);
    await queryClient.invalidateQueries({ queryKey: targetKeys.year(year) });
    setMessage(text);
    messageRef.current?.focus();
  };

  const years = Array.from({ length: 12 }, (_, i) => thisYear + 1 - i);
  if (!years.includes(year)) years.push(year);
  const rows = progress.data ?? [];
  const columns: Column<TargetProgressRow>[] = [
    { header: t.dashboard.code, rowHeader: true, cell: (r) => `${r.target.code} ${r.name}` },
    { header: t.dashboard.target, numeric: true, cell: (r) => targetText(r.target) },
    {
      header: t.dashboard.actual,
      numeric: true,
      cell: (r) => {
        const last = r.months.find((m) => m.month === r.latestMonth);
        return last
          ? `${formatFigure(kindOf(r.target.code), last.value)} (${formatMonth(last.month)}${last.provisional ? `, ${t.dashboard.provisional}` : ''})`
          : t.common.none;
      },
    },
    { header: t.dashboard.projection, numeric: true, cell: (r) => formatFigure(kindOf(r.target.code), r.projection) },
    { header: t.dashboard.status, cell: (r) => <span className={`status--${r.status}`}>{r.statusLabel}</span> },
  ];
  if (writable)
    columns.push({
      header: t.people.actions,
      cell: (r) => (
        <div className="table-actions">
          <Button variant="secondary" onClick={() => setEditing(r.target)}>
            {t.common.edit}
            <span className="sr-extra">: {r.target.code}</span>
          </Button>
          <Button variant="tertiary" onClick={() => setDeleting(r.target)}>
            {t.dashboard.deleteTarget}
            <span className="sr-extra">: {r.target.code}</span>
          </Button>
        </div>
      ),
    });

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.dashboard.targetsTitle} />
      <p className="kern-body">{t.dashboard.targetsIntro}</p>
      <div className="form-width">
        <SelectField
          label={t.dashboard.year}
          name="year"
          value={String(year)}
          onChange={(e) => void navigate({ search: { jahr: Number(e.currentTarget.value) } })}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="kern-body status-message" role="status" tabIndex={-1} ref={messageRef}>
        {message}
      </p>
      <p className="kern-body">{t.dashboard.statusRule}</p>
      {progress.isPending && <Loading />}
      {progress.isError && <ErrorAlert error={progress.error} />}
      {progress.data && (
        <DataTable
          caption={t.dashboard.targetsCaption(year)}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.target.id}
          empty={t.dashboard.noTargets}
        />
      )}
      {deleting && (
        <ConfirmDelete target={deleting} onCancel={() => setDeleting(undefined)} onDone={() => done(t.dashboard.deleted)} />
      )}
      {writable && editing === undefined && (
        <div>
          <Button onClick={() => setEditing('new')}>{t.dashboard.addTarget}</Button>
        </div>
      )}
      {writable && editing !== undefined && (
        <TargetForm
          key={editing === 'new' ? 'new' : editing.id}
          year={year}
          target={editing === 'new' ? undefined : editing}
          taken={rows.map((r) => r.target.code)}
          onCancel={() => setEditing(undefined)}
          onDone={(created) => done(created ? t.dashboard.created : t.dashboard.changed)}
        />
      )}
      {rows.map((r) => (
        <details key={r.target.id}>
          <summary className="kern-body">
            {t.dashboard.monthly}: {r.target.code}
          </summary>
          <DataTable
            caption={t.dashboard.monthlyCaption(r.target.code, year)}
            columns={[
              { header: t.dashboard.month, rowHeader: true, cell: (m) => formatMonth(m.month) },
              {
                header: t.dashboard.value,
                numeric: true,
                cell: (m) =>
                  `${formatFigure(kindOf(r.target.code), m.value)}${m.value !== null && m.provisional ? ` (${t.dashboard.provisional})` : ''}`,
              },
            ]}
            rows={[{ month: r.base.month, value: r.base.value, provisional: false }, ...r.months]}
            rowKey={(m) => m.month}
          />
        </details>
      ))}
    </div>
  );
}

interface FormValues {
  code: string;
  comparator: '>=' | '<=';
  value: string;
  note: string;
}

function TargetForm({
  year,
  target,
  taken,
  onCancel,
  onDone,
}: {
  year: number;
  target?: TargetOut;
  taken: string[];
  onCancel: () => void;
  onDone: (created: boolean) => Promise<void>;
}) {
  const [version, setVersion] = useState(target?.version);
  const [failure, setFailure] = useState<unknown>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useForm<FormValues>({
    defaultValues: {
      code: target?.code ?? '',
      comparator: target?.comparator ?? '>=',
      value: target ? String(target.value).replace('.', ',') : '',
      note: target?.note ?? '',
    },
    shouldFocusError: false,
  });
  const labels = {
    code: t.dashboard.code,
    comparator: t.dashboard.comparator,
    value: t.dashboard.targetValue,
    note: t.dashboard.note,
  };
  const conflict = isApiError(failure) && failure.status === 409;
  return (
    <section className="kern-stack form-width" aria-labelledby="target-form-heading">
      <h2 className="kern-heading-small" id="target-form-heading" tabIndex={-1} ref={headingRef}>
        {target ? t.dashboard.editTarget(target.code) : t.dashboard.addTarget}
      </h2>
      <ErrorSummary items={summaryItems(errors, labels)} focusKey={submitCount} />
      {conflict && (
        <Alert variant="warning" title={t.dashboard.conflict} live="assertive">
          <p className="kern-body">{isApiError(failure) ? failure.detail : ''}</p>
          <Button
            variant="secondary"
            onClick={() => {
              const current = isApiError(failure) ? (failure.problem.current as TargetOut | undefined) : undefined;
              if (current) setVersion(current.version);
              setFailure(undefined);
            }}
          >
            {t.dashboard.reloadCurrent}
          </Button>
        </Alert>
      )}
      {failure !== undefined && !conflict && !isApiError(failure) && <ErrorAlert error={failure} />}
      {isApiError(failure) && !conflict && failure.errors.length === 0 && <ErrorAlert error={failure} />}
      <form
        className="kern-stack"
        noValidate
        onSubmit={handleSubmit(async (v) => {
          setFailure(undefined);
          const value = parsePercent(v.value) as number;
          try {
            if (target) await api.patch(`/api/targets/${target.id}`, { comparator: v.comparator, value, note: v.note, version });
            else await api.post('/api/targets', { year, code: v.code, comparator: v.comparator, value, note: v.note });
            await onDone(!target);
          } catch (e) {
            applyServerErrors(e, setError, ['code', 'comparator', 'value', 'note']);
            setFailure(e);
          }
        })}
      >
        {target ? (
          <p className="kern-body">
            {target.code} – {FIGURES.find((f) => f.code === target.code)?.name}
          </p>
        ) : (
          <SelectField
            label={t.dashboard.code}
            error={errors.code?.message}
            {...register('code', { required: t.form.requiredField(t.dashboard.code) })}
          >
            <option value="">{t.common.pleaseChoose}</option>
            {FIGURES.filter((f) => !taken.includes(f.code)).map((f) => (
              <option key={f.code} value={f.code}>
                {f.code} – {f.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t.dashboard.comparator} error={errors.comparator?.message} {...register('comparator')}>
          <option value=">=">{t.dashboard.comparatorLabels['>=']}</option>
          <option value="<=">{t.dashboard.comparatorLabels['<=']}</option>
        </SelectField>
        <TextField
          label={t.dashboard.targetValue}
          hint={t.dashboard.targetValueHint}
          inputMode="decimal"
          className="input-short"
          error={errors.value?.message}
          {...register('value', {
            required: t.form.requiredField(t.dashboard.targetValue),
            validate: (s) => parsePercent(s) !== null || t.dashboard.targetValueInvalid,
          })}
        />
        <TextField
          label={t.dashboard.note}
          hint={t.dashboard.noteHint}
          optional
          error={errors.note?.message}
          {...register('note')}
        />
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {t.common.save}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t.common.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ConfirmDelete({ target, onCancel, onDone }: { target: TargetOut; onCancel: () => void; onDone: () => Promise<void> }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="kern-stack confirm-box">
      {failure !== undefined && <ErrorAlert error={failure} />}
      <p className="kern-body" tabIndex={-1} ref={ref}>
        {t.dashboard.deleteTargetOf(target.code)}?
      </p>
      <div className="button-row">
        <Button
          busy={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await api.delete(`/api/targets/${target.id}`, { query: { version: target.version } });
              await onDone();
            } catch (e) {
              setFailure(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t.dashboard.deleteTarget}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t.common.cancel}
        </Button>
      </div>
    </div>
  );
}
