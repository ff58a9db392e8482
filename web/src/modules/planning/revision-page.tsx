import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, notFound } from '@tanstack/react-router';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { formatDate } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { isUuid } from '../people/api.ts';
import { personName, planningQuery, revisionQuery } from './api.ts';
import { PersonLine, PlanDetails } from './plan-page.tsx';

const p = t.planning;

/** An older version of a plan, read-only. */
export const revisionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'personen/$personId/integrationsplanung/fassung/$revision',
  beforeLoad: requirePermission('planning.read'),
  loader: async ({ context, params }) => {
    const n = Number(params.revision);
    if (!isUuid(params.personId) || !Number.isInteger(n) || n < 1) throw notFound();
    await Promise.all([
      context.queryClient.fetchQuery(planningQuery(params.personId)),
      context.queryClient.fetchQuery(revisionQuery(params.personId, n)),
    ]);
  },
  component: RevisionPage,
});

function RevisionPage() {
  const { personId, revision } = revisionRoute.useParams();
  const { data: view } = useSuspenseQuery(planningQuery(personId));
  const { data: plan } = useSuspenseQuery(revisionQuery(personId, Number(revision)));
  return (
    <div className="kern-stack-lg">
      <PersonLine view={view} title={`${p.olderVersion(plan.revision)}: ${personName(view.person)}`} />
      <h2 className="kern-heading-medium">{p.planOf(plan.label, formatDate(plan.planDate))}</h2>
      <PlanDetails plan={plan} />
      <p className="kern-body">
        <Link to="/personen/$personId/integrationsplanung" params={{ personId }} className="kern-link">
          {p.toPlanning}
        </Link>
      </p>
    </div>
  );
}
