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

export async function loadPersonFacts(db: Database, tenantId: string, only?: { personId: string }): Promise<PersonFacts[]> {
  // one person (the subsidies module's eligibility check) or the whole Jobcenter (indicators)
  const mine = (col: string) => (only ? sql`AND ${sql.raw(col)} = ${only.personId}` : sql``);
  const [persons, benefit, teams, members, status, jobs] = await Promise.all([
    db.rows<{ id: string; sex: 'm' | 'w' | 'd'; birthDate: string }>(
      sql`SELECT id, sex, birth_date AS "birthDate" FROM persons WHERE tenant_id = ${tenantId} ${mine('id')}`,
    ),
    db.rows<{ p: string; from: string; to: string | null; employable: boolean; other: string | null }>(
      sql`SELECT person_id AS p, valid_from AS "from", valid_to AS "to", employable, other_jobcenter AS other
            FROM benefit_periods WHERE tenant_id = ${tenantId} ${mine('person_id')}`,
    ),
    db.rows<{ p: string; teamId: string; from: string; to: string | null }>(
      sql`SELECT person_id AS p, team_id AS "teamId", valid_from AS "from", valid_to AS "to"
            FROM team_assignments WHERE tenant_id = ${tenantId} ${mine('person_id')}`,
    ),
    db.rows<{
      householdId: string;
      p: string;
      role: HouseholdMemberSpan['role'];
      from: string;
      to: string | null;
      birthDate: string;
    }>(
      sql`SELECT m.household_id AS "householdId", m.person_id AS p, m.role, m.valid_from AS "from", m.valid_to AS "to",
                 p.birth_date AS "birthDate"
            FROM household_memberships m JOIN persons p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
           WHERE m.tenant_id = ${tenantId} ${
             only
               ? sql`AND m.household_id IN (SELECT household_id FROM household_memberships
                                             WHERE tenant_id = ${tenantId} AND person_id = ${only.personId})`
               : sql``
           }`,
    ),
    db.rows<{ p: string; kind: string; value: string; from: string; to: string | null }>(
      sql`SELECT person_id AS p, kind, value, valid_from AS "from", valid_to AS "to"
            FROM status_periods WHERE tenant_id = ${tenantId} ${mine('person_id')} AND kind IN ('labour_market', 'severe_disability', 'refugee')`,
    ),
    db.rows<{ p: string; kind: EmploymentKind; from: string; to: string | null }>(
      sql`SELECT person_id AS p, kind, valid_from AS "from", valid_to AS "to" FROM employments WHERE tenant_id = ${tenantId} ${mine('person_id')}`,
    ),
  ]);
  const byId = new Map<string, PersonFacts>();
  for (const p of persons) byId.set(p.id, { ...p, benefit: [], teams: [], members: [], status: [], employments: [] });
  for (const b of benefit)
    byId.get(b.p)?.benefit.push({ from: b.from, to: b.to, employable: b.employable, otherJobcenter: b.other });
  for (const t of teams) byId.get(t.p)?.teams.push({ teamId: t.teamId, from: t.from, to: t.to });
  for (const s of status) byId.get(s.p)?.status.push({ kind: s.kind, value: s.value, from: s.from, to: s.to });
  for (const j of jobs) byId.get(j.p)?.employments.push({ kind: j.kind, from: j.from, to: j.to });
  const byHousehold = new Map<string, HouseholdMemberSpan[]>();
  for (const m of members) {
    const span = { householdId: m.householdId, personId: m.p, role: m.role, from: m.from, to: m.to, birthDate: m.birthDate };
    const list = byHousehold.get(m.householdId);
    if (list) list.push(span);
    else byHousehold.set(m.householdId, [span]);
  }
  for (const list of byHousehold.values())
    for (const m of list) {
      const f = byId.get(m.personId);
      if (f) for (const other of list) if (!f.members.includes(other)) f.members.push(other);
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
