import type { NavEntry } from '../../app/nav.ts';

export const measuresNav: NavEntry[] = [
  {
    to: '/massnahmen',
    label: 'Maßnahmen',
    description: 'Katalog der Maßnahmen und Träger: Plätze, Einstiege, Zielgruppen, Belegung und Warteliste.',
    permission: 'measure.read',
  },
  {
    to: '/massnahmen/auswertung',
    label: 'Maßnahmen auswerten',
    description: 'Eintritte, Austritte, Abbrüche und Integrationsquote je Maßnahme und Träger, gegen das Vertragsziel.',
    permission: 'measure.evaluate',
  },
];
