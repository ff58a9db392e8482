import type { NavEntry } from '../../app/nav.ts';
import { t } from '../../lib/i18n.ts';

export const auditNav: NavEntry[] = [
  { to: '/protokoll', label: t.audit.area, description: t.audit.areaText, permission: 'audit.read' },
];
