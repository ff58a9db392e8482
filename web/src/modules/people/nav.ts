import type { NavEntry } from '../../app/nav.ts';
import { t } from '../../lib/i18n.ts';

export const peopleNav: NavEntry[] = [
  { to: '/personen', label: t.people.area, description: t.people.areaText, permission: 'person.read' },
  { to: '/fallbestand', label: t.people.caseloadArea, description: t.people.caseloadAreaText, permission: 'person.read' },
];
