import { useQueryClient } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { Alert } from '../../components/alert.tsx';
import { Button, TextLink } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { api } from '../../lib/api.ts';
import { t } from '../../lib/i18n.ts';
import { fileToBase64, type ImportSummary } from '../people/api.ts';
import { adminRoute } from './route.tsx';

/** /verwaltung/import: a Jobcenter's CSV files (docs/import-format.md), checked and then imported. */
export const importRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'import',
  beforeLoad: requirePermission('data.exchange'),
  component: ImportPage,
});

type Problem = ImportSummary['problems'][number];
const num = (n: number) => n.toLocaleString('de-DE');

function ImportPage() {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<'check' | 'run'>();
  const [result, setResult] = useState<ImportSummary>();
  const [failure, setFailure] = useState<unknown>();
  const resultRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (result || failure) resultRef.current?.focus();
  }, [result, failure]);

  const submit = async (dryRun: boolean) => {
    if (busy) return;
    setResult(undefined);
    setFailure(undefined);
    if (!files.length) {
      setFileError(t.importData.filesMissing);
      setAttempt((a) => a + 1);
      return;
    }
    setFileError(undefined);
    setBusy(dryRun ? 'check' : 'run');
    try {
      const body = {
        files: await Promise.all(files.map(async (f) => ({ name: f.name, contentBase64: await fileToBase64(f) }))),
        dryRun,
      };
      const summary = await api.post<ImportSummary>('/api/people/import', body);
      if (summary.ok && !dryRun) await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      setResult(summary);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.importData.title} />
      <p className="kern-body">{t.importData.intro}</p>
      <FormatHelp />
      <ErrorSummary
        items={fileError ? [{ field: 'files', label: t.importData.files, message: fileError }] : []}
        focusKey={attempt}
      />
      <form
        className="kern-stack form-width"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(true);
        }}
      >
        <TextField
          label={t.importData.files}
          hint={t.importData.filesHint}
          name="files"
          type="file"
          multiple
          accept=".csv,text/csv"
          error={fileError}
          onChange={(e) => {
            setFiles(Array.from(e.currentTarget.files ?? []));
            setFileError(undefined);
            setResult(undefined);
            setFailure(undefined);
          }}
        />
        {files.length > 0 && (
          <p className="kern-body" data-testid="ausgewaehlte-dateien">
            {t.importData.selected(files.length)}: {files.map((f) => f.name).join(', ')}
          </p>
        )}
        <div className="button-row">
          <Button type="submit" variant="secondary" busy={busy === 'check'}>
            {t.importData.check}
          </Button>
          <Button variant="primary" busy={busy === 'run'} onClick={() => void submit(false)}>
            {t.importData.run}
          </Button>
        </div>
      </form>
      {busy && <Loading label={busy === 'check' ? t.importData.checking : t.importData.importing} />}
      {(result || failure !== undefined) && (
        <section className="kern-stack result-focus" tabIndex={-1} ref={resultRef} aria-label={t.importData.title}>
          {failure !== undefined && <ErrorAlert error={failure} />}
          {result && <ImportResult result={result} />}
        </section>
      )}
    </div>
  );
}

function ImportResult({ result }: { result: ImportSummary }) {
  if (!result.ok)
    return (
      <>
        <Alert variant="danger" title={t.importData.problemsTitle(result.problems.length)} live="assertive">
          <p className="kern-body">{t.importData.problemsText}</p>
        </Alert>
        <DataTable<Problem>
          caption={`${t.importData.problemsCaption} (${num(result.problems.length)})`}
          columns={[
            { header: t.importData.file, rowHeader: true, cell: (p) => p.file },
            { header: t.importData.line, numeric: true, cell: (p) => (p.line > 0 ? num(p.line) : t.importData.wholeFile) },
            { header: t.importData.column, cell: (p) => p.column ?? t.common.none },
            { header: t.importData.message, cell: (p) => p.message },
          ]}
          rows={result.problems}
          rowKey={(p) => `${p.file}\u0001${p.line}\u0001${p.column ?? ''}\u0001${p.message}`}
        />
      </>
    );
  const c = result.counts;
  const rows: { what: string; added?: number; changed?: number; removed?: number }[] = [
    { what: t.importData.organisation, changed: c.organisation },
    { what: t.importData.households, added: c.households.added, changed: c.households.changed },
    { what: t.importData.persons, added: c.persons.added, changed: c.persons.changed },
    { what: t.importData.historyRows, added: c.history.added, removed: c.history.removed },
    { what: t.importData.payments, added: c.payments.added, removed: c.payments.removed },
  ];
  const cell = (n: number | undefined) => (n === undefined ? t.common.none : num(n));
  return (
    <>
      <Alert variant="success" title={result.dryRun ? t.importData.checkOk : t.importData.importOk} live="polite">
        <p className="kern-body">{result.dryRun ? t.importData.checkOkText : t.importData.importOkText}</p>
      </Alert>
      <DataTable
        caption={t.importData.countsCaption}
        columns={[
          { header: t.importData.what, rowHeader: true, cell: (r) => r.what },
          { header: t.importData.added, numeric: true, cell: (r) => cell(r.added) },
          { header: t.importData.changed, numeric: true, cell: (r) => cell(r.changed) },
          { header: t.importData.removed, numeric: true, cell: (r) => cell(r.removed) },
        ]}
        rows={rows}
        rowKey={(r) => r.what}
      />
    </>
  );
}

/** The format in brief; the full description is docs/import-format.md (written from the format's code). */
function FormatHelp() {
  return (
    <details className="kern-accordion">
      <summary className="kern-accordion__header">
        <span className="kern-title">{t.importData.formatTitle}</span>
      </summary>
      <section className="kern-accordion__body kern-stack">
        <p className="kern-body">{t.importData.formatIntro}</p>
        <p className="kern-body">{t.importData.formatFiles}</p>
        <ul className="kern-list kern-list--bullet">
          {t.importData.fileList.map(([file, text]) => (
            <li key={file} className="kern-body">
              <code className="mono">{file}</code>: {text}
            </li>
          ))}
        </ul>
        <p className="kern-body">
          <TextLink to="/verwaltung/import/format">{t.importData.formatDocLink}</TextLink>
        </p>
      </section>
    </details>
  );
}
