import { catalogueRoute } from './catalogue-page.tsx';
import { evaluationRoute } from './evaluation-page.tsx';
import { measureRoute } from './measure-page.tsx';

/** /massnahmen (measure.read), /massnahmen/$measureId, /massnahmen/auswertung (measure.evaluate). */
export const measuresRoutes = [catalogueRoute, evaluationRoute, measureRoute];
