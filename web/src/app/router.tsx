import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { Loading } from '../components/states.tsx';
import { onUnauthorized } from '../lib/api.ts';
import { adminRoutes } from '../modules/admin/routes.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { authPublicRoutes, authRoutes } from '../modules/auth/routes.ts';
import { budgetRoutes } from '../modules/budget/routes.ts';
import { dashboardRoutes } from '../modules/dashboard/routes.ts';
import { measuresRoutes } from '../modules/measures/routes.ts';
import { peopleRoutes } from '../modules/people/routes.ts';
import { planningRoutes } from '../modules/planning/routes.ts';
import { reportsRoutes } from '../modules/reports/routes.ts';
import { startRoutes } from '../modules/start/routes.ts';
import { subsidyRoutes } from '../modules/subsidies/routes.ts';
import { ErrorPage, NotFoundPage } from './error-pages.tsx';
import { appRoute, rootRoute } from './routes-base.tsx';
import { SESSION_KEY } from './session.ts';

/**
 * The route tree. A module contributes an array of routes: pages for signed-in people hang below
 * `appRoute`, public pages below `rootRoute`. Add the module's array here, its menu entries in
 * navigation.ts.
 */
const routeTree = rootRoute.addChildren([
  ...authPublicRoutes,
  appRoute.addChildren([
    ...startRoutes,
    ...authRoutes,
    ...peopleRoutes,
    ...planningRoutes,
    ...measuresRoutes,
    ...subsidyRoutes,
    ...budgetRoutes,
    ...dashboardRoutes,
    ...reportsRoutes,
    ...adminRoutes,
    ...auditRoutes,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  const router = createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: () => <Loading />,
    defaultPendingMs: 300,
    defaultErrorComponent: ErrorPage,
    defaultNotFoundComponent: () => <NotFoundPage />,
    defaultPreload: false,
    scrollRestoration: true,
  });

  // Any API call answered 401 (session expired or ended elsewhere): forget the session, go to login.
  onUnauthorized(() => {
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    queryClient.setQueryData(SESSION_KEY, null);
    const here = router.state.location;
    if (here.pathname === '/anmelden') return;
    void router.navigate({ to: '/anmelden', search: { weiter: here.href, grund: 'abgelaufen' }, replace: true });
  });

  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
