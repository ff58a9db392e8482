import { importRoute } from './import.tsx';
import { importFormatRoute } from './import-format.tsx';
import { adminIndexRoute, adminRoute, orgAdminRoute } from './route.tsx';
import { staffCreateRoute, staffEditRoute, staffRoute } from './staff.tsx';
import { teamCreateRoute, teamEditRoute, teamsRoute } from './teams.tsx';

/** /verwaltung/…: teams and staff accounts (org.manage), data import (data.exchange). */
export const adminRoutes = [
  adminRoute.addChildren([
    adminIndexRoute,
    orgAdminRoute.addChildren([teamsRoute, teamCreateRoute, teamEditRoute, staffRoute, staffCreateRoute, staffEditRoute]),
    importRoute,
    importFormatRoute,
  ]),
];
