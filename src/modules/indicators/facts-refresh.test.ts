import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { generateDemo } from '../demo/generate.ts';
import { listTeamRefs } from '../org/directory.ts';
import { type FactsRange, loadPaymentSums, loadPersonFacts } from '../people/facts.ts';
import { monthIndex } from './calendar.ts';
import { type CompiledFacts, compileFacts, countCompiled, factsRange } from './engine.ts';
import { dropTenantFacts, tenantFacts } from './facts-cache.ts';
import { indicatorService } from './service.ts';

/**
 * After a write, the facts cache refreshes only the persons the write touched (facts-cache.ts `refresh`).
 * Whatever the write, the refreshed facts must count exactly as facts loaded in full: each edit below is one
 * a caseworker or an import makes, on persons drawn at random (seeded), and after each the counts of every
 * counter, day, scope and group are compared for a year of report months.
 */
describe('facts refreshed after a write count as facts loaded in full', () => {
  let db: Database;
  let tenantId: string;
  let teams: { id: string; siteId: string }[];
  let seed = 20191231;
  /** Deterministic draws (mulberry32), so a failure repeats. */
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = async (query: ReturnType<typeof sql>): Promise<string | null> => {
    const rows = await db.rows<{ id: string }>(query);
    return rows.length ? (rows[Math.floor(random() * rows.length)] as { id: string }).id : null;
  };

  const FIRST = monthIndex('2019-01');
  const LAST = monthIndex('2019-12');
  const counts = (facts: CompiledFacts) => {
    const c = countCompiled(facts, LAST, FIRST);
    return Object.fromEntries(
      Object.entries(c).flatMap(([name, v]) =>
        v && typeof v === 'object' && 'data' in v ? [[name, Array.from((v as { data: Float64Array }).data)]] : [],
      ),
    );
  };
  const full = async (range: FactsRange | null) =>
    compileFacts(await loadPersonFacts(db, tenantId, range ? { range } : { elbOnly: true }), { teams });

  /**
   * The only child (under 18 in 2019) of an eLb applicant without partner: the applicant is a single parent
   * through this child alone, so an edit of the child changes the applicant's groups (a person not edited).
   */
  const onlyChild = () =>
    db.rows<{ id: string; personId: string }>(sql`
      SELECT m.id, m.person_id AS "personId" FROM household_memberships m
        JOIN persons c ON c.tenant_id = m.tenant_id AND c.id = m.person_id
       WHERE m.tenant_id = ${tenantId} AND m.role = 'child' AND c.birth_date > '2002-01-01'
         AND m.valid_from < '2019-03-01' AND (m.valid_to IS NULL OR m.valid_to > '2019-09-01')
         AND NOT EXISTS (SELECT 1 FROM household_memberships o WHERE o.tenant_id = m.tenant_id
                            AND o.household_id = m.household_id AND o.id <> m.id AND o.role IN ('partner', 'child'))
         AND EXISTS (SELECT 1 FROM household_memberships a
                       JOIN benefit_periods b ON b.tenant_id = a.tenant_id AND b.person_id = a.person_id AND b.employable
                      WHERE a.tenant_id = m.tenant_id AND a.household_id = m.household_id AND a.role = 'applicant'
                        AND a.valid_from < '2019-03-01' AND (a.valid_to IS NULL OR a.valid_to > '2019-09-01')
                        AND b.valid_from < '2019-03-01' AND (b.valid_to IS NULL OR b.valid_to > '2019-09-01'))
       ORDER BY m.id`);
  const drawOnlyChild = async () => {
    const rows = await onlyChild();
    expect(rows.length, 'the demo has single parents with one child').toBeGreaterThan(0);
    return rows[Math.floor(random() * rows.length)] as { id: string; personId: string };
  };

  /** Edits as they happen in daily work, each on a random person or row; returns what it did (for the message). */
  const edits: Record<string, () => Promise<string>> = {
    'das einzige Kind einer Alleinerziehenden wird volljährig (Geburtsdatum berichtigt)': async () => {
      const child = await drawOnlyChild();
      await db.rows(sql`UPDATE persons SET birth_date = '1995-01-01' WHERE tenant_id = ${tenantId} AND id = ${child.personId}`);
      return `persons ${child.personId}`;
    },
    'das einzige Kind einer Alleinerziehenden verlässt die Bedarfsgemeinschaft': async () => {
      const child = await drawOnlyChild();
      await db.rows(sql`DELETE FROM household_memberships WHERE tenant_id = ${tenantId} AND id = ${child.id}`);
      return `household_memberships ${child.id}`;
    },
    'Geburtsdatum eines Haushaltsmitglieds': async () => {
      const id = await pick(
        sql`SELECT person_id AS id FROM household_memberships WHERE tenant_id = ${tenantId} AND role = 'child'`,
      );
      await db.rows(sql`UPDATE persons SET birth_date = birth_date - 2000 WHERE tenant_id = ${tenantId} AND id = ${id}`);
      return `persons ${id}`;
    },
    'Geschlecht berichtigt': async () => {
      const id = await pick(sql`SELECT person_id AS id FROM benefit_periods WHERE tenant_id = ${tenantId} AND employable`);
      await db.rows(
        sql`UPDATE persons SET sex = CASE sex WHEN 'm' THEN 'w' ELSE 'm' END WHERE tenant_id = ${tenantId} AND id = ${id}`,
      );
      return `persons ${id}`;
    },
    'Kind verlässt die Bedarfsgemeinschaft': async () => {
      const id = await pick(sql`SELECT id FROM household_memberships WHERE tenant_id = ${tenantId} AND role = 'child'
                                  AND valid_from < '2019-03-01' AND (valid_to IS NULL OR valid_to > '2019-09-01')`);
      await db.rows(sql`DELETE FROM household_memberships WHERE tenant_id = ${tenantId} AND id = ${id}`);
      return `household_memberships ${id}`;
    },
    'Aufnahme einer Beschäftigung': async () => {
      const id = await pick(sql`SELECT person_id AS id FROM benefit_periods WHERE tenant_id = ${tenantId} AND employable
                                  AND valid_from < '2019-01-01' AND (valid_to IS NULL OR valid_to > '2019-12-01')`);
      const from = `2019-${String(1 + Math.floor(random() * 11)).padStart(2, '0')}-15`;
      await db.rows(sql`INSERT INTO employments (tenant_id, id, person_id, kind, valid_from)
                        VALUES (${tenantId}, ${uuidv7()}, ${id}, 'regular', ${from})`);
      return `employments ${id} ab ${from}`;
    },
    'Ende des Leistungsbezugs': async () => {
      const id = await pick(sql`SELECT id FROM benefit_periods WHERE tenant_id = ${tenantId} AND employable
                                  AND valid_from < '2019-04-01' AND valid_to IS NULL`);
      await db.rows(sql`UPDATE benefit_periods SET valid_to = '2019-07-01' WHERE tenant_id = ${tenantId} AND id = ${id}`);
      return `benefit_periods ${id}`;
    },
    'Wechsel des Teams': async () => {
      const id = await pick(sql`SELECT id FROM team_assignments WHERE tenant_id = ${tenantId} AND valid_from < '2019-06-01'
                                  AND (valid_to IS NULL OR valid_to > '2019-06-01')`);
      const team = teams[Math.floor(random() * teams.length)]?.id as string;
      await db.rows(sql`UPDATE team_assignments SET team_id = ${team} WHERE tenant_id = ${tenantId} AND id = ${id}`);
      return `team_assignments ${id}`;
    },
    'Status gelöscht': async () => {
      const id = await pick(sql`SELECT id FROM status_periods WHERE tenant_id = ${tenantId}
                                  AND valid_from < '2019-12-01' AND (valid_to IS NULL OR valid_to > '2018-01-01')`);
      await db.rows(sql`DELETE FROM status_periods WHERE tenant_id = ${tenantId} AND id = ${id}`);
      return `status_periods ${id}`;
    },
    'Zahlung berichtigt': async () => {
      const id = await pick(sql`SELECT household_id::text || month::text AS id FROM household_payments
                                 WHERE tenant_id = ${tenantId} AND month BETWEEN '2018-11-01' AND '2019-12-01'`);
      await db.rows(sql`UPDATE household_payments SET housing_cents = housing_cents + 12345
                         WHERE tenant_id = ${tenantId} AND household_id::text || month::text = ${id}`);
      return `household_payments ${id}`;
    },
    'Bedarfsgemeinschaft wechselt das Team': async () => {
      const id = await pick(
        sql`SELECT household_id AS id FROM household_payments WHERE tenant_id = ${tenantId} AND month = '2019-12-01'`,
      );
      const team = teams[Math.floor(random() * teams.length)]?.id as string;
      await db.rows(sql`UPDATE households SET team_id = ${team} WHERE tenant_id = ${tenantId} AND id = ${id}`);
      return `households ${id}`;
    },
    'Umzug in eine andere Bedarfsgemeinschaft': async () => {
      const id = await pick(sql`SELECT id FROM household_memberships WHERE tenant_id = ${tenantId} AND role IN ('child', 'other')
                                  AND valid_from < '2019-06-01' AND (valid_to IS NULL OR valid_to > '2019-06-01')`);
      const to =
        await pick(sql`SELECT household_id AS id FROM household_memberships WHERE tenant_id = ${tenantId} AND role = 'applicant'
                                  AND valid_from < '2019-01-01' AND valid_to IS NULL`);
      await db.rows(sql`UPDATE household_memberships SET household_id = ${to} WHERE tenant_id = ${tenantId} AND id = ${id}`);
      return `household_memberships ${id} → ${to}`;
    },
    'Kind kommt in die Bedarfsgemeinschaft einer alleinstehenden eLb': async () => {
      const household = await pick(sql`
        SELECT a.household_id AS id FROM household_memberships a
          JOIN benefit_periods b ON b.tenant_id = a.tenant_id AND b.person_id = a.person_id AND b.employable
         WHERE a.tenant_id = ${tenantId} AND a.role = 'applicant' AND a.valid_from < '2019-01-01' AND a.valid_to IS NULL
           AND b.valid_from < '2019-01-01' AND b.valid_to IS NULL
           AND NOT EXISTS (SELECT 1 FROM household_memberships o WHERE o.tenant_id = a.tenant_id AND o.household_id = a.household_id AND o.id <> a.id)`);
      const child = uuidv7();
      await db.orm.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO persons (tenant_id, id, customer_number, family_name, given_names, birth_date, sex, search_key)
                             VALUES (${tenantId}, ${child}, ${`C${child.slice(-9)}`}, 'Kind', 'Kim', '2019-03-10', 'd', 'kind kim')`);
        await tx.execute(sql`INSERT INTO household_memberships (tenant_id, id, household_id, person_id, role, valid_from)
                             VALUES (${tenantId}, ${uuidv7()}, ${household}, ${child}, 'child', '2019-03-10')`);
      });
      return `household_memberships ${household} + ${child}`;
    },
    'Schwerbehinderung festgestellt': async () => {
      const id = await pick(sql`SELECT person_id AS id FROM benefit_periods b WHERE tenant_id = ${tenantId} AND employable
                                  AND valid_from < '2019-01-01' AND valid_to IS NULL
                                  AND NOT EXISTS (SELECT 1 FROM status_periods s WHERE s.tenant_id = b.tenant_id
                                                     AND s.person_id = b.person_id AND s.kind = 'severe_disability')`);
      await db.rows(sql`INSERT INTO status_periods (tenant_id, id, person_id, kind, value, valid_from)
                        VALUES (${tenantId}, ${uuidv7()}, ${id}, 'severe_disability', 'recognised', '2019-04-01')`);
      return `status_periods ${id}`;
    },
    'Person gelöscht (mit allen Zeiträumen)': async () => {
      // a person nothing else refers to (measures, contracts and plans keep theirs)
      for (let attempt = 0; attempt < 20; attempt++) {
        const id = await pick(
          sql`SELECT person_id AS id FROM household_memberships WHERE tenant_id = ${tenantId} AND role = 'child'`,
        );
        try {
          await db.orm.transaction((tx) => tx.execute(sql`DELETE FROM persons WHERE tenant_id = ${tenantId} AND id = ${id}`));
          return `persons ${id} gelöscht`;
        } catch {
          // referred to elsewhere: another one
        }
      }
      throw new Error('keine löschbare Person gefunden');
    },
    'neue Person in einer neuen Bedarfsgemeinschaft': async () => {
      const person = uuidv7();
      const household = uuidv7();
      const team = teams[0]?.id as string;
      await db.orm.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO persons (tenant_id, id, customer_number, family_name, given_names, birth_date, sex, search_key)
                             VALUES (${tenantId}, ${person}, ${`N${person.slice(-9)}`}, 'Neu', 'Nora', '1999-02-03', 'w', 'neu nora')`);
        await tx.execute(
          sql`INSERT INTO households (tenant_id, id, number, team_id) VALUES (${tenantId}, ${household}, ${`BG${household.slice(-9)}`}, ${team})`,
        );
        await tx.execute(sql`INSERT INTO household_memberships (tenant_id, id, household_id, person_id, role, valid_from)
                             VALUES (${tenantId}, ${uuidv7()}, ${household}, ${person}, 'applicant', '2018-03-01')`);
        await tx.execute(sql`INSERT INTO benefit_periods (tenant_id, id, person_id, household_id, employable, valid_from)
                             VALUES (${tenantId}, ${uuidv7()}, ${person}, ${household}, true, '2018-03-01')`);
        await tx.execute(sql`INSERT INTO team_assignments (tenant_id, id, person_id, team_id, valid_from)
                             VALUES (${tenantId}, ${uuidv7()}, ${person}, ${team}, '2018-03-01')`);
      });
      return `persons ${person}`;
    },
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    tenantId = (await generateDemo(db, { seed: 4, scale: 0.02 })).tenantId;
    teams = (await listTeamRefs(db, tenantId)).map((t) => ({ id: t.id, siteId: t.siteId }));
  });
  afterAll(async () => db?.close());

  async function editAndCompare(range: FactsRange | null, need: FactsRange, rounds: number) {
    const names = Object.keys(edits);
    for (let i = 0; i < rounds; i++) {
      const name = names[i % names.length] as string;
      let what = await (edits[name] as () => Promise<string>)();
      // every third round a second edit of another kind before the request: both in one refresh
      if (i % 3 === 2) what += `; ${await (edits[names[(i * 7 + 3) % names.length] as string] as () => Promise<string>)()}`;
      const refreshed = await tenantFacts(db, tenantId, need);
      expect(refreshed.range, 'the days of the facts stay').toEqual(range);
      expect(refreshed.refreshed, `${name}: refreshed, not loaded in full`).not.toBeNull();
      expect(counts(refreshed.facts), `${name} (${what})`).toEqual(counts(await full(range)));
      const sums = await loadPaymentSums(
        db,
        tenantId,
        range ? range.from.slice(0, 7) : '0001-01',
        range ? range.to.slice(0, 7) : '9999-12',
      );
      const order = (rows: typeof sums) =>
        [...rows].sort((x, y) => `${x.month}${x.teamId}`.localeCompare(`${y.month}${y.teamId}`));
      expect(order(refreshed.payments), `${name} (${what}): Zahlungssummen`).toEqual(order(sums));
    }
  }

  it('for the days of a request (the first after a change loads these)', async () => {
    const range = factsRange(LAST, FIRST);
    await tenantFacts(db, tenantId, range);
    await editAndCompare(range, range, 2 * Object.keys(edits).length);
  });

  it('for the whole history (loaded when a request reached beyond the days in memory)', async () => {
    const range = factsRange(LAST, FIRST);
    await tenantFacts(db, tenantId, range);
    // beyond the days in memory, same version: the whole history
    const whole = await tenantFacts(db, tenantId, factsRange(monthIndex('2020-06')));
    expect(whole.range).toBeNull();
    await editAndCompare(null, range, Object.keys(edits).length);
  });

  it('warming at start loads the facts of the dashboard’s series; a request after an edit then only refreshes', async () => {
    const service = indicatorService(db);
    const month = monthIndex(await service.dataMonth(tenantId));
    dropTenantFacts(db); // as after a process start
    expect(await service.warm(tenantId, 12)).toBeGreaterThan(0);
    const warmed = await tenantFacts(db, tenantId, factsRange(month, month - 11));
    expect(warmed.refreshed).toBeNull();
    expect(warmed.range).toEqual(factsRange(month, month - 11));
    await edits['Geschlecht berichtigt']?.();
    const after = await tenantFacts(db, tenantId, factsRange(month));
    expect(after.refreshed?.persons).toBeGreaterThan(0);
  });

  it('a bulk write (more than 100 rows in one statement) loads in full', async () => {
    const range = factsRange(LAST, FIRST);
    await tenantFacts(db, tenantId, range);
    await db.rows(sql`UPDATE persons SET sex = sex WHERE tenant_id = ${tenantId}`);
    const after = await tenantFacts(db, tenantId, range);
    expect(after.refreshed).toBeNull();
    expect(counts(after.facts)).toEqual(counts(await full(after.range)));
  });
});
