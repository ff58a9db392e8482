import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { todayInGermany } from '../../lib/today.ts';
import { ageOn, type BenefitSpan, type HouseholdMemberSpan, isElbOn, isLongTermRecipientOn, isSingleParentOn } from './rules.ts';

/** The filters of a team's caseload list; each is one derived fact on the day. */
export const CASELOAD_FILTERS = ['u25', 'single_parent', 'lzb', 'severe_disability', 'refugee', 'in_measure'] as const;
export type CaseloadFilter = (typeof CASELOAD_FILTERS)[number];
export const CASELOAD_FILTER_LABELS: Record<CaseloadFilter, string> = {
  u25: 'unter 25',
  single_parent: 'alleinerziehend',
  lzb: 'Langzeitleistungsbeziehende (LZB)',
  severe_disability: 'schwerbehindert oder gleichgestellt',
  refugee: 'Fluchthintergrund',
  in_measure: 'in einer Maßnahme',
};

export interface CaseloadRow {
  id: string;
  customerNumber: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  sex: 'm' | 'w' | 'd';
  householdNumber: string | null;
  caseworker: string | null;
  age: number;
  labourMarket: string | null;
  flags: Record<CaseloadFilter, boolean>;
}

/**
 * The eLb a team is responsible for on a day, with the facts the filters need, computed by people/rules.ts
 * from the stored periods (one query per kind of period for the whole team, then in memory).
 */
export async function loadCaseload(
  db: Database,
  tenantId: string,
  teamId: string,
  opts: { day?: string; filters?: CaseloadFilter[] } = {},
): Promise<{ day: string; rows: CaseloadRow[]; counts: Record<CaseloadFilter, number> & { total: number } }> {
  const day = opts.day ?? todayInGermany();
  const persons = await db.rows<Omit<CaseloadRow, 'age' | 'flags' | 'labourMarket'>>(sql`
    SELECT p.id, p.customer_number AS "customerNumber", p.family_name AS "familyName", p.given_names AS "givenNames",
           p.birth_date AS "birthDate", p.sex, h.number AS "householdNumber", s.display_name AS caseworker
      FROM persons p
      LEFT JOIN household_memberships m ON m.tenant_id = p.tenant_id AND m.person_id = p.id
           AND m.valid_from <= ${day}::date AND (m.valid_to IS NULL OR m.valid_to > ${day}::date)
      LEFT JOIN households h ON h.tenant_id = m.tenant_id AND h.id = m.household_id
      LEFT JOIN staff s ON s.tenant_id = h.tenant_id AND s.id = h.caseworker_id
     WHERE p.tenant_id = ${tenantId} AND p.team_id = ${teamId}
     ORDER BY p.family_name, p.given_names, p.customer_number`);
  const ids = persons.map((p) => p.id);
  const empty = {
    day,
    rows: [],
    counts: { total: 0, u25: 0, single_parent: 0, lzb: 0, severe_disability: 0, refugee: 0, in_measure: 0 },
  };
  if (!ids.length) return empty;
  const idArray = sql`${sql.param(ids)}::uuid[]`;
  const [benefit, status, members] = await Promise.all([
    db.rows<{ personId: string; from: string; to: string | null; employable: boolean; otherJobcenter: string | null }>(sql`
      SELECT person_id AS "personId", valid_from AS "from", valid_to AS "to", employable, other_jobcenter AS "otherJobcenter"
        FROM benefit_periods WHERE tenant_id = ${tenantId} AND person_id = ANY(${idArray})`),
    db.rows<{ personId: string; kind: string; value: string }>(sql`
      SELECT person_id AS "personId", kind, value FROM status_periods
       WHERE tenant_id = ${tenantId} AND person_id = ANY(${idArray})
         AND valid_from <= ${day}::date AND (valid_to IS NULL OR valid_to > ${day}::date)`),
    db.rows<HouseholdMemberSpan & { forPerson: string }>(sql`
      SELECT mine.person_id AS "forPerson", m.household_id AS "householdId", m.person_id AS "personId", m.role,
             m.valid_from AS "from", m.valid_to AS "to", p.birth_date AS "birthDate"
        FROM household_memberships mine
        JOIN household_memberships m ON m.tenant_id = mine.tenant_id AND m.household_id = mine.household_id
        JOIN persons p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
       WHERE mine.tenant_id = ${tenantId} AND mine.person_id = ANY(${idArray})
         AND mine.valid_from <= ${day}::date AND (mine.valid_to IS NULL OR mine.valid_to > ${day}::date)`),
  ]);
  const group = <T extends { personId?: string; forPerson?: string }>(rows: T[], key: (r: T) => string) => {
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const k = key(r);
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
    return map;
  };
  const benefitBy = group(benefit, (r) => r.personId);
  const statusBy = group(status, (r) => r.personId);
  const membersBy = group(members, (r) => r.forPerson);

  const counts = { ...empty.counts };
  const rows: CaseloadRow[] = [];
  for (const p of persons) {
    const spans: BenefitSpan[] = (benefitBy.get(p.id) ?? []).map((b) => ({
      from: b.from,
      to: b.to,
      employable: b.employable,
      otherJobcenter: b.otherJobcenter,
    }));
    if (!isElbOn(p.birthDate, spans, day)) continue;
    const st = statusBy.get(p.id) ?? [];
    const has = (kind: string, value?: string) => st.some((s) => s.kind === kind && (value === undefined || s.value === value));
    const age = ageOn(p.birthDate, day);
    const flags: Record<CaseloadFilter, boolean> = {
      u25: age < 25,
      single_parent: isSingleParentOn(p.id, membersBy.get(p.id) ?? [], day),
      lzb: isLongTermRecipientOn(p.birthDate, spans, day),
      severe_disability: has('severe_disability'),
      refugee: has('refugee'),
      in_measure: has('labour_market', 'measure'),
    };
    counts.total++;
    for (const f of CASELOAD_FILTERS) if (flags[f]) counts[f]++;
    if (opts.filters?.some((f) => !flags[f])) continue;
    rows.push({ ...p, age, labourMarket: st.find((s) => s.kind === 'labour_market')?.value ?? null, flags });
  }
  return { day, rows, counts };
}
