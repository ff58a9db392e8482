import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { type ApiError, api, isApiError } from '../../lib/api.ts';
import { formatDate, todayIso } from '../../lib/dates.ts';
import { assignmentStep, measureKeys, measuresQuery, type PersonAssignmentRow, personAssignmentsQuery } from './api.ts';
import { CUSTOMER_CHOICES, choiceLabel, EXIT_REASONS, exitReasonLabel, OUTCOMES, outcomeLabel, stateLabel } from './labels.ts';

/**
 * The person page's section "Maßnahmen": the person's assignments and the next step of each open one
 * (proposal → agreement → entry → exit → outcome). Shown to those with assignment.read; steps need
 * assignment.write (the server checks both, and the person's team).
 */
export function PersonMeasures({ personId, canWrite }: { personId: string; canWrite: boolean }) {
  const list = useQuery(personAssignmentsQuery(personId));
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: measureKeys.person(personId) });
    // entries and exits change the person's labour-market status
    await queryClient.invalidateQueries({ queryKey: ['people', 'person', personId] });
    await queryClient.invalidateQueries({ queryKey: measureKeys.all });
  };
  const columns: Column<PersonAssignmentRow>[] = [
    {
      header: 'Maßnahme',
      rowHeader: true,
      cell: (a) => (
        <Link to="/massnahmen/$measureId" params={{ measureId: a.measureId }} className="kern-link">
          {a.measureName}
        </Link>
      ),
    },
    { header: 'Stand', cell: (a) => stateLabel(a.state) },
    { header: 'Zugewiesen am', cell: (a) => formatDate(a.assignedOn) },
    {
      header: 'Vereinbarung',
      cell: (a) => (a.agreedOn ? `${formatDate(a.agreedOn)}: ${choiceLabel(a.customerChoice)} – „${a.customerReasons}“` : '–'),
    },
    { header: 'Eintritt', cell: (a) => formatDate(a.entryDate) || '–' },
    {
      header: 'Austritt',
      cell: (a) => (a.exitDate ? `${formatDate(a.exitDate)} (${exitReasonLabel(a.exitReason)})` : '–'),
    },
    { header: 'Verbleib nach 6 Monaten', cell: (a) => (a.outcome ? outcomeLabel(a.outcome) : '–') },
  ];
  const open = (list.data ?? []).filter((a) => a.state !== 'cancelled' && !(a.state === 'exited' && a.outcome !== null));
  return (
    <section className="kern-card card-section" aria-labelledby="massnahmen">
      <div className="kern-card__container kern-stack">
        <h2 id="massnahmen" className="kern-heading-medium">
          Maßnahmen
        </h2>
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && (
          <DataTable
            caption="Zuweisungen zu Maßnahmen"
            captionHidden
            columns={columns}
            rows={list.data}
            rowKey={(a) => a.id}
            empty="Keine Zuweisung zu einer Maßnahme."
          />
        )}
        {canWrite && open.map((a) => <NextStep key={`${a.id}-${a.version}`} assignment={a} onDone={refresh} />)}
        {canWrite && <ProposeForm personId={personId} onDone={refresh} />}
      </div>
    </section>
  );
}

interface FieldSpec {
  name: string;
  label: string;
  type: 'date' | 'text' | 'select';
  options?: Record<string, string>;
  initial?: string;
}

/** One step of the flow as a small form; field errors of the server (422) appear at their fields. */
function StepForm({
  idPrefix,
  legend,
  fields,
  submit,
  onSubmit,
  extra,
}: {
  idPrefix: string;
  legend: string;
  fields: FieldSpec[];
  submit: string;
  onSubmit: (values: Record<string, string>) => Promise<void>;
  extra?: (error: ApiError | null, values: Record<string, string>) => React.ReactNode;
}) {
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(fields.map((f) => [f.name, f.initial ?? ''])));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const api422 = isApiError(error) ? (error as ApiError) : null;
  const fieldMessage = (name: string) => api422?.fieldMessage(name);
  const unplaced = api422 && !api422.errors.some((e) => fields.some((f) => f.name === e.field));
  return (
    <form
      className="kern-stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await onSubmit(values);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{legend}</legend>
        <div className="filter-grid">
          {fields.map((f) =>
            f.type === 'select' ? (
              <SelectField
                key={f.name}
                id={`${idPrefix}-${f.name}`}
                name={f.name}
                label={f.label}
                value={values[f.name]}
                error={fieldMessage(f.name)}
                onChange={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
              >
                <option value="">bitte wählen</option>
                {Object.entries(f.options ?? {}).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextField
                key={f.name}
                id={`${idPrefix}-${f.name}`}
                name={f.name}
                label={f.label}
                type={f.type}
                value={values[f.name]}
                error={fieldMessage(f.name)}
                onChange={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
              />
            ),
          )}
        </div>
      </fieldset>
      {error && (!api422 || unplaced) ? <ErrorAlert error={error} /> : null}
      {extra?.(api422, values)}
      <div>
        <Button type="submit" busy={busy}>
          {submit}
        </Button>
      </div>
    </form>
  );
}

function NextStep({ assignment: a, onDone }: { assignment: PersonAssignmentRow; onDone: () => Promise<void> }) {
  const [cancelError, setCancelError] = useState<unknown>(null);
  const post = async (step: string, body: Record<string, unknown>) => {
    await assignmentStep(a.id, step, { version: a.version, ...body });
    await onDone();
  };
  const cancel = canCancel(a) ? (
    <div>
      <Button
        variant="tertiary"
        onClick={async () => {
          try {
            await post('cancel', {});
          } catch (err) {
            setCancelError(err);
          }
        }}
      >
        {`Zuweisung „${a.measureName}“ vor Eintritt beenden`}
      </Button>
      {cancelError ? <ErrorAlert error={cancelError} /> : null}
    </div>
  ) : null;
  const id = `schritt-${a.id}`;
  let form: React.ReactNode = null;
  if (a.state === 'proposed')
    form = (
      <StepForm
        idPrefix={id}
        legend={`${a.measureName}: Vereinbarung mit der Kundin / dem Kunden`}
        fields={[
          { name: 'agreedOn', label: 'Datum der Vereinbarung', type: 'date', initial: todayIso() },
          { name: 'customerChoice', label: 'Entscheidung der Kundin / des Kunden', type: 'select', options: CUSTOMER_CHOICES },
          { name: 'customerReasons', label: 'Gründe in eigenen Worten', type: 'text' },
        ]}
        submit="Vereinbarung speichern"
        onSubmit={(v) =>
          post('agree', {
            agreedOn: v.agreedOn,
            customerChoice: v.customerChoice || undefined,
            customerReasons: v.customerReasons,
          })
        }
      />
    );
  else if (a.state === 'agreed' || a.state === 'waiting')
    form = (
      <StepForm
        idPrefix={id}
        legend={`${a.measureName}: Eintritt${a.state === 'waiting' ? ' (auf der Warteliste)' : ''}`}
        fields={[{ name: 'entryDate', label: 'Eintrittsdatum', type: 'date', initial: a.plannedEntry ?? todayIso() }]}
        submit="Eintritt erfassen"
        onSubmit={(v) => post('entry', { entryDate: v.entryDate })}
        extra={(error) =>
          error?.status === 409 && error.problem.waitingListOffered ? (
            <Alert variant="warning" title="Kein freier Platz">
              <div className="kern-stack">
                <p className="kern-body">{error.detail}</p>
                <div>
                  <Button variant="secondary" onClick={() => void post('waiting-list', {})}>
                    Auf die Warteliste setzen
                  </Button>
                </div>
              </div>
            </Alert>
          ) : null
        }
      />
    );
  else if (a.state === 'active')
    form = (
      <StepForm
        idPrefix={id}
        legend={`${a.measureName}: Austritt`}
        fields={[
          { name: 'exitDate', label: 'Austrittsdatum (letzter Tag)', type: 'date', initial: todayIso() },
          { name: 'exitReason', label: 'Austrittsgrund', type: 'select', options: EXIT_REASONS },
        ]}
        submit="Austritt erfassen"
        onSubmit={(v) => post('exit', { exitDate: v.exitDate, exitReason: v.exitReason || undefined })}
      />
    );
  else if (a.state === 'exited')
    form = (
      <StepForm
        idPrefix={id}
        legend={`${a.measureName}: Verbleib sechs Monate nach dem Austritt`}
        fields={[
          { name: 'outcome', label: 'Verbleib', type: 'select', options: OUTCOMES },
          { name: 'outcomeOn', label: 'Stichtag', type: 'date', initial: todayIso() },
        ]}
        submit="Verbleib speichern"
        onSubmit={(v) => post('outcome', { outcome: v.outcome || undefined, outcomeOn: v.outcomeOn })}
      />
    );
  return (
    <div className="kern-stack">
      {form}
      {cancel}
    </div>
  );
}

const canCancel = (a: PersonAssignmentRow) => a.state === 'proposed' || a.state === 'agreed' || a.state === 'waiting';

function ProposeForm({ personId, onDone }: { personId: string; onDone: () => Promise<void> }) {
  const measures = useQuery(measuresQuery({}));
  const [warned, setWarned] = useState(false);
  const options = Object.fromEntries(
    (measures.data ?? []).map((m) => [m.id, `${m.name} (${m.site}, frei ${Math.max(0, m.places - m.occupied)})`]),
  );
  const fields: FieldSpec[] = [
    { name: 'measureId', label: 'Maßnahme', type: 'select', options },
    { name: 'assignedOn', label: 'Datum der Zuweisung', type: 'date', initial: todayIso() },
  ];
  if (warned) fields.push({ name: 'targetGroupOverride', label: 'Begründung der Ausnahme von der Zielgruppe', type: 'text' });
  return (
    <StepForm
      key={warned ? 'mit-begruendung' : 'ohne'}
      idPrefix="vorschlag"
      legend="Maßnahme vorschlagen"
      fields={fields}
      submit="Vorschlagen"
      onSubmit={async (v) => {
        try {
          await api.post('/api/measures/assignments', {
            personId,
            measureId: v.measureId || undefined,
            assignedOn: v.assignedOn,
            targetGroupOverride: v.targetGroupOverride || undefined,
          });
        } catch (err) {
          if (isApiError(err) && err.fieldMessage('targetGroupOverride') && !warned) setWarned(true);
          throw err;
        }
        setWarned(false);
        await onDone();
      }}
    />
  );
}
