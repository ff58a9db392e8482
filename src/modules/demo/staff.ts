import type { Role } from '../org/schema.ts';
import { foldName } from '../people/search-key.ts';
import { CENTRAL_STAFF, TEAMS } from './geography.ts';
import { familyName, givenName, type Origin } from './names.ts';
import { Rng } from './random.ts';
import type { StaffDirectory } from './simulate.ts';

/**
 * The demo Jobcenter's ~300 staff (report 1.2: "rund 300 Mitarbeiterinnen und Mitarbeiter") with
 * synthetic German names, their roles and teams (geography.ts TEAMS). One of them per role is a login
 * account with a well-known username; the others exist as caseworkers and benefit officers of the
 * households and cannot log in until an admin resets their password.
 */
export interface StaffMember {
  username: string;
  displayName: string;
  roles: Role[];
  /** Team names. */
  teams: string[];
  /** A login account whose password is shown once. */
  login: boolean;
}

/** The accounts the web app, its tests and the README rely on: one per role. */
export const LOGIN_ACCOUNTS = [
  'pap',
  'pap2',
  'leistung',
  'fallmanagement',
  'teamleitung',
  'agps',
  'controlling',
  'vorstand',
  'admin',
] as const;

/** Which position of the staff plan each login account takes. */
const LOGIN_POSITION: Record<(typeof LOGIN_ACCOUNTS)[number], { role: Role; team: string | null }> = {
  pap: { role: 'pap', team: 'Team Wetzlar Mitte' },
  pap2: { role: 'pap', team: 'Team Dillenburg' },
  leistung: { role: 'leistung', team: 'Team Wetzlar Mitte' },
  fallmanagement: { role: 'fallmanagement', team: 'Reha/SB Wetzlar' },
  teamleitung: { role: 'teamleitung', team: 'Team Wetzlar Mitte' },
  agps: { role: 'agps', team: 'Arbeitgeberpersonalservice (AGPS)' },
  controlling: { role: 'controlling', team: null },
  vorstand: { role: 'vorstand', team: null },
  admin: { role: 'admin', team: null },
};

const STAFF_ORIGINS: readonly (readonly [Origin, number])[] = [
  ['de', 84],
  ['tr', 6],
  ['ru', 5],
  ['pl', 3],
  ['it', 2],
];

export function planStaff(seed: number): StaffMember[] {
  const rng = new Rng(`teilhabe-demo/${seed}/staff`);
  const out: StaffMember[] = [];
  const taken = new Set<string>(LOGIN_ACCOUNTS);
  const names = new Set<string>();
  const person = () => {
    for (;;) {
      const origin = rng.weighted(STAFF_ORIGINS);
      const sex = rng.chance(0.62) ? 'w' : 'm';
      const year = rng.between(1960, 1996);
      const given = givenName(rng, origin, sex, year);
      const family = familyName(rng, origin);
      const displayName = `${given} ${family}`;
      if (names.has(displayName)) continue;
      names.add(displayName);
      const base = `${foldName(given).slice(0, 1)}.${foldName(family).replace(/\s+/g, '')}`;
      let username = base;
      for (let i = 2; taken.has(username); i++) username = `${base}${i}`;
      taken.add(username);
      return { username, displayName };
    }
  };
  const wanted = new Map<string, (typeof LOGIN_ACCOUNTS)[number][]>();
  for (const name of LOGIN_ACCOUNTS) {
    const pos = LOGIN_POSITION[name];
    const key = `${pos.role}|${pos.team ?? ''}`;
    wanted.set(key, [...(wanted.get(key) ?? []), name]);
  }
  const add = (role: Role, team: string | null) => {
    const key = `${role}|${team ?? ''}`;
    const login = wanted.get(key)?.shift();
    const p = person();
    out.push({
      username: login ?? p.username,
      displayName: p.displayName,
      roles: [role],
      teams: team ? [team] : [],
      login: login !== undefined,
    });
  };
  for (const t of TEAMS) {
    for (const [role, n] of Object.entries(t.staff) as [Role, number][]) for (let i = 0; i < n; i++) add(role, t.name);
  }
  for (const [role, n] of Object.entries(CENTRAL_STAFF) as [Role, number][]) for (let i = 0; i < n; i++) add(role, null);
  // the demo team lead leads two teams (Team Wetzlar Nord has no lead of its own)
  const lead = out.find((s) => s.username === 'teamleitung');
  if (lead) lead.teams.push('Team Wetzlar Nord');
  return out;
}

/** Caseworkers (pAp, case management) and benefit officers per team, as indices into the staff list. */
export function staffDirectory(staff: readonly StaffMember[]): StaffDirectory {
  const caseworkers: number[][] = TEAMS.map(() => []);
  const benefitOfficers: number[][] = TEAMS.map(() => []);
  staff.forEach((s, i) => {
    for (const name of s.teams) {
      const t = TEAMS.findIndex((x) => x.name === name);
      if (t < 0) continue;
      if (s.roles.includes('pap') || s.roles.includes('fallmanagement')) caseworkers[t]?.push(i);
      if (s.roles.includes('leistung')) benefitOfficers[t]?.push(i);
    }
  });
  return { caseworkers, benefitOfficers };
}
