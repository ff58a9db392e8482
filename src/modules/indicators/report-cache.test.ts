import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { dataVersion } from '../../db/data-version.ts';
import { uuidv7 } from '../../db/ids.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { DEMO_TENANT } from '../demo/organisation.ts';
import { createTenant } from '../org/bootstrap.ts';
import { monthIndex } from './calendar.ts';
import { factsRange } from './engine.ts';
import { tenantFacts } from './facts-cache.ts';
import { cachedByDataVersion } from './report-cache.ts';
import { indicatorService } from './service.ts';

/**
 * The caches follow each Jobcenter's own data version: a write in Jobcenter B leaves A's cached report and
 * facts in use, while B's are computed again; a write in A makes A's computed again (never stale).
 */
describe('caches by the Jobcenter’s data version', () => {
  let db: Database;
  let a: string;
  let b: string;
  let teamA: string;
  let teamB: string;
  const december = factsRange(monthIndex('2019-12'));
  const addHousehold = (tenantId: string, teamId: string) =>
    db.rows(
      sql`INSERT INTO households (tenant_id, id, number, team_id) VALUES (${tenantId}, ${uuidv7()}, ${`BG${uuidv7()}`}, ${teamId})`,
    );

  beforeAll(async () => {
    db = await openTestDatabase();
    const ta = await createTenant(db, { ...DEMO_TENANT, name: 'Jobcenter A', staff: [] });
    const tb = await createTenant(db, { ...DEMO_TENANT, name: 'Jobcenter B', staff: [] });
    a = ta.tenantId;
    b = tb.tenantId;
    teamA = Object.values(ta.teamIds)[0] as string;
    teamB = Object.values(tb.teamIds)[0] as string;
  });
  afterAll(async () => db?.close());

  it('a write in B leaves A’s report served from the cache and B’s computed again', async () => {
    const computed: string[] = [];
    const report = (tenantId: string) =>
      cachedByDataVersion(db, tenantId, '2019-12', async (version) => {
        computed.push(tenantId);
        return { tenantId, version: String(version) };
      });
    await report(a);
    await report(b);
    expect(computed).toEqual([a, b]);
    await report(a);
    await report(b);
    expect(computed).toEqual([a, b]);

    await addHousehold(b, teamB);
    expect(await report(a)).toEqual({ tenantId: a, version: String(await dataVersion(db, a)) });
    expect(computed).toEqual([a, b]); // A from the cache
    expect(await report(b)).toEqual({ tenantId: b, version: String(await dataVersion(db, b)) });
    expect(computed).toEqual([a, b, b]); // B again

    await addHousehold(a, teamA);
    await report(a);
    await report(b);
    expect(computed).toEqual([a, b, b, a]);
  });

  it('a write in B leaves A’s facts in use and makes B’s load again; B’s facts are of its new version', async () => {
    const factsA = await tenantFacts(db, a, december);
    const factsB = await tenantFacts(db, b, december);
    expect(await tenantFacts(db, a, december)).toBe(factsA);
    expect(await tenantFacts(db, b, december)).toBe(factsB);

    await addHousehold(b, teamB);
    expect(await tenantFacts(db, a, december)).toBe(factsA); // the same object: not loaded again
    const newB = await tenantFacts(db, b, december);
    expect(newB).not.toBe(factsB);
    expect(newB.version).toBe(await dataVersion(db, b));

    await addHousehold(a, teamA);
    expect(await tenantFacts(db, a, december)).not.toBe(factsA);
    expect(await tenantFacts(db, b, december)).toBe(newB);
  });

  it('the service serves each Jobcenter its own current figures when the other one writes', async () => {
    const service = indicatorService(db);
    const today = '2026-11-25';
    const reportA = await service.compute(a, '2019-12', today);
    const factsA = await tenantFacts(db, a, december);
    // a team renamed in B: B's report shows the new name at once, A's facts stay in use
    await db.rows(sql`UPDATE teams SET name = 'Team B umbenannt' WHERE tenant_id = ${b} AND id = ${teamB}`);
    const reportB = await service.compute(b, '2019-12', today);
    expect(reportB.scopes.map((s) => s.label)).toContain('Team B umbenannt');
    expect(await service.compute(a, '2019-12', today)).toEqual(reportA);
    expect(await tenantFacts(db, a, december)).toBe(factsA);
    // and the same in A: A's report shows it at once
    await db.rows(sql`UPDATE teams SET name = 'Team A umbenannt' WHERE tenant_id = ${a} AND id = ${teamA}`);
    expect((await service.compute(a, '2019-12', today)).scopes.map((s) => s.label)).toContain('Team A umbenannt');
    expect((await service.compute(b, '2019-12', today)).scopes.map((s) => s.label)).not.toContain('Team A umbenannt');
  });
});
