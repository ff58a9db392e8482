import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, TEST_TENANT } from '../../../test/support/app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { buildApp } from '../../http/app.ts';
import { type CreatedTenant, createTenant, SYSTEM_ACTOR } from '../org/bootstrap.ts';
import { type AuditEntry, AuditWriter, appendAudit, verifyAuditChain } from './service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX64 = /^[0-9a-f]{64}$/;

describe('audit log', () => {
  let db: Database;
  let app: FastifyInstance;
  let tenant: CreatedTenant;
  /** Every line the server logged, as written. */
  const logLines: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    tenant = await createTenant(db, TEST_TENANT);
    app = await buildApp({
      db,
      config: loadConfig({ LOG_LEVEL: 'info' }),
      serveWeb: false,
      logStream: { write: (line: string) => void logLines.push(line) },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const entry = (tenantId: string, i: number): AuditEntry => ({
    tenantId,
    actorId: SYSTEM_ACTOR,
    action: 'test.append',
    entityType: 'test',
    entityId: String(i),
    outcome: 'success',
  });
  const append = (entries: AuditEntry[]) => db.orm.transaction((tx) => appendAudit(tx, entries));
  /** Statements a superuser can run and the application cannot: with the append-only triggers off. */
  const asSuperuserWithoutTriggers = async (statement: SQL) => {
    await db.rows(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    try {
      await db.rows(statement);
    } finally {
      await db.rows(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    }
  };
  const count = async (tenantId: string) =>
    (await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = ${tenantId}`))[0]?.n;

  describe('hash chain', () => {
    it('verifies after many appends, sequential and concurrent, from transactions and the group-commit writer', async () => {
      const t = uuidv7();
      for (let i = 0; i < 20; i++) await append([entry(t, i)]);
      await append(Array.from({ length: 300 }, (_, i) => entry(t, 100 + i)));
      const writer = new AuditWriter(db);
      await Promise.all([
        ...Array.from({ length: 40 }, (_, i) => append([entry(t, 1000 + i), entry(t, 2000 + i)])),
        ...Array.from({ length: 200 }, (_, i) => writer.record(entry(t, 3000 + i))),
        // another tenant's chain in the same batches
        ...Array.from({ length: 20 }, (_, i) => writer.record(entry(tenant.tenantId, i))),
      ]);
      expect(await count(t)).toBe(20 + 300 + 80 + 200);
      const result = await verifyAuditChain(db, t);
      expect(result).toEqual({ ok: true, checked: 600 });
      // sequence numbers are gapless and every entry links to its predecessor
      const [gaps] = await db.rows<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM audit_log a
          LEFT JOIN audit_log p ON p.tenant_id = a.tenant_id AND p.seq = a.seq - 1
         WHERE a.tenant_id = ${t} AND a.seq > 1 AND (p.hash IS NULL OR p.hash <> a.prev_hash)`);
      expect(gaps?.n).toBe(0);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });

    it('the group-commit writer stays on the chain when others append behind its back (changes, other processes)', async () => {
      const t = uuidv7();
      const a = new AuditWriter(db); // two server processes, each with its remembered head
      const b = new AuditWriter(db);
      await a.record(entry(t, 1)); // a learns the head
      await append([entry(t, 2)]); // a change moves it
      await a.record(entry(t, 3)); // a's compare-and-swap misses, the locked path takes over
      await b.record(entry(t, 4));
      await a.record(entry(t, 5));
      for (let round = 0; round < 5; round++)
        await Promise.all([
          ...Array.from({ length: 10 }, (_, i) => a.record(entry(t, 1000 + 100 * round + i))),
          ...Array.from({ length: 10 }, (_, i) => b.record(entry(t, 1000 + 100 * round + 50 + i))),
          append([entry(t, 1000 + 100 * round + 99)]),
        ]);
      expect(await verifyAuditChain(db, t)).toEqual({ ok: true, checked: 5 + 5 * 21 });
      const ids = await db.rows<{ entity_id: string }>(sql`SELECT entity_id FROM audit_log WHERE tenant_id = ${t} ORDER BY seq`);
      expect(ids.slice(0, 5).map((r) => r.entity_id)).toEqual(['1', '2', '3', '4', '5']);
      expect(new Set(ids.map((r) => r.entity_id)).size).toBe(ids.length); // nothing written twice
    });

    it('refuses to append outside a transaction (the head lock would not hold)', async () => {
      await expect(appendAudit(db.orm, [entry(uuidv7(), 1)])).rejects.toThrow(/Transaktion/);
    });

    it('UPDATE, DELETE and TRUNCATE on audit_log are refused by the trigger', async () => {
      const t = uuidv7();
      await append([entry(t, 1), entry(t, 2)]);
      const refused = /unveränderlich/;
      const cause = (p: Promise<unknown>) =>
        p.then(
          () => 'nicht abgelehnt',
          (e: { message: string; cause?: { message: string } }) => e.cause?.message ?? e.message,
        );
      expect(await cause(db.rows(sql`UPDATE audit_log SET action = 'x' WHERE tenant_id = ${t}`))).toMatch(refused);
      expect(await cause(db.rows(sql`DELETE FROM audit_log WHERE tenant_id = ${t} AND seq = 2`))).toMatch(refused);
      expect(await cause(db.rows(sql`TRUNCATE audit_log`))).toMatch(refused);
      expect(await count(t)).toBe(2);
      expect((await verifyAuditChain(db, t)).ok).toBe(true);
    });

    it('names exactly the entry whose content was changed behind the trigger', async () => {
      const t = uuidv7();
      for (let i = 1; i <= 10; i++) await append([entry(t, i)]);
      await asSuperuserWithoutTriggers(sql`UPDATE audit_log SET action = 'staff.list' WHERE tenant_id = ${t} AND seq = 7`);
      expect(await verifyAuditChain(db, t)).toEqual({
        ok: false,
        checked: 7,
        firstBad: { tenantId: t, seq: 7, reason: 'Inhalt passt nicht zum gespeicherten Hash (verändert)' },
      });
      // the whole installation is reported too, naming the same entry
      expect((await verifyAuditChain(db)).firstBad).toMatchObject({ tenantId: t, seq: 7 });

      // a forger who also rewrites the entry's hash breaks the link of the next one
      await asSuperuserWithoutTriggers(sql`UPDATE audit_log SET action = 'test.append' WHERE tenant_id = ${t} AND seq = 7`);
      expect(await verifyAuditChain(db, t)).toEqual({ ok: true, checked: 10 });
      await asSuperuserWithoutTriggers(sql`UPDATE audit_log SET hash = ${'f'.repeat(64)} WHERE tenant_id = ${t} AND seq = 4`);
      expect((await verifyAuditChain(db, t)).firstBad?.seq).toBe(4);
    });

    it('detects a deleted entry in the middle and at the end (via audit_head)', async () => {
      const middle = uuidv7();
      for (let i = 1; i <= 6; i++) await append([entry(middle, i)]);
      await asSuperuserWithoutTriggers(sql`DELETE FROM audit_log WHERE tenant_id = ${middle} AND seq = 3`);
      expect((await verifyAuditChain(db, middle)).firstBad).toMatchObject({ seq: 3, reason: expect.stringMatching(/fehlt/) });

      const end = uuidv7();
      for (let i = 1; i <= 6; i++) await append([entry(end, i)]);
      await asSuperuserWithoutTriggers(sql`DELETE FROM audit_log WHERE tenant_id = ${end} AND seq = 6`);
      const result = await verifyAuditChain(db, end);
      expect(result.ok).toBe(false);
      expect(result.checked).toBe(5);
      expect(result.firstBad).toMatchObject({ tenantId: end, seq: 6, reason: expect.stringMatching(/Kettenende/) });
    });
  });

  describe('no social data in the audit log or the server log', () => {
    const person = { displayName: 'Hildegard Musterfrau', username: 'h.musterfrau', email: 'hildegard@example.org' };
    let staffId: string;

    it('the audit entries of a staff read hold ids and codes only', async () => {
      const admin = await Agent.login(app, 'admin');
      const created = await admin.post('/api/org/staff', { ...person, roles: ['pap'], teamIds: [tenant.teamIds['Reha/SB']] });
      expect(created.statusCode).toBe(201);
      staffId = created.json().id;
      const read = await admin.get(`/api/org/staff/${staffId}`);
      expect(read.json().displayName).toBe(person.displayName);
      const rows = await db.rows<Record<string, unknown>>(
        sql`SELECT * FROM audit_log WHERE request_id = ${String(read.headers['x-request-id'])}`,
      );
      expect(rows).toHaveLength(1);
      const [row] = rows;
      expect(Object.keys(row ?? {}).sort()).toEqual(
        [
          'action',
          'actor_id',
          'at',
          'entity_id',
          'entity_type',
          'hash',
          'outcome',
          'prev_hash',
          'purpose',
          'request_id',
          'seq',
          'tenant_id',
        ].sort(),
      );
      expect(row).toMatchObject({
        tenant_id: expect.stringMatching(UUID),
        actor_id: tenant.staffIds.admin,
        action: 'staff.read',
        entity_type: 'staff',
        entity_id: staffId,
        purpose: null,
        request_id: expect.stringMatching(UUID),
        outcome: 'success',
        prev_hash: expect.stringMatching(HEX64),
        hash: expect.stringMatching(HEX64),
      });
    });

    it('no entry in the whole log carries a name, login name or e-mail address', async () => {
      const pap = await Agent.login(app, 'pap');
      await pap.get(`/api/org/staff/${staffId}`); // denied: another team
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'pap', password: 'falsch' } });
      const all = await db.rows<Record<string, unknown>>(sql`SELECT * FROM audit_log`);
      const text = JSON.stringify(all);
      const names = [...TEST_TENANT.staff.flatMap((s) => [s.displayName, ...s.displayName.split(' ')]), ...Object.values(person)];
      for (const n of names) expect(text).not.toContain(n);
      for (const r of all) {
        expect(r.action).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
        expect(r.entity_type).toMatch(/^[a-z_]+$/);
        if (r.entity_id !== null)
          expect(r.entity_id).toMatch(/^([0-9a-f-]{36}|\d+|(GET|POST|PATCH|PUT|DELETE) \/api\/[\w/:.-]+)$/);
        if (r.purpose !== null) expect(r.purpose).toMatch(/^[\wäöüß -]{1,40}$/);
      }
    });

    it('log lines carry neither names nor the values of a failed query', async () => {
      // a failed query whose parameters hold a name and a birth date, logged by the server's own logger
      for (const value of [person.displayName, '1961-02-30']) {
        const err = await db.rows(sql`SELECT ${value}::date`).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(Error);
        app.log.error({ err }, 'unexpected error');
      }
      await new Promise((r) => setImmediate(r));
      const text = logLines.join('');
      expect(text).toContain('"code":"22007"'); // the error is logged, with its SQLSTATE
      expect(text).toContain('"code":"22008"');
      expect(logLines.length).toBeGreaterThan(10); // requests were logged
      for (const n of [...Object.values(person), 'Hildegard', 'Musterfrau', '1961-02-30', 'Petra Albers', 'falsch'])
        expect(text).not.toContain(n);
      expect(text).not.toMatch(/password|passwort/i);
    });
  });
});
