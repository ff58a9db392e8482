import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { type HistoryKind, type PersonRecord, peopleKeys, periodPath, type TimelineEntry } from './api.ts';
import { SaveFailure, StatusMessage } from './feedback.tsx';
import { employmentKindLabel, hoursText, periodText, roleLabel, statusKindLabel, statusValueLabel } from './labels.ts';
import { PeriodForm, type PeriodRow, toValues } from './period-form.tsx';

/**
 * The person's history, one section per kind of period: a table, "Zeitraum erfassen", and per row
 * "berichtigen" and "löschen" (with confirmation). One editor is open at a time on the page
 * (`active`), so no form ever holds a version that the page's own last change made stale.
 */
export interface EditorState {
  active: string | null;
  setActive: (key: string | null) => void;
}

const SR = ({ children }: { children: string }) => <span className="sr-extra">{children}</span>;

function describe(kind: HistoryKind, row: PeriodRow): string {
  const when = periodText(row);
  switch (kind) {
    case 'benefit': {
      const b = row as PersonRecord['benefitPeriods'][number];
      return `${t.people.historySingular.benefit} ${b.otherJobcenter ?? `${t.people.household} ${b.householdNumber ?? ''}`}, ${when}`;
    }
    case 'status': {
      const s = row as PersonRecord['statusPeriods'][number];
      return `${statusKindLabel(s.kind)}: ${statusValueLabel(s.kind, s.value)}, ${when}`;
    }
    case 'team':
      return `${t.people.historySingular.team} ${(row as PersonRecord['teamAssignments'][number]).teamName}, ${when}`;
    case 'employment':
      return `${employmentKindLabel((row as PersonRecord['employments'][number]).kind)}, ${when}`;
  }
}

function columnsFor(kind: HistoryKind): Column<PeriodRow>[] {
  const period: Column<PeriodRow> = { header: t.people.period, rowHeader: true, cell: (r) => periodText(r) };
  switch (kind) {
    case 'benefit':
      return [
        period,
        {
          header: t.people.receiptIn,
          cell: (r) => {
            const b = r as PersonRecord['benefitPeriods'][number];
            if (b.otherJobcenter) return b.otherJobcenter;
            return b.householdId ? (
              <Link to="/bedarfsgemeinschaften/$householdId" params={{ householdId: b.householdId }} className="kern-link">
                {b.householdNumber}
              </Link>
            ) : (
              t.common.none
            );
          },
        },
        {
          header: t.people.employable,
          cell: (r) => ((r as PersonRecord['benefitPeriods'][number]).employable ? t.people.yes : t.people.no),
        },
      ];
    case 'status':
      return [
        period,
        { header: t.people.statusKind, cell: (r) => statusKindLabel((r as PersonRecord['statusPeriods'][number]).kind) },
        {
          header: t.people.statusValue,
          cell: (r) => {
            const s = r as PersonRecord['statusPeriods'][number];
            return `${statusValueLabel(s.kind, s.value)}${s.detail ? ` (${s.detail})` : ''}`;
          },
        },
      ];
    case 'team':
      return [period, { header: t.people.team, cell: (r) => (r as PersonRecord['teamAssignments'][number]).teamName }];
    case 'employment':
      return [
        period,
        { header: t.people.employmentKind, cell: (r) => employmentKindLabel((r as PersonRecord['employments'][number]).kind) },
        {
          header: t.people.weeklyHours,
          numeric: true,
          cell: (r) => hoursText((r as PersonRecord['employments'][number]).weeklyHours) || t.common.none,
        },
        { header: t.people.employer, cell: (r) => (r as PersonRecord['employments'][number]).employer ?? t.common.none },
      ];
  }
}

export function rowsOf(record: PersonRecord, kind: HistoryKind): PeriodRow[] {
  const rows: PeriodRow[] =
    kind === 'benefit'
      ? record.benefitPeriods
      : kind === 'status'
        ? record.statusPeriods
        : kind === 'team'
          ? record.teamAssignments
          : record.employments;
  // newest first, like the timeline
  return [...rows].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
}

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export function HistorySection({
  kind,
  record,
  canWrite,
  households,
  teams,
  editor,
  reload,
}: {
  kind: HistoryKind;
  record: PersonRecord;
  canWrite: boolean;
  households: { id: string; number: string }[];
  teams: { id: string; name: string }[];
  editor: EditorState;
  /** Loads the person again (fresh from the server) and returns the record. */
  reload: () => Promise<PersonRecord>;
}) {
  const queryClient = useQueryClient();
  const personId = record.person.id;
  const [message, setMessage] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);
  const rows = rowsOf(record, kind);
  const title = t.people.history[kind] as string;
  const singular = t.people.historySingular[kind] as string;
  const headingId = `verlauf-${kind}`;
  const addId = `${kind}-erfassen`;
  const key = (what: string, id?: string) => `${kind}:${what}${id ? `:${id}` : ''}`;
  const isOpen = (what: string, id?: string) => editor.active === key(what, id);
  const editing = rows.find((r) => isOpen('edit', r.id));
  const deleting = rows.find((r) => isOpen('delete', r.id));

  const done = async (text: string) => {
    await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
    editor.setActive(null);
    setMessage(text);
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  const open = (what: string, id?: string) => {
    setMessage(undefined);
    editor.setActive(key(what, id));
  };

  const columns = columnsFor(kind);
  if (canWrite)
    columns.push({
      header: t.people.actions,
      cell: (r) => (
        <div className="table-actions">
          <Button
            variant="tertiary"
            className="kern-btn--x-small"
            id={`${kind}-berichtigen-${r.id}`}
            aria-expanded={isOpen('edit', r.id)}
            onClick={() => open('edit', r.id)}
          >
            {t.people.correct}
            <SR>{`: ${describe(kind, r)}`}</SR>
          </Button>
          <Button
            variant="tertiary"
            className="kern-btn--x-small"
            id={`${kind}-loeschen-${r.id}`}
            aria-expanded={isOpen('delete', r.id)}
            onClick={() => open('delete', r.id)}
          >
            {t.people.delete}
            <SR>{`: ${describe(kind, r)}`}</SR>
          </Button>
        </div>
      ),
    });

  return (
    <section className="kern-stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="kern-heading-medium">
        {title}
      </h2>
      <StatusMessage text={message} ref={messageRef} />
      <DataTable caption={title} captionHidden columns={columns} rows={rows} rowKey={(r) => r.id} empty={t.people.noPeriods} />
      {canWrite && !isOpen('new') && (
        <div>
          <Button variant="secondary" icon="add" id={addId} onClick={() => open('new')}>
            {t.people.addPeriod}
            <SR>{`: ${title}`}</SR>
          </Button>
        </div>
      )}
      {canWrite && (isOpen('new') || editing) && (
        <PeriodForm
          key={editor.active}
          kind={kind}
          personId={personId}
          title={editing ? t.people.correctPeriodTitle(singular) : t.people.addPeriodTitle(singular)}
          row={editing}
          initial={toValues(kind, record.person.version, editing)}
          households={households}
          teams={teams}
          onSaved={() => done(t.people.periodSaved)}
          onCancel={() => {
            editor.setActive(null);
            focusLater(editing ? `${kind}-berichtigen-${editing.id}` : addId);
          }}
          onReload={async () => (await reload()).person.version}
        />
      )}
      {canWrite && deleting && (
        <DeleteConfirm
          key={deleting.id}
          text={t.people.deleteConfirm(describe(kind, deleting))}
          onConfirm={async (version) => {
            await api.delete(periodPath(personId, kind, deleting.id), { query: { personVersion: version } });
            await done(t.people.periodDeleted);
          }}
          version={record.person.version}
          onCancel={() => {
            editor.setActive(null);
            focusLater(`${kind}-loeschen-${deleting.id}`);
          }}
          onReload={async () => {
            await reload();
            editor.setActive(null);
          }}
        />
      )}
    </section>
  );
}

function DeleteConfirm({
  text,
  version,
  onConfirm,
  onCancel,
  onReload,
}: {
  text: string;
  version: number;
  onConfirm: (version: number) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [seenVersion] = useState(version);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="kern-stack confirm-box">
      {failure !== undefined && <SaveFailure error={failure} keepText={t.people.conflictDelete} onReload={onReload} />}
      <p className="kern-body" tabIndex={-1} ref={ref}>
        {text}
      </p>
      <div className="button-row">
        <Button
          variant="primary"
          busy={busy}
          onClick={async () => {
            setBusy(true);
            setFailure(undefined);
            try {
              await onConfirm(seenVersion);
            } catch (e) {
              setFailure(e);
            } finally {
              setBusy(false);
            }
          }}
        >
          {t.people.deleteYes}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t.common.cancel}
        </Button>
      </div>
    </div>
  );
}

/** The person's household memberships (changed on the household's page). */
export function MembershipsSection({ record }: { record: PersonRecord }) {
  const rows = [...record.memberships].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const title = t.people.history.household as string;
  return (
    <section className="kern-stack" aria-labelledby="verlauf-household">
      <h2 id="verlauf-household" className="kern-heading-medium">
        {title}
      </h2>
      <p className="kern-body">{t.people.membershipsHint}</p>
      <DataTable
        caption={title}
        captionHidden
        columns={[
          { header: t.people.period, rowHeader: true, cell: (m) => periodText(m) },
          {
            header: t.people.householdNumber,
            cell: (m) => (
              <Link to="/bedarfsgemeinschaften/$householdId" params={{ householdId: m.householdId }} className="kern-link">
                {m.householdNumber}
              </Link>
            ),
          },
          { header: t.people.role, cell: (m) => roleLabel(m.role) },
        ]}
        rows={rows}
        rowKey={(m) => m.id}
        empty={t.people.noPeriods}
      />
    </section>
  );
}

/** Every start and end of every period, newest first (as the server orders them). */
export function TimelineSection({ timeline }: { timeline: TimelineEntry[] }) {
  return (
    <section className="kern-stack" aria-labelledby="verlauf">
      <h2 id="verlauf" className="kern-heading-medium">
        {t.people.timeline}
      </h2>
      <DataTable<TimelineEntry>
        caption={t.people.timelineCaption}
        captionHidden
        columns={[
          { header: t.people.date, rowHeader: true, cell: (e) => formatDate(e.date) },
          { header: t.people.event, cell: (e) => t.people.events[e.event] ?? e.event },
          { header: t.people.category, cell: (e) => t.people.historySingular[e.category] ?? e.category },
          { header: t.people.description, cell: (e) => e.label },
        ]}
        rows={timeline}
        rowKey={(e) => `${e.category}:${e.refId}:${e.event}`}
        empty={t.people.noTimeline}
      />
    </section>
  );
}
