import type { NavEntry } from '../../app/nav.ts';

export const budgetNav: NavEntry[] = [
  {
    to: '/budget',
    label: 'Budget',
    description: 'Eingliederungsbudget: Plan, Bindungen, Zahlungen und freie Mittel je Instrument, Hochrechnung',
    permission: 'budget.read',
  },
];
