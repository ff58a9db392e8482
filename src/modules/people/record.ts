import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { NotFoundError } from '../../lib/errors.ts';
import { todayInGermany } from '../../lib/today.ts';
import { listStaffRefs, listTeamRefs } from '../org/directory.ts';
import { EMPLOYMENT_KIND_LABELS, MEMBERSHIP_ROLE_LABELS, STATUS_KIND_LABELS, STATUS_VALUES, type StatusKind } from './codes.ts';
import { toInclusiveEnd, toStoredEnd } from './model.ts';
import { ageOn, type HouseholdMemberSpan, isElbOn, isLongTermRecipientOn, isSingleParentOn } from './rules.ts';

/** What a person page shows: master data, household, tandem, history, and facts derived on a day. */
export interface PersonRecord {
  person: {
    id: string;
    customerNumber: string;
    familyName: string;
    givenNames: string;
    birthDate: string;
    sex: 'm' | 'w' | 'd';
    nationality: string | null;
    phone: string | null;
    email: string | null;
    street: string | null;
    postcode: string | null;
    city: string | null;
    teamId: string | null;
    teamName: string | null;
    version: number;
    updatedAt: string;
  };
  memberships: {
    id: string;
    householdId: string;
    householdNumber: string;
    role: string;
    validFrom: string;
    validUntil: string | null;
  }[];
  household: HouseholdView | null;
  benefitPeriods: {
    id: string;
    householdId: string | null;
    householdNumber: string | null;
    employable: boolean;
    otherJobcenter: string | null;
    validFrom: string;
    validUntil: string | null;
  }[];
  statusPeriods: {
    id: string;
    kind: StatusKind;
    value: string;
    detail: string | null;
    validFrom: string;
    validUntil: string | null;
  }[];
  teamAssignments: { id: string; teamId: string; teamName: string; validFrom: string; validUntil: string | null }[];
  employments: {
    id: string;
    kind: string;
    weeklyHours: number | null;
    employer: string | null;
    validFrom: string;
    validUntil: string | null;
  }[];
  /** Derived on `day` by people/rules.ts, never stored. */
  facts: { day: string; age: number; elb: boolean; longTermRecipient: boolean; singleParent: boolean; u25: boolean };
  /** Status valid on `day`, per kind. */
  current: Partial<Record<StatusKind, { value: string; label: string; detail: string | null }>>;
  timeline: TimelineEntry[];
}

export interface TimelineEntry {
  date: string;
  event: 'start' | 'end';
  category: 'benefit' | 'status' | 'team' | 'employment' | 'household';
  label: string;
  refId: string;
}

export interface HouseholdView {
  id: string;
  number: string;
  teamId: string;
  teamName: string;
  siteName: string;
  caseworker: { id: string; displayName: string } | null;
  benefitOfficer: { id: string; displayName: string } | null;
  version: number;
  members: {
    membershipId: string;
    personId: string;
    familyName: string;
    givenNames: string;
    birthDate: string;
    role: string;
    validFrom: string;
    validUntil: string | null;
  }[];
  /** Monthly claims, newest first (only for roles with benefit.read). */
  payments?: { month: string; standardCents: number; additionalCents: number; housingCents: number }[];
}

const end = toInclusiveEnd;
const covers = (from: string, to: string | null, day: string) => from <= day && (to === null || day < to);

export async function loadHousehold(
  db: Database,
  tenantId: string,
  householdId: string,
  opts: { withPayments: boolean },
): Promise<HouseholdView> {
  const [h] = await db.rows<{
    id: string;
    number: string;
    teamId: string;
    caseworkerId: string | null;
    benefitOfficerId: string | null;
    version: number;
  }>(
    sql`SELECT id, number, team_id AS "teamId", caseworker_id AS "caseworkerId", benefit_officer_id AS "benefitOfficerId", version
          FROM households WHERE tenant_id = ${tenantId} AND id = ${householdId}`,
  );
  if (!h) throw new NotFoundError('Diese Bedarfsgemeinschaft gibt es nicht.');
  const [teams, staff, members] = await Promise.all([
    listTeamRefs(db, tenantId),
    listStaffRefs(db, tenantId),
    db.rows<HouseholdView['members'][number] & { validTo: string | null }>(
      sql`SELECT m.id AS "membershipId", m.person_id AS "personId", p.family_name AS "familyName", p.given_names AS "givenNames",
                 p.birth_date AS "birthDate", m.role, m.valid_from AS "validFrom", m.valid_to AS "validTo"
            FROM household_memberships m JOIN persons p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
           WHERE m.tenant_id = ${tenantId} AND m.household_id = ${householdId}
           ORDER BY (m.valid_to IS NULL) DESC, m.role, p.birth_date`,
    ),
  ]);
  const team = teams.find((t) => t.id === h.teamId);
  const who = (id: string | null) => {
    const s = id ? staff.find((x) => x.id === id) : undefined;
    return s ? { id: s.id, displayName: s.displayName } : null;
  };
  const view: HouseholdView = {
    id: h.id,
    number: h.number,
    teamId: h.teamId,
    teamName: team?.name ?? '',
    siteName: team?.siteName ?? '',
    caseworker: who(h.caseworkerId),
    benefitOfficer: who(h.benefitOfficerId),
    version: h.version,
    members: members.map(({ validTo, ...m }) => ({ ...m, validUntil: end(validTo) })),
  };
  if (opts.withPayments) {
    view.payments = await db.rows(
      sql`SELECT to_char(month, 'YYYY-MM') AS month, standard_cents AS "standardCents", additional_cents AS "additionalCents",
                 housing_cents AS "housingCents"
            FROM household_payments WHERE tenant_id = ${tenantId} AND household_id = ${householdId}
           ORDER BY month DESC LIMIT 36`,
    );
  }
  return view;
}

export async function loadPersonRecord(
  db: Database,
  tenantId: string,
  personId: string,
  opts: { withPayments: boolean; day?: string },
): Promise<PersonRecord> {
  const day = opts.day ?? todayInGermany();
  const [person] = await db.rows<PersonRecord['person']>(
    sql`SELECT p.id, p.customer_number AS "customerNumber", p.family_name AS "familyName", p.given_names AS "givenNames",
               p.birth_date AS "birthDate", p.sex, p.nationality, p.phone, p.email, p.street, p.postcode, p.city,
               p.team_id AS "teamId", t.name AS "teamName", p.version, p.updated_at AS "updatedAt"
          FROM persons p LEFT JOIN teams t ON t.tenant_id = p.tenant_id AND t.id = p.team_id
         WHERE p.tenant_id = ${tenantId} AND p.id = ${personId}`,
  );
  if (!person) throw new NotFoundError('Diese Person gibt es nicht.');
  const where = sql`x.tenant_id = ${tenantId} AND x.person_id = ${personId}`;
  const [memberships, benefit, status, teamRows, jobs] = await Promise.all([
    db.rows<{
      id: string;
      householdId: string;
      householdNumber: string;
      role: string;
      validFrom: string;
      validTo: string | null;
    }>(
      sql`SELECT x.id, x.household_id AS "householdId", h.number AS "householdNumber", x.role, x.valid_from AS "validFrom", x.valid_to AS "validTo"
            FROM household_memberships x JOIN households h ON h.tenant_id = x.tenant_id AND h.id = x.household_id
           WHERE ${where} ORDER BY x.valid_from`,
    ),
    db.rows<{
      id: string;
      householdId: string | null;
      householdNumber: string | null;
      employable: boolean;
      otherJobcenter: string | null;
      validFrom: string;
      validTo: string | null;
    }>(
      sql`SELECT x.id, x.household_id AS "householdId", h.number AS "householdNumber", x.employable, x.other_jobcenter AS "otherJobcenter",
                 x.valid_from AS "validFrom", x.valid_to AS "validTo"
            FROM benefit_periods x LEFT JOIN households h ON h.tenant_id = x.tenant_id AND h.id = x.household_id
           WHERE ${where} ORDER BY x.valid_from`,
    ),
    db.rows<{ id: string; kind: StatusKind; value: string; detail: string | null; validFrom: string; validTo: string | null }>(
      sql`SELECT x.id, x.kind, x.value, x.detail, x.valid_from AS "validFrom", x.valid_to AS "validTo"
            FROM status_periods x WHERE ${where} ORDER BY x.kind, x.valid_from`,
    ),
    db.rows<{ id: string; teamId: string; teamName: string; validFrom: string; validTo: string | null }>(
      sql`SELECT x.id, x.team_id AS "teamId", t.name AS "teamName", x.valid_from AS "validFrom", x.valid_to AS "validTo"
            FROM team_assignments x JOIN teams t ON t.tenant_id = x.tenant_id AND t.id = x.team_id
           WHERE ${where} ORDER BY x.valid_from`,
    ),
    db.rows<{
      id: string;
      kind: string;
      weeklyHours: string | null;
      employer: string | null;
      validFrom: string;
      validTo: string | null;
    }>(
      sql`SELECT x.id, x.kind, x.weekly_hours AS "weeklyHours", x.employer, x.valid_from AS "validFrom", x.valid_to AS "validTo"
            FROM employments x WHERE ${where} ORDER BY x.valid_from`,
    ),
  ]);

  const currentMembership = memberships.find((m) => covers(m.validFrom, m.validTo, day)) ?? memberships.at(-1);
  const household = currentMembership
    ? await loadHousehold(db, tenantId, currentMembership.householdId, { withPayments: opts.withPayments })
    : null;

  const spans = benefit.map((b) => ({
    from: b.validFrom,
    to: b.validTo,
    employable: b.employable,
    otherJobcenter: b.otherJobcenter,
  }));
  const members: HouseholdMemberSpan[] = (household?.members ?? []).map((m) => ({
    householdId: household?.id ?? '',
    personId: m.personId,
    role: m.role as HouseholdMemberSpan['role'],
    from: m.validFrom,
    to: m.validUntil ? (toStoredEnd(m.validUntil) as string) : null,
    birthDate: m.birthDate,
  }));
  const age = ageOn(person.birthDate, day);
  const elb = isElbOn(person.birthDate, spans, day);

  const current: PersonRecord['current'] = {};
  for (const s of status)
    if (covers(s.validFrom, s.validTo, day))
      current[s.kind] = { value: s.value, label: STATUS_VALUES[s.kind][s.value] ?? s.value, detail: s.detail };

  const timeline: TimelineEntry[] = [];
  const push = (category: TimelineEntry['category'], refId: string, label: string, from: string, to: string | null) => {
    timeline.push({ date: from, event: 'start', category, label, refId });
    // the end as staff read it: the last day (inclusive), like validUntil everywhere at this edge
    if (to) timeline.push({ date: end(to) as string, event: 'end', category, label, refId });
  };
  for (const b of benefit)
    push(
      'benefit',
      b.id,
      b.otherJobcenter
        ? `Leistungsbezug im Jobcenter ${b.otherJobcenter}`
        : b.employable
          ? 'Leistungsbezug als eLb'
          : 'Leistungsbezug (nicht erwerbsfähig)',
      b.validFrom,
      b.validTo,
    );
  for (const s of status)
    push('status', s.id, `${STATUS_KIND_LABELS[s.kind]}: ${STATUS_VALUES[s.kind][s.value] ?? s.value}`, s.validFrom, s.validTo);
  for (const t of teamRows) push('team', t.id, `Zuständig: ${t.teamName}`, t.validFrom, t.validTo);
  for (const j of jobs)
    push(
      'employment',
      j.id,
      EMPLOYMENT_KIND_LABELS[j.kind as keyof typeof EMPLOYMENT_KIND_LABELS] ?? j.kind,
      j.validFrom,
      j.validTo,
    );
  for (const m of memberships)
    push(
      'household',
      m.id,
      `BG ${m.householdNumber} (${MEMBERSHIP_ROLE_LABELS[m.role as keyof typeof MEMBERSHIP_ROLE_LABELS]})`,
      m.validFrom,
      m.validTo,
    );
  timeline.sort((a, b) => (a.date === b.date ? a.category.localeCompare(b.category) : b.date.localeCompare(a.date)));

  return {
    person,
    memberships: memberships.map(({ validTo, ...m }) => ({ ...m, validUntil: end(validTo) })),
    household,
    benefitPeriods: benefit.map(({ validTo, ...b }) => ({ ...b, validUntil: end(validTo) })),
    statusPeriods: status.map(({ validTo, ...s }) => ({ ...s, validUntil: end(validTo) })),
    teamAssignments: teamRows.map(({ validTo, ...t }) => ({ ...t, validUntil: end(validTo) })),
    employments: jobs.map(({ validTo, weeklyHours, ...j }) => ({
      ...j,
      weeklyHours: weeklyHours === null ? null : Number(weeklyHours),
      validUntil: end(validTo),
    })),
    facts: {
      day,
      age,
      elb,
      longTermRecipient: elb && isLongTermRecipientOn(person.birthDate, spans, day),
      singleParent: elb && isSingleParentOn(personId, members, day),
      u25: age < 25,
    },
    current,
    timeline,
  };
}
