import type { NavEntry } from '../../app/nav.ts';
import { t } from '../../lib/i18n.ts';

export const adminNav: NavEntry[] = [
  { to: '/verwaltung/teams', label: t.admin.teams, description: t.admin.teamsText, permission: 'org.manage' },
  { to: '/verwaltung/mitarbeitende', label: t.admin.staff, description: t.admin.staffText, permission: 'org.manage' },
  { to: '/verwaltung/import', label: t.importData.area, description: t.importData.areaText, permission: 'data.exchange' },
];
