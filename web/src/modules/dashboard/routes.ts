import { dashboardRoute } from './dashboard-page.tsx';
import { targetsRoute } from './targets-page.tsx';
import { teamReportRoute } from './team-report-page.tsx';

/** /kennzahlen (indicators.read), /zielvereinbarung (indicators.read, changes targets.write), /teamreport (teamreport.read). */
export const dashboardRoutes = [dashboardRoute, targetsRoute, teamReportRoute];
