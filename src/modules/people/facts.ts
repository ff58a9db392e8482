import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { EmploymentKind } from './codes.ts';
import type { BenefitSpan, HouseholdMemberSpan } from './rules.ts';

/**
 * Everything the key figures need about every person of a Jobcenter, read in one pass per table.
 * This is the people module's export for the indicator engine, which never reads people's tables.
 */
export interface PersonFacts {
  id: string;
  sex: 'm' | 'w' | 'd';
  birthDate: string;
  benefit: BenefitSpan[];
  teams: { teamId: string; from: string; to: string | null }[];
  /** The person's own memberships and the other members of those households (for single parents). */
  members: HouseholdMemberSpan[];
  status: { kind: string; value: string; from: string; to: string | null }[];
  employments: { kind: EmploymentKind; from: string; to: string | null }[];
}

/**
 * Only what matters for the days `from` … `to` (ISO, inclusive): persons with employable receipt at this
 * Jobcenter on one of these days, and their team, household, status and employment periods overlapping
 * them. Benefit periods are always complete (LZB and receipt duration look back years).
 */
export interface FactsRange {
  from: string;
  to: string;
}

// Unit and record separators: never part of a date, uuid or code, so one aggregated text per table can be
// split without quoting. One row per table instead of one per period: PGlite (WebAssembly) spends most of
// its time per row, and on PostgreSQL the transfer shrinks too.
const US = '\x1f';
const RS = '\x1e';

async function aggregated(db: Database, query: ReturnType<typeof sql>): Promise<string[][]> {
  const [row] = await db.rows<{ s: string | null }>(query);
  if (!row?.s) return [];
  return row.s.split(RS).map((r) => r.split(US));
}

export async function loadPersonFacts(
  db: Database,
  tenantId: string,
  filter: { range?: FactsRange; personId?: string } = {},
): Promise<PersonFacts[]> {
  const { range, personId } = filter;
  // one person (the subsidies module's eligibility check) or the whole Jobcenter (indicators)
  const mine = (col: string) => (personId ? sql`AND ${sql.raw(col)} = ${personId}` : sql``);
  const overlaps = range
    ? sql`AND valid_from <= ${range.to}::date AND (valid_to IS NULL OR valid_to > ${range.from}::date)`
    : sql``;
  const personFilter = range
    ? sql`AND EXISTS (SELECT 1 FROM benefit_periods b WHERE b.tenant_id = p.tenant_id AND b.person_id = p.id AND b.employable
                        AND b.other_jobcenter IS NULL AND b.valid_from <= ${range.to}::date
                        AND (b.valid_to IS NULL OR b.valid_to > ${range.from}::date))`
    : sql``;
  const us = sql.raw(`chr(31)`);
  const rs = sql.raw(`chr(30)`);
  const [persons, benefit, teams, members, status, jobs] = await Promise.all([
    aggregated(
      db,
      sql`SELECT string_agg(p.id::text || ${us} || p.sex || ${us} || p.birth_date::text, ${rs}) AS s
            FROM persons p WHERE p.tenant_id = ${tenantId} ${personFilter} ${mine('p.id')}`,
    ),
    aggregated(
      db,
      sql`SELECT string_agg(person_id::text || ${us} || valid_from::text || ${us} || coalesce(valid_to::text, '') || ${us}
                            || CASE WHEN employable THEN '1' ELSE '0' END || ${us} || coalesce(other_jobcenter, ''), ${rs}) AS s
            FROM benefit_periods WHERE tenant_id = ${tenantId} ${mine('person_id')}`,
    ),
    aggregated(
      db,
      sql`SELECT string_agg(person_id::text || ${us} || team_id::text || ${us} || valid_from::text || ${us} || coalesce(valid_to::text, ''), ${rs}) AS s
            FROM team_assignments WHERE tenant_id = ${tenantId} ${overlaps} ${mine('person_id')}`,
    ),
    aggregated(
      db,
      sql`SELECT string_agg(m.household_id::text || ${us} || m.person_id::text || ${us} || m.role || ${us} || m.valid_from::text
                            || ${us} || coalesce(m.valid_to::text, '') || ${us} || p.birth_date::text, ${rs}) AS s
            FROM household_memberships m JOIN persons p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
           WHERE m.tenant_id = ${tenantId}
             ${range ? sql`AND m.valid_from <= ${range.to}::date AND (m.valid_to IS NULL OR m.valid_to > ${range.from}::date)` : sql``}
             ${
               personId
                 ? sql`AND m.household_id IN (SELECT household_id FROM household_memberships
                                               WHERE tenant_id = ${tenantId} AND person_id = ${personId})`
                 : sql``
             }`,
    ),
    aggregated(
      db,
      sql`SELECT string_agg(person_id::text || ${us} || kind || ${us} || value || ${us} || valid_from::text || ${us} || coalesce(valid_to::text, ''), ${rs}) AS s
            FROM status_periods
           WHERE tenant_id = ${tenantId} AND kind IN ('labour_market', 'severe_disability', 'refugee') ${overlaps} ${mine('person_id')}`,
    ),
    aggregated(
      db,
      sql`SELECT string_agg(person_id::text || ${us} || kind || ${us} || valid_from::text || ${us} || coalesce(valid_to::text, ''), ${rs}) AS s
            FROM employments WHERE tenant_id = ${tenantId} ${overlaps} ${mine('person_id')}`,
    ),
  ]);
  const open = (x: string | undefined) => (x ? x : null);
  const byId = new Map<string, PersonFacts>();
  for (const [id, sex, birthDate] of persons)
    byId.set(id as string, {
      id: id as string,
      sex: sex as PersonFacts['sex'],
      birthDate: birthDate as string,
      benefit: [],
      teams: [],
      members: [],
      status: [],
      employments: [],
    });
  for (const [p, from, to, employable, other] of benefit)
    byId
      .get(p as string)
      ?.benefit.push({ from: from as string, to: open(to), employable: employable === '1', otherJobcenter: open(other) });
  for (const [p, teamId, from, to] of teams)
    byId.get(p as string)?.teams.push({ teamId: teamId as string, from: from as string, to: open(to) });
  for (const [p, kind, value, from, to] of status)
    byId.get(p as string)?.status.push({ kind: kind as string, value: value as string, from: from as string, to: open(to) });
  for (const [p, kind, from, to] of jobs)
    byId.get(p as string)?.employments.push({ kind: kind as EmploymentKind, from: from as string, to: open(to) });
  const byHousehold = new Map<string, HouseholdMemberSpan[]>();
  for (const [householdId, p, role, from, to, birthDate] of members) {
    const span: HouseholdMemberSpan = {
      householdId: householdId as string,
      personId: p as string,
      role: role as HouseholdMemberSpan['role'],
      from: from as string,
      to: open(to),
      birthDate: birthDate as string,
    };
    const list = byHousehold.get(span.householdId);
    if (list) list.push(span);
    else byHousehold.set(span.householdId, [span]);
  }
  for (const list of byHousehold.values()) {
    // each person gets every membership of the households they belong to, once per household
    const done = new Set<string>();
    for (const m of list) {
      if (done.has(m.personId)) continue;
      done.add(m.personId);
      const f = byId.get(m.personId);
      if (f) f.members.push(...list);
    }
  }
  return [...byId.values()];
}

/** Monthly claims summed over the Jobcenter (or one team's households), in cents. month = 'YYYY-MM'. */
export async function loadPaymentSums(
  db: Database,
  tenantId: string,
  fromMonth: string,
  toMonth: string,
): Promise<{ month: string; teamId: string; subsistenceCents: number; housingCents: number }[]> {
  return db.rows(sql`
    SELECT to_char(x.month, 'YYYY-MM') AS month, h.team_id AS "teamId",
           sum(x.standard_cents + x.additional_cents)::int8 AS "subsistenceCents", sum(x.housing_cents)::int8 AS "housingCents"
      FROM household_payments x JOIN households h ON h.tenant_id = x.tenant_id AND h.id = x.household_id
     WHERE x.tenant_id = ${tenantId} AND x.month >= ${`${fromMonth}-01`}::date AND x.month <= ${`${toMonth}-01`}::date
     GROUP BY 1, 2`);
}

/** Number, name, sex, team and birth date of some persons (subsidies: scope checks, lists, the count of jobs by sex). */
export async function loadPersonBasics(
  db: Database,
  tenantId: string,
  personIds: readonly string[],
): Promise<
  {
    id: string;
    customerNumber: string;
    familyName: string;
    givenNames: string;
    sex: 'm' | 'w' | 'd';
    teamId: string | null;
    birthDate: string;
  }[]
> {
  if (!personIds.length) return [];
  return db.rows(
    sql`SELECT id, customer_number AS "customerNumber", family_name AS "familyName", given_names AS "givenNames", sex,
               team_id AS "teamId", birth_date AS "birthDate" FROM persons
         WHERE tenant_id = ${tenantId} AND id = ANY(${`{${personIds.join(',')}}`}::uuid[])`,
  );
}

/** Employment periods of some kinds with hours and employer (subsidies: contracts for recorded § 16i / § 16e jobs). */
export async function loadEmploymentsOfKinds(
  db: Database,
  tenantId: string,
  kinds: readonly EmploymentKind[],
): Promise<
  {
    id: string;
    personId: string;
    kind: EmploymentKind;
    from: string;
    to: string | null;
    weeklyHours: number | null;
    employer: string | null;
  }[]
> {
  const rows = await db.rows<{
    id: string;
    personId: string;
    kind: EmploymentKind;
    from: string;
    to: string | null;
    weeklyHours: string | null;
    employer: string | null;
  }>(
    sql`SELECT id, person_id AS "personId", kind, valid_from AS "from", valid_to AS "to", weekly_hours AS "weeklyHours", employer
          FROM employments WHERE tenant_id = ${tenantId} AND kind = ANY(${`{${kinds.join(',')}}`}::text[]) ORDER BY valid_from, id`,
  );
  return rows.map((r) => ({ ...r, weeklyHours: r.weeklyHours === null ? null : Number(r.weeklyHours) }));
}

/** The latest month with recorded benefit payments ('YYYY-MM'), or null: how far the Jobcenter's data reach. */
export async function latestPaymentMonth(db: Database, tenantId: string): Promise<string | null> {
  const [row] = await db.rows<{ month: string | null }>(
    sql`SELECT to_char(max(month), 'YYYY-MM') AS month FROM household_payments WHERE tenant_id = ${tenantId}`,
  );
  return row?.month ?? null;
}
