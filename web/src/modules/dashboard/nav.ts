import type { NavEntry } from '../../app/nav.ts';
import { t } from '../../lib/i18n.ts';

export const dashboardNav: NavEntry[] = [
  { to: '/kennzahlen', label: t.dashboard.area, description: t.dashboard.areaText, permission: 'indicators.read' },
  {
    to: '/zielvereinbarung',
    label: t.dashboard.targetsArea,
    description: t.dashboard.targetsAreaText,
    permission: 'indicators.read',
  },
  { to: '/teamreport', label: t.dashboard.teamArea, description: t.dashboard.teamAreaText, permission: 'teamreport.read' },
];
