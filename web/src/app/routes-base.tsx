import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, Outlet, redirect } from '@tanstack/react-router';
import { ErrorPage, NotFoundPage } from './error-pages.tsx';
import { toLogin } from './guards.ts';
import { Shell } from './layout.tsx';
import { sessionQuery } from './session.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

/** The root: page frame (skip link, header, navigation, main, footer) around every page. */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Shell,
  notFoundComponent: () => <NotFoundPage />,
  errorComponent: ErrorPage,
});

/**
 * Parent of every page that needs a signed-in person. Without a session it redirects to the login
 * page (and back afterwards); with a due password change, to /passwort. Children find the session
 * in their route context: `context.session`.
 */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'angemeldet',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw toLogin(location.href);
    if (session.mustChangePassword && location.pathname !== '/passwort') throw redirect({ to: '/passwort' });
    return { session };
  },
  component: Outlet,
});
