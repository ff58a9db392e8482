import { adminNav } from '../modules/admin/nav.ts';
import { auditNav } from '../modules/audit/nav.ts';
import { peopleNav } from '../modules/people/nav.ts';
import { reportsNav } from '../modules/reports/nav.ts';
import { startNav } from '../modules/start/nav.ts';
import type { NavEntry } from './nav.ts';

/** Main navigation and start page tiles, in this order. A new module adds its entries here. */
export const NAVIGATION: NavEntry[] = [...startNav, ...peopleNav, ...adminNav, ...auditNav, ...reportsNav];
