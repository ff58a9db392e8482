import { queryOptions } from '@tanstack/react-query';
import type { MeasureListRow, MeasuresService, PersonAssignmentRow } from '../../../../src/modules/measures/service.ts';
import { api } from '../../lib/api.ts';

/** Shapes and queries of /api/measures; types from the server's own module (`import type` only). */
export type { MeasureListRow, PersonAssignmentRow };
export type MeasureDetail = Omit<Awaited<ReturnType<MeasuresService['getMeasure']>>, 'shownPersonIds'>;
export type EvaluationReport = Awaited<ReturnType<MeasuresService['evaluation']>>;
export type Provider = Awaited<ReturnType<MeasuresService['listProviders']>>[number];

export interface MeasureFilter {
  q?: string;
  targetGroup?: string;
  site?: string;
  freeOnly?: boolean;
}

export const measureKeys = {
  all: ['measures'] as const,
  list: (f: MeasureFilter) => ['measures', 'list', f] as const,
  detail: (id: string) => ['measures', 'detail', id] as const,
  evaluation: (from: string, to: string) => ['measures', 'evaluation', from, to] as const,
  person: (personId: string) => ['measures', 'person', personId] as const,
  providers: ['measures', 'providers'] as const,
};

const seg = encodeURIComponent;

export const measuresQuery = (f: MeasureFilter) =>
  queryOptions({
    queryKey: measureKeys.list(f),
    queryFn: () =>
      api.get<MeasureListRow[]>('/api/measures', {
        q: f.q || undefined,
        targetGroup: f.targetGroup || undefined,
        site: f.site || undefined,
        freeOnly: f.freeOnly ? 'true' : undefined,
      }),
  });

export const measureQuery = (id: string) =>
  queryOptions({ queryKey: measureKeys.detail(id), queryFn: () => api.get<MeasureDetail>(`/api/measures/${seg(id)}`) });

export const providersQuery = queryOptions({
  queryKey: measureKeys.providers,
  queryFn: () => api.get<Provider[]>('/api/measures/providers'),
});

export const evaluationQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: measureKeys.evaluation(from, to),
    queryFn: () => api.get<EvaluationReport>('/api/measures/evaluation', { from: from || undefined, to: to || undefined }),
  });

export const personAssignmentsQuery = (personId: string) =>
  queryOptions({
    queryKey: measureKeys.person(personId),
    queryFn: () => api.get<PersonAssignmentRow[]>('/api/measures/assignments', { personId }),
  });

export const assignmentStep = (id: string, step: string, body: unknown) =>
  api.post<{ version: number }>(`/api/measures/assignments/${seg(id)}/${step}`, body);
