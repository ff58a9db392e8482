import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { todayInGermany } from '../../lib/today.ts';
import { ageOn, type BenefitSpan, isElbOn, isLongTermRecipientOn } from './rules.ts';

/**
 * The eLb of some teams on a day with name, number and the LZB fact (people/rules.ts), for modules
 * that pick or list persons (planning: agenda, MitArbeit; demo seeding). Lean on purpose: two queries
 * (persons, benefit periods), no household or status data, so a whole Jobcenter takes a second or two
 * where the full caseload (caseload.ts) takes much longer.
 */
export interface RosterRow {
  id: string;
  customerNumber: string;
  familyName: string;
  givenNames: string;
  teamId: string;
  age: number;
  longTermRecipient: boolean;
}

export async function loadTeamRoster(
  db: Database,
  tenantId: string,
  teamIds: readonly string[],
  opts: {
    day?: string;
    /**
     * Filter the teams in SQL: the demo (planning/demo.ts) reads one team at a time, so that memory does not
     * grow with the demo's scale; it runs after ANALYZE, so the planner has statistics (see below).
     */
    teamsInSql?: boolean;
  } = {},
): Promise<RosterRow[]> {
  if (!teamIds.length) return [];
  const day = opts.day ?? todayInGermany();
  // SQL keeps only persons in employable receipt here on the day (the first condition of isElbOn), so
  // the many former customers of a Jobcenter never leave the database; the rules decide the rest.
  // The teams are filtered here, not in SQL: every query starts from the benefit periods and reaches
  // persons by primary key. Right after a bulk load PGlite has no statistics (no autovacuum), and a
  // team condition in SQL made the planner scan the current set once per person of the team (~1 min).
  const inTeams = opts.teamsInSql
    ? sql`JOIN persons t ON t.tenant_id = r.tenant_id AND t.id = r.person_id AND t.team_id = ANY(${sql.param([...teamIds])}::uuid[])`
    : sql``;
  const current = sql`WITH current AS MATERIALIZED (
      SELECT DISTINCT r.person_id FROM benefit_periods r ${inTeams}
       WHERE r.tenant_id = ${tenantId} AND r.employable AND r.other_jobcenter IS NULL
         AND r.valid_from <= ${day}::date AND (r.valid_to IS NULL OR r.valid_to > ${day}::date))`;
  const wanted = new Set(teamIds);
  const [all, benefit] = await Promise.all([
    db.rows<{
      id: string;
      customerNumber: string;
      familyName: string;
      givenNames: string;
      birthDate: string;
      teamId: string;
    }>(sql`
      ${current}
      SELECT p.id, p.customer_number AS "customerNumber", p.family_name AS "familyName", p.given_names AS "givenNames",
             p.birth_date AS "birthDate", p.team_id AS "teamId"
        FROM current c JOIN persons p ON p.tenant_id = ${tenantId} AND p.id = c.person_id`),
    db.rows<{ p: string; from: string; to: string | null; employable: boolean; other: string | null }>(sql`
      ${current}
      SELECT b.person_id AS p, b.valid_from AS "from", b.valid_to AS "to", b.employable, b.other_jobcenter AS other
        FROM current c JOIN benefit_periods b ON b.tenant_id = ${tenantId} AND b.person_id = c.person_id`),
  ]);
  const persons = all
    .filter((p) => wanted.has(p.teamId))
    .sort(
      (a, b) =>
        a.familyName.localeCompare(b.familyName, 'de') ||
        a.givenNames.localeCompare(b.givenNames, 'de') ||
        a.customerNumber.localeCompare(b.customerNumber),
    );
  const spans = new Map<string, BenefitSpan[]>();
  for (const b of benefit) {
    const span = { from: b.from, to: b.to, employable: b.employable, otherJobcenter: b.other };
    const list = spans.get(b.p);
    if (list) list.push(span);
    else spans.set(b.p, [span]);
  }
  const out: RosterRow[] = [];
  for (const p of persons) {
    const s = spans.get(p.id) ?? [];
    if (!isElbOn(p.birthDate, s, day)) continue;
    out.push({
      id: p.id,
      customerNumber: p.customerNumber,
      familyName: p.familyName,
      givenNames: p.givenNames,
      teamId: p.teamId,
      age: ageOn(p.birthDate, day),
      longTermRecipient: isLongTermRecipientOn(p.birthDate, s, day),
    });
  }
  return out;
}

/** Persons per responsible team (any status): lets a caller read the roster a few teams at a time. */
export async function teamSizes(db: Database, tenantId: string): Promise<Map<string, number>> {
  const rows = await db.rows<{ team: string | null; n: number }>(
    sql`SELECT team_id AS team, count(*)::int AS n FROM persons WHERE tenant_id = ${tenantId} GROUP BY team_id`,
  );
  return new Map(rows.filter((r) => r.team !== null).map((r) => [r.team as string, r.n]));
}
