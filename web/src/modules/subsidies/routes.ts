import { contractCreateRoute } from './contract-create-page.tsx';
import { contractRoute } from './contract-page.tsx';
import { contractsRoute } from './contracts-page.tsx';
import { eligibilityRoute } from './eligibility-page.tsx';

/** /foerderung and /personen/$personId/foerderung (subsidy.read); …/foerderung/neu (subsidy.write). */
export const subsidyRoutes = [contractsRoute, contractRoute, eligibilityRoute, contractCreateRoute];
