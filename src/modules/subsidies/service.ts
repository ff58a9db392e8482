import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { addDays, toDay } from '../../lib/dates.ts';
import { ConflictError, ForbiddenError, NotFoundError, ScopeDeniedError, ValidationError } from '../../lib/errors.ts';
import { todayInGermany } from '../../lib/today.ts';
import { appendAudit } from '../audit/service.ts';
import { assertPermission, type Caller, can, teamScope } from '../auth/caller.ts';
import type { Permission } from '../auth/permissions.ts';
import {
  type Actor,
  commitmentDetails,
  commitmentsOf,
  commitTx,
  paidByMonth,
  payTx,
  reviseMonthsTx,
  sourceOfKind,
} from '../budget/ledger.ts';
import { loadPersonBasics, loadPersonFacts } from '../people/facts.ts';
import type { SubsidyBasis } from './codes.ts';
import { checkEligibility, type EligibilityResult } from './eligibility.ts';
import type { coachingInput, contractCreate } from './model.ts';
import { type ContractTerms, schedule, splitPat } from './schedule.ts';
import { subsidyCoaching, subsidyContracts } from './schema.ts';

const PERSON_NOT_FOUND = 'Diese Person gibt es nicht oder sie liegt nicht in Ihrem Zuständigkeitsbereich.';
const CONTRACT_NOT_FOUND = 'Diesen Fördervertrag gibt es nicht oder er liegt nicht in Ihrem Zuständigkeitsbereich.';

type ContractRow = typeof subsidyContracts.$inferSelect;

export function termsOf(
  c: Pick<ContractRow, 'basis' | 'startsOn' | 'endsOn' | 'endedOn' | 'weeklyHours' | 'wageBasis' | 'agreedHourlyCents'>,
): ContractTerms {
  return {
    basis: c.basis,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    endedOn: c.endedOn,
    weeklyHours: Number(c.weeklyHours),
    wageBasis: c.wageBasis,
    agreedHourlyCents: c.agreedHourlyCents,
  };
}

/** The months of a schedule split into the integration-budget part and the PAT part. */
export function fundingMonths(terms: ContractTerms, patShareBp: number) {
  const integration: { month: string; cents: number }[] = [];
  const pat: { month: string; cents: number }[] = [];
  for (const m of schedule(terms)) {
    const s = splitPat(m.cents, patShareBp);
    integration.push({ month: m.month, cents: s.integrationCents });
    if (patShareBp > 0) pat.push({ month: m.month, cents: s.patCents });
  }
  return { integration, pat };
}

export const instrumentOf = (basis: SubsidyBasis) => (basis === '16i' ? ('teilhabe_16i' as const) : ('elb_16e' as const));

/** § 16i / § 16e: eligibility, contracts, schedule and payments, coaching (permissions subsidy.*). */
export function subsidiesService(db: Database) {
  const actorOf = (caller: Caller): Actor => ({
    tenantId: caller.tenantId,
    staffId: caller.staffId,
    roles: caller.roles,
    requestId: caller.requestId,
  });
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

  async function personInScope(caller: Caller, personId: string, permission: Permission) {
    const [p] = await loadPersonBasics(db, caller.tenantId, [personId]);
    if (!p) throw new NotFoundError(PERSON_NOT_FOUND);
    const teams = teamScope(caller, permission);
    if (teams !== 'all' && !teams.includes(p.teamId ?? '-'))
      throw new ScopeDeniedError('person', personId, permission, PERSON_NOT_FOUND);
    return p;
  }

  /** Reads the contract and checks the person's scope (outside any transaction: PGlite has one connection). */
  async function contractInScope(caller: Caller, id: string, permission: Permission) {
    const [c] = await db.orm
      .select()
      .from(subsidyContracts)
      .where(and(eq(subsidyContracts.tenantId, caller.tenantId), eq(subsidyContracts.id, id)));
    if (!c) throw new NotFoundError(CONTRACT_NOT_FOUND);
    try {
      await personInScope(caller, c.personId, permission);
    } catch (e) {
      if (e instanceof NotFoundError) throw new ScopeDeniedError('subsidy_contract', id, permission, CONTRACT_NOT_FOUND);
      throw e;
    }
    return c;
  }

  /** The contract row again inside the transaction, locked against concurrent changes. */
  async function lockContract(tx: Executor, tenantId: string, id: string): Promise<ContractRow> {
    const [c] = await tx
      .select()
      .from(subsidyContracts)
      .where(and(eq(subsidyContracts.tenantId, tenantId), eq(subsidyContracts.id, id)))
      .for('update');
    if (!c) throw new NotFoundError(CONTRACT_NOT_FOUND);
    return c;
  }

  async function eligibilityOf(tenantId: string, personId: string, basis: SubsidyBasis, day: string): Promise<EligibilityResult> {
    const [facts] = await loadPersonFacts(db, tenantId, { personId });
    if (!facts) throw new NotFoundError(PERSON_NOT_FOUND);
    return checkEligibility(basis, facts, day);
  }

  const service = {
    async eligibility(caller: Caller, personId: string, basis: SubsidyBasis, day = todayInGermany()) {
      await personInScope(caller, personId, 'subsidy.read');
      return eligibilityOf(caller.tenantId, personId, basis, day);
    },

    async contracts(caller: Caller, filter: { basis?: SubsidyBasis; activeOn?: string; personId?: string }) {
      assertPermission(caller, 'subsidy.read');
      const list = await db.rows<{
        id: string;
        personId: string;
        basis: SubsidyBasis;
        employer: string;
        startsOn: string;
        endsOn: string;
        endedOn: string | null;
        weeklyHours: string;
        eligible: string;
      }>(
        sql`SELECT id, person_id AS "personId", basis, employer, starts_on AS "startsOn", ends_on AS "endsOn", ended_on AS "endedOn",
                   weekly_hours AS "weeklyHours", eligible
              FROM subsidy_contracts WHERE tenant_id = ${caller.tenantId}
               ${filter.basis ? sql`AND basis = ${filter.basis}` : sql``}
               ${filter.personId ? sql`AND person_id = ${filter.personId}` : sql``}
               ${filter.activeOn ? sql`AND starts_on <= ${filter.activeOn}::date AND COALESCE(ended_on, ends_on) > ${filter.activeOn}::date` : sql``}
             ORDER BY starts_on DESC, id LIMIT 1000`,
      );
      const persons = new Map(
        (await loadPersonBasics(db, caller.tenantId, [...new Set(list.map((c) => c.personId))])).map((p) => [p.id, p]),
      );
      const teams = teamScope(caller, 'subsidy.read');
      return list
        .filter((c) => teams === 'all' || teams.includes(persons.get(c.personId)?.teamId ?? '-'))
        .map((c) => {
          const p = persons.get(c.personId);
          return {
            ...c,
            weeklyHours: Number(c.weeklyHours),
            customerNumber: p?.customerNumber ?? '',
            personName: p ? `${p.familyName}, ${p.givenNames}` : '',
            sex: p?.sex ?? 'd',
          };
        });
    },

    async contract(caller: Caller, id: string) {
      const c = await contractInScope(caller, id, 'subsidy.read');
      const [p] = await loadPersonBasics(db, caller.tenantId, [c.personId]);
      const terms = termsOf(c);
      const plan = schedule(terms);
      const commitments = await commitmentsOf(db.orm, caller.tenantId, 'subsidy', id);
      const details = await commitmentDetails(
        db.orm,
        caller.tenantId,
        commitments.map((x) => x.id),
      );
      const paidFor = new Map<string, number>();
      for (const pay of details.payments)
        if (pay.forMonth) paidFor.set(pay.forMonth, (paidFor.get(pay.forMonth) ?? 0) + pay.cents);
      const coaching = await db.rows<{ id: string; heldOn: string; minutes: number }>(
        sql`SELECT id, held_on AS "heldOn", minutes FROM subsidy_coaching WHERE tenant_id = ${caller.tenantId} AND contract_id = ${id} ORDER BY held_on`,
      );
      return {
        ...c,
        weeklyHours: Number(c.weeklyHours),
        customerNumber: p?.customerNumber ?? '',
        personName: p ? `${p.familyName}, ${p.givenNames}` : '',
        schedule: plan.map((m) => ({ ...m, ...splitPat(m.cents, c.patShareBp), paidCents: paidFor.get(m.month) ?? 0 })),
        commitments: commitments.map((x) => ({ ...x, committed: Number(x.committed), paid: Number(x.paid) })),
        payments: details.payments,
        coaching,
        coachingHours: coaching.reduce((a, s) => a + s.minutes, 0) / 60,
      };
    },

    async createContract(caller: Caller, input: z.infer<typeof contractCreate>) {
      assertPermission(caller, 'subsidy.write');
      await personInScope(caller, input.personId, 'subsidy.write');
      const result = await eligibilityOf(caller.tenantId, input.personId, input.basis, input.startsOn);
      if (!result.eligible) {
        const failing = result.criteria.filter((c) => !c.met);
        if (!input.eligibilityOverrideReason)
          throw new ValidationError(
            failing.map((c) => ({ field: 'personId', message: `${c.label}: nicht erfüllt – ${c.detail}` })),
            `Die Person erfüllt die Voraussetzungen für § ${input.basis} SGB II am ${input.startsOn} nicht. Eine Förderung ist nur mit Begründung und Berechtigung möglich.`,
          );
        if (!can(caller, 'subsidy.override'))
          throw new ForbiddenError(
            'Eine Förderung trotz fehlender Voraussetzungen darf nur bewilligen, wer die Berechtigung dazu hat.',
          );
      }
      const id = uuidv7();
      const endsOn = addDays(input.endsOnInclusive, 1);
      const terms: ContractTerms = { ...input, endsOn, endedOn: null };
      if (toDay(endsOn) - toDay(input.startsOn) < 1)
        throw new ValidationError([{ field: 'endsOnInclusive', message: 'Vertrag zu kurz' }]);
      await db.orm.transaction(async (tx) => {
        await tx.insert(subsidyContracts).values({
          tenantId: caller.tenantId,
          id,
          personId: input.personId,
          basis: input.basis,
          employer: input.employer,
          startsOn: input.startsOn,
          endsOn,
          weeklyHours: String(input.weeklyHours),
          wageBasis: input.wageBasis,
          agreedHourlyCents: input.agreedHourlyCents ?? null,
          patShareBp: input.patShareBp,
          ruleVersion: result.version?.id ?? 'none',
          eligible: result.eligible ? 'yes' : 'no',
          overrideReason: result.eligible ? null : (input.eligibilityOverrideReason ?? null),
          createdBy: caller.staffId,
        });
        await audit(tx, caller, 'subsidy.contract.create', 'subsidy_contract', id);
        if (!result.eligible)
          await audit(
            tx,
            caller,
            'subsidy.contract.override',
            'subsidy_contract',
            id,
            'Förderung trotz fehlender Voraussetzungen',
          );
        await bookCommitments(tx, actorOf(caller), id, input.basis, terms, input.patShareBp, input.budgetOverrideReason ?? null);
      });
      return { id, eligibility: result };
    },

    async endContract(caller: Caller, id: string, lastDay: string, expectedVersion: number) {
      await contractInScope(caller, id, 'subsidy.write');
      return db.orm.transaction(async (tx) => {
        const c = await lockContract(tx, caller.tenantId, id);
        if (c.version !== expectedVersion)
          throw new ConflictError('Der Vertrag wurde inzwischen geändert. Bitte laden Sie die Seite neu.');
        const endedOn = addDays(lastDay, 1);
        if (endedOn <= c.startsOn)
          throw new ValidationError([{ field: 'lastDay', message: 'Letzter Arbeitstag liegt vor dem Beginn' }]);
        if (endedOn > c.endsOn)
          throw new ValidationError([{ field: 'lastDay', message: 'Letzter Arbeitstag liegt nach dem vereinbarten Ende' }]);
        await tx
          .update(subsidyContracts)
          .set({ endedOn, version: c.version + 1 })
          .where(and(eq(subsidyContracts.tenantId, caller.tenantId), eq(subsidyContracts.id, id)));
        const months = fundingMonths({ ...termsOf(c), endedOn }, c.patShareBp);
        let released = 0;
        for (const com of await commitmentsOf(tx, caller.tenantId, 'subsidy', id)) {
          const target =
            (await sourceOfKind(tx, caller.tenantId, 'pat')) === com.sourceId && c.patShareBp > 0
              ? months.pat
              : months.integration;
          released -= (await reviseMonthsTx(tx, actorOf(caller), com.id, target)).changeCents;
        }
        await audit(tx, caller, 'subsidy.contract.end', 'subsidy_contract', id);
        return { version: c.version + 1, releasedCents: released };
      });
    },

    /** Pays what is still due for a month of the schedule, on each funding commitment. */
    async payMonth(caller: Caller, id: string, month: string, paidOn: string) {
      await contractInScope(caller, id, 'subsidy.write');
      return db.orm.transaction(async (tx) => {
        const c = await lockContract(tx, caller.tenantId, id);
        let total = 0;
        for (const com of await commitmentsOf(tx, caller.tenantId, 'subsidy', id)) {
          const [due] = await tx
            .execute(
              sql`SELECT cents FROM budget_commitment_months WHERE tenant_id = ${caller.tenantId} AND commitment_id = ${com.id} AND month = ${`${month}-01`}::date`,
            )
            .then((r) => (r as unknown as { rows: { cents: number }[] }).rows);
          const already = (await paidByMonth(tx, caller.tenantId, com.id)).get(month) ?? 0;
          const cents = Number(due?.cents ?? 0) - already;
          if (cents > 0) {
            await payTx(tx, actorOf(caller), com.id, { paidOn, cents, forMonth: month, reference: `Zuschuss ${month}` });
            total += cents;
          }
        }
        if (total === 0) throw new ValidationError([{ field: 'month', message: `Für ${month} ist nichts (mehr) zu zahlen` }]);
        await audit(tx, caller, 'subsidy.payment.create', 'subsidy_contract', c.id);
        return { paidCents: total };
      });
    },

    async addCoaching(caller: Caller, id: string, input: z.infer<typeof coachingInput>) {
      await contractInScope(caller, id, 'subsidy.write');
      return db.orm.transaction(async (tx) => {
        const c = await lockContract(tx, caller.tenantId, id);
        if (input.heldOn < c.startsOn || input.heldOn >= (c.endedOn ?? c.endsOn))
          throw new ValidationError([{ field: 'heldOn', message: 'Datum liegt außerhalb der Vertragslaufzeit' }]);
        const coachingId = uuidv7();
        await tx.insert(subsidyCoaching).values({
          tenantId: caller.tenantId,
          id: coachingId,
          contractId: id,
          heldOn: input.heldOn,
          minutes: Math.round(input.hours * 60),
          createdBy: caller.staffId,
        });
        await audit(tx, caller, 'subsidy.coaching.create', 'subsidy_contract', id);
        return { id: coachingId };
      });
    },

    async coachingAverage(caller: Caller, month: string) {
      assertPermission(caller, 'subsidy.read');
      return coachingAverage(db, caller.tenantId, month);
    },

    async jobsTable(caller: Caller, date: string) {
      assertPermission(caller, 'subsidy.read');
      return subsidisedJobsTable(db, caller.tenantId, date);
    },
  };

  return service;
}

export type SubsidiesService = ReturnType<typeof subsidiesService>;

/** Books the schedule as commitments: the PAT share to the PAT source, the rest to the integration budget. */
export async function bookCommitments(
  tx: Executor,
  actor: Actor,
  contractId: string,
  basis: SubsidyBasis,
  terms: ContractTerms,
  patShareBp: number,
  overrideReason: string | null,
  opts: { unchecked?: boolean } = {},
) {
  const integrationId = await sourceOfKind(tx, actor.tenantId, 'integration');
  if (!integrationId)
    throw new ValidationError([{ field: 'basis', message: 'Für dieses Jobcenter ist noch kein Eingliederungsbudget angelegt' }]);
  const months = fundingMonths(terms, patShareBp);
  const label = basis === '16i' ? 'Lohnkostenzuschuss § 16i SGB II' : 'Lohnkostenzuschuss § 16e SGB II';
  const ids: { integration: string; pat?: string } = {
    integration: (
      await commitTx(tx, actor, {
        sourceId: integrationId,
        instrument: instrumentOf(basis),
        origin: 'subsidy',
        originRef: contractId,
        description: label,
        months: months.integration,
        overrideReason,
        unchecked: opts.unchecked,
      })
    ).id,
  };
  if (patShareBp > 0) {
    const patId = await sourceOfKind(tx, actor.tenantId, 'pat');
    if (!patId)
      throw new ValidationError([{ field: 'patShareBp', message: 'Für dieses Jobcenter ist keine PAT-Mittelherkunft angelegt' }]);
    ids.pat = (
      await commitTx(tx, actor, {
        sourceId: patId,
        instrument: instrumentOf(basis),
        origin: 'subsidy',
        originRef: contractId,
        description: `${label} (PAT-Anteil)`,
        months: months.pat,
        overrideReason,
        unchecked: opts.unchecked,
      })
    ).id;
  }
  return ids;
}

/**
 * Subsidised jobs on a reference date by basis and sex (Eingliederungsbericht 5.3): contracts running on
 * `date` (start ≤ date < end or early end).
 */
export async function subsidisedJobsTable(db: Database, tenantId: string, date: string) {
  const contracts = await db.rows<{ personId: string; basis: SubsidyBasis }>(
    sql`SELECT person_id AS "personId", basis FROM subsidy_contracts
         WHERE tenant_id = ${tenantId} AND starts_on <= ${date}::date AND COALESCE(ended_on, ends_on) > ${date}::date`,
  );
  const sex = new Map(
    (await loadPersonBasics(db, tenantId, [...new Set(contracts.map((c) => c.personId))])).map((p) => [p.id, p.sex]),
  );
  const rows = (['16i', '16e'] as const).map((b) => ({ basis: b, men: 0, women: 0, diverse: 0, total: 0 }));
  for (const c of contracts) {
    const row = rows.find((r) => r.basis === c.basis);
    if (!row) continue;
    const s = sex.get(c.personId);
    if (s === 'm') row.men++;
    else if (s === 'w') row.women++;
    else row.diverse++;
    row.total++;
  }
  return { date, rows };
}

/**
 * Average coaching hours per person in a month: coaching minutes held in the month ÷ 60 ÷ persons with a
 * contract running on at least one day of the month (everyone funded counts, coached or not).
 */
export async function coachingAverage(db: Database, tenantId: string, month: string) {
  const first = `${month}-01`;
  const [r] = await db.rows<{ minutes: number; persons: number }>(
    sql`SELECT
          COALESCE((SELECT sum(minutes) FROM subsidy_coaching WHERE tenant_id = ${tenantId}
                     AND held_on >= ${first}::date AND held_on < (${first}::date + interval '1 month')), 0)::int8 AS minutes,
          (SELECT count(DISTINCT person_id) FROM subsidy_contracts WHERE tenant_id = ${tenantId}
                     AND starts_on < (${first}::date + interval '1 month') AND COALESCE(ended_on, ends_on) > ${first}::date)::int8 AS persons`,
  );
  const minutes = Number(r?.minutes ?? 0);
  const persons = Number(r?.persons ?? 0);
  return { month, persons, hours: minutes / 60, averageHours: persons ? Math.round((minutes / 60 / persons) * 100) / 100 : 0 };
}
