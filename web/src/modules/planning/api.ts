import { queryOptions } from '@tanstack/react-query';
import type {
  Agenda,
  MitarbeitAnalysis,
  MitarbeitListRow,
  PlanningView,
  PlanRevisionView,
} from '../../../../src/modules/planning/service.ts';
import { api } from '../../lib/api.ts';

/** Shapes and queries of /api/planning; the types come from the server module (`import type` only). */
export type { Agenda, MitarbeitAnalysis, MitarbeitListRow, PlanningView, PlanRevisionView };

export const planningKeys = {
  all: ['planning'] as const,
  person: (id: string) => ['planning', 'person', id] as const,
  revision: (id: string, n: number) => ['planning', 'person', id, 'revision', n] as const,
  agenda: (days: number, mine: boolean) => ['planning', 'agenda', days, mine] as const,
  mitarbeit: (teamId: string) => ['planning', 'mitarbeit', teamId] as const,
  analysis: (from: string, to: string) => ['planning', 'analysis', from, to] as const,
};

const seg = encodeURIComponent;

export const planningQuery = (personId: string) =>
  queryOptions({
    queryKey: planningKeys.person(personId),
    queryFn: () => api.get<PlanningView>(`/api/planning/persons/${seg(personId)}`),
  });

export const revisionQuery = (personId: string, revision: number) =>
  queryOptions({
    queryKey: planningKeys.revision(personId, revision),
    queryFn: () => api.get<PlanRevisionView>(`/api/planning/persons/${seg(personId)}/revisions/${revision}`),
  });

export const agendaQuery = (days: number, mine: boolean) =>
  queryOptions({
    queryKey: planningKeys.agenda(days, mine),
    queryFn: () => api.get<Agenda>('/api/planning/agenda', { days, mine }),
  });

export const mitarbeitQuery = (teamId: string) =>
  queryOptions({
    queryKey: planningKeys.mitarbeit(teamId),
    queryFn: () => api.get<{ day: string; rows: MitarbeitListRow[]; reviewed: number }>('/api/planning/mitarbeit', { teamId }),
  });

export const analysisQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: planningKeys.analysis(from, to),
    queryFn: () => api.get<MitarbeitAnalysis>('/api/planning/mitarbeit/analysis', { from, to }),
  });

export const personName = (p: { familyName: string; givenNames: string }) => `${p.familyName}, ${p.givenNames}`;
