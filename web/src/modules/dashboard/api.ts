import { queryOptions } from '@tanstack/react-query';
import type { DashboardView, SeriesPoint } from '../../../../src/modules/dashboard/service.ts';
import type { TeamReport } from '../../../../src/modules/dashboard/team-report.ts';
import type { TargetOut } from '../../../../src/modules/targets/model.ts';
import type { TargetProgressRow } from '../../../../src/modules/targets/service.ts';
import { api, withQuery } from '../../lib/api.ts';

/** Shapes and queries of /api/dashboard, /api/team-reports and /api/targets (types from the server modules). */
export type { DashboardView, SeriesPoint, TargetOut, TargetProgressRow, TeamReport };

/** The month to open with: the last completed month, or the last month with data when the data end earlier. */
export const dataMonthQuery = queryOptions({
  queryKey: ['indicators', 'data-month'],
  queryFn: () => api.get<{ month: string }>('/api/indicators/data-month'),
  staleTime: 5 * 60_000,
});

export const dashboardQuery = (month: string, scope: string) =>
  queryOptions({
    queryKey: ['dashboard', month, scope],
    queryFn: () => api.get<DashboardView>('/api/dashboard', { month, scope }),
  });

/** The twelve months up to the report month, loaded after the figures (it takes longer). */
export const seriesQuery = (month: string, scope: string) =>
  queryOptions({
    queryKey: ['dashboard', month, scope, 'series'],
    queryFn: () => api.get<SeriesPoint[]>('/api/dashboard/series', { month, scope, months: 12 }),
  });

export const exportUrl = (month: string, scope: string, format: 'csv' | 'xlsx') =>
  withQuery('/api/dashboard/export', { month, scope, format });

export const reportTeamsQuery = queryOptions({
  queryKey: ['team-reports', 'teams'],
  queryFn: () => api.get<{ id: string; name: string; siteName: string }[]>('/api/team-reports/teams'),
});

export const teamReportQuery = (teamId: string, month: string) =>
  queryOptions({
    queryKey: ['team-reports', teamId, month],
    queryFn: () => api.get<TeamReport>(`/api/team-reports/${encodeURIComponent(teamId)}`, { month }),
  });

export const teamReportExportUrl = (teamId: string, month: string, format: 'csv' | 'xlsx') =>
  withQuery(`/api/team-reports/${encodeURIComponent(teamId)}/export`, { month, format });

export const targetKeys = { year: (year: number) => ['targets', year] as const };

export const targetProgressQuery = (year: number) =>
  queryOptions({
    queryKey: [...targetKeys.year(year), 'progress'],
    queryFn: () => api.get<TargetProgressRow[]>('/api/targets/progress', { year }),
  });
