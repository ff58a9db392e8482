import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * Applies the SQL migrations that drizzle-kit wrote to ./migrations (committed files), in the
 * order of its journal, each in its own transaction. Our own runner rather than drizzle's
 * per-driver migrators: one code path for PGlite and PostgreSQL, and /api/health can report
 * which migrations are applied and which are pending.
 */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

interface Migration {
  tag: string;
  statements: string[];
  checksum: string;
}

let cached: Migration[] | undefined;
export function availableMigrations(): Migration[] {
  if (cached) return cached;
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  cached = journal.entries.map(({ tag }) => {
    const text = fs.readFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), 'utf8');
    return {
      tag,
      statements: text
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
      checksum: createHash('sha256').update(text).digest('hex'),
    };
  });
  return cached;
}

const ensureTable = sql`CREATE TABLE IF NOT EXISTS schema_migrations (
  tag text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

export async function migrationState(db: Database): Promise<{ applied: string[]; pending: string[] }> {
  await db.orm.execute(ensureTable);
  const rows = await db.rows<{ tag: string }>(sql`SELECT tag FROM schema_migrations ORDER BY tag`);
  const applied = new Set(rows.map((r) => r.tag));
  return {
    applied: [...applied],
    pending: availableMigrations()
      .map((m) => m.tag)
      .filter((t) => !applied.has(t)),
  };
}

export async function migrate(db: Database): Promise<string[]> {
  const { pending } = await migrationState(db);
  const done: string[] = [];
  for (const m of availableMigrations().filter((x) => pending.includes(x.tag))) {
    await db.orm.transaction(async (tx) => {
      // Two processes starting at once: the second waits here and then finds nothing to do.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(724201)`);
      const again = await db.rows(sql`SELECT 1 FROM schema_migrations WHERE tag = ${m.tag}`, tx);
      if (again.length) return;
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (tag, checksum) VALUES (${m.tag}, ${m.checksum})`);
      done.push(m.tag);
    });
  }
  return done;
}
