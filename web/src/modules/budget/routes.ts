import { commitmentCreateRoute } from './commitment-create-page.tsx';
import { commitmentRoute } from './commitment-page.tsx';
import { budgetOverviewRoute } from './overview-page.tsx';

/** /budget (budget.read; bookings need budget.write). The create route precedes the detail route. */
export const budgetRoutes = [budgetOverviewRoute, commitmentCreateRoute, commitmentRoute];
