import './print.css';
import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, notFound } from '@tanstack/react-router';
import { STEP_OWNER_PRINT } from '../../../../src/modules/planning/codes.ts';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { Button } from '../../components/button.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDate } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { isUuid } from '../people/api.ts';
import { planningQuery } from './api.ts';

const p = t.planning;

/** The plan for the customer, in plain German, to print (print stylesheet hides the application frame). */
export const printRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'personen/$personId/integrationsplanung/druck',
  beforeLoad: requirePermission('planning.read'),
  loader: async ({ context, params }) => {
    if (!isUuid(params.personId)) throw notFound();
    await context.queryClient.fetchQuery(planningQuery(params.personId));
  },
  component: PrintPage,
});

function PrintPage() {
  const { personId } = printRoute.useParams();
  const { data: view } = useSuspenseQuery(planningQuery(personId));
  const plan = view.plan?.current;
  if (!plan)
    return (
      <div className="kern-stack-lg">
        <PageTitle title={p.sectionTitle} />
        <p className="kern-body">{p.noPlan}</p>
      </div>
    );
  const { person } = view;
  return (
    <article className="kern-stack-lg print-plan">
      <div className="no-print button-row">
        <Button onClick={() => window.print()}>{p.printButton}</Button>
        <Link to="/personen/$personId/integrationsplanung" params={{ personId }} className="kern-link">
          {p.toPlanning}
        </Link>
      </div>
      <PageTitle title={p.printTitle(plan.label)}>
        <p className="kern-body kern-body--large">
          {person.givenNames} {person.familyName} · {p.customerNumber} {person.customerNumber}
        </p>
      </PageTitle>
      <p className="kern-body">{p.printIntro(formatDate(plan.planDate))}</p>
      <section className="kern-stack-sm">
        <h2 className="kern-heading-small">{p.printGoal}</h2>
        <p className="kern-body">{plan.goal}</p>
      </section>
      {plan.strengths && (
        <section className="kern-stack-sm">
          <h2 className="kern-heading-small">{p.printStrengths}</h2>
          <p className="kern-body">{plan.strengths}</p>
        </section>
      )}
      {plan.customerWords && (
        <section className="kern-stack-sm">
          <h2 className="kern-heading-small">{p.printWords}</h2>
          <blockquote className="kern-body">„{plan.customerWords}“</blockquote>
        </section>
      )}
      <section className="kern-stack-sm">
        <h2 className="kern-heading-small">{p.printSteps}</h2>
        <table>
          <caption className="kern-sr-only">{p.printSteps}</caption>
          <thead>
            <tr>
              <th scope="col">{p.printWho}</th>
              <th scope="col">{p.printWhat}</th>
              <th scope="col">{p.printWhen}</th>
            </tr>
          </thead>
          <tbody>
            {plan.steps
              .filter((s) => !s.doneOn)
              .map((s) => (
                <tr key={s.position}>
                  <td>{STEP_OWNER_PRINT[s.owner]}</td>
                  <th scope="row">{s.description}</th>
                  <td>{formatDate(s.dueDate)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <p className="kern-body">{p.printReview(formatDate(plan.reviewDate))}</p>
      <p className="kern-body">{p.printQuestions}</p>
      <p className="kern-body kern-body--small">{p.printLegal(plan.legalBasis)}</p>
    </article>
  );
}
