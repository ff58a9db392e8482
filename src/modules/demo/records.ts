import type { BulkColumn } from '../../db/bulk.ts';
import { fromDay } from '../../lib/dates.ts';
import { personSearchKey } from '../people/search-key.ts';
import { claimsInMonth } from './payments.ts';
import { firstDay, type IdFactory, OPEN, type Person } from './population.ts';
import { END, START, type World } from './simulate.ts';

/**
 * The generated world as rows of the people module's tables, in the order their foreign keys need.
 * Rows are produced lazily, table by table, so that a sink can stream them in bounded batches.
 */
export interface TableSpec {
  table: string;
  columns: readonly BulkColumn[];
}

const c = (name: string, type: string): BulkColumn => ({ name, type });
const period = [c('valid_from', 'date'), c('valid_to', 'date')];

export const TABLES = {
  households: {
    table: 'households',
    columns: [
      c('id', 'uuid'),
      c('tenant_id', 'uuid'),
      c('number', 'text'),
      c('team_id', 'uuid'),
      c('caseworker_id', 'uuid'),
      c('benefit_officer_id', 'uuid'),
    ],
  },
  persons: {
    table: 'persons',
    columns: [
      c('id', 'uuid'),
      c('tenant_id', 'uuid'),
      c('customer_number', 'text'),
      c('family_name', 'text'),
      c('given_names', 'text'),
      c('birth_date', 'date'),
      c('sex', 'text'),
      c('nationality', 'text'),
      c('phone', 'text'),
      c('email', 'text'),
      c('street', 'text'),
      c('postcode', 'text'),
      c('city', 'text'),
      c('search_key', 'text'),
      c('team_id', 'uuid'),
    ],
  },
  memberships: {
    table: 'household_memberships',
    columns: [
      c('id', 'uuid'),
      c('tenant_id', 'uuid'),
      c('household_id', 'uuid'),
      c('person_id', 'uuid'),
      c('role', 'text'),
      ...period,
    ],
  },
  benefit: {
    table: 'benefit_periods',
    columns: [
      c('id', 'uuid'),
      c('tenant_id', 'uuid'),
      c('person_id', 'uuid'),
      c('household_id', 'uuid'),
      c('employable', 'bool'),
      c('other_jobcenter', 'text'),
      ...period,
    ],
  },
  status: {
    table: 'status_periods',
    columns: [
      c('id', 'uuid'),
      c('tenant_id', 'uuid'),
      c('person_id', 'uuid'),
      c('kind', 'text'),
      c('value', 'text'),
      c('detail', 'text'),
      ...period,
    ],
  },
  teams: {
    table: 'team_assignments',
    columns: [c('id', 'uuid'), c('tenant_id', 'uuid'), c('person_id', 'uuid'), c('team_id', 'uuid'), ...period],
  },
  employments: {
    table: 'employments',
    columns: [
      c('id', 'uuid'),
      c('tenant_id', 'uuid'),
      c('person_id', 'uuid'),
      c('kind', 'text'),
      c('weekly_hours', 'numeric'),
      c('employer', 'text'),
      ...period,
    ],
  },
  payments: {
    table: 'household_payments',
    columns: [
      c('tenant_id', 'uuid'),
      c('household_id', 'uuid'),
      c('month', 'date'),
      c('standard_cents', 'int8'),
      c('additional_cents', 'int8'),
      c('housing_cents', 'int8'),
    ],
  },
} satisfies Record<string, TableSpec>;

export type Row = (string | number | boolean | null)[];

export interface RecordContext {
  tenantId: string;
  /** team index (geography.ts TEAMS) → id */
  teamIds: readonly string[];
  /** staff index (staff.ts plan) → id */
  staffIds: readonly string[];
  ids: IdFactory;
}

/** ISO dates of day numbers, remembered: a few thousand distinct days make up millions of periods. */
const isoCache = new Map<number, string>();
function iso(d: number): string {
  let s = isoCache.get(d);
  if (s === undefined) {
    s = fromDay(d);
    if (isoCache.size > 100_000) isoCache.clear();
    isoCache.set(d, s);
  }
  return s;
}
const to = (d: number) => (d === OPEN ? null : iso(d));

/** All rows of a world, table by table (a table's rows all come before the next table's). */
export function* worldRows(world: World, ctx: RecordContext): Generator<[TableSpec, Row]> {
  const { tenantId, teamIds, staffIds, ids } = ctx;
  const team = (i: number) => teamIds[i] as string;
  for (const hh of world.households) {
    yield [
      TABLES.households,
      [
        hh.id,
        tenantId,
        hh.number,
        team(hh.team),
        hh.caseworker >= 0 ? (staffIds[hh.caseworker] ?? null) : null,
        hh.benefitOfficer >= 0 ? (staffIds[hh.benefitOfficer] ?? null) : null,
      ],
    ];
  }
  for (const p of world.persons) {
    const last = p.teams[p.teams.length - 1];
    yield [
      TABLES.persons,
      [
        p.id,
        tenantId,
        p.customerNumber,
        p.familyName,
        p.givenNames,
        p.birthIso,
        p.sex,
        p.nationality,
        p.phone,
        p.email,
        p.street,
        p.postcode,
        p.city,
        personSearchKey(p),
        last ? team(last.team) : null,
      ],
    ];
  }
  for (const p of world.persons)
    for (const m of p.memberships)
      yield [TABLES.memberships, [ids.next(), tenantId, m.hh.id, p.id, m.role, iso(m.from), to(m.to)]];
  for (const p of world.persons)
    for (const s of p.spans)
      yield [TABLES.benefit, [ids.next(), tenantId, p.id, s.hh ? s.hh.id : null, s.employable, s.other, iso(s.from), to(s.to)]];
  for (const p of world.persons)
    for (const s of p.statuses)
      yield [TABLES.status, [ids.next(), tenantId, p.id, s.kind, s.value, s.detail, iso(s.from), to(s.to)]];
  for (const p of world.persons)
    for (const t of p.teams) yield [TABLES.teams, [ids.next(), tenantId, p.id, team(t.team), iso(t.from), to(t.to)]];
  for (const p of world.persons)
    for (const j of p.jobs)
      yield [
        TABLES.employments,
        [ids.next(), tenantId, p.id, j.kind, j.hours === null ? null : j.hours.toFixed(1), j.employer, iso(j.from), to(j.to)],
      ];
  for (const hh of world.households) {
    let first = Number.POSITIVE_INFINITY;
    let lastDay = Number.NEGATIVE_INFINITY;
    for (const { span } of hh.spans) {
      if (span.from < first) first = span.from;
      if (span.to > lastDay) lastDay = span.to;
    }
    for (let m = START; m <= END; m++) {
      const f = firstDay(m);
      if (f >= lastDay || firstDay(m + 1) <= first) continue;
      const claims = claimsInMonth(hh, m);
      if (!claims) continue;
      yield [TABLES.payments, [tenantId, hh.id, iso(f), claims.standard, claims.additional, claims.housing]];
    }
  }
}

/** Row counts per table, for reports. */
export function countRows(world: World): Record<string, number> {
  const n: Record<string, number> = {};
  const add = (t: string, k: number) => {
    n[t] = (n[t] ?? 0) + k;
  };
  add('households', world.households.length);
  add('persons', world.persons.length);
  for (const p of world.persons as Person[]) {
    add('household_memberships', p.memberships.length);
    add('benefit_periods', p.spans.length);
    add('status_periods', p.statuses.length);
    add('team_assignments', p.teams.length);
    add('employments', p.jobs.length);
  }
  return n;
}
