import type { TEAM_KINDS } from '../org/schema.ts';

/**
 * The Lahn-Dill district as the demo knows it: its 23 towns and municipalities (report, section 2),
 * their postcodes, and the regional team responsible for each; the two sites Wetzlar and Dillenburg
 * (section 1.2) with their specialist teams (U25, reha/severe disability, employer service, and the
 * back-office teams the report names: Anspruchsübergang, BuT, Widerspruch, ZKS).
 */
export interface Municipality {
  name: string;
  /** Inhabitants (rounded; the report gives 254,255 in total and 52,643 for Wetzlar). */
  inhabitants: number;
  /** Relative SGB II density: towns higher than villages. */
  density: number;
  postcodes: { code: string; team: string }[];
}

const one = (code: string, team: string) => [{ code, team }];

export const MUNICIPALITIES: Municipality[] = [
  {
    name: 'Wetzlar',
    inhabitants: 52_643,
    density: 2.1,
    postcodes: [
      { code: '35576', team: 'Team Wetzlar Mitte' },
      { code: '35578', team: 'Team Wetzlar Mitte' },
      { code: '35579', team: 'Team Wetzlar Nord' },
      { code: '35580', team: 'Team Wetzlar Nord' },
      { code: '35581', team: 'Team Wetzlar Nord' },
      { code: '35582', team: 'Team Wetzlar Süd' },
      { code: '35583', team: 'Team Wetzlar Süd' },
      { code: '35584', team: 'Team Wetzlar Süd' },
      { code: '35585', team: 'Team Wetzlar Süd' },
      { code: '35586', team: 'Team Wetzlar Nord' },
    ],
  },
  {
    name: 'Dillenburg',
    inhabitants: 23_600,
    density: 1.5,
    postcodes: ['35683', '35684', '35685', '35686', '35687', '35688', '35689', '35690'].map((code) => ({
      code,
      team: 'Team Dillenburg',
    })),
  },
  { name: 'Herborn', inhabitants: 20_800, density: 1.5, postcodes: one('35745', 'Team Herborn') },
  { name: 'Haiger', inhabitants: 19_500, density: 1.2, postcodes: one('35708', 'Team Haiger/Eschenburg') },
  { name: 'Aßlar', inhabitants: 13_600, density: 1.0, postcodes: one('35614', 'Team Aßlar/Lahnau') },
  { name: 'Solms', inhabitants: 13_400, density: 1.0, postcodes: one('35606', 'Team Solms/Braunfels') },
  { name: 'Braunfels', inhabitants: 10_900, density: 0.8, postcodes: one('35619', 'Team Solms/Braunfels') },
  { name: 'Hüttenberg', inhabitants: 10_700, density: 0.6, postcodes: one('35625', 'Team Aßlar/Lahnau') },
  { name: 'Eschenburg', inhabitants: 10_100, density: 0.7, postcodes: one('35713', 'Team Haiger/Eschenburg') },
  { name: 'Ehringshausen', inhabitants: 9_200, density: 0.9, postcodes: one('35630', 'Team Aßlar/Lahnau') },
  { name: 'Lahnau', inhabitants: 8_300, density: 0.7, postcodes: one('35633', 'Team Aßlar/Lahnau') },
  { name: 'Greifenstein', inhabitants: 6_800, density: 0.6, postcodes: one('35753', 'Team Driedorf/Greifenstein') },
  { name: 'Sinn', inhabitants: 6_400, density: 0.9, postcodes: one('35764', 'Team Herborn') },
  { name: 'Schöffengrund', inhabitants: 6_300, density: 0.5, postcodes: one('35641', 'Team Solms/Braunfels') },
  { name: 'Leun', inhabitants: 5_800, density: 0.8, postcodes: one('35638', 'Team Solms/Braunfels') },
  { name: 'Dietzhölztal', inhabitants: 5_600, density: 0.7, postcodes: one('35716', 'Team Haiger/Eschenburg') },
  { name: 'Driedorf', inhabitants: 5_000, density: 0.6, postcodes: one('35759', 'Team Driedorf/Greifenstein') },
  { name: 'Waldsolms', inhabitants: 4_900, density: 0.5, postcodes: one('35647', 'Team Solms/Braunfels') },
  { name: 'Mittenaar', inhabitants: 4_800, density: 0.7, postcodes: one('35756', 'Team Herborn') },
  { name: 'Breitscheid', inhabitants: 4_800, density: 0.6, postcodes: one('35767', 'Team Driedorf/Greifenstein') },
  { name: 'Hohenahr', inhabitants: 4_800, density: 0.5, postcodes: one('35644', 'Team Aßlar/Lahnau') },
  { name: 'Bischoffen', inhabitants: 3_500, density: 0.6, postcodes: one('35649', 'Team Aßlar/Lahnau') },
  { name: 'Siegbach', inhabitants: 2_500, density: 0.5, postcodes: one('35768', 'Team Driedorf/Greifenstein') },
];

export type TeamKind = (typeof TEAM_KINDS)[number];

export interface TeamPlan {
  name: string;
  site: 'Wetzlar' | 'Dillenburg';
  kind: TeamKind;
  /** Staff by role (team lead, caseworkers, benefit staff, case managers, employer service). */
  staff: { teamleitung: number; pap: number; leistung: number; fallmanagement: number; agps: number };
}

const team = (
  name: string,
  site: TeamPlan['site'],
  kind: TeamKind,
  [teamleitung, pap, leistung, fallmanagement, agps]: [number, number, number, number, number],
): TeamPlan => ({ name, site, kind, staff: { teamleitung, pap, leistung, fallmanagement, agps } });

export const SITES = ['Wetzlar', 'Dillenburg'] as const;

/** Teams and their staff (rounded to the report's "rund 300 Mitarbeiterinnen und Mitarbeiter"). */
export const TEAMS: TeamPlan[] = [
  team('Team Wetzlar Mitte', 'Wetzlar', 'regional', [1, 10, 14, 2, 0]),
  // led by the team lead of Team Wetzlar Mitte (the demo account "teamleitung" leads both)
  team('Team Wetzlar Nord', 'Wetzlar', 'regional', [0, 10, 12, 2, 0]),
  team('Team Wetzlar Süd', 'Wetzlar', 'regional', [1, 7, 9, 1, 0]),
  team('Team Solms/Braunfels', 'Wetzlar', 'regional', [1, 7, 8, 1, 0]),
  team('Team Aßlar/Lahnau', 'Wetzlar', 'regional', [1, 8, 9, 1, 0]),
  team('U25 Wetzlar', 'Wetzlar', 'u25', [1, 9, 7, 1, 0]),
  team('Reha/SB Wetzlar', 'Wetzlar', 'reha_sb', [1, 5, 5, 2, 0]),
  team('Arbeitgeberpersonalservice (AGPS)', 'Wetzlar', 'agps', [1, 0, 0, 0, 12]),
  team('Anspruchsübergang', 'Wetzlar', 'other', [1, 0, 9, 0, 0]),
  team('Bildung und Teilhabe', 'Wetzlar', 'other', [1, 0, 10, 0, 0]),
  team('Widerspruch und Forderungsmanagement', 'Wetzlar', 'other', [1, 0, 12, 0, 0]),
  team('Zentrale Koordinierungsstelle Sprache (ZKS)', 'Wetzlar', 'other', [1, 5, 0, 0, 0]),
  team('Team Dillenburg', 'Dillenburg', 'regional', [1, 9, 13, 2, 0]),
  team('Team Herborn', 'Dillenburg', 'regional', [1, 8, 10, 1, 0]),
  team('Team Haiger/Eschenburg', 'Dillenburg', 'regional', [1, 7, 8, 1, 0]),
  team('Team Driedorf/Greifenstein', 'Dillenburg', 'regional', [1, 5, 6, 1, 0]),
  team('U25 Dillenburg', 'Dillenburg', 'u25', [1, 7, 6, 1, 0]),
  team('Reha/SB Dillenburg', 'Dillenburg', 'reha_sb', [1, 4, 4, 1, 0]),
];

/** Staff without a team: board, controlling, administration. */
export const CENTRAL_STAFF = { vorstand: 2, controlling: 5, admin: 4 } as const;

export const TEAM_INDEX = new Map(TEAMS.map((t, i) => [t.name, i]));

export function teamIndex(name: string): number {
  const i = TEAM_INDEX.get(name);
  if (i === undefined) throw new Error(`Team ${name} fehlt`);
  return i;
}

/** The specialist team of a site. */
export function siteTeam(site: TeamPlan['site'], kind: 'u25' | 'reha_sb'): number {
  const i = TEAMS.findIndex((t) => t.site === site && t.kind === kind);
  if (i < 0) throw new Error(`kein ${kind}-Team in ${site}`);
  return i;
}

/** Fictitious telephone numbers reserved for media by the Bundesnetzagentur (Frankfurt 069 90009 000–999). */
export function dramaNumber(n: number): string {
  return `069 90009${String(n % 1000).padStart(3, '0')}`;
}
