import { useQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { Checkbox, SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { type MeasureFilter, type MeasureListRow, measuresQuery } from './api.ts';
import { durationText, rhythmText, TARGET_GROUPS, targetGroupText } from './labels.ts';

/** /massnahmen: the catalogue, searchable by name or provider, target group, site and free places. */
export const catalogueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'massnahmen',
  beforeLoad: requirePermission('measure.read'),
  component: CataloguePage,
});

const columns: Column<MeasureListRow>[] = [
  {
    header: 'Maßnahme',
    rowHeader: true,
    cell: (m) => (
      <Link to="/massnahmen/$measureId" params={{ measureId: m.id }} className="kern-link">
        {m.name}
      </Link>
    ),
  },
  { header: 'Träger', cell: (m) => m.providerName },
  { header: 'Standort', cell: (m) => m.site },
  { header: 'Zielgruppen', cell: (m) => targetGroupText(m.targetGroups) },
  { header: 'Einstieg', cell: (m) => rhythmText(m) },
  { header: 'Regeldauer', cell: (m) => durationText(m) },
  { header: 'Plätze', numeric: true, cell: (m) => String(m.places) },
  { header: 'frei', numeric: true, cell: (m) => String(Math.max(0, m.places - m.occupied)) },
  { header: 'Warteliste', numeric: true, cell: (m) => String(m.waiting) },
];

function CataloguePage() {
  const [draft, setDraft] = useState<MeasureFilter>({});
  const [filter, setFilter] = useState<MeasureFilter>({});
  const list = useQuery(measuresQuery(filter));
  const { session } = catalogueRoute.useRouteContext();
  return (
    <div className="kern-stack-lg">
      <PageTitle title="Maßnahmekatalog" />
      <p className="kern-body">
        Maßnahmen der Träger mit Plätzen, Einstiegsrhythmus und Zielgruppen. Eine Person weisen Sie auf ihrer Personenseite zu.
      </p>
      {can(session, 'measure.manage') && (
        <div className="button-row">
          <ButtonLink to="/massnahmen/neu" variant="primary">
            Maßnahme anlegen
          </ButtonLink>
          <ButtonLink to="/massnahmen/traeger" variant="secondary">
            Träger verwalten
          </ButtonLink>
        </div>
      )}
      <form
        className="filter-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...draft });
        }}
      >
        <TextField
          label="Name oder Träger"
          name="q"
          optional
          quiet
          value={draft.q ?? ''}
          onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
        />
        <SelectField
          label="Zielgruppe"
          name="targetGroup"
          optional
          quiet
          value={draft.targetGroup ?? ''}
          onChange={(e) => setDraft({ ...draft, targetGroup: e.currentTarget.value })}
        >
          <option value="">alle</option>
          {Object.entries(TARGET_GROUPS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Standort"
          name="site"
          optional
          quiet
          value={draft.site ?? ''}
          onChange={(e) => setDraft({ ...draft, site: e.currentTarget.value })}
        />
        <Checkbox
          label="nur mit freien Plätzen"
          name="freeOnly"
          checked={!!draft.freeOnly}
          onChange={(e) => setDraft({ ...draft, freeOnly: e.currentTarget.checked })}
        />
        <div className="filter-grid__submit">
          <Button type="submit" busy={list.isFetching}>
            Anzeigen
          </Button>
        </div>
      </form>
      <p className="kern-body" role="status">
        {list.data ? `${list.data.length} Maßnahmen` : ''}
      </p>
      {list.isPending && <Loading />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <DataTable
          caption="Maßnahmen"
          captionHidden
          columns={columns}
          rows={list.data}
          rowKey={(m) => m.id}
          empty="Keine Maßnahme passt zu diesen Angaben."
        />
      )}
    </div>
  );
}
