import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, TEST_TENANT } from '../../test/support/app.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { availableMigrations } from '../db/migrate.ts';
import { testBackend, withDatabaseName } from '../db/testing.ts';
import { authService } from '../modules/auth/service.ts';
import { type CreatedTenant, createTenant, SYSTEM_ACTOR } from '../modules/org/bootstrap.ts';

/**
 * The `teilhabe` command as an operator runs it: a separate process on the configured database.
 * One database for the whole file (a fresh PGlite data dir, or on the postgres project a fresh,
 * empty PostgreSQL database); the steps build on each other and run in order.
 */
const BIN = path.resolve('bin/teilhabe.mjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// Each test starts the CLI several times as its own process (tsx, PGlite: 5–8 s each on a busy 2-core CI
// machine), so the default 30 s per test is too tight there.
describe('teilhabe CLI', { timeout: 120_000 }, () => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let tenant: CreatedTenant;
  let sessionTokens: Record<string, string>;

  const env = () => {
    const e: NodeJS.ProcessEnv = { ...process.env, TEILHABE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete e.DATABASE_URL;
    if (databaseUrl) e.DATABASE_URL = databaseUrl;
    return e;
  };
  const cliWith = (extraEnv: NodeJS.ProcessEnv, ...args: string[]) =>
    new Promise<Run>((resolve) => {
      execFile(process.execPath, [BIN, ...args], { env: { ...env(), ...extraEnv }, timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const cli = (...args: string[]) => cliWith({}, ...args);
  /** The same database in this process, between CLI runs (PGlite: one process at a time). */
  const inProcess = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    const db = databaseUrl ? await openPostgres(databaseUrl, 2) : await openPglite(dataDir);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-cli-'));
    if (testBackend() === 'postgres') {
      const url = process.env.TEST_DATABASE_URL as string;
      const name = `teilhabe_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`); // empty: `migrate` has all to do
      await admin.end();
      databaseUrl = withDatabaseName(url, name);
    }
  });
  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('migrate: brings a new database up to date (a bad configuration: exit 1, German, names the variable)', async () => {
    const all = availableMigrations().map((m) => m.tag);
    // a bad configuration stops before the database is opened, so it may run alongside
    const [first, badConfig] = await Promise.all([cli('migrate'), cliWith({ PORT: 'achtzig' }, 'migrate')]);
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toContain('PORT: PORT muss eine ganze Zahl sein');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe(`Migrationen angewendet: ${all.length} (neu: ${all.join(', ')}), offen: keine`);
    // the first Jobcenter, and open sessions of two accounts for the steps below
    sessionTokens = await inProcess(async (db) => {
      tenant = await createTenant(db, TEST_TENANT);
      const auth = authService(db, { idleMinutes: 30 });
      return {
        pap: (await auth.login('pap', TEST_PASSWORD, 'test')).token,
        leistung: (await auth.login('leistung', TEST_PASSWORD, 'test')).token,
      };
    });
  }, 60_000);

  it('user add: creates an account with roles and teams and shows its initial password once', async () => {
    const res = await cli(
      'user',
      'add',
      '--username',
      'n.neumann',
      '--name',
      'Nora Neumann',
      '--role',
      'pap',
      'fallmanagement',
      '--team',
      'Team Dillenburg',
    );
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const password = /Erstpasswort .*: (\S+)$/m.exec(res.stdout)?.[1];
    expect(password).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);

    const dup = await cli('user', 'add', '--username', 'N.Neumann', '--name', 'Noch Wer', '--role', 'pap');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('username: Diesen Benutzernamen gibt es schon.');
    const noTeam = await cli('user', 'add', '--username', 'x.y', '--name', 'X Y', '--role', 'pap', '--team', 'Atlantis');
    expect(noTeam.code).toBe(1);
    expect(noTeam.stderr).toMatch(/Team „Atlantis“ gibt es nicht/);

    await inProcess(async (db) => {
      const auth = authService(db, { idleMinutes: 30 });
      const { token } = await auth.login('n.neumann', password as string, 'test');
      const session = await auth.resolve(token);
      expect(session?.mustChangePassword).toBe(true);
      expect(session?.caller.roles.sort()).toEqual(['fallmanagement', 'pap']);
      expect(session?.caller.teamIds).toEqual([tenant.teamIds['Team Dillenburg']]);
    });
  });

  it('user reset and user disable: new password, sessions ended, account locked; all on the audit log', async () => {
    const reset = await cli('user', 'reset', 'pap');
    expect(reset.code).toBe(0);
    const password = /Neues Passwort für pap: (\S+)$/m.exec(reset.stdout)?.[1];
    expect(password).toBeDefined();
    const disable = await cli('user', 'disable', 'LEISTUNG');
    expect(disable.code).toBe(0);
    expect(disable.stdout).toContain('Konto leistung ist gesperrt.');

    await inProcess(async (db) => {
      const auth = authService(db, { idleMinutes: 30 });
      // the sessions opened before are gone
      expect(await auth.resolve(sessionTokens.pap as string)).toBeUndefined();
      expect(await auth.resolve(sessionTokens.leistung as string)).toBeUndefined();
      const open = await db.rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM sessions WHERE staff_id IN (${tenant.staffIds.pap}, ${tenant.staffIds.leistung})`,
      );
      expect(open[0]?.n).toBe(0);
      // the old password is dead, the new one works
      await expect(auth.login('pap', TEST_PASSWORD, 'test')).rejects.toMatchObject({ status: 401 });
      const { token } = await auth.login('pap', password as string, 'test');
      expect((await auth.resolve(token))?.mustChangePassword).toBe(true);
      await expect(auth.login('leistung', TEST_PASSWORD, 'test')).rejects.toMatchObject({ status: 401 });

      const entries = await db.rows<{ action: string; entity_id: string }>(
        sql`SELECT action, entity_id FROM audit_log WHERE actor_id = ${SYSTEM_ACTOR} ORDER BY seq`,
      );
      expect(entries.map((e) => e.action)).toEqual(['tenant.create', 'staff.create', 'staff.reset_password', 'staff.disable']);
      expect(entries.at(-1)?.entity_id).toBe(tenant.staffIds.leistung);
    });
  });

  it('audit verify: exit 0 on an intact chain; exit 1 naming the entry after tampering', async () => {
    const ok = await cli('audit', 'verify');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Protokoll in Ordnung: \d+ Einträge geprüft\.$/m);

    await inProcess(async (db) => {
      await db.rows(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
      await db.rows(
        sql`UPDATE audit_log SET actor_id = ${tenant.staffIds.admin} WHERE tenant_id = ${tenant.tenantId} AND seq = 3`,
      );
      await db.rows(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    });
    const bad = await cli('audit', 'verify');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim()).toBe(
      `Protokoll MANIPULIERT: erster fehlerhafter Eintrag Nr. 3 (Jobcenter ${tenant.tenantId}): Inhalt passt nicht zum gespeicherten Hash (verändert)`,
    );
  });
});
