import './report.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { dataMonthQuery } from '../dashboard/api.ts';
import { DOWNLOADS, type PreviewDocument, type ReportText, reportUrl, type TextsResponse } from './api.ts';
import { ReportPreview } from './preview.tsx';

const FIRST_YEAR = 2015;
const lastFullYear = () => new Date().getFullYear() - 1;
/** The last year whose December lies within the data ('2020-12' → 2020, '2026-10' → 2025). */
const lastFullYearOf = (month: string) => Number(month.slice(0, 4)) - (month.endsWith('-12') ? 0 : 1);

export const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'eingliederungsbericht',
  beforeLoad: requirePermission('reports.read'),
  validateSearch: (search: Record<string, unknown>): { jahr?: number } => {
    const jahr = Number(search.jahr);
    return Number.isInteger(jahr) && jahr >= FIRST_YEAR && jahr <= lastFullYear() + 1 ? { jahr } : {};
  },
  component: ReportPage,
});

function ReportPage() {
  const { session } = reportRoute.useRouteContext();
  const search = reportRoute.useSearch();
  const navigate = useNavigate({ from: '/eingliederungsbericht' });
  // the last full year of the data (the demo Jobcenter's history ends in 2020), not an empty last year
  const dataMonth = useQuery({ ...dataMonthQuery, enabled: !search.jahr });
  const dataYear = dataMonth.data && lastFullYearOf(dataMonth.data.month);
  const year = search.jahr ?? dataYear ?? lastFullYear();
  const yearKnown = Boolean(search.jahr || dataYear || dataMonth.isError);
  const years = Array.from({ length: lastFullYear() + 2 - FIRST_YEAR }, (_, i) => lastFullYear() + 1 - i);
  const preview = useQuery({
    queryKey: ['reports', 'eingliederungsbericht', year],
    queryFn: ({ signal }) => api.get<PreviewDocument>(reportUrl(year), { format: 'json' }, { signal }),
    enabled: yearKnown,
  });

  return (
    <>
      <PageTitle title="Eingliederungsbericht">
        <p className="kern-body">
          Der Bericht eines Jahres, berechnet aus den Daten: alle Zahlen, Tabellen und Diagramme. Die erzählenden Abschnitte sind
          Texte, die Sie bearbeiten können; Platzhalter wie {'{{elb.dezember}}'} werden mit den Zahlen des Jahres gefüllt. Gruppen
          unter 5 Personen werden nicht ausgewiesen.
        </p>
      </PageTitle>

      <div className="report-toolbar">
        <SelectField
          label="Berichtsjahr"
          name="jahr"
          value={String(year)}
          onChange={(e) => void navigate({ search: { jahr: Number(e.target.value) } })}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>

      <section aria-labelledby="downloads">
        <h2 className="kern-heading-medium" id="downloads">
          Herunterladen
        </h2>
        <ul className="report-downloads">
          {DOWNLOADS.map((d) => (
            <li key={d.format}>
              <a className="kern-btn kern-btn--secondary" href={`${reportUrl(year)}?format=${d.format}`} download>
                <span className="kern-icon kern-icon--download" aria-hidden="true" />
                <span className="kern-label">
                  {d.label} {year}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      {can(session, 'reports.write') && <TextEditor year={year} />}

      <section aria-labelledby="vorschau">
        <h2 className="kern-heading-medium" id="vorschau">
          Vorschau {year}
        </h2>
        {preview.isPending ? (
          <Loading label="Der Bericht wird berechnet …" />
        ) : preview.isError ? (
          <ErrorAlert error={preview.error} />
        ) : (
          <ReportPreview doc={preview.data} />
        )}
      </section>
    </>
  );
}

function TextEditor({ year }: { year: number }) {
  const queryClient = useQueryClient();
  const texts = useQuery({
    queryKey: ['reports', 'texts', year],
    queryFn: () => api.get<TextsResponse>(`${reportUrl(year)}/texts`),
  });
  const [key, setKey] = useState('vorwort');
  const [body, setBody] = useState('');
  const [saved, setSaved] = useState(false);
  const section = texts.data?.sections.find((s) => s.key === key);
  const textareaId = useId();
  // Load the text when another section is chosen or a newer version arrives (after saving or "load current").
  const loadedBody = section?.body;
  const loadedVersion = section?.version;
  // biome-ignore lint/correctness/useExhaustiveDependencies: loadedVersion marks a newer saved text even when the body is equal
  useEffect(() => {
    if (loadedBody !== undefined) setBody(loadedBody);
  }, [key, loadedBody, loadedVersion]);

  const save = useMutation({
    mutationFn: (s: ReportText) => api.put<ReportText>(`${reportUrl(year)}/texts/${s.key}`, { body, version: s.version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      setSaved(true);
    },
  });
  const problem = save.error;
  const fieldError = isApiError(problem) ? problem.fieldMessage('body') : undefined;

  return (
    <section aria-labelledby="texte">
      <h2 className="kern-heading-medium" id="texte">
        Texte bearbeiten
      </h2>
      {texts.isPending ? (
        <Loading />
      ) : texts.isError ? (
        <ErrorAlert error={texts.error} />
      ) : (
        <form
          className="report-editor"
          onSubmit={(e) => {
            e.preventDefault();
            if (section) save.mutate(section);
          }}
        >
          <SelectField
            label="Abschnitt"
            name="abschnitt"
            value={key}
            onChange={(e) => {
              save.reset();
              setSaved(false);
              setKey(e.target.value);
            }}
          >
            {texts.data.sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title}
                {s.isDefault ? ' (Standardtext)' : ''}
              </option>
            ))}
          </SelectField>
          <div className={`kern-form-input${fieldError ? ' kern-form-input--error' : ''}`}>
            <label className="kern-label" htmlFor={textareaId}>
              Text des Abschnitts „{section?.title}“
            </label>
            <div className="kern-hint" id={`${textareaId}-hinweis`}>
              Absätze durch eine Leerzeile trennen; Zeilen mit „- “ am Anfang werden zu einer Aufzählung.
            </div>
            <textarea
              id={textareaId}
              className="kern-form-input__input report-editor__text"
              rows={12}
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                setSaved(false);
              }}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={`${textareaId}-hinweis${fieldError ? ` ${textareaId}-fehler` : ''}`}
            />
            {fieldError && (
              <p className="kern-error" id={`${textareaId}-fehler`}>
                <span className="kern-icon kern-icon--danger kern-icon--md" aria-hidden="true" />
                <span className="kern-body">{fieldError}</span>
              </p>
            )}
          </div>
          {isApiError(problem) && problem.status === 409 && (
            <Alert variant="warning" title="Der Text wurde inzwischen geändert" live="assertive">
              <p className="kern-body">{problem.detail}</p>
              <Button
                variant="secondary"
                onClick={() => {
                  save.reset();
                  void texts.refetch();
                }}
              >
                Aktuellen Stand laden
              </Button>
            </Alert>
          )}
          {problem && !(isApiError(problem) && (problem.status === 409 || fieldError)) && <ErrorAlert error={problem} />}
          {saved && (
            <Alert variant="success" title="Gespeichert" live="polite">
              <p className="kern-body">Der Text ist gespeichert; die Vorschau und die Downloads zeigen ihn.</p>
            </Alert>
          )}
          <div className="report-editor__actions">
            <Button type="submit" busy={save.isPending}>
              Text speichern
            </Button>
            <Button variant="secondary" onClick={() => section && setBody(section.defaultBody)}>
              Standardtext einsetzen
            </Button>
          </div>
          <details className="report-editor__placeholders">
            <summary>Verfügbare Platzhalter</summary>
            <p className="kern-body kern-body--small">{texts.data.placeholders.map((p) => `{{${p}}}`).join(' · ')}</p>
          </details>
        </form>
      )}
    </section>
  );
}
