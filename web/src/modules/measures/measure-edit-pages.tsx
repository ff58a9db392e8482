import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, notFound, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { ButtonLink, TextLink } from '../../components/button.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { api } from '../../lib/api.ts';
import { flash } from '../../lib/flash.ts';
import { t } from '../../lib/i18n.ts';
import { measureKeys, measureQuery, providersQuery } from './api.ts';
import { MeasureForm } from './measure-form.tsx';

/** /massnahmen/neu and /massnahmen/$measureId/bearbeiten: create or edit a measure (measure.manage). */

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export const measureCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'massnahmen/neu',
  beforeLoad: requirePermission('measure.manage'),
  loader: ({ context }) => context.queryClient.fetchQuery(providersQuery),
  component: MeasureCreatePage,
});

function MeasureCreatePage() {
  const { data: providers } = useSuspenseQuery(providersQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <div className="kern-stack-lg">
      <PageTitle title="Maßnahme anlegen" />
      {!providers.length && (
        <p className="kern-body">
          Es gibt noch keinen Träger. <TextLink to="/massnahmen/traeger/neu">Zuerst einen Träger anlegen</TextLink>
        </p>
      )}
      <MeasureForm
        providers={providers}
        submitLabel="Maßnahme anlegen"
        onSave={async (body) => {
          const { id } = await api.post<{ id: string }>('/api/measures', body);
          await queryClient.invalidateQueries({ queryKey: measureKeys.all });
          await navigate({
            to: '/massnahmen/$measureId',
            params: { measureId: id },
            state: flash('Die Maßnahme wurde angelegt.'),
          });
        }}
        cancel={
          <ButtonLink to="/massnahmen" variant="secondary">
            {t.common.cancel}
          </ButtonLink>
        }
      />
    </div>
  );
}

export const measureEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'massnahmen/$measureId/bearbeiten',
  beforeLoad: requirePermission('measure.manage'),
  loader: async ({ context, params }) => {
    if (!isUuid(params.measureId)) throw notFound();
    await Promise.all([
      context.queryClient.fetchQuery(measureQuery(params.measureId)),
      context.queryClient.fetchQuery(providersQuery),
    ]);
  },
  component: MeasureEditPage,
});

function MeasureEditPage() {
  const { measureId } = measureEditRoute.useParams();
  const { data } = useSuspenseQuery(measureQuery(measureId));
  const { data: providers } = useSuspenseQuery(providersQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // the version the form was opened with: a save against a newer state is refused (409), not overwritten
  const [version, setVersion] = useState(data.measure.version);
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="kern-stack-lg">
      <PageTitle title={`Maßnahme bearbeiten: ${data.measure.name}`} />
      <MeasureForm
        key={formKey}
        measure={data.measure}
        providers={providers}
        submitLabel="Änderungen speichern"
        onSave={async (body) => {
          await api.patch(`/api/measures/${encodeURIComponent(measureId)}`, { ...body, version });
          await queryClient.invalidateQueries({ queryKey: measureKeys.all });
          await navigate({
            to: '/massnahmen/$measureId',
            params: { measureId },
            state: flash('Die Maßnahme wurde gespeichert.'),
          });
        }}
        onReload={async () => {
          const fresh = await queryClient.fetchQuery({ ...measureQuery(measureId), staleTime: 0 });
          setVersion(fresh.measure.version);
          setFormKey((k) => k + 1);
        }}
        cancel={
          <ButtonLink to="/massnahmen/$measureId" params={{ measureId }} variant="secondary">
            {t.common.cancel}
          </ButtonLink>
        }
      />
    </div>
  );
}
