import { queryOptions } from '@tanstack/react-query';
import type { EligibilityResult } from '../../../../src/modules/subsidies/eligibility.ts';
import { api } from '../../lib/api.ts';

export { BASIS_LABELS, type SubsidyBasis } from '../../../../src/modules/subsidies/codes.ts';
export type { EligibilityResult };

export interface ContractRow {
  id: string;
  personId: string;
  basis: '16i' | '16e';
  employer: string;
  startsOn: string;
  endsOn: string;
  endedOn: string | null;
  weeklyHours: number;
  customerNumber: string;
  personName: string;
  sex: 'm' | 'w' | 'd';
}

export interface ContractDetail extends ContractRow {
  wageBasis: 'minimum_wage' | 'agreed';
  agreedHourlyCents: number | null;
  patShareBp: number;
  eligible: string;
  overrideReason: string | null;
  ruleVersion: string;
  version: number;
  schedule: {
    month: string;
    cents: number;
    patCents: number;
    integrationCents: number;
    paidCents: number;
    segments: { from: string; until: string; hourlyCents: number; percent: number }[];
  }[];
  payments: { paidOn: string; forMonth: string | null; cents: number }[];
  coaching: { id: string; heldOn: string; minutes: number }[];
  coachingHours: number;
}

export interface JobsTable {
  date: string;
  rows: { basis: '16i' | '16e'; men: number; women: number; diverse: number; total: number }[];
}

const seg = encodeURIComponent;
export const subsidyKeys = { all: ['subsidies'] as const };

export const contractsQuery = (activeOn: string) =>
  queryOptions({
    queryKey: ['subsidies', 'contracts', activeOn],
    queryFn: () => api.get<ContractRow[]>('/api/subsidies/contracts', { activeOn }),
  });
export const jobsQuery = (date: string) =>
  queryOptions({ queryKey: ['subsidies', 'jobs', date], queryFn: () => api.get<JobsTable>('/api/subsidies/jobs', { date }) });
export const coachingQuery = (month: string) =>
  queryOptions({
    queryKey: ['subsidies', 'coaching', month],
    queryFn: () =>
      api.get<{ persons: number; hours: number; averageHours: number }>('/api/subsidies/coaching-average', { month }),
  });
export const contractQuery = (id: string) =>
  queryOptions({
    queryKey: ['subsidies', 'contract', id],
    queryFn: () => api.get<ContractDetail>(`/api/subsidies/contracts/${seg(id)}`),
  });
export const eligibilityQuery = (personId: string, basis: '16i' | '16e', day: string) =>
  queryOptions({
    queryKey: ['subsidies', 'eligibility', personId, basis, day],
    queryFn: () =>
      api.get<EligibilityResult>(`/api/subsidies/persons/${seg(personId)}/eligibility`, { basis, day, purpose: 'casework' }),
  });
