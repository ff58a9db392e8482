import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../db/testing.ts';
import type { Caller } from '../auth/caller.ts';
import { generateDemo } from '../demo/generate.ts';
import { measuresService } from './service.ts';

describe('demo measures: assignments from the generator’s "in einer Maßnahme" periods', () => {
  let db: Database;
  let tenantId: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    ({ tenantId } = await generateDemo(db, { seed: 3, scale: 0.05, inProcess: true }));
  }, 120_000);
  afterAll(() => db.close());

  it('assigns periods to catalogue measures without exceeding places, consistent with the status periods', async () => {
    const [n] = await db.rows<{ assignments: number; mismatched: number }>(sql`
      SELECT count(*)::int AS assignments,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM status_periods s WHERE s.tenant_id = a.tenant_id AND s.person_id = a.person_id
                 AND s.kind = 'labour_market' AND s.value = 'measure' AND s.valid_from = a.entry_date
                 AND s.valid_to IS NOT DISTINCT FROM (a.exit_date + 1)))::int AS mismatched
        FROM measure_assignments a WHERE a.tenant_id = ${tenantId}`);
    expect(n?.assignments).toBeGreaterThan(20);
    expect(n?.mismatched).toBe(0);
    const over = await db.rows(sql`
      SELECT a.measure_id, a.entry_date FROM measure_assignments a JOIN measures m ON m.tenant_id = a.tenant_id AND m.id = a.measure_id
       WHERE a.tenant_id = ${tenantId}
         AND (SELECT count(*) FROM measure_assignments b WHERE b.tenant_id = a.tenant_id AND b.measure_id = a.measure_id
               AND b.entry_date <= a.entry_date AND (b.exit_date IS NULL OR b.exit_date >= a.entry_date)) > m.places`);
    expect(over).toEqual([]);
  });

  it('computes JobAktiv’s integration rate and the Aktivierungszentrum’s share of exits into work from the records', async () => {
    const [controller] = await db.rows<{ id: string }>(
      sql`SELECT s.id FROM staff s JOIN staff_roles r ON r.tenant_id = s.tenant_id AND r.staff_id = s.id
           WHERE s.tenant_id = ${tenantId} AND r.role = 'controlling' LIMIT 1`,
    );
    const caller: Caller = {
      tenantId,
      staffId: controller?.id as string,
      username: 'controlling',
      displayName: 'Controlling',
      roles: ['controlling'],
      teamIds: [],
      requestId: 'test',
    };
    const report = await measuresService(db).evaluation(caller, '2019-01-01', '2019-12-31');
    const jobAktiv = report.measures.find((m) => m.name === 'JobAktiv');
    const centre = report.measures.find((m) => m.name === 'Aktivierungszentrum');
    expect(jobAktiv?.exits).toBeGreaterThan(0);
    expect(jobAktiv?.integrationRate).not.toBeNull();
    expect(centre?.exits).toBeGreaterThan(0);
    expect(centre?.workOrTrainingShare).not.toBeNull();
    // the counts add up: exits by reason sum to the exits
    for (const m of report.measures) expect(Object.values(m.exitsByReason).reduce((s, x) => s + x, 0)).toBe(m.exits);
  });
});
