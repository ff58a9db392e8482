import { createRoute, Outlet, redirect } from '@tanstack/react-router';
import { requireAnyPermission, requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';

/**
 * /verwaltung: teams and staff (org.manage) and the data import (data.exchange). The group lets in
 * whoever has one of them; each page checks its own (the server checks again on each call).
 */
export const adminRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'verwaltung',
  beforeLoad: requireAnyPermission('org.manage', 'data.exchange'),
  component: Outlet,
});

export const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: can(context.session, 'org.manage') ? '/verwaltung/teams' : '/verwaltung/import', replace: true });
  },
});

/** Teams and staff accounts: org.manage (a pathless group below /verwaltung). */
export const orgAdminRoute = createRoute({
  getParentRoute: () => adminRoute,
  id: 'organisation',
  beforeLoad: requirePermission('org.manage'),
  component: Outlet,
});

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
