import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { ButtonLink, TextLink } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { type Provider, providersQuery } from './api.ts';

/** /massnahmen/traeger: the providers with their contact persons, to create and edit them (measure.manage). */
export const providersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'massnahmen/traeger',
  beforeLoad: requirePermission('measure.manage'),
  loader: ({ context }) => context.queryClient.fetchQuery(providersQuery),
  component: ProvidersPage,
});

const columns: Column<Provider>[] = [
  {
    header: 'Träger',
    rowHeader: true,
    cell: (p) => (
      <Link to="/massnahmen/traeger/$providerId" params={{ providerId: p.id }} className="kern-link">
        {p.name}
        <span className="sr-extra"> bearbeiten</span>
      </Link>
    ),
  },
  {
    header: 'Kontaktpersonen',
    cell: (p) =>
      p.contacts.length ? p.contacts.map((c) => [c.name, c.role, c.phone, c.email].filter(Boolean).join(', ')).join('; ') : '–',
  },
];

function ProvidersPage() {
  const { data } = useSuspenseQuery(providersQuery);
  return (
    <div className="kern-stack-lg">
      <PageTitle title="Träger" />
      <TextLink to="/massnahmen">Zum Maßnahmekatalog</TextLink>
      <div>
        <ButtonLink to="/massnahmen/traeger/neu" variant="primary">
          Träger anlegen
        </ButtonLink>
      </div>
      <DataTable
        caption="Träger mit Kontaktpersonen"
        captionHidden
        columns={columns}
        rows={data}
        rowKey={(p) => p.id}
        empty="Noch kein Träger angelegt."
      />
    </div>
  );
}
