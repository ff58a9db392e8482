import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** Shapes of /api/org (see src/modules/org/model.ts) and the queries of the admin pages. */
export interface Site {
  id: string;
  name: string;
  version: number;
}

export interface Team {
  id: string;
  name: string;
  kind: string;
  siteId: string;
  siteName: string;
  active: boolean;
  version: number;
  memberCount: number;
}

export interface TeamDetail extends Team {
  members: { id: string; displayName: string; roles: string[] }[];
}

export interface Staff {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  roles: string[];
  teamIds: string[];
  version: number;
}

export const TEAM_KINDS = ['regional', 'u25', 'reha_sb', 'agps', 'other'] as const;
export const ROLES = ['pap', 'leistung', 'fallmanagement', 'teamleitung', 'agps', 'controlling', 'vorstand', 'admin'] as const;

export const orgKeys = {
  all: ['org'] as const,
  sites: ['org', 'sites'] as const,
  teams: ['org', 'teams'] as const,
  team: (id: string) => ['org', 'teams', id] as const,
  staff: ['org', 'staff'] as const,
  staffMember: (id: string) => ['org', 'staff', id] as const,
};

export const sitesQuery = queryOptions({ queryKey: orgKeys.sites, queryFn: () => api.get<Site[]>('/api/org/sites') });
export const teamsQuery = queryOptions({ queryKey: orgKeys.teams, queryFn: () => api.get<Team[]>('/api/org/teams') });
export const teamQuery = (id: string) =>
  queryOptions({ queryKey: orgKeys.team(id), queryFn: () => api.get<TeamDetail>(`/api/org/teams/${encodeURIComponent(id)}`) });
export const staffListQuery = queryOptions({ queryKey: orgKeys.staff, queryFn: () => api.get<Staff[]>('/api/org/staff') });
export const staffQuery = (id: string) =>
  queryOptions({ queryKey: orgKeys.staffMember(id), queryFn: () => api.get<Staff>(`/api/org/staff/${encodeURIComponent(id)}`) });

/** react-hook-form gives a lone checkbox's value as string or false; a group's as an array. */
export const asArray = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);
