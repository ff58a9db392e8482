import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { addDays, toDay } from '../../lib/dates.ts';
import { appendAudit } from '../audit/service.ts';
import type { EmploymentKind } from './codes.ts';
import type { PersonFacts } from './facts.ts';
import { loadPersonRecord } from './record.ts';
import type { HouseholdMemberSpan } from './rules.ts';

/**
 * The people module's export for the measures module: what a measure assignment needs to know about a
 * person, and the labour-market status "in einer Maßnahme" (status_periods kind labour_market, value
 * measure) that entries and exits record. The key figure K3E2 (activation rate of long-term recipients)
 * counts exactly these periods (indicators/engine.ts). The measures module never writes people's tables.
 */

export interface PersonForMeasures {
  id: string;
  teamId: string | null;
  sex: 'm' | 'w' | 'd';
  age: number;
  longTermRecipient: boolean;
  singleParent: boolean;
  refugee: boolean;
  rehaOrSevereDisability: boolean;
}

/** Read before the measures transaction (loadPersonRecord uses its own connection). */
export async function personForMeasures(
  db: Database,
  tenantId: string,
  personId: string,
  day: string,
): Promise<PersonForMeasures | null> {
  const [exists] = await db.rows<{ id: string }>(sql`SELECT id FROM persons WHERE tenant_id = ${tenantId} AND id = ${personId}`);
  if (!exists) return null;
  const r = await loadPersonRecord(db, tenantId, personId, { withPayments: false, day });
  const on = (kind: string) =>
    r.statusPeriods.some((s) => s.kind === kind && s.validFrom <= day && (s.validUntil === null || s.validUntil >= day));
  return {
    id: personId,
    teamId: r.person.teamId,
    sex: r.person.sex,
    age: r.facts.age,
    longTermRecipient: r.facts.longTermRecipient,
    singleParent: r.facts.singleParent,
    refugee: on('refugee'),
    rehaOrSevereDisability: on('rehabilitation') || on('severe_disability'),
  };
}

/** The person's responsible team, inside a transaction (scope checks). */
export async function personTeamTx(tx: Executor, tenantId: string, personId: string): Promise<{ teamId: string | null } | null> {
  const res = (await tx.execute(
    sql`SELECT team_id AS "teamId" FROM persons WHERE tenant_id = ${tenantId} AND id = ${personId}`,
  )) as unknown as { rows: { teamId: string | null }[] };
  return res.rows[0] ?? null;
}

/** Customer number and name for lists of the caller's own persons. */
export async function personLabels(
  db: Database,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, { customerNumber: string; name: string; teamId: string | null }>> {
  if (!ids.length) return new Map();
  const rows = await db.rows<{ id: string; customerNumber: string; name: string; teamId: string | null }>(
    sql`SELECT id, customer_number AS "customerNumber", family_name || ', ' || given_names AS name, team_id AS "teamId"
          FROM persons WHERE tenant_id = ${tenantId} AND id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

interface Who {
  tenantId: string;
  personId: string;
  actorId: string;
  requestId?: string;
}

type Row = { id: string; value: string; from: string; to: string | null };
async function labourRows(tx: Executor, tenantId: string, personId: string): Promise<Row[]> {
  const res = (await tx.execute(
    sql`SELECT id, value, valid_from AS "from", valid_to AS "to" FROM status_periods
         WHERE tenant_id = ${tenantId} AND person_id = ${personId} AND kind = 'labour_market'
         ORDER BY valid_from FOR UPDATE`,
  )) as unknown as { rows: Row[] };
  return res.rows;
}

async function touch(tx: Executor, who: Who, action: string, entityId: string) {
  // the person's record changed: optimistic locking of the person page must notice
  await tx.execute(
    sql`UPDATE persons SET version = version + 1, updated_at = now() WHERE tenant_id = ${who.tenantId} AND id = ${who.personId}`,
  );
  await appendAudit(tx, [
    {
      tenantId: who.tenantId,
      actorId: who.actorId,
      action,
      entityType: 'status_period',
      entityId,
      purpose: 'measure',
      requestId: who.requestId ?? null,
      outcome: 'success',
    },
  ]);
}

/**
 * Entry into a measure on `from`: the labour-market period covering that day is cut there and the period
 * "in einer Maßnahme" begins; it runs until the cut period would have ended (open if it was open), so the
 * history stays without gaps or overlaps. Nothing changes if the person is already "in einer Maßnahme".
 */
export async function enterMeasureStatusTx(tx: Executor, who: Who & { from: string }): Promise<void> {
  const rows = await labourRows(tx, who.tenantId, who.personId);
  const covering = rows.find((r) => r.from <= who.from && (r.to === null || r.to > who.from));
  if (covering?.value === 'measure') return;
  const next = rows.find((r) => r.from > who.from);
  let to: string | null = next?.from ?? null;
  if (covering) {
    to = covering.to;
    if (covering.from === who.from) {
      await tx.execute(sql`DELETE FROM status_periods WHERE tenant_id = ${who.tenantId} AND id = ${covering.id}`);
    } else {
      await tx.execute(
        sql`UPDATE status_periods SET valid_to = ${who.from} WHERE tenant_id = ${who.tenantId} AND id = ${covering.id}`,
      );
    }
  }
  const id = uuidv7();
  await tx.execute(sql`INSERT INTO status_periods (tenant_id, id, person_id, kind, value, valid_from, valid_to)
    VALUES (${who.tenantId}, ${id}, ${who.personId}, 'labour_market', 'measure', ${who.from}, ${to})`);
  await touch(tx, who, 'status_period.create', id);
}

/**
 * Exit from a measure on `lastDay` (inclusive): the period "in einer Maßnahme" that began at the entry
 * ends, and from the next day the status `resume` holds (employed after an exit into work; otherwise
 * the value before the entry, or unemployed) until the measure period would have ended.
 */
export async function leaveMeasureStatusTx(
  tx: Executor,
  who: Who & { entryDate: string; lastDay: string; resume: 'employed' | 'previous' },
): Promise<void> {
  const rows = await labourRows(tx, who.tenantId, who.personId);
  const period = rows.find((r) => r.value === 'measure' && r.from <= who.entryDate && (r.to === null || r.to > who.entryDate));
  if (!period) return;
  const end = addDays(who.lastDay, 1);
  if (period.to !== null && period.to <= end) return;
  const before = rows.find((r) => r.to === period.from);
  const value = who.resume === 'employed' ? 'employed' : before && before.value !== 'measure' ? before.value : 'unemployed';
  await tx.execute(sql`UPDATE status_periods SET valid_to = ${end} WHERE tenant_id = ${who.tenantId} AND id = ${period.id}`);
  const id = uuidv7();
  await tx.execute(sql`INSERT INTO status_periods (tenant_id, id, person_id, kind, value, valid_from, valid_to)
    VALUES (${who.tenantId}, ${id}, ${who.personId}, 'labour_market', ${value}, ${end}, ${period.to})`);
  await touch(tx, who, 'status_period.update', period.id);
}

/** Every "in einer Maßnahme" period of a Jobcenter with what the demo needs to place it in a measure. */
export async function listMeasureStatusPeriods(
  db: Database,
  tenantId: string,
): Promise<{ personId: string; from: string; to: string | null; sex: 'm' | 'w' | 'd'; birthDate: string; publicJob: boolean }[]> {
  return db.rows(sql`
    SELECT s.person_id AS "personId", s.valid_from AS "from", s.valid_to AS "to", p.sex, p.birth_date AS "birthDate",
           EXISTS (SELECT 1 FROM employments e WHERE e.tenant_id = s.tenant_id AND e.person_id = s.person_id
                     AND e.kind = 'public_16d' AND e.valid_from = s.valid_from) AS "publicJob"
      FROM status_periods s JOIN persons p ON p.tenant_id = s.tenant_id AND p.id = s.person_id
     WHERE s.tenant_id = ${tenantId} AND s.kind = 'labour_market' AND s.value = 'measure'
     ORDER BY s.valid_from, s.person_id`);
}

/**
 * Every "in einer Maßnahme" period of a Jobcenter in the order the demo places them in measures (start, then
 * person id), held compactly: at scale 100 these are about a million periods, as objects several hundred MB.
 * Read in pages along the primary key (one pass over the status periods, never all rows at once).
 */
export interface MeasurePeriodList {
  /** Distinct persons; `person[i]` indexes into it. */
  personIds: string[];
  person: Int32Array;
  /** Day numbers (lib/dates.ts `toDay`); `to` is -1 for an open period. */
  from: Int32Array;
  to: Int32Array;
  length: number;
}

export async function listMeasureStatusPeriodsCompact(
  db: Database,
  tenantId: string,
  opts: { pageSize?: number } = {},
): Promise<MeasurePeriodList> {
  const pageSize = opts.pageSize ?? 50_000;
  const personIds: string[] = [];
  const personIndex = new Map<string, number>();
  let person = new Int32Array(1024);
  let from = new Int32Array(1024);
  let to = new Int32Array(1024);
  let length = 0;
  for (let last = '00000000-0000-0000-0000-000000000000'; ; ) {
    const page = await db.rows<{ id: string; p: string; from: string; to: string | null }>(sql`
      SELECT id, person_id AS p, valid_from AS "from", valid_to AS "to" FROM status_periods
       WHERE tenant_id = ${tenantId} AND id > ${last}::uuid AND kind = 'labour_market' AND value = 'measure'
       ORDER BY id LIMIT ${pageSize}`);
    for (const r of page) {
      if (length === person.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        person = grow(person);
        from = grow(from);
        to = grow(to);
      }
      let k = personIndex.get(r.p);
      if (k === undefined) {
        k = personIds.length;
        personIds.push(r.p);
        personIndex.set(r.p, k);
      }
      person[length] = k;
      from[length] = toDay(r.from);
      to[length] = r.to === null ? -1 : toDay(r.to);
      length++;
    }
    if (page.length < pageSize) break;
    last = (page[page.length - 1] as { id: string }).id;
  }
  // order: start, then person id (as text: lower-case hex, the same order as PostgreSQL's uuid)
  const rank = new Int32Array(personIds.length);
  personIds
    .map((_, i) => i)
    .sort((a, b) => ((personIds[a] as string) < (personIds[b] as string) ? -1 : 1))
    .forEach((k, r) => {
      rank[k] = r;
    });
  const order = new Uint32Array(length).map((_, i) => i);
  order.sort(
    (a, b) =>
      (from[a] as number) - (from[b] as number) || (rank[person[a] as number] as number) - (rank[person[b] as number] as number),
  );
  const pick = (a: Int32Array) => Int32Array.from(order, (i) => a[i] as number);
  return { personIds, person: pick(person), from: pick(from), to: pick(to), length };
}

/**
 * The facts (as facts.ts `loadPersonFacts`) of only those persons who ever were "in einer Maßnahme" (or of
 * the given ones among them): the demo's measure assignments need them, and reading the whole Jobcenter
 * would cost seconds at scale 1; the demo reads them page by page (memory independent of the scale).
 */
export async function loadMeasureParticipantFacts(
  db: Database,
  tenantId: string,
  opts: { personIds?: readonly string[] } = {},
): Promise<PersonFacts[]> {
  const ids =
    opts.personIds ??
    (
      await db.rows<{ id: string }>(
        sql`SELECT DISTINCT person_id AS id FROM status_periods
             WHERE tenant_id = ${tenantId} AND kind = 'labour_market' AND value = 'measure'`,
      )
    ).map((r) => r.id);
  // one array parameter: the person indexes serve each lookup
  const who = sql`(SELECT unnest(${sql.param(ids)}::uuid[]))`;
  const [persons, benefit, members, status, jobs] = await Promise.all([
    db.rows<{ id: string; sex: 'm' | 'w' | 'd'; birthDate: string }>(
      sql`SELECT id, sex, birth_date AS "birthDate" FROM persons WHERE tenant_id = ${tenantId} AND id IN ${who}`,
    ),
    db.rows<{ p: string; from: string; to: string | null; employable: boolean; other: string | null }>(
      sql`SELECT person_id AS p, valid_from AS "from", valid_to AS "to", employable, other_jobcenter AS other
            FROM benefit_periods WHERE tenant_id = ${tenantId} AND person_id IN ${who}`,
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
           WHERE m.tenant_id = ${tenantId} AND m.household_id IN (
             SELECT household_id FROM household_memberships WHERE tenant_id = ${tenantId} AND person_id IN ${who})`,
    ),
    db.rows<{ p: string; kind: string; value: string; from: string; to: string | null }>(
      sql`SELECT person_id AS p, kind, value, valid_from AS "from", valid_to AS "to" FROM status_periods
           WHERE tenant_id = ${tenantId} AND kind IN ('labour_market', 'severe_disability', 'refugee') AND person_id IN ${who}`,
    ),
    db.rows<{ p: string; kind: EmploymentKind; from: string; to: string | null }>(
      sql`SELECT person_id AS p, kind, valid_from AS "from", valid_to AS "to" FROM employments
           WHERE tenant_id = ${tenantId} AND person_id IN ${who}`,
    ),
  ]);
  const byId = new Map<string, PersonFacts>();
  for (const p of persons) byId.set(p.id, { ...p, benefit: [], teams: [], members: [], status: [], employments: [] });
  for (const b of benefit)
    byId.get(b.p)?.benefit.push({ from: b.from, to: b.to, employable: b.employable, otherJobcenter: b.other });
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
