import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { generateDemo } from '../demo/generate.ts';
import { coachingAverage, subsidisedJobsTable } from '../subsidies/service.ts';
import { DEMO_INTEGRATION_PAID, DEMO_PAT_2019_CENTS } from './demo.ts';
import { budgetReportSection } from './service.ts';

const SCALE = 0.05;

/** The demo's budget and subsidy records (small scale): the report's budget totals, the jobs table from the contracts. */
describe('seedBudgetDemo in the demo flow', () => {
  let db: Database;
  let tenantId: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    tenantId = (await generateDemo(db, { seed: 3, scale: SCALE, inProcess: true })).tenantId;
  }, 180_000);
  afterAll(() => db?.close());

  it('2019: integration budget paid as the report (scaled), PAT close to 336.200 € (scaled), plan ≥ paid', async () => {
    const r = await budgetReportSection(db, tenantId, 2019);
    const egt = r.sources.find((s) => s.kind === 'integration');
    // amounts scale with the population: at scale 1 exactly 9.200.000,00 €
    expect(egt?.paidCents).toBe(Math.round((DEMO_INTEGRATION_PAID[2019] as number) * SCALE));
    expect(egt?.plannedCents).toBeGreaterThanOrEqual(egt?.paidCents ?? 0);
    const pat = r.sources.find((s) => s.kind === 'pat');
    // one PAT share for all § 16i contracts: at this small scale within 2 % of the report's amount
    const patTarget = DEMO_PAT_2019_CENTS * SCALE;
    expect(Math.abs((pat?.paidCents ?? 0) - patTarget)).toBeLessThan(patTarget * 0.02);
    const byInstrument = r.byInstrument.reduce((a, i) => a + i.paidCents, 0);
    expect(byInstrument).toBe((egt?.paidCents ?? 0) + (pat?.paidCents ?? 0));
  });

  it('the § 16i/§ 16e table on 1.12.2019 counts the same persons as the recorded jobs', async () => {
    const table = await subsidisedJobsTable(db, tenantId, '2019-12-01');
    const [jobs] = await db.rows<{ i: number; e: number }>(
      sql`SELECT count(*) FILTER (WHERE kind = 'public_16i')::int AS i, count(*) FILTER (WHERE kind = 'subsidised_16e')::int AS e
            FROM employments WHERE tenant_id = ${tenantId} AND valid_from <= '2019-12-01' AND (valid_to IS NULL OR valid_to > '2019-12-01')
             AND valid_from >= '2019-01-01'`,
    );
    expect(table.rows.find((r) => r.basis === '16i')?.total).toBe(jobs?.i);
    expect(table.rows.find((r) => r.basis === '16e')?.total).toBe(jobs?.e);
    const coaching = await coachingAverage(db, tenantId, '2019-12');
    expect(coaching.averageHours).toBeGreaterThan(1.5);
    expect(coaching.averageHours).toBeLessThan(3.5);
  });
});
