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

// One separator between all fields of all rows (a unit separator: never part of a date, uuid or code): each
// table comes as one aggregated text, split once into a flat list read k fields per row. One row per table
// instead of one per period: PGlite (WebAssembly) spends most of its time per row, and on PostgreSQL the
// transfer shrinks too; one flat split instead of one per row spares an array per row.
const US = '\x1f';

async function fields(db: Database, query: ReturnType<typeof sql>): Promise<string[]> {
  const rows = await db.rows<{ s: string | null }>(query);
  return rows.flatMap((r) => (r.s ? [r.s] : []));
}

/** The texts' fields, one text at a time (so that only one text's fields are in memory at once). */
function* split(texts: string[]): Generator<string[]> {
  for (const text of texts) yield text.split(US);
}

/**
 * Each table's text but the persons' comes in up to 16 parts (by the last hex digit of a uuid, which is random), so that
 * no single text nears the size limits of a PostgreSQL text (1 GB) or a JavaScript string (~512 MiB)
 * for the largest Jobcenters. The persons come in one text, in the order of the table as before: which
 * member's team a household is counted in depends on that order (indicators/engine.ts, households).
 */
const PARTS = (col: string) => sql.raw(`GROUP BY right(${col}::text, 1)`);

export async function loadPersonFacts(
  db: Database,
  tenantId: string,
  filter: { range?: FactsRange; personId?: string; personIds?: readonly string[]; elbOnly?: boolean } = {},
): Promise<PersonFacts[]> {
  const { range, elbOnly } = filter;
  // some persons (the subsidies module's eligibility check: one; the facts cache's refresh: those a write
  // touched) or the whole Jobcenter (indicators)
  const ids = filter.personIds ?? (filter.personId ? [filter.personId] : null);
  if (ids && !ids.length) return [];
  const idArray = ids ? uuidArray(ids) : null;
  const mine = (col: string) => (idArray ? sql`AND ${sql.raw(col)} = ANY(${idArray}::uuid[])` : sql``);
  const overlaps = range
    ? sql`AND valid_from <= ${range.to}::date AND (valid_to IS NULL OR valid_to > ${range.from}::date)`
    : sql``;
  // With a range, only the persons in employable receipt at this Jobcenter on one of its days are read,
  // and of every other table only their rows (the others' rows would be read and dropped). With `elbOnly`
  // (the whole history for the indicators' facts cache), the persons ever in such receipt, all their rows.
  // (for some persons the subquery asks only theirs: else a planner may hash every period of a large Jobcenter)
  const theirs = idArray ? sql`AND b.person_id = ANY(${idArray}::uuid[])` : sql``;
  const relevant = (col: string) =>
    range
      ? sql`AND ${sql.raw(col)} IN (SELECT b.person_id FROM benefit_periods b WHERE b.tenant_id = ${tenantId} AND b.employable
                        AND b.other_jobcenter IS NULL AND b.valid_from <= ${range.to}::date
                        AND (b.valid_to IS NULL OR b.valid_to > ${range.from}::date) ${theirs})`
      : elbOnly
        ? sql`AND ${sql.raw(col)} IN (SELECT b.person_id FROM benefit_periods b WHERE b.tenant_id = ${tenantId} AND b.employable
                          AND b.other_jobcenter IS NULL ${theirs})`
        : sql``;
  const us = sql.raw(`chr(31)`);
  const [persons, benefit, teams, members, status, jobs] = await Promise.all([
    fields(
      db,
      // in id order: a household counts in the team and groups of its first eLb member (engine.ts), so the order
      // must not depend on the query plan
      sql`SELECT string_agg(p.id::text || ${us} || p.sex || ${us} || p.birth_date::text, ${us} ORDER BY p.id) AS s
            FROM persons p WHERE p.tenant_id = ${tenantId} ${relevant('p.id')} ${mine('p.id')}`,
    ),
    fields(
      db,
      sql`SELECT string_agg(person_id::text || ${us} || valid_from::text || ${us} || coalesce(valid_to::text, '') || ${us}
                            || CASE WHEN employable THEN '1' ELSE '0' END || ${us} || coalesce(other_jobcenter, ''), ${us}) AS s
            FROM benefit_periods WHERE tenant_id = ${tenantId} ${relevant('person_id')} ${mine('person_id')} ${PARTS('person_id')}`,
    ),
    fields(
      db,
      sql`SELECT string_agg(person_id::text || ${us} || team_id::text || ${us} || valid_from::text || ${us} || coalesce(valid_to::text, ''), ${us}) AS s
            FROM team_assignments WHERE tenant_id = ${tenantId} ${overlaps} ${relevant('person_id')} ${mine('person_id')}
           ${PARTS('person_id')}`,
    ),
    fields(
      db,
      sql`SELECT string_agg(m.household_id::text || ${us} || m.person_id::text || ${us} || m.role || ${us} || m.valid_from::text
                            || ${us} || coalesce(m.valid_to::text, '') || ${us} || p.birth_date::text, ${us}) AS s
            FROM household_memberships m JOIN persons p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
           WHERE m.tenant_id = ${tenantId}
             ${range ? sql`AND m.valid_from <= ${range.to}::date AND (m.valid_to IS NULL OR m.valid_to > ${range.from}::date)` : sql``}
             ${
               idArray
                 ? sql`AND m.household_id IN (SELECT household_id FROM household_memberships
                                               WHERE tenant_id = ${tenantId} AND person_id = ANY(${idArray}::uuid[]))`
                 : sql``
             }
           ${PARTS('m.household_id')}`,
    ),
    fields(
      db,
      sql`SELECT string_agg(person_id::text || ${us} || kind || ${us} || value || ${us} || valid_from::text || ${us} || coalesce(valid_to::text, ''), ${us}) AS s
            FROM status_periods
           WHERE tenant_id = ${tenantId} AND kind IN ('labour_market', 'severe_disability', 'refugee') ${overlaps}
             ${relevant('person_id')} ${mine('person_id')} ${PARTS('person_id')}`,
    ),
    fields(
      db,
      sql`SELECT string_agg(person_id::text || ${us} || kind || ${us} || valid_from::text || ${us} || coalesce(valid_to::text, ''), ${us}) AS s
            FROM employments WHERE tenant_id = ${tenantId} ${overlaps} ${relevant('person_id')} ${mine('person_id')}
           ${PARTS('person_id')}`,
    ),
  ]);
  // Dates, codes and team ids repeat across thousands of rows: one string each keeps the facts of a large
  // Jobcenter within the heap (a fresh string per field would be ~1 KiB more per person).
  const pool = new Map<string, string>();
  const one = (x: string): string => {
    const known = pool.get(x);
    if (known !== undefined) return known;
    pool.set(x, x);
    return x;
  };
  const open = (x: string) => (x === '' ? null : one(x));
  const byId = new Map<string, PersonFacts>();
  for (const part of split(persons))
    for (let i = 0; i < part.length; i += 3) {
      const id = part[i] as string;
      byId.set(id, {
        id,
        sex: one(part[i + 1] as string) as PersonFacts['sex'],
        birthDate: one(part[i + 2] as string),
        benefit: [],
        teams: [],
        members: [],
        status: [],
        employments: [],
      });
    }
  for (const part of split(benefit))
    for (let i = 0; i < part.length; i += 5)
      byId.get(part[i] as string)?.benefit.push({
        from: one(part[i + 1] as string),
        to: open(part[i + 2] as string),
        employable: part[i + 3] === '1',
        otherJobcenter: open(part[i + 4] as string),
      });
  for (const part of split(teams))
    for (let i = 0; i < part.length; i += 4)
      byId
        .get(part[i] as string)
        ?.teams.push({ teamId: one(part[i + 1] as string), from: one(part[i + 2] as string), to: open(part[i + 3] as string) });
  for (const part of split(status))
    for (let i = 0; i < part.length; i += 5)
      byId.get(part[i] as string)?.status.push({
        kind: one(part[i + 1] as string),
        value: one(part[i + 2] as string),
        from: one(part[i + 3] as string),
        to: open(part[i + 4] as string),
      });
  for (const part of split(jobs))
    for (let i = 0; i < part.length; i += 4)
      byId.get(part[i] as string)?.employments.push({
        kind: one(part[i + 1] as string) as EmploymentKind,
        from: one(part[i + 2] as string),
        to: open(part[i + 3] as string),
      });
  const byHousehold = new Map<string, HouseholdMemberSpan[]>();
  for (const part of split(members))
    for (let i = 0; i < part.length; i += 6) {
      const householdId = part[i] as string;
      const personId = part[i + 1] as string;
      const span: HouseholdMemberSpan = {
        householdId,
        // the loaded person's own id string where there is one (one string less, and equal ids compare at once)
        personId: byId.get(personId)?.id ?? personId,
        role: one(part[i + 2] as string) as HouseholdMemberSpan['role'],
        from: one(part[i + 3] as string),
        to: open(part[i + 4] as string),
        birthDate: one(part[i + 5] as string),
      };
      const list = byHousehold.get(householdId);
      if (list) list.push(span);
      else byHousehold.set(householdId, [span]);
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

/** A Postgres array literal of uuids (validated: they come from the database or a route's checked parameter). */
function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`keine UUID: ${id}`);
  return `{${ids.join(',')}}`;
}

/**
 * The persons whose facts (`PersonFacts`) a write to `personIds` and to the memberships of `householdIds` may
 * have changed: those persons, everyone who shares a household with one of them at any time (their `members`
 * lists hold the changed person's memberships and birth date), and every member of the households. In id order.
 */
export async function personsAffected(
  db: Database,
  tenantId: string,
  personIds: readonly string[],
  householdIds: readonly string[],
): Promise<string[]> {
  const persons = uuidArray(personIds);
  const households = uuidArray(householdIds);
  const rows = await db.rows<{ id: string }>(sql`
    WITH h AS (
      SELECT household_id FROM household_memberships WHERE tenant_id = ${tenantId} AND person_id = ANY(${persons}::uuid[])
      UNION SELECT unnest(${households}::uuid[]))
    SELECT id::text AS id FROM (
      SELECT unnest(${persons}::uuid[]) AS id
      UNION SELECT m.person_id FROM household_memberships m WHERE m.tenant_id = ${tenantId} AND m.household_id IN (SELECT household_id FROM h)
    ) x ORDER BY id`);
  return rows.map((r) => r.id);
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
