import { queryOptions } from '@tanstack/react-query';
import type { CaseloadRow } from '../../../../src/modules/people/caseload.ts';
import type { ImportSummary } from '../../../../src/modules/people/exchange/import.ts';
import type { HouseholdView, PersonRecord, TimelineEntry } from '../../../../src/modules/people/record.ts';
import type { SearchHit } from '../../../../src/modules/people/service.ts';
import { api } from '../../lib/api.ts';

/**
 * Shapes and queries of /api/people. The types come from the server's own modules (`import type`
 * only: nothing of the server ends up in the browser bundle), so the two cannot drift apart.
 */
export type { CaseloadRow, HouseholdView, ImportSummary, PersonRecord, SearchHit, TimelineEntry };

/** The caseload filters (src/modules/people/caseload.ts), in the order the page shows them. */
export const CASELOAD_FILTERS = ['u25', 'single_parent', 'lzb', 'severe_disability', 'refugee', 'in_measure'] as const;
export type CaseloadFilter = (typeof CASELOAD_FILTERS)[number];
export interface Caseload {
  day: string;
  rows: CaseloadRow[];
  counts: Record<CaseloadFilter, number> & { total: number };
}

/** Why a person's record is opened; recorded with every read (src/modules/people/model.ts `purpose`). */
export const PURPOSES = ['casework', 'benefit', 'review', 'data_subject_request', 'supervision'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const peopleKeys = {
  all: ['people'] as const,
  search: (q: string) => ['people', 'search', q] as const,
  person: (id: string) => ['people', 'person', id] as const,
  personFor: (id: string, purpose: Purpose) => ['people', 'person', id, purpose] as const,
  household: (id: string) => ['people', 'household', id] as const,
  caseload: (teamId: string, day: string) => ['people', 'caseload', teamId, day] as const,
};

const seg = encodeURIComponent;

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: peopleKeys.search(q),
    queryFn: () => api.get<SearchHit[]>('/api/people/search', { q, limit: 50 }),
  });

export const personQuery = (id: string, purpose: Purpose = 'casework') =>
  queryOptions({
    queryKey: peopleKeys.personFor(id, purpose),
    queryFn: () => api.get<PersonRecord>(`/api/people/persons/${seg(id)}`, { purpose }),
  });

export const householdQuery = (id: string) =>
  queryOptions({
    queryKey: peopleKeys.household(id),
    queryFn: () => api.get<HouseholdView>(`/api/people/households/${seg(id)}`),
  });

/** The whole caseload of a team on a day; the filters are applied in the browser (one audited read). */
export const caseloadQuery = (teamId: string, day: string) =>
  queryOptions({
    queryKey: peopleKeys.caseload(teamId, day),
    queryFn: () => api.get<Caseload>('/api/people/caseload', { teamId, day }),
  });

/** The four kinds of period of a person's history, as the API names them. */
export const HISTORY_SEGMENTS = {
  benefit: 'benefit-periods',
  status: 'status-periods',
  team: 'team-assignments',
  employment: 'employments',
} as const;
export type HistoryKind = keyof typeof HISTORY_SEGMENTS;

export function periodPath(personId: string, kind: HistoryKind, periodId?: string) {
  const base = `/api/people/persons/${seg(personId)}/${HISTORY_SEGMENTS[kind]}`;
  return periodId ? `${base}/${seg(periodId)}` : base;
}

/** A browser File as the import API wants it: name and content in base64. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** "Müller, Sabine" */
export const fullName = (p: { familyName: string; givenNames: string }) => `${p.familyName}, ${p.givenNames}`;
