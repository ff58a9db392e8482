import { contractRoute } from './contract-page.tsx';
import { contractsRoute } from './contracts-page.tsx';
import { eligibilityRoute } from './eligibility-page.tsx';

/** /foerderung and /personen/$personId/foerderung (subsidy.read). */
export const subsidyRoutes = [contractsRoute, contractRoute, eligibilityRoute];
