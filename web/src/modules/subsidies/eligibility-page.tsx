import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Alert } from '../../components/alert.tsx';
import { ButtonLink, TextLink } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/dates.ts';
import { BASIS_LABELS, eligibilityQuery } from './api.ts';

export const eligibilityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'personen/$personId/foerderung',
  beforeLoad: requirePermission('subsidy.read'),
  component: EligibilityPage,
});

function EligibilityPage() {
  const { personId } = eligibilityRoute.useParams();
  const { session } = eligibilityRoute.useRouteContext();
  const [basis, setBasis] = useState<'16i' | '16e'>('16i');
  const [day, setDay] = useState(new Date().toISOString().slice(0, 10));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day);
  const q = useQuery({ ...eligibilityQuery(personId, basis, day), enabled: valid });
  return (
    <div className="kern-stack-lg">
      <PageTitle title="§ 16i / § 16e prüfen" />
      <TextLink to="/personen/$personId" params={{ personId }}>
        Zurück zur Person
      </TextLink>
      <div className="kern-stack form-width">
        <SelectField label="Förderung" name="basis" value={basis} onChange={(e) => setBasis(e.target.value as '16i' | '16e')}>
          <option value="16i">{BASIS_LABELS['16i']}</option>
          <option value="16e">{BASIS_LABELS['16e']}</option>
        </SelectField>
        <TextField label="Geplanter Förderbeginn" name="day" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
      </div>
      {q.isPending && valid && <Loading />}
      {q.isError && <ErrorAlert error={q.error} />}
      {q.data && (
        <section className="kern-stack" aria-labelledby="ergebnis">
          <h2 id="ergebnis" className="kern-heading-medium">
            Ergebnis am {formatDate(q.data.day)}
          </h2>
          <Alert
            variant={q.data.eligible ? 'success' : 'warning'}
            title={q.data.eligible ? 'Voraussetzungen erfüllt' : 'Voraussetzungen nicht erfüllt'}
            live="polite"
          >
            <p className="kern-body">
              {q.data.version ? `${q.data.version.label}; ${q.data.version.source}` : 'Keine Rechtsgrundlage in Kraft.'}
            </p>
          </Alert>
          <ul className="kern-stack" aria-label="Kriterien">
            {q.data.criteria.map((c) => (
              <li key={c.key} className="kern-card card-section" data-testid={`kriterium-${c.key}`}>
                <p className="kern-body kern-body--bold">
                  {c.met ? 'Erfüllt' : 'Nicht erfüllt'}: {c.label}
                </p>
                <p className="kern-body">{c.detail}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {can(session, 'subsidy.write') && (
        <div>
          <ButtonLink to="/personen/$personId/foerderung/neu" params={{ personId }} search={{ basis }} variant="primary">
            Fördervertrag anlegen
          </ButtonLink>
        </div>
      )}
    </div>
  );
}
