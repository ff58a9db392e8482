import { useQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { NAVIGATION } from '../../app/navigation.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { api } from '../../lib/api.ts';
import { roleLabel, t } from '../../lib/i18n.ts';

export const startRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: StartPage,
});

interface TeamName {
  id: string;
  name: string;
}

/** Greeting, the person's roles and teams, and a tile for every area their permissions open. */
function StartPage() {
  const { session } = startRoute.useRouteContext();
  const teams = useQuery({
    queryKey: ['org', 'teams'],
    queryFn: () => api.get<TeamName[]>('/api/org/teams'),
    enabled: session.teamIds.length > 0 && can(session, 'org.read'),
  });
  const teamNames = session.teamIds.map((id) => teams.data?.find((team) => team.id === id)?.name).filter(Boolean);
  const areas = NAVIGATION.filter((e) => e.to !== '/' && can(session, e.permission));

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.start.greeting(session.displayName)} />
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t.start.roles}</dt>
          <dd className="kern-description-list-item__value">{session.roles.map(roleLabel).join(', ')}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t.start.teams}</dt>
          <dd className="kern-description-list-item__value">
            {session.teamIds.length === 0 ? t.start.noTeams : teamNames.length ? teamNames.join(', ') : t.common.loading}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="bereiche" className="kern-stack">
        <h2 id="bereiche" className="kern-heading-medium">
          {t.start.areas}
        </h2>
        {areas.length === 0 ? (
          <p className="kern-body">{t.start.noAreas}</p>
        ) : (
          <ul className="tiles">
            {areas.map((area) => (
              <li key={area.to} className="kern-card kern-card--interactive tile">
                <div className="kern-card__container">
                  <div className="kern-card__header">
                    <h3 className="kern-title">
                      <Link to={area.to} className="kern-link kern-link--stretched">
                        {area.label}
                      </Link>
                    </h3>
                  </div>
                  <div className="kern-card__body">
                    <p className="kern-body">{area.description}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
