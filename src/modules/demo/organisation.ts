import type { TenantPlan } from '../org/bootstrap.ts';

/**
 * The small demo Jobcenter of the first start: the two sites of the report (Wetzlar, Dillenburg),
 * regional teams, U25, reha/severe disability, the employer service, and one account per role.
 * (The full synthetic Jobcenter with ~300 staff and five years of history is the demo generator's job.)
 */
export const DEMO_TENANT: TenantPlan = {
  name: 'Jobcenter Lahn-Dill (Demo)',
  sites: ['Wetzlar', 'Dillenburg'],
  teams: [
    { name: 'Team Wetzlar Nord', site: 'Wetzlar', kind: 'regional' },
    { name: 'Team Wetzlar Süd', site: 'Wetzlar', kind: 'regional' },
    { name: 'Team Dillenburg', site: 'Dillenburg', kind: 'regional' },
    { name: 'Team Herborn/Haiger', site: 'Dillenburg', kind: 'regional' },
    { name: 'U25 Wetzlar', site: 'Wetzlar', kind: 'u25' },
    { name: 'U25 Dillenburg', site: 'Dillenburg', kind: 'u25' },
    { name: 'Reha/SB', site: 'Wetzlar', kind: 'reha_sb' },
    { name: 'Arbeitgeberservice (AGPS)', site: 'Wetzlar', kind: 'agps' },
  ],
  staff: [
    { username: 'pap', displayName: 'Petra Albers', roles: ['pap'], teams: ['Team Wetzlar Nord'] },
    { username: 'pap2', displayName: 'Deniz Yilmaz', roles: ['pap'], teams: ['Team Dillenburg'] },
    { username: 'leistung', displayName: 'Lars Engel', roles: ['leistung'], teams: ['Team Wetzlar Nord'] },
    { username: 'fallmanagement', displayName: 'Frieda Maurer', roles: ['fallmanagement'], teams: ['Reha/SB'] },
    {
      username: 'teamleitung',
      displayName: 'Thomas Lenz',
      roles: ['teamleitung'],
      teams: ['Team Wetzlar Nord', 'Team Wetzlar Süd'],
    },
    { username: 'agps', displayName: 'Anja Gerlach', roles: ['agps'], teams: ['Arbeitgeberservice (AGPS)'] },
    { username: 'controlling', displayName: 'Carsten Roth', roles: ['controlling'], teams: [] },
    { username: 'vorstand', displayName: 'Vera Stein', roles: ['vorstand'], teams: [] },
    { username: 'admin', displayName: 'Adrian Mehler', roles: ['admin'], teams: [] },
  ],
};
