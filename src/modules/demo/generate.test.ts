import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asFiles, exportAll } from '../../../test/support/exchange.ts';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { verifyAuditChain } from '../audit/service.ts';
import { authService } from '../auth/service.ts';
import { SYSTEM_ACTOR } from '../org/bootstrap.ts';
import { importJobcenter } from '../people/exchange/import.ts';
import { personSearchKey } from '../people/search-key.ts';
import { type DemoResult, generateDemo } from './generate.ts';
import { LOGIN_ACCOUNTS } from './staff.ts';

/**
 * The demo in a real database (PGlite; PostgreSQL with TEST_DATABASE_URL, then through COPY): the same
 * seed writes the same data (worker thread or not), another seed other data; accounts log in; the data
 * pass the people module's own import checks.
 */
const SCALE = 0.05;

describe('generateDemo into a database', () => {
  let a: Database;
  let b: Database;
  let first: DemoResult;
  let exportA: Record<string, string>;
  beforeAll(async () => {
    [a, b] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    first = await generateDemo(a, { seed: 7, scale: SCALE });
    exportA = await exportAll(a, first.tenantId);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('the same seed gives identical data, simulated in a worker thread or in-process; another seed other data', async () => {
    const again = await generateDemo(b, { seed: 7, scale: SCALE, inProcess: true });
    const exportB = await exportAll(b, again.tenantId);
    expect(Object.keys(exportB)).toEqual(Object.keys(exportA));
    for (const file of Object.keys(exportA)) expect(exportB[file], file).toBe(exportA[file]);
    expect(exportA['persons.csv']?.split('\n').length).toBeGreaterThan(2000);

    // a second demo in the same database: other data, and its login names get a suffix (they are unique)
    const other = await generateDemo(b, { seed: 8, scale: SCALE, tenantName: 'Demo zwei', inProcess: true });
    expect(other.accounts.map((x) => x.username)).toEqual(LOGIN_ACCOUNTS.map((u) => `${u}-2`));
    const exportC = await exportAll(b, other.tenantId);
    expect(exportC['persons.csv']).not.toBe(exportA['persons.csv']);
    expect(exportC['benefit_periods.csv']).not.toBe(exportA['benefit_periods.csv']);
  }, 120_000);

  it('creates one login account per role (passwords shown once) and ~300 staff; pap works in a team with people', async () => {
    expect(first.accounts.map((x) => x.username)).toEqual([...LOGIN_ACCOUNTS]);
    expect(first.staff).toBe(300);
    const auth = authService(a, { idleMinutes: 30 });
    const pap = first.accounts.find((x) => x.username === 'pap');
    const { token } = await auth.login('pap', pap?.password as string, 'test');
    const session = await auth.resolve(token);
    expect(session?.caller.roles).toEqual(['pap']);
    const [row] = await a.rows<{ persons: number; households: number }>(sql`
      SELECT (SELECT count(*) FROM persons WHERE tenant_id = ${first.tenantId} AND team_id = ANY(${sql.param(session?.caller.teamIds ?? [])}::uuid[]))::int AS persons,
             (SELECT count(*) FROM households h JOIN staff s ON s.tenant_id = h.tenant_id AND s.id = h.caseworker_id
               WHERE h.tenant_id = ${first.tenantId} AND s.username = 'pap')::int AS households`);
    expect(row?.persons).toBeGreaterThan(50);
    expect(row?.households).toBeGreaterThan(0);
    // the other staff exist but cannot log in (no known password)
    const [staff] = await a.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM staff WHERE tenant_id = ${first.tenantId}`);
    expect(staff?.n).toBe(300);
  });

  it('stores what the people module derives: search keys, the responsible team of the latest assignment', async () => {
    const persons = await a.rows<{ c: string; f: string; g: string; key: string; ok: boolean }>(sql`
      SELECT p.customer_number AS c, p.family_name AS f, p.given_names AS g, p.search_key AS key,
             p.team_id IS NOT DISTINCT FROM (SELECT t.team_id FROM team_assignments t WHERE t.tenant_id = p.tenant_id AND t.person_id = p.id
                                             ORDER BY t.valid_from DESC LIMIT 1) AS ok
        FROM persons p WHERE p.tenant_id = ${first.tenantId}`);
    expect(persons.every((p) => p.ok)).toBe(true);
    expect(persons.every((p) => p.key === personSearchKey({ familyName: p.f, givenNames: p.g, customerNumber: p.c }))).toBe(true);
  });

  it('passes the checks of the people import (export → import, dry run) and keeps the audit chain intact', async () => {
    const c = await openTestDatabase();
    try {
      const result = await importJobcenter(c, asFiles(exportA), { actorId: SYSTEM_ACTOR, dryRun: true });
      expect(result.problems.slice(0, 5)).toEqual([]);
      expect(result.counts.persons.added).toBe(first.rows.persons);
    } finally {
      await c.close();
    }
    expect((await verifyAuditChain(a)).ok).toBe(true);
    const actions = await a.rows<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE tenant_id = ${first.tenantId} ORDER BY seq`,
    );
    expect(actions.map((x) => x.action).slice(0, 2)).toEqual(['tenant.create', 'demo.generate']);
  }, 60_000);
});
