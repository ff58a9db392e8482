import { catalogueRoute } from './catalogue-page.tsx';
import { evaluationRoute } from './evaluation-page.tsx';
import { measureCreateRoute, measureEditRoute } from './measure-edit-pages.tsx';
import { measureRoute } from './measure-page.tsx';
import { providerCreateRoute, providerEditRoute } from './provider-edit-pages.tsx';
import { providersRoute } from './providers-page.tsx';

/**
 * /massnahmen (measure.read), /massnahmen/$measureId, /massnahmen/auswertung (measure.evaluate);
 * creating and editing measures and providers (measure.manage). Fixed paths precede the detail route.
 */
export const measuresRoutes = [
  catalogueRoute,
  evaluationRoute,
  measureCreateRoute,
  providersRoute,
  providerCreateRoute,
  providerEditRoute,
  measureEditRoute,
  measureRoute,
];
