import type { NavEntry } from '../../app/nav.ts';

export const subsidyNav: NavEntry[] = [
  {
    to: '/foerderung',
    label: 'Geförderte Beschäftigung',
    description: '§ 16i und § 16e SGB II: Förderverträge, Zahlplan, Coaching, Stichtagszahlen',
    permission: 'subsidy.read',
  },
];
