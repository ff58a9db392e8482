import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { preparedRows } from '../../db/prepared.ts';
import { AppError, ValidationError } from '../../lib/errors.ts';
import { appendAudit } from '../audit/service.ts';
import { findLogin, type StaffContext, setPasswordHash, staffContextQuery } from '../org/directory.ts';
import type { Caller } from './caller.ts';
import { dummyHash, hashPassword, passwordProblems, verifyPassword } from './password.ts';
import { loginThrottle, sessions } from './schema.ts';
import { type CachedSession, sessionCacheOf, sessionsChanged } from './session-cache.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** Writing last_seen_at on every request would make each read a write; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export const LOGIN_FAILED = 'Benutzername oder Passwort ist falsch.';
export const LOGIN_LOCKED = `Zu viele Fehlversuche. Die Anmeldung ist für ${LOCKOUT_MINUTES} Minuten gesperrt.`;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type SessionRow = { tenantId: string; staffId: string; csrfToken: string; lastSeenAt: Date | string } & (
  | StaffContext
  | { [K in keyof StaffContext]: null }
);

export interface SessionInfo {
  caller: Omit<Caller, 'requestId'>;
  tenantName: string;
  csrfToken: string;
  mustChangePassword: boolean;
  tokenHash: string;
}

/**
 * Ends every session of a staff member (account disabled or password reset). Takes the transaction
 * of the change, so the change and the logout commit together. Used by the org service, which calls
 * sessionsChanged(db) once the transaction has committed (the session cache).
 */
export async function endSessionsOf(tx: Executor, tenantId: string, staffId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.staffId, staffId)));
}

/** Each caller gets its own arrays: the cached session is shared by concurrent requests. */
const copyOf = (v: SessionInfo): SessionInfo => ({
  ...v,
  caller: { ...v.caller, roles: [...v.caller.roles], teamIds: [...v.caller.teamIds] },
});

export function authService(db: Database, opts: { idleMinutes: number }) {
  const idleMs = opts.idleMinutes * 60_000;

  async function recordFailure(key: string) {
    const lockedUntil = new Date(Date.now() + LOCKOUT_MINUTES * 60_000);
    await db.orm.execute(sql`
      INSERT INTO login_throttle (username_key, failures, last_failure_at)
      VALUES (${key}, 1, now())
      ON CONFLICT (username_key) DO UPDATE SET
        failures = login_throttle.failures + 1,
        last_failure_at = now(),
        locked_until = CASE WHEN login_throttle.failures + 1 >= ${MAX_FAILED_LOGINS}
                            THEN ${lockedUntil.toISOString()}::timestamptz ELSE login_throttle.locked_until END`);
  }

  const cache = sessionCacheOf<SessionInfo>(db);

  /** The session from the database: idle check, account check, and the touch of last_seen_at when due. */
  async function load(tokenHash: string): Promise<CachedSession<SessionInfo> | undefined> {
    const fetchedAt = Date.now();
    // Session and staff context in one round trip.
    const [s] = await preparedRows<SessionRow>(
      db.orm,
      'auth.resolve',
      sql`
        SELECT s.tenant_id AS "tenantId", s.staff_id AS "staffId", s.csrf_token AS "csrfToken",
               s.last_seen_at AS "lastSeenAt", c.*
          FROM sessions s
          LEFT JOIN LATERAL (${staffContextQuery(sql`s.tenant_id`, sql`s.staff_id`)}) c ON TRUE
         WHERE s.token_hash = ${tokenHash}`,
    );
    if (!s) return undefined;
    const now = Date.now();
    let lastSeen = new Date(s.lastSeenAt).getTime();
    // The idle timeout is checked against the stored time of the last request.
    if (now - lastSeen > idleMs) {
      await db.orm.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      cache.forget(tokenHash);
      return undefined;
    }
    const ctx = s.username === null ? undefined : s;
    if (!ctx?.active) return undefined;
    if (now - lastSeen > TOUCH_EVERY_MS) {
      await db.orm
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.tokenHash, tokenHash));
      lastSeen = now;
    }
    return {
      fetchedAt,
      lastSeen,
      value: {
        tokenHash,
        tenantName: ctx.tenantName,
        csrfToken: s.csrfToken,
        mustChangePassword: ctx.mustChangePassword,
        caller: {
          tenantId: s.tenantId,
          staffId: s.staffId,
          username: ctx.username,
          displayName: ctx.displayName,
          roles: ctx.roles,
          teamIds: ctx.teamIds,
        },
      },
    };
  }

  return {
    /**
     * Checks a login. Unknown name and wrong password give the same error after the same work
     * (an argon2 verification either way); lockout applies to any name after 5 failures.
     */
    async login(username: string, password: string, requestId: string) {
      const key = username.trim().toLowerCase();
      const [throttle] = await db.orm.select().from(loginThrottle).where(eq(loginThrottle.usernameKey, key));
      const record = await findLogin(db, key);
      const ok = await verifyPassword(record?.passwordHash ?? (await dummyHash()), password);
      if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
        if (record)
          await db.orm.transaction((tx) =>
            appendAudit(tx, [
              {
                tenantId: record.tenantId,
                actorId: record.staffId,
                action: 'auth.login',
                entityType: 'session',
                requestId,
                outcome: 'denied',
                purpose: 'gesperrt',
              },
            ]),
          );
        throw new AppError(429, 'Anmeldung gesperrt', LOGIN_LOCKED, '/problems/locked');
      }
      if (!record || !ok || !record.active) {
        await recordFailure(key);
        if (record)
          await db.orm.transaction((tx) =>
            appendAudit(tx, [
              {
                tenantId: record.tenantId,
                actorId: record.staffId,
                action: 'auth.login',
                entityType: 'session',
                requestId,
                outcome: 'denied',
              },
            ]),
          );
        throw new AppError(401, 'Anmeldung fehlgeschlagen', LOGIN_FAILED, '/problems/login-failed');
      }
      await db.orm.delete(loginThrottle).where(eq(loginThrottle.usernameKey, key));
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      await db.orm.transaction(async (tx) => {
        await tx.insert(sessions).values({
          tokenHash: sha256(token),
          tenantId: record.tenantId,
          staffId: record.staffId,
          csrfToken,
        });
        await appendAudit(tx, [
          {
            tenantId: record.tenantId,
            actorId: record.staffId,
            action: 'auth.login',
            entityType: 'session',
            requestId,
            outcome: 'success',
          },
        ]);
      });
      return { token, csrfToken };
    },

    /**
     * The session behind a cookie token, or undefined when missing, idle too long or the account is off.
     * A session found in the database is reused for up to SESSION_REVALIDATE_MS (1 s) without asking
     * again; see session-cache.ts and docs/decisions/0006-session-cache.md for what that means.
     */
    async resolve(token: string): Promise<SessionInfo | undefined> {
      const tokenHash = sha256(token);
      const now = Date.now();
      const hit = cache.fresh(tokenHash, now);
      // Only while no write of last_seen_at is due: the idle check and the touch happen in load.
      // Then the idle timeout cannot have passed either (TOUCH_EVERY_MS ≤ idleMs).
      const entry =
        hit && now - hit.lastSeen <= Math.min(TOUCH_EVERY_MS, idleMs) ? hit : await cache.load(tokenHash, () => load(tokenHash));
      return entry && copyOf(entry.value);
    },

    async logout(caller: Caller, tokenHash: string) {
      await db.orm.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
        await appendAudit(tx, [
          {
            tenantId: caller.tenantId,
            actorId: caller.staffId,
            action: 'auth.logout',
            entityType: 'session',
            requestId: caller.requestId,
            outcome: 'success',
          },
        ]);
      });
      cache.forget(tokenHash);
    },

    async changePassword(caller: Caller, current: string, next: string) {
      const record = await findLogin(db, caller.username);
      if (!record || !(await verifyPassword(record.passwordHash, current)))
        throw new ValidationError([{ field: 'currentPassword', message: 'Das bisherige Passwort stimmt nicht.' }]);
      const problems = passwordProblems(next, caller.username);
      if (current === next) problems.push('Das neue Passwort muss sich vom bisherigen unterscheiden.');
      if (problems.length) throw new ValidationError(problems.map((message) => ({ field: 'newPassword', message })));
      const hash = await hashPassword(next);
      await db.orm.transaction(async (tx) => {
        await setPasswordHash(tx, caller.tenantId, caller.staffId, hash, false);
        await appendAudit(tx, [
          {
            tenantId: caller.tenantId,
            actorId: caller.staffId,
            action: 'auth.change_password',
            entityType: 'staff',
            entityId: caller.staffId,
            requestId: caller.requestId,
            outcome: 'success',
          },
        ]);
      });
      // must_change_password is part of the cached session
      sessionsChanged(db);
    },

    endSessionsOf,

    async purgeIdleSessions() {
      await db.orm.delete(sessions).where(lt(sessions.lastSeenAt, new Date(Date.now() - idleMs)));
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
