import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { addDays } from '../../lib/dates.ts';
import { appendAudit } from '../audit/service.ts';
import { loadPersonRecord } from './record.ts';

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
