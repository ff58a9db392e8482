import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, notFound, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { api } from '../../lib/api.ts';
import { flash } from '../../lib/flash.ts';
import { measureKeys, providersQuery } from './api.ts';
import { ProviderForm } from './provider-form.tsx';

/** /massnahmen/traeger/neu and /massnahmen/traeger/$providerId: create or edit a provider (measure.manage). */

export const providerCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'massnahmen/traeger/neu',
  beforeLoad: requirePermission('measure.manage'),
  component: ProviderCreatePage,
});

function ProviderCreatePage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <div className="kern-stack-lg">
      <PageTitle title="Träger anlegen" />
      <ProviderForm
        submitLabel="Träger anlegen"
        onSave={async (body) => {
          await api.post<{ id: string }>('/api/measures/providers', body);
          await queryClient.invalidateQueries({ queryKey: measureKeys.all });
          await navigate({ to: '/massnahmen/traeger', state: flash(`Der Träger „${body.name}“ wurde angelegt.`) });
        }}
      />
    </div>
  );
}

export const providerEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'massnahmen/traeger/$providerId',
  beforeLoad: requirePermission('measure.manage'),
  loader: async ({ context, params }) => {
    const list = await context.queryClient.fetchQuery(providersQuery);
    if (!list.some((p) => p.id === params.providerId)) throw notFound();
  },
  component: ProviderEditPage,
});

function ProviderEditPage() {
  const { providerId } = providerEditRoute.useParams();
  const { data } = useSuspenseQuery(providersQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const provider = data.find((p) => p.id === providerId);
  // the version the form was opened with: a save against a newer state is refused (409), not overwritten
  const [version, setVersion] = useState(provider?.version ?? 0);
  const [formKey, setFormKey] = useState(0);
  if (!provider) return null;
  return (
    <div className="kern-stack-lg">
      <PageTitle title={`Träger bearbeiten: ${provider.name}`} />
      <ProviderForm
        key={formKey}
        provider={provider}
        submitLabel="Änderungen speichern"
        onSave={async (body) => {
          await api.patch(`/api/measures/providers/${encodeURIComponent(providerId)}`, { ...body, version });
          await queryClient.invalidateQueries({ queryKey: measureKeys.all });
          await navigate({ to: '/massnahmen/traeger', state: flash(`Der Träger „${body.name}“ wurde gespeichert.`) });
        }}
        onReload={async () => {
          const fresh = await queryClient.fetchQuery({ ...providersQuery, staleTime: 0 });
          setVersion(fresh.find((p) => p.id === providerId)?.version ?? version);
          setFormKey((k) => k + 1);
        }}
      />
    </div>
  );
}
