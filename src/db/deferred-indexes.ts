/**
 * Loading into empty tables the way pg_restore does: data first, then the secondary indexes, exclusion
 * constraints and foreign keys. Maintaining a GiST exclusion index or a trigram index row by row costs
 * several times what building it once over the sorted data costs, and a foreign key added afterwards is
 * checked with one join instead of one trigger call per row. On the demo's five years of history this is
 * the larger part of the load time (docs/demo.md, docs/import-format.md).
 *
 * Only when every table of the load is empty (tables hold all tenants, so a non-empty table means other data
 * whose indexes we must not drop): then the tables are locked ACCESS EXCLUSIVE for the rest of the
 * transaction, so nobody else can write between the check and the rebuild. Everything runs inside the
 * caller's transaction: DDL in PostgreSQL is transactional, so a failed load (or a re-added constraint that
 * the data violates) rolls the dropped definitions back with the data. Primary keys and unique constraints or
 * indexes are deferred too (built by one sort instead of one B-tree descent per row, uniqueness checked all the
 * same), except those that a foreign key of a table outside the load refers to: that key would have to go too.
 * Nothing else can use them meanwhile (ON CONFLICT, lookups): the tables are locked until COMMIT.
 */
export interface RawConnection {
  query(text: string): Promise<{ rows: unknown[] }>;
}

interface Deferred {
  table: string;
  name: string;
  /** Statement that recreates it. */
  create: string;
  /** Statement that drops it. */
  drop: string;
  /**
   * Rebuild order: primary keys and unique constraints (which foreign keys refer to), indexes, exclusion
   * constraints, then foreign keys (which check the loaded rows).
   */
  order: number;
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const tableList = (tables: readonly string[]) => tables.map((t) => `'${t.replace(/'/g, "''")}'::regclass`).join(', ');

export async function loadWithDeferredIndexes<T>(
  conn: RawConnection,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const rebuild = await deferIndexes(conn, tables);
  const result = await load();
  await rebuild();
  return result;
}

/**
 * The two halves for loads that are not one callback (the demo's streaming sink): drops what can be deferred
 * when all tables are empty and returns the function that rebuilds it; call that before COMMIT.
 */
export async function deferIndexes(
  conn: RawConnection,
  tables: readonly string[],
  /** Milliseconds per rebuilt index or constraint, by name (bench). */
  ms?: Record<string, number>,
): Promise<() => Promise<void>> {
  const nothing = async () => {};
  if (!tables.length) return nothing;
  await conn.query(`LOCK TABLE ${tables.map(quoteIdent).join(', ')} IN ACCESS EXCLUSIVE MODE`);
  for (const table of tables) {
    const { rows } = await conn.query(`SELECT 1 FROM ${quoteIdent(table)} LIMIT 1`);
    if (rows.length) return nothing;
  }
  const deferred = await deferrable(conn, tables);
  for (const d of [...deferred].reverse()) await conn.query(d.drop);
  return async () => {
    for (const d of deferred) {
      const t = performance.now();
      await conn.query(d.create);
      if (ms) ms[d.name] = performance.now() - t;
    }
  };
}

/** What can be dropped and rebuilt, in rebuild order. Exported for the test that checks nothing is lost. */
export async function deferrable(conn: RawConnection, tables: readonly string[]): Promise<Deferred[]> {
  const list = tableList(tables);
  // an index that a foreign key from a table outside the load refers to must stay
  const referencedFromOutside = (index: string) => `EXISTS (SELECT 1 FROM pg_constraint r
      WHERE r.contype = 'f' AND r.conindid = ${index} AND r.conrelid NOT IN (${list}))`;
  const { rows: constraints } = await conn.query(`
    SELECT c.conrelid::regclass::text AS "table", c.conname AS name, c.contype AS type,
           pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c
     WHERE c.conrelid IN (${list})
       AND (c.contype IN ('f', 'x') OR (c.contype IN ('p', 'u') AND NOT ${referencedFromOutside('c.conindid')}))
     ORDER BY c.conrelid::regclass::text, c.conname`);
  // Indexes that no constraint owns (a constraint's index goes with the constraint).
  const { rows: indexes } = await conn.query(`
    SELECT i.indrelid::regclass::text AS "table", ci.relname AS name, pg_get_indexdef(i.indexrelid) AS def,
           i.indisunique AS "unique"
      FROM pg_index i
      JOIN pg_class ci ON ci.oid = i.indexrelid
     WHERE i.indrelid IN (${list}) AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
       AND NOT (i.indisunique AND ${referencedFromOutside('i.indexrelid')})
     ORDER BY i.indrelid::regclass::text, ci.relname`);
  const out: Deferred[] = [];
  for (const r of indexes as { table: string; name: string; def: string; unique: boolean }[])
    out.push({ table: r.table, name: r.name, create: r.def, drop: `DROP INDEX ${quoteIdent(r.name)}`, order: r.unique ? 0 : 1 });
  for (const r of constraints as { table: string; name: string; type: string; def: string }[]) {
    const alter = `ALTER TABLE ${quoteIdent(r.table)}`;
    out.push({
      table: r.table,
      name: r.name,
      create: `${alter} ADD CONSTRAINT ${quoteIdent(r.name)} ${r.def}`,
      drop: `${alter} DROP CONSTRAINT ${quoteIdent(r.name)}`,
      order: r.type === 'p' || r.type === 'u' ? 0 : r.type === 'x' ? 2 : 3,
    });
  }
  return out.sort((a, b) => a.order - b.order);
}
