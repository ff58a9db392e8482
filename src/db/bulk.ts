import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from './client.ts';

/**
 * Bulk insert with one array parameter per column: `INSERT … SELECT * FROM unnest($1::uuid[], …)`.
 * Measured 2–2.5× faster than multi-row VALUES (DESIGN.md), runs unchanged on PGlite and PostgreSQL,
 * and never hits the 65,535-parameter limit. Rows are column-major to avoid copying.
 */
export interface BulkColumn {
  name: string;
  /** PostgreSQL type of the column, e.g. uuid, text, date, bool, int8, numeric. */
  type: string;
}

export async function bulkInsert(
  tx: Executor,
  table: string,
  columns: readonly BulkColumn[],
  data: readonly unknown[][],
  opts: { chunk?: number; onConflict?: SQL } = {},
): Promise<number> {
  const n = data[0]?.length ?? 0;
  const chunk = opts.chunk ?? 20_000;
  for (let start = 0; start < n; start += chunk) {
    const arrays = data.map((col, i) => {
      const slice = col.slice(start, start + chunk);
      return sql`${sql.param(slice)}::${sql.raw(`${(columns[i] as BulkColumn).type}[]`)}`;
    });
    await tx.execute(sql`
      INSERT INTO ${sql.identifier(table)} (${sql.join(
        columns.map((c) => sql.identifier(c.name)),
        sql`, `,
      )})
      SELECT * FROM unnest(${sql.join(arrays, sql`, `)})
      ${opts.onConflict ?? sql``}`);
  }
  return n;
}

/** Deletes rows by id in chunks. */
export async function bulkDelete(tx: Executor, table: string, tenantId: string, ids: readonly string[], chunk = 20_000) {
  for (let start = 0; start < ids.length; start += chunk) {
    await tx.execute(
      sql`DELETE FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId} AND id = ANY(${sql.param(ids.slice(start, start + chunk))}::uuid[])`,
    );
  }
}
