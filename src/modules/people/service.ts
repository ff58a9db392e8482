import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { todayInGermany } from '../../lib/today.ts';
import { appendAudit } from '../audit/service.ts';
import { assertTeamAccess, type Caller, can, teamScope } from '../auth/caller.ts';
import type { Permission } from '../auth/permissions.ts';
import { listStaffRefs, listTeamRefs } from '../org/directory.ts';
import { assertNoOverlap, assertNotTooFarAhead, HISTORY, type HistoryInput, type HistoryKind, rowOf } from './history.ts';
import {
  type householdCreate,
  type householdUpdate,
  type membershipInput,
  type paymentInput,
  type personCreate,
  type personUpdate,
  toStoredEnd,
} from './model.ts';
import { loadHousehold, loadPersonRecord, type PersonRecord } from './record.ts';
import { ageOn, MIN_ELB_AGE } from './rules.ts';
import { householdMemberships, householdPayments, households, persons, teamAssignments } from './schema.ts';
import { foldName, personSearchKey } from './search-key.ts';

export interface SearchHit {
  id: string;
  customerNumber: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  sex: 'm' | 'w' | 'd';
  teamName: string | null;
  householdNumber: string | null;
}

/** The same words for an unknown id and one outside the caller's scope: existence is confidential too. */
const PERSON_NOT_FOUND = 'Diese Person gibt es nicht oder sie liegt nicht in Ihrem Zuständigkeitsbereich.';
const HOUSEHOLD_NOT_FOUND = 'Diese Bedarfsgemeinschaft gibt es nicht oder sie liegt nicht in Ihrem Zuständigkeitsbereich.';

/** Postgres error codes the service turns into German messages. */
const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';
function pgCode(e: unknown): string | undefined {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code ?? err?.cause?.code;
}

/** Households, persons and their history. Every change is audited in its own transaction. */
export function peopleService(db: Database) {
  const audit = (tx: Executor, caller: Caller, action: string, entityType: string, entityId: string, purpose?: string) =>
    appendAudit(tx, [
      {
        tenantId: caller.tenantId,
        actorId: caller.staffId,
        action,
        entityType,
        entityId,
        purpose: purpose ?? null,
        requestId: caller.requestId,
        outcome: 'success',
      },
    ]);

  /** The person's team, after checking that the caller may act on it under the permission. */
  async function personInScope(tx: Executor, caller: Caller, personId: string, permission: Permission) {
    const [row] = await tx
      .select({ teamId: persons.teamId, version: persons.version, birthDate: persons.birthDate })
      .from(persons)
      .where(and(eq(persons.tenantId, caller.tenantId), eq(persons.id, personId)));
    if (!row) throw new NotFoundError(PERSON_NOT_FOUND);
    if (can(caller, permission) !== 'tenant') {
      assertTeamAccess(caller, permission, row.teamId ?? '-', { type: 'person', id: personId, notFound: PERSON_NOT_FOUND });
    }
    return row;
  }

  /** Optimistic concurrency for everything that belongs to a person: one version per person record. */
  async function bumpPersonVersion(tx: Executor, caller: Caller, personId: string, expected: number): Promise<number> {
    const [row] = await tx
      .update(persons)
      .set({ version: sql`${persons.version} + 1`, updatedAt: new Date() })
      .where(and(eq(persons.tenantId, caller.tenantId), eq(persons.id, personId), eq(persons.version, expected)))
      .returning({ version: persons.version });
    if (!row)
      throw new ConflictError(
        'Diese Person wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie die Änderungen.',
      );
    return row.version;
  }

  async function assertTeamInTenant(tx: Executor, tenantId: string, teamId: string, field = 'teamId') {
    const teams = await listTeamRefs(db, tenantId, tx);
    if (!teams.some((t) => t.id === teamId))
      throw new ValidationError([{ field, message: 'Dieses Team gibt es in Ihrem Jobcenter nicht.' }]);
  }

  /** persons.team_id follows the latest team assignment (current or last), which decides who may see the person. */
  async function refreshPersonTeam(tx: Executor, tenantId: string, personId: string) {
    await tx.execute(sql`
      UPDATE persons p SET team_id = (
        SELECT a.team_id FROM team_assignments a WHERE a.tenant_id = p.tenant_id AND a.person_id = p.id
         ORDER BY a.valid_from DESC LIMIT 1)
       WHERE p.tenant_id = ${tenantId} AND p.id = ${personId}`);
  }

  async function inTx<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    try {
      return await db.orm.transaction(fn);
    } catch (e) {
      if (pgCode(e) === EXCLUSION_VIOLATION)
        throw new ValidationError([
          { field: 'validFrom', message: 'Zeitraum überschneidet sich mit einem gleichzeitig erfassten Zeitraum' },
        ]);
      throw e;
    }
  }

  function assertBirthDate(birthDate: string) {
    if (birthDate > todayInGermany())
      throw new ValidationError([{ field: 'birthDate', message: 'Geburtsdatum liegt in der Zukunft' }]);
  }

  const service = {
    async search(caller: Caller, query: string, limit = 20): Promise<SearchHit[]> {
      const teams = teamScope(caller, 'person.read');
      if (teams !== 'all' && teams.length === 0) return [];
      const scope = teams === 'all' ? sql`TRUE` : sql`p.team_id IN ${teams}`;
      const q = query.trim();
      const columns = sql`p.id, p.customer_number AS "customerNumber", p.family_name AS "familyName",
               p.given_names AS "givenNames", p.birth_date AS "birthDate", p.sex, t.name AS "teamName",
               (SELECT h.number FROM household_memberships m JOIN households h ON h.tenant_id = m.tenant_id AND h.id = m.household_id
                 WHERE m.tenant_id = p.tenant_id AND m.person_id = p.id ORDER BY m.valid_from DESC LIMIT 1) AS "householdNumber"`;
      const from = sql`FROM persons p LEFT JOIN teams t ON t.tenant_id = p.tenant_id AND t.id = p.team_id`;
      const select = sql`SELECT ${columns} ${from}`;
      const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(q);
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(q)
        ? q
        : german
          ? `${german[3]}-${german[2]?.padStart(2, '0')}-${german[1]?.padStart(2, '0')}`
          : null;
      if (iso) {
        if (Number.isNaN(Date.parse(iso))) return [];
        return db.rows<SearchHit>(
          sql`${select} WHERE p.tenant_id = ${caller.tenantId} AND ${scope} AND p.birth_date = ${iso}::date
              ORDER BY p.family_name, p.given_names LIMIT ${limit}`,
        );
      }
      if (/^\d{5}BG\d{7}$/i.test(q)) {
        return db.rows<SearchHit>(
          sql`${select} WHERE p.tenant_id = ${caller.tenantId} AND ${scope} AND EXISTS (
                SELECT 1 FROM household_memberships m JOIN households h ON h.tenant_id = m.tenant_id AND h.id = m.household_id
                 WHERE m.tenant_id = p.tenant_id AND m.person_id = p.id AND h.number = ${q.toUpperCase()})
              ORDER BY p.family_name, p.given_names LIMIT ${limit}`,
        );
      }
      if (/^\d{3}[a-z]\d{6}$/i.test(q)) {
        return db.rows<SearchHit>(
          sql`${select} WHERE p.tenant_id = ${caller.tenantId} AND ${scope} AND p.customer_number = ${q.toUpperCase()} LIMIT ${limit}`,
        );
      }
      const folded = foldName(q);
      if (folded.length < 2) return [];
      // word_similarity finds "Mayer" for "Meier" and "Schmitt" for "Schmidt". The GiST trigram index returns
      // persons nearest first (`<<->` is 1 − word_similarity), so a common name costs `limit` index reads, not
      // one per match; the outer sort only orders equally near names alphabetically.
      const hits = await db.rows<SearchHit & { distance?: number }>(
        sql`SELECT hit.* FROM (SELECT ${columns}, ${folded} <<-> p.search_key AS distance ${from}
              WHERE p.tenant_id = ${caller.tenantId} AND ${scope} AND ${folded} <% p.search_key
              ORDER BY ${folded} <<-> p.search_key LIMIT ${limit}) hit
            ORDER BY hit.distance, hit."familyName", hit."givenNames"`,
      );
      return hits.map(({ distance: _, ...hit }) => hit);
    },

    async getPerson(caller: Caller, personId: string): Promise<PersonRecord> {
      await personInScope(db.orm, caller, personId, 'person.read');
      return loadPersonRecord(db, caller.tenantId, personId, {
        withPayments: can(caller, 'benefit.read') !== undefined,
      });
    },

    async createPerson(caller: Caller, input: z.infer<typeof personCreate>): Promise<{ id: string }> {
      assertTeamAccess(caller, 'person.write', input.teamId);
      assertBirthDate(input.birthDate);
      const id = uuidv7();
      try {
        await inTx(async (tx) => {
          await assertTeamInTenant(tx, caller.tenantId, input.teamId);
          await tx.insert(persons).values({
            tenantId: caller.tenantId,
            id,
            customerNumber: input.customerNumber,
            familyName: input.familyName,
            givenNames: input.givenNames,
            birthDate: input.birthDate,
            sex: input.sex,
            nationality: input.nationality ?? null,
            phone: input.phone ?? null,
            email: input.email ?? null,
            street: input.street ?? null,
            postcode: input.postcode ?? null,
            city: input.city ?? null,
            searchKey: personSearchKey(input),
            teamId: input.teamId,
          });
          await tx.insert(teamAssignments).values({
            tenantId: caller.tenantId,
            id: uuidv7(),
            personId: id,
            teamId: input.teamId,
            validFrom: input.memberFrom ?? todayInGermany(),
            validTo: null,
          });
          if (input.householdId) {
            await service.addMembershipTx(tx, caller, input.householdId, {
              personId: id,
              role: input.role ?? 'other',
              validFrom: input.memberFrom ?? todayInGermany(),
              validUntil: null,
            });
          }
          await audit(tx, caller, 'person.create', 'person', id);
        });
      } catch (e) {
        if (pgCode(e) === UNIQUE_VIOLATION)
          throw new ValidationError([{ field: 'customerNumber', message: 'Diese Kundennummer ist schon vergeben' }]);
        throw e;
      }
      return { id };
    },

    async updatePerson(caller: Caller, personId: string, input: z.infer<typeof personUpdate>): Promise<{ version: number }> {
      if (input.birthDate) assertBirthDate(input.birthDate);
      return inTx(async (tx) => {
        await personInScope(tx, caller, personId, 'person.write');
        const [current] = await tx
          .select()
          .from(persons)
          .where(and(eq(persons.tenantId, caller.tenantId), eq(persons.id, personId)))
          .for('update');
        if (!current) throw new NotFoundError('Diese Person gibt es nicht.');
        const { version: expected, ...changes } = input;
        if (current.version !== expected) {
          // Name the fields in which the stored record differs from what the user saw and wants to save.
          const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter(
            (k) => (current as Record<string, unknown>)[k] !== (changes[k] ?? null),
          );
          throw new ConflictError(
            'Diese Person wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind nicht gespeichert; bitte prüfen Sie die aktuellen Werte.',
            { changedFields: changed, current: { ...current, searchKey: undefined } },
          );
        }
        const next = { ...current, ...changes };
        const [row] = await tx
          .update(persons)
          .set({ ...changes, searchKey: personSearchKey(next), version: expected + 1, updatedAt: new Date() })
          .where(and(eq(persons.tenantId, caller.tenantId), eq(persons.id, personId)))
          .returning({ version: persons.version });
        await audit(tx, caller, 'person.update', 'person', personId);
        return { version: row?.version ?? expected + 1 };
      });
    },

    async addPeriod<K extends HistoryKind>(caller: Caller, personId: string, kind: K, input: HistoryInput[K]) {
      const spec = HISTORY[kind];
      return inTx(async (tx) => {
        const person = await personInScope(tx, caller, personId, spec.permission);
        const validTo = toStoredEnd(input.validUntil);
        assertNotTooFarAhead(input.validFrom);
        await checkPeriod(tx, caller, kind, person.birthDate, input as unknown as Record<string, unknown>);
        await assertNoOverlap(tx, kind, caller.tenantId, personId, input as Record<string, unknown>, input.validFrom, validTo);
        const id = uuidv7();
        await tx.insert(spec.table).values({
          tenantId: caller.tenantId,
          id,
          personId,
          validFrom: input.validFrom,
          validTo,
          ...spec.columns(input as Record<string, unknown>),
        } as never);
        if (kind === 'team') await refreshPersonTeam(tx, caller.tenantId, personId);
        const personVersion = await bumpPersonVersion(tx, caller, personId, input.personVersion);
        await audit(tx, caller, `${spec.entityType}.create`, spec.entityType, id);
        return { id, personVersion };
      });
    },

    async updatePeriod<K extends HistoryKind>(
      caller: Caller,
      personId: string,
      kind: K,
      periodId: string,
      input: HistoryInput[K],
    ) {
      const spec = HISTORY[kind];
      return inTx(async (tx) => {
        const person = await personInScope(tx, caller, personId, spec.permission);
        const { table, where } = rowOf(kind, caller.tenantId, personId, periodId);
        const [existing] = await tx.select({ id: table.id }).from(table).where(where);
        if (!existing) throw new NotFoundError('Diesen Zeitraum gibt es nicht (mehr).');
        const validTo = toStoredEnd(input.validUntil);
        assertNotTooFarAhead(input.validFrom);
        await checkPeriod(tx, caller, kind, person.birthDate, input as unknown as Record<string, unknown>);
        await assertNoOverlap(
          tx,
          kind,
          caller.tenantId,
          personId,
          input as Record<string, unknown>,
          input.validFrom,
          validTo,
          periodId,
        );
        await tx
          .update(table)
          .set({ validFrom: input.validFrom, validTo, ...spec.columns(input as Record<string, unknown>) } as never)
          .where(where);
        if (kind === 'team') await refreshPersonTeam(tx, caller.tenantId, personId);
        const personVersion = await bumpPersonVersion(tx, caller, personId, input.personVersion);
        await audit(tx, caller, `${spec.entityType}.update`, spec.entityType, periodId);
        return { id: periodId, personVersion };
      });
    },

    async deletePeriod(caller: Caller, personId: string, kind: HistoryKind, periodId: string, personVersion: number) {
      const spec = HISTORY[kind];
      return inTx(async (tx) => {
        await personInScope(tx, caller, personId, spec.permission);
        const { table, where } = rowOf(kind, caller.tenantId, personId, periodId);
        const deleted = await tx.delete(table).where(where).returning({ id: table.id });
        if (!deleted.length) throw new NotFoundError('Diesen Zeitraum gibt es nicht (mehr).');
        if (kind === 'team') await refreshPersonTeam(tx, caller.tenantId, personId);
        const version = await bumpPersonVersion(tx, caller, personId, personVersion);
        await audit(tx, caller, `${spec.entityType}.delete`, spec.entityType, periodId);
        return { personVersion: version };
      });
    },

    // ---- households ----

    async createHousehold(caller: Caller, input: z.infer<typeof householdCreate>): Promise<{ id: string }> {
      assertTeamAccess(caller, 'benefit.write', input.teamId);
      const id = uuidv7();
      try {
        await inTx(async (tx) => {
          await assertTeamInTenant(tx, caller.tenantId, input.teamId);
          await assertStaff(tx, caller.tenantId, input);
          await tx.insert(households).values({
            tenantId: caller.tenantId,
            id,
            number: input.number,
            teamId: input.teamId,
            caseworkerId: input.caseworkerId ?? null,
            benefitOfficerId: input.benefitOfficerId ?? null,
          });
          await audit(tx, caller, 'household.create', 'household', id);
        });
      } catch (e) {
        if (pgCode(e) === UNIQUE_VIOLATION)
          throw new ValidationError([{ field: 'number', message: 'Diese BG-Nummer ist schon vergeben' }]);
        throw e;
      }
      return { id };
    },

    async householdInScope(tx: Executor, caller: Caller, householdId: string, permission: Permission) {
      const [row] = await tx
        .select({ teamId: households.teamId, version: households.version })
        .from(households)
        .where(and(eq(households.tenantId, caller.tenantId), eq(households.id, householdId)));
      if (!row) throw new NotFoundError(HOUSEHOLD_NOT_FOUND);
      assertTeamAccess(caller, permission, row.teamId, { type: 'household', id: householdId, notFound: HOUSEHOLD_NOT_FOUND });
      return row;
    },

    async bumpHouseholdVersion(tx: Executor, caller: Caller, householdId: string, expected: number) {
      const [row] = await tx
        .update(households)
        .set({ version: sql`${households.version} + 1`, updatedAt: new Date() })
        .where(and(eq(households.tenantId, caller.tenantId), eq(households.id, householdId), eq(households.version, expected)))
        .returning({ version: households.version });
      if (!row) throw new ConflictError('Diese Bedarfsgemeinschaft wurde inzwischen geändert. Bitte laden Sie die Seite neu.');
      return row.version;
    },

    async getHousehold(caller: Caller, householdId: string) {
      await service.householdInScope(db.orm, caller, householdId, 'person.read');
      return loadHousehold(db, caller.tenantId, householdId, { withPayments: can(caller, 'benefit.read') !== undefined });
    },

    async updateHousehold(caller: Caller, householdId: string, input: z.infer<typeof householdUpdate>) {
      return inTx(async (tx) => {
        await service.householdInScope(tx, caller, householdId, 'benefit.write');
        if (input.teamId) await assertTeamInTenant(tx, caller.tenantId, input.teamId);
        await assertStaff(tx, caller.tenantId, input);
        const version = await service.bumpHouseholdVersion(tx, caller, householdId, input.version);
        const { version: _v, ...changes } = input;
        await tx
          .update(households)
          .set(changes)
          .where(and(eq(households.tenantId, caller.tenantId), eq(households.id, householdId)));
        await audit(tx, caller, 'household.update', 'household', householdId);
        return { version };
      });
    },

    async addMembershipTx(
      tx: Executor,
      caller: Caller,
      householdId: string,
      input: Omit<z.infer<typeof membershipInput>, 'householdVersion'>,
    ): Promise<string> {
      const validTo = toStoredEnd(input.validUntil);
      const [person] = await tx
        .select({ birthDate: persons.birthDate })
        .from(persons)
        .where(and(eq(persons.tenantId, caller.tenantId), eq(persons.id, input.personId)));
      if (!person) throw new ValidationError([{ field: 'personId', message: 'Diese Person gibt es nicht' }]);
      if (input.validFrom < person.birthDate)
        throw new ValidationError([{ field: 'validFrom', message: 'Mitgliedschaft beginnt vor der Geburt' }]);
      // A child cannot be older than the adults of its household (by the household's own data).
      const adults = await db.rows<{ role: string; birthDate: string }>(
        sql`SELECT m.role, p.birth_date AS "birthDate" FROM household_memberships m
              JOIN persons p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
             WHERE m.tenant_id = ${caller.tenantId} AND m.household_id = ${householdId}
               AND daterange(m.valid_from, m.valid_to) && daterange(${input.validFrom}::date, ${validTo}::date)`,
        tx,
      );
      const parents = adults.filter((a) => a.role === 'applicant' || a.role === 'partner');
      const children = adults.filter((a) => a.role === 'child');
      if (input.role === 'child' && parents.some((p) => p.birthDate >= person.birthDate))
        throw new ValidationError([
          { field: 'role', message: 'Das Kind wäre älter als eine erwachsene Person der Bedarfsgemeinschaft' },
        ]);
      if ((input.role === 'applicant' || input.role === 'partner') && children.some((c) => c.birthDate <= person.birthDate))
        throw new ValidationError([{ field: 'role', message: 'Ein Kind der Bedarfsgemeinschaft wäre älter als diese Person' }]);
      if (input.role === 'applicant' && adults.some((a) => a.role === 'applicant'))
        throw new ValidationError([
          { field: 'role', message: 'Die Bedarfsgemeinschaft hat in diesem Zeitraum schon eine antragstellende Person' },
        ]);
      const clash = await db.rows<{ number: string }>(
        sql`SELECT h.number FROM household_memberships m JOIN households h ON h.tenant_id = m.tenant_id AND h.id = m.household_id
             WHERE m.tenant_id = ${caller.tenantId} AND m.person_id = ${input.personId}
               AND daterange(m.valid_from, m.valid_to) && daterange(${input.validFrom}::date, ${validTo}::date) LIMIT 1`,
        tx,
      );
      if (clash[0])
        throw new ValidationError([
          {
            field: 'validFrom',
            message: `Die Person gehört in diesem Zeitraum schon zur Bedarfsgemeinschaft ${clash[0].number}`,
          },
        ]);
      const id = uuidv7();
      await tx.insert(householdMemberships).values({
        tenantId: caller.tenantId,
        id,
        householdId,
        personId: input.personId,
        role: input.role,
        validFrom: input.validFrom,
        validTo,
      });
      await audit(tx, caller, 'household_membership.create', 'household', householdId);
      return id;
    },

    async addMembership(caller: Caller, householdId: string, input: z.infer<typeof membershipInput>) {
      return inTx(async (tx) => {
        await service.householdInScope(tx, caller, householdId, 'benefit.write');
        const id = await service.addMembershipTx(tx, caller, householdId, input);
        const version = await service.bumpHouseholdVersion(tx, caller, householdId, input.householdVersion);
        return { id, householdVersion: version };
      });
    },

    async endMembership(caller: Caller, householdId: string, membershipId: string, lastDay: string, householdVersion: number) {
      return inTx(async (tx) => {
        await service.householdInScope(tx, caller, householdId, 'benefit.write');
        const validTo = toStoredEnd(lastDay);
        const [row] = await tx
          .update(householdMemberships)
          .set({ validTo })
          .where(
            and(
              eq(householdMemberships.tenantId, caller.tenantId),
              eq(householdMemberships.householdId, householdId),
              eq(householdMemberships.id, membershipId),
              sql`${householdMemberships.validFrom} < ${validTo}::date`,
            ),
          )
          .returning({ id: householdMemberships.id });
        if (!row) throw new ValidationError([{ field: 'validUntil', message: 'Ende liegt vor dem Beginn der Mitgliedschaft' }]);
        const version = await service.bumpHouseholdVersion(tx, caller, householdId, householdVersion);
        await audit(tx, caller, 'household_membership.update', 'household', householdId);
        return { householdVersion: version };
      });
    },

    async setPayment(caller: Caller, householdId: string, input: z.infer<typeof paymentInput>) {
      return inTx(async (tx) => {
        await service.householdInScope(tx, caller, householdId, 'benefit.write');
        const month = `${input.month}-01`;
        const values = {
          standardCents: input.standardCents,
          additionalCents: input.additionalCents,
          housingCents: input.housingCents,
        };
        await tx
          .insert(householdPayments)
          .values({ tenantId: caller.tenantId, householdId, month, ...values })
          .onConflictDoUpdate({
            target: [householdPayments.tenantId, householdPayments.householdId, householdPayments.month],
            set: values,
          });
        const version = await service.bumpHouseholdVersion(tx, caller, householdId, input.householdVersion);
        await audit(tx, caller, 'household_payment.set', 'household', householdId);
        return { householdVersion: version };
      });
    },
  };

  async function assertStaff(
    tx: Executor,
    tenantId: string,
    input: { caseworkerId?: string | null; benefitOfficerId?: string | null },
  ) {
    if (!input.caseworkerId && !input.benefitOfficerId) return;
    const staff = await listStaffRefs(db, tenantId, tx);
    const problems = [];
    const cw = input.caseworkerId ? staff.find((s) => s.id === input.caseworkerId) : undefined;
    if (input.caseworkerId && !cw?.roles.some((r) => r === 'pap' || r === 'fallmanagement'))
      problems.push({ field: 'caseworkerId', message: 'Keine Integrationsfachkraft (pAp) oder Fallmanagerin dieses Jobcenters' });
    const bo = input.benefitOfficerId ? staff.find((s) => s.id === input.benefitOfficerId) : undefined;
    if (input.benefitOfficerId && !bo?.roles.includes('leistung'))
      problems.push({ field: 'benefitOfficerId', message: 'Keine Leistungssachbearbeitung dieses Jobcenters' });
    if (problems.length) throw new ValidationError(problems);
  }

  /** Rules for a period that need the person's data or other records. */
  async function checkPeriod(tx: Executor, caller: Caller, kind: HistoryKind, birthDate: string, input: Record<string, unknown>) {
    const validFrom = input.validFrom as string;
    if (validFrom < birthDate) throw new ValidationError([{ field: 'validFrom', message: 'Beginn liegt vor der Geburt' }]);
    if (kind === 'benefit' && input.employable) {
      if (ageOn(birthDate, validFrom) < MIN_ELB_AGE)
        throw new ValidationError([
          {
            field: 'employable',
            message: 'Erwerbsfähig kann erst sein, wer 15 Jahre alt ist (§ 7 Abs. 1 SGB II); Beginn liegt vor dem 15. Geburtstag',
          },
        ]);
    }
    if (kind === 'benefit' && input.householdId)
      await service.householdInScope(tx, caller, input.householdId as string, 'benefit.write');
    if (kind === 'team') {
      // Handing a person over to another team is allowed; afterwards they leave the caller's scope.
      await assertTeamInTenant(tx, caller.tenantId, input.teamId as string);
    }
  }

  return service;
}

export type PeopleService = ReturnType<typeof peopleService>;
