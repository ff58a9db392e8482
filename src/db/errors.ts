/**
 * The PostgreSQL error behind a failed query. Drizzle wraps driver errors (`DrizzleQueryError`,
 * whose message carries the query's parameters), so the SQLSTATE sits somewhere in the cause chain.
 * Same shape on node-postgres and PGlite.
 */
export interface PgErrorInfo {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
}

export function pgErrorOf(err: unknown): PgErrorInfo | undefined {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const { constraint, table, column } = e as { constraint?: string; table?: string; column?: string };
      return { code, constraint, table, column };
    }
  }
  return undefined;
}

/** True for a unique violation (23505), optionally of one named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === '23505' && (!constraint || pg.constraint === constraint);
}
