import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../modules/demo/organisation.ts';
import { createTenant } from '../modules/org/bootstrap.ts';
import { bulkInsert, COPY_MIN_ROWS } from './bulk.ts';
import type { Database } from './client.ts';
import { compact, dataVersion } from './data-version.ts';
import { openTestDatabase } from './testing.ts';

/** The data version moves with every committed write to the tables the key figures read, on every path. */
describe('dataVersion', () => {
  let db: Database;
  let tenantId: string;
  let teamId: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    const created = await createTenant(db, { ...DEMO_TENANT, staff: [] });
    tenantId = created.tenantId;
    teamId = Object.values(created.teamIds)[0] as string;
  });
  afterAll(async () => db?.close());

  it('grows with each write statement, COPY included, and not with reads or rolled-back writes', async () => {
    const v0 = await dataVersion(db);
    expect(await dataVersion(db)).toBe(v0);
    await db.rows(sql`SELECT count(*) FROM persons`);
    expect(await dataVersion(db)).toBe(v0);
    await db.rows(sql`UPDATE teams SET name = name WHERE tenant_id = ${tenantId}`);
    const v1 = await dataVersion(db);
    expect(v1).toBeGreaterThan(v0);
    // a bulk load through COPY (db/bulk.ts from COPY_MIN_ROWS rows on, inside a transaction)
    const n = COPY_MIN_ROWS + 1;
    const ids = Array.from({ length: n }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    await db.orm.transaction((tx) =>
      bulkInsert(
        tx,
        'households',
        [
          { name: 'tenant_id', type: 'uuid' },
          { name: 'id', type: 'uuid' },
          { name: 'number', type: 'text' },
          { name: 'team_id', type: 'uuid' },
        ],
        [ids.map(() => tenantId), ids, ids.map((_, i) => `BG${i}`), ids.map(() => teamId)],
      ),
    );
    const v2 = await dataVersion(db);
    expect(v2).toBeGreaterThan(v1);
    await expect(
      db.orm.transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM households WHERE tenant_id = ${tenantId}`);
        throw new Error('zurück');
      }),
    ).rejects.toThrow('zurück');
    expect(await dataVersion(db)).toBe(v2);
  });

  it('keeps the version when the counted rows are folded into the base', async () => {
    await db.rows(sql`UPDATE persons SET sex = sex WHERE false`);
    const before = await dataVersion(db);
    await compact(db);
    expect((await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM data_changes`))[0]?.n).toBe(0);
    expect(await dataVersion(db)).toBe(before);
    await db.rows(sql`DELETE FROM households WHERE tenant_id = ${tenantId}`);
    expect(await dataVersion(db)).toBeGreaterThan(before); // one per table, the cascades included
  });
});
