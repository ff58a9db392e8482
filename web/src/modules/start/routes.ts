import { startRoute } from './start-page.tsx';

export const startRoutes = [startRoute];
