import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, notFound } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { OBSTACLE_LABELS, STEP_OWNER_LABELS } from '../../../../src/modules/planning/codes.ts';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDate } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { isUuid } from '../people/api.ts';
import { StatusMessage } from '../people/feedback.tsx';
import { type PlanningView, type PlanRevisionView, personName, planningQuery } from './api.ts';
import { ContactsSection } from './contacts-section.tsx';
import { MitarbeitSection } from './mitarbeit-section.tsx';
import { PlanForm } from './plan-form.tsx';

const p = t.planning;

export const planningRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'personen/$personId/integrationsplanung',
  beforeLoad: requirePermission('planning.read'),
  loader: async ({ context, params }) => {
    if (!isUuid(params.personId)) throw notFound();
    await context.queryClient.fetchQuery(planningQuery(params.personId));
  },
  component: PlanningPage,
});

function PlanningPage() {
  const { personId } = planningRoute.useParams();
  const { session } = planningRoute.useRouteContext();
  const { data: view } = useSuspenseQuery(planningQuery(personId));
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string>();
  const status = useRef<HTMLDivElement>(null);
  const canWrite = can(session, 'planning.write');
  const done = async (text: string) => {
    setEditing(false);
    await queryClient.fetchQuery({ ...planningQuery(personId), staleTime: 0 });
    setMessage(text || undefined);
    if (text) status.current?.focus();
  };

  return (
    <div className="kern-stack-lg">
      <PersonLine view={view} />
      <section className="kern-stack" aria-labelledby="plan-titel">
        <h2 className="kern-heading-medium" id="plan-titel">
          {view.plan ? p.planOf(view.plan.current.label, formatDate(view.plan.current.planDate)) : p.sectionTitle}
        </h2>
        <StatusMessage text={message} ref={status} />
        {editing ? (
          <PlanForm view={view} onDone={done} />
        ) : (
          <>
            {view.plan ? <PlanDetails plan={view.plan.current} /> : <p className="kern-body">{p.noPlan}</p>}
            <div className="button-row">
              {canWrite && (
                <Button
                  onClick={() => {
                    setMessage(undefined);
                    setEditing(true);
                  }}
                >
                  {view.plan ? p.editPlan : p.newPlan}
                </Button>
              )}
              {view.plan && (
                <ButtonLink to="/personen/$personId/integrationsplanung/druck" params={{ personId }}>
                  {p.print}
                </ButtonLink>
              )}
            </div>
          </>
        )}
      </section>
      {view.plan && view.plan.revisions.length > 1 && (
        <section className="kern-stack" aria-labelledby="fassungen-titel">
          <h2 className="kern-heading-medium" id="fassungen-titel">
            {p.versions}
          </h2>
          <ul className="kern-list">
            {view.plan.revisions.map((r) => (
              <li key={r.revision}>
                {p.versionRow(r.revision, r.label, formatDate(r.planDate), r.createdBy)}
                {r.revision === view.plan?.current.revision ? (
                  ` (${p.currentVersion})`
                ) : (
                  <>
                    {' – '}
                    <Link
                      to="/personen/$personId/integrationsplanung/fassung/$revision"
                      params={{ personId, revision: String(r.revision) }}
                      className="kern-link"
                    >
                      {p.showVersion(r.revision)}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ContactsSection view={view} canWrite={canWrite} />
      <MitarbeitSection view={view} canWrite={canWrite} />
      <section className="kern-stack" aria-labelledby="verlauf-titel">
        <h2 className="kern-heading-medium" id="verlauf-titel">
          {p.timeline}
        </h2>
        {view.timeline.length ? (
          <ul className="kern-list">
            {view.timeline.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is rebuilt on each load
              <li key={i}>
                {formatDate(e.date)}: {e.label}
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body">{t.common.empty}</p>
        )}
      </section>
    </div>
  );
}

export function PersonLine({ view, title }: { view: PlanningView; title?: string }) {
  const { person } = view;
  return (
    <div className="kern-stack-sm">
      <PageTitle title={title ?? p.pageTitle(personName(person))}>
        <p className="kern-body kern-body--large person-meta">
          {p.customerNumber} <span className="mono">{person.customerNumber}</span>
          {person.teamName && ` · ${person.teamName}`}
          {person.longTermRecipient && ` · ${p.longTermRecipient}`}
        </p>
      </PageTitle>
      <p className="kern-body">
        <Link to="/personen/$personId" params={{ personId: person.id }} className="kern-link">
          {p.toPerson}
        </Link>
      </p>
    </div>
  );
}

/** The content of one plan version (current or older). */
export function PlanDetails({ plan }: { plan: PlanRevisionView }) {
  const text = (v: string | null) => v || t.common.none;
  return (
    <div className="kern-stack">
      <dl className="plan-facts">
        <dt>{p.reviewDate}</dt>
        <dd>{formatDate(plan.reviewDate)}</dd>
        <dt>{p.legalBasis}</dt>
        <dd>{plan.legalBasis}</dd>
        <dt>{p.goal}</dt>
        <dd>{plan.goal}</dd>
        <dt>{p.strengths}</dt>
        <dd>{text(plan.strengths)}</dd>
        <dt>{p.skills}</dt>
        <dd>{text(plan.skills)}</dd>
        <dt>{p.obstacles}</dt>
        <dd>
          {plan.obstacles.map((o) => OBSTACLE_LABELS[o]).join(', ') || t.common.none}
          {plan.obstacleNote && ` – ${plan.obstacleNote}`}
        </dd>
        <dt>{p.occupations}</dt>
        <dd>{plan.targetOccupations.map((o) => `${o.code} ${o.label}`).join('; ') || t.common.none}</dd>
        <dt>{p.customerWords}</dt>
        <dd>{text(plan.customerWords)}</dd>
      </dl>
      <DataTable
        caption={p.steps}
        columns={[
          { header: p.stepDescription, rowHeader: true, cell: (s) => s.description },
          { header: p.owner, cell: (s) => STEP_OWNER_LABELS[s.owner] },
          { header: p.dueDate, cell: (s) => formatDate(s.dueDate) },
          { header: p.doneOn, cell: (s) => (s.doneOn ? formatDate(s.doneOn) : p.open) },
        ]}
        rows={plan.steps}
        rowKey={(s) => String(s.position)}
      />
      <p className="kern-body kern-body--small">
        {p.version(plan.revision)} · {plan.createdBy}
      </p>
    </div>
  );
}
