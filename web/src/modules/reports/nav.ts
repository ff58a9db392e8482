import type { NavEntry } from '../../app/nav.ts';

export const reportsNav: NavEntry[] = [
  {
    to: '/eingliederungsbericht',
    label: 'Eingliederungsbericht',
    description:
      'Den Eingliederungsbericht eines Jahres ansehen, seine Texte bearbeiten und als Word, PDF oder Excel herunterladen.',
    permission: 'reports.read',
  },
];
