import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { Caller } from '../modules/auth/caller.ts';
import { SYSTEM_ACTOR } from '../modules/org/bootstrap.ts';

/**
 * Opens the configured database (same variables as the server) and runs pending migrations;
 * `fn` learns which ones this run applied.
 */
export async function withDatabase<T>(fn: (db: Database, applied: string[]) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db);
    return await fn(db, applied);
  } finally {
    await db.close();
  }
}

/** The command line acts for the system, on the one Jobcenter or the one named with --tenant. */
export async function systemCaller(db: Database, tenantName?: string): Promise<Caller> {
  const rows = await db.rows<{ id: string; name: string }>(sql`SELECT id, name FROM tenants ORDER BY name`);
  const match = tenantName ? rows.filter((r) => r.name === tenantName) : rows;
  if (match.length !== 1)
    throw new Error(
      rows.length === 0
        ? 'Es gibt noch kein Jobcenter in der Datenbank. Starten Sie Teilhabe einmal mit "teilhabe start".'
        : `Bitte wählen Sie das Jobcenter mit --tenant: ${rows.map((r) => `"${r.name}"`).join(', ')}`,
    );
  return {
    tenantId: (match[0] as { id: string }).id,
    staffId: SYSTEM_ACTOR,
    username: 'system',
    displayName: 'System (Kommandozeile)',
    roles: ['admin'],
    teamIds: [],
    requestId: `cli-${process.pid}`,
  };
}
