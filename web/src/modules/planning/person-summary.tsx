import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { STEP_OWNER_LABELS } from '../../../../src/modules/planning/codes.ts';
import { can, useSession } from '../../app/session.ts';
import { formatDate } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { planningQuery } from './api.ts';

const p = t.planning;

/**
 * The "Integrationsplanung" section of the person page: current plan, open steps, next and last
 * contacts, and the link to the planning page. Shown only with planning.read (benefit staff do not see it).
 */
export function PlanningSummary({ personId }: { personId: string }) {
  const session = useSession();
  const allowed = can(session, 'planning.read');
  const view = useQuery({ ...planningQuery(personId), enabled: allowed });
  if (!allowed) return null;
  const plan = view.data?.plan?.current;
  const open = plan?.steps.filter((s) => !s.doneOn) ?? [];
  return (
    <section className="kern-stack card-section" aria-labelledby="integrationsplanung-titel">
      <h2 className="kern-heading-medium" id="integrationsplanung-titel">
        {p.sectionTitle}
      </h2>
      {view.data &&
        (plan ? (
          <>
            <p className="kern-body">
              {p.planOf(plan.label, formatDate(plan.planDate))} · {p.reviewBy(formatDate(plan.reviewDate))}
            </p>
            <p className="kern-body">
              {p.goal}: {plan.goal}
            </p>
            {open.length > 0 && (
              <ul className="kern-list" aria-label={p.steps}>
                {open.map((s) => (
                  <li key={s.position}>
                    {formatDate(s.dueDate)} – {s.description} ({STEP_OWNER_LABELS[s.owner]})
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p className="kern-body">{p.noPlan}</p>
        ))}
      {view.data && view.data.contacts.length > 0 && (
        <p className="kern-body">
          {p.contacts}: {view.data.contacts.length} · {p.missed(view.data.missedCount)}
        </p>
      )}
      <p className="kern-body">
        <Link to="/personen/$personId/integrationsplanung" params={{ personId }} className="kern-link">
          {p.toPlanning}
        </Link>
      </p>
    </section>
  );
}
