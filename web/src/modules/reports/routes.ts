import { reportRoute } from './report-page.tsx';

/** /eingliederungsbericht (reports.read; texts need reports.write). */
export const reportsRoutes = [reportRoute];
