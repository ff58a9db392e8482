import { adminNav } from '../modules/admin/nav.ts';
import { auditNav } from '../modules/audit/nav.ts';
import { budgetNav } from '../modules/budget/nav.ts';
import { dashboardNav } from '../modules/dashboard/nav.ts';
import { measuresNav } from '../modules/measures/nav.ts';
import { peopleNav } from '../modules/people/nav.ts';
import { planningNav } from '../modules/planning/nav.ts';
import { reportsNav } from '../modules/reports/nav.ts';
import { startNav } from '../modules/start/nav.ts';
import { subsidyNav } from '../modules/subsidies/nav.ts';
import type { NavEntry } from './nav.ts';

/** Main navigation and start page tiles, in this order. A new module adds its entries here. */
export const NAVIGATION: NavEntry[] = [
  ...startNav,
  ...peopleNav,
  ...planningNav,
  ...measuresNav,
  ...subsidyNav,
  ...budgetNav,
  ...dashboardNav,
  ...reportsNav,
  ...adminNav,
  ...auditNav,
];
