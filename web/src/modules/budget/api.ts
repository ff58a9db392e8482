import { queryOptions } from '@tanstack/react-query';
import type { Overview } from '../../../../src/modules/budget/service.ts';
import { api } from '../../lib/api.ts';

export type { Instrument } from '../../../../src/modules/budget/codes.ts';
export {
  INSTRUMENT_LABELS,
  INSTRUMENT_SHORT,
  INSTRUMENTS,
  ORIGIN_LABELS,
  SOURCE_KIND_LABELS,
} from '../../../../src/modules/budget/codes.ts';
export type { Overview };

export interface CommitmentRow {
  id: string;
  sourceId: string;
  sourceLabel: string;
  instrument: string;
  origin: 'measure' | 'subsidy' | 'manual';
  originRef: string | null;
  description: string;
  firstMonth: string | null;
  lastMonth: string | null;
  committedCents: number;
  paidCents: number;
  overridden: boolean;
}

export interface CommitmentDetail {
  id: string;
  sourceLabel: string;
  instrument: string;
  origin: 'measure' | 'subsidy' | 'manual';
  description: string;
  overrideReason: string | null;
  months: { month: string; cents: number }[];
  payments: { id: string; paidOn: string; forMonth: string | null; cents: number; reference: string | null }[];
  committedCents: number;
  paidCents: number;
  openCents: number;
}

export const budgetKeys = {
  all: ['budget'] as const,
  overview: (year: number) => ['budget', 'overview', year] as const,
  commitments: (year: number) => ['budget', 'commitments', year] as const,
  commitment: (id: string) => ['budget', 'commitment', id] as const,
  sources: ['budget', 'sources'] as const,
};

export const overviewQuery = (year: number) =>
  queryOptions({ queryKey: budgetKeys.overview(year), queryFn: () => api.get<Overview>('/api/budget/overview', { year }) });
export const commitmentsQuery = (year: number) =>
  queryOptions({
    queryKey: budgetKeys.commitments(year),
    queryFn: () => api.get<CommitmentRow[]>('/api/budget/commitments', { year, limit: 100 }),
  });
export const commitmentQuery = (id: string) =>
  queryOptions({
    queryKey: budgetKeys.commitment(id),
    queryFn: () => api.get<CommitmentDetail>(`/api/budget/commitments/${encodeURIComponent(id)}`),
  });
export const sourcesQuery = queryOptions({
  queryKey: budgetKeys.sources,
  queryFn: () => api.get<{ id: string; kind: string; label: string }[]>('/api/budget/sources'),
});

/** 'YYYY-MM' → 'MM/YYYY'. */
export const monthText = (m: string | null) => (m ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : '–');
