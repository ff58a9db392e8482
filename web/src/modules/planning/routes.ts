import { agendaRoute } from './agenda-page.tsx';
import { analysisRoute, mitarbeitRoute } from './mitarbeit-pages.tsx';
import { planningRoute } from './plan-page.tsx';
import { printRoute } from './print-page.tsx';
import { revisionRoute } from './revision-page.tsx';

/** /termine, /mitarbeit, /mitarbeit/auswertung, /personen/:id/integrationsplanung (…/druck, …/fassung/:n). */
export const planningRoutes = [agendaRoute, mitarbeitRoute, analysisRoute, planningRoute, printRoute, revisionRoute];
