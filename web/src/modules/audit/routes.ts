import { auditRoute } from './audit-page.tsx';

export const auditRoutes = [auditRoute];
