import type { NavEntry } from '../../app/nav.ts';
import { t } from '../../lib/i18n.ts';

export const planningNav: NavEntry[] = [
  { to: '/termine', label: t.planning.area, description: t.planning.areaText, permission: 'planning.read' },
  { to: '/mitarbeit', label: t.planning.mitarbeitArea, description: t.planning.mitarbeitAreaText, permission: 'planning.read' },
  {
    to: '/mitarbeit/auswertung',
    label: t.planning.analysisArea,
    description: t.planning.analysisAreaText,
    permission: 'planning.analysis',
  },
];
