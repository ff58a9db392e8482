import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppTx, Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { addDays, formatGerman, toDay } from '../../lib/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.ts';
import { todayInGermany } from '../../lib/today.ts';
import { appendAudit } from '../audit/service.ts';
import { assertTeamAccess, type Caller, can, teamScope } from '../auth/caller.ts';
import type { Permission } from '../auth/permissions.ts';
import {
  enterMeasureStatusTx,
  leaveMeasureStatusTx,
  personForMeasures,
  personLabels,
  personTeamTx,
} from '../people/measure-status.ts';
import { type MeasureBudgetPort, noBudget } from './budget-port.ts';
import { type ExitReason, LEGAL_BASES, type LegalBasis, type Outcome, TARGET_GROUP_CODES } from './code-lists.ts';
import type {
  agreeInput,
  entryInput,
  exitInput,
  measureFilter,
  measureInput,
  measureUpdate,
  outcomeInput,
  proposeInput,
  providerInput,
  providerUpdate,
  qualityNoteInput,
} from './model.ts';
import {
  assignmentCostSchedule,
  compareWaiting,
  type EvaluatedAssignment,
  entryProblems,
  evaluate,
  exitProblems,
  fitsTargetGroups,
  missingGroupsText,
  occupancyByWeek,
  placeDecision,
  plannedEndFor,
  targetGroupsOf,
  weekStart,
} from './rules.ts';
import { measureAssignments, measureProviders, measureQualityNotes, measures } from './schema.ts';

const PERSON_NOT_FOUND = 'Diese Person gibt es nicht oder sie liegt nicht in Ihrem Zuständigkeitsbereich.';
const ASSIGNMENT_NOT_FOUND = 'Diese Zuweisung gibt es nicht oder sie liegt nicht in Ihrem Zuständigkeitsbereich.';
const MEASURE_NOT_FOUND = 'Diese Maßnahme gibt es nicht.';
const STALE =
  'Diese Zuweisung wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu und prüfen Sie den Stand.';

export interface MeasuresOptions {
  /** The budget module's hook (#7); default: no budget check. */
  budget?: MeasureBudgetPort;
  /** "Today" for rules that need it (tests). */
  today?: () => string;
}

type Assignment = typeof measureAssignments.$inferSelect;
type Measure = typeof measures.$inferSelect;

/** Providers, measures, assignments and their evaluation. Every change is audited in its transaction. */
export function measuresService(db: Database, opts: MeasuresOptions = {}) {
  const budget = opts.budget ?? noBudget;
  const today = opts.today ?? todayInGermany;

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

  async function assertPersonScope(tx: Executor, caller: Caller, personId: string, permission: Permission) {
    const person = await personTeamTx(tx, caller.tenantId, personId);
    if (!person) throw new NotFoundError(PERSON_NOT_FOUND);
    if (can(caller, permission) !== 'tenant')
      assertTeamAccess(caller, permission, person.teamId ?? '-', { type: 'person', id: personId, notFound: PERSON_NOT_FOUND });
  }

  async function loadMeasure(tx: Executor, tenantId: string, id: string, lock = false): Promise<Measure> {
    const q = tx
      .select()
      .from(measures)
      .where(and(eq(measures.tenantId, tenantId), eq(measures.id, id)));
    // the row lock serialises everyone taking a place in this measure (no overbooking, also on PostgreSQL)
    const [row] = lock ? await q.for('update') : await q;
    if (!row) throw new NotFoundError(MEASURE_NOT_FOUND);
    return row;
  }

  /** The assignment, after checking that the caller may act on its person. */
  async function loadAssignment(tx: Executor, caller: Caller, id: string, permission: Permission): Promise<Assignment> {
    const [row] = await tx
      .select()
      .from(measureAssignments)
      .where(and(eq(measureAssignments.tenantId, caller.tenantId), eq(measureAssignments.id, id)));
    if (!row) throw new NotFoundError(ASSIGNMENT_NOT_FOUND);
    const person = await personTeamTx(tx, caller.tenantId, row.personId);
    if (can(caller, permission) !== 'tenant')
      assertTeamAccess(caller, permission, person?.teamId ?? '-', {
        type: 'measure_assignment',
        id,
        notFound: ASSIGNMENT_NOT_FOUND,
      });
    return row;
  }

  function assertState(a: Assignment, allowed: Assignment['state'][], what: string) {
    if (!allowed.includes(a.state))
      throw new ValidationError(
        [{ field: 'state', message: `${what} ist im Stand „${STATE_TEXT[a.state]}“ nicht möglich` }],
        `${what} ist in diesem Stand nicht möglich.`,
      );
  }

  async function saveAssignment(tx: Executor, caller: Caller, a: Assignment, expected: number, changes: Partial<Assignment>) {
    const [row] = await tx
      .update(measureAssignments)
      .set({ ...changes, version: sql`${measureAssignments.version} + 1` })
      .where(
        and(
          eq(measureAssignments.tenantId, caller.tenantId),
          eq(measureAssignments.id, a.id),
          eq(measureAssignments.version, expected),
        ),
      )
      .returning();
    if (!row) throw new ConflictError(STALE);
    return row;
  }

  function assertLegalBasisValid(legalBasis: LegalBasis, contractFrom: string, contractUntil: string | null | undefined) {
    const basis: { validFrom: string; validTo: string | null } = LEGAL_BASES[legalBasis];
    const until = contractUntil ?? '9999-12-31';
    if (contractFrom < basis.validFrom || (basis.validTo !== null && until >= basis.validTo))
      throw new ValidationError([
        {
          field: 'legalBasis',
          message: `Die Rechtsgrundlage gilt erst ab ${formatGerman(basis.validFrom)}${basis.validTo ? ` und nur bis ${formatGerman(addDays(basis.validTo, -1))}` : ''}; die Vertragslaufzeit liegt außerhalb`,
        },
      ]);
    if (contractUntil && contractUntil < contractFrom)
      throw new ValidationError([{ field: 'contractUntil', message: 'Das Vertragsende liegt vor dem Vertragsbeginn' }]);
  }

  /** Occupied places, waiting list and entries of a measure, inside the lock. */
  async function placesOf(tx: Executor, tenantId: string, measureId: string) {
    const rows = await db.rows<{ id: string; state: string; inTargetGroup: boolean; waitingSince: string | null }>(
      sql`SELECT id, state, in_target_group AS "inTargetGroup", waiting_since AS "waitingSince"
            FROM measure_assignments WHERE tenant_id = ${tenantId} AND measure_id = ${measureId} AND state IN ('active', 'waiting')`,
      tx,
    );
    return {
      occupied: rows.filter((r) => r.state === 'active').length,
      waiting: rows
        .filter((r) => r.state === 'waiting')
        .map((r) => ({
          id: r.id,
          inTargetGroup: r.inTargetGroup,
          waitingSince: new Date(r.waitingSince as string).toISOString(),
        })),
    };
  }

  const service = {
    // ---- providers ----
    async listProviders(caller: Caller) {
      return db.orm
        .select()
        .from(measureProviders)
        .where(eq(measureProviders.tenantId, caller.tenantId))
        .orderBy(measureProviders.name);
    },

    async createProvider(caller: Caller, input: z.infer<typeof providerInput>) {
      const id = uuidv7();
      await db.orm.transaction(async (tx) => {
        await tx.insert(measureProviders).values({ tenantId: caller.tenantId, id, name: input.name, contacts: input.contacts });
        await audit(tx, caller, 'measure_provider.create', 'measure_provider', id);
      });
      return { id };
    },

    async updateProvider(caller: Caller, id: string, input: z.infer<typeof providerUpdate>) {
      return db.orm.transaction(async (tx) => {
        const { version: expected, ...changes } = input;
        const [row] = await tx
          .update(measureProviders)
          .set({ ...changes, version: sql`${measureProviders.version} + 1` })
          .where(
            and(
              eq(measureProviders.tenantId, caller.tenantId),
              eq(measureProviders.id, id),
              eq(measureProviders.version, expected),
            ),
          )
          .returning({ version: measureProviders.version });
        if (!row) throw new ConflictError('Dieser Träger wurde inzwischen geändert (oder gibt es nicht). Bitte neu laden.');
        await audit(tx, caller, 'measure_provider.update', 'measure_provider', id);
        return row;
      });
    },

    // ---- measures ----
    async listMeasures(caller: Caller, filter: z.infer<typeof measureFilter> = { freeOnly: false }) {
      const rows = await db.rows<MeasureListRow>(sql`
        SELECT m.id, m.name, m.site, m.legal_basis AS "legalBasis", m.target_groups AS "targetGroups", m.places,
               m.weekly_entry_limit AS "weeklyEntryLimit", m.entry_weekdays AS "entryWeekdays",
               m.duration_value AS "durationValue", m.duration_unit AS "durationUnit", m.schedule_kind AS "scheduleKind",
               m.schedule_note AS "scheduleNote", m.days_per_week AS "daysPerWeek", m.childcare_on_site AS "childcareOnSite",
               m.cost_per_month_cents AS "costPerMonthCents", m.contract_from AS "contractFrom",
               (m.contract_to - 1) AS "contractUntil",
               m.integration_target_percent AS "integrationTargetPercent", p.id AS "providerId", p.name AS "providerName",
               count(a.id) FILTER (WHERE a.state = 'active')::int AS occupied,
               count(a.id) FILTER (WHERE a.state = 'waiting')::int AS waiting
          FROM measures m JOIN measure_providers p ON p.tenant_id = m.tenant_id AND p.id = m.provider_id
          LEFT JOIN measure_assignments a ON a.tenant_id = m.tenant_id AND a.measure_id = m.id AND a.state IN ('active', 'waiting')
         WHERE m.tenant_id = ${caller.tenantId}
           ${filter.q ? sql`AND (m.name ILIKE ${`%${filter.q}%`} OR p.name ILIKE ${`%${filter.q}%`})` : sql``}
           ${filter.targetGroup ? sql`AND ${filter.targetGroup} = ANY(m.target_groups)` : sql``}
           ${filter.site ? sql`AND m.site ILIKE ${`%${filter.site}%`}` : sql``}
         GROUP BY m.tenant_id, m.id, p.tenant_id, p.id
         ORDER BY m.name`);
      const list = rows.map((r) => ({ ...r, free: Math.max(0, r.places - r.occupied) }));
      return filter.freeOnly ? list.filter((r) => r.free > 0) : list;
    },

    async createMeasure(caller: Caller, input: z.infer<typeof measureInput>) {
      assertLegalBasisValid(input.legalBasis, input.contractFrom, input.contractUntil);
      const id = uuidv7();
      await db.orm.transaction(async (tx) => {
        const [provider] = await tx
          .select({ id: measureProviders.id })
          .from(measureProviders)
          .where(and(eq(measureProviders.tenantId, caller.tenantId), eq(measureProviders.id, input.providerId)));
        if (!provider) throw new ValidationError([{ field: 'providerId', message: 'Diesen Träger gibt es nicht' }]);
        const { contractUntil, ...rest } = input;
        await tx.insert(measures).values({
          ...rest,
          tenantId: caller.tenantId,
          id,
          contractTo: contractUntil ? addDays(contractUntil, 1) : null,
        });
        await audit(tx, caller, 'measure.create', 'measure', id);
      });
      return { id };
    },

    async updateMeasure(caller: Caller, id: string, input: z.infer<typeof measureUpdate>) {
      return db.orm.transaction(async (tx) => {
        const current = await loadMeasure(tx, caller.tenantId, id, true);
        const { version: expected, contractUntil, ...rest } = input;
        const merged = {
          legalBasis: (rest.legalBasis ?? current.legalBasis) as LegalBasis,
          contractFrom: rest.contractFrom ?? current.contractFrom,
          contractUntil:
            contractUntil !== undefined ? contractUntil : current.contractTo ? addDays(current.contractTo, -1) : null,
        };
        assertLegalBasisValid(merged.legalBasis, merged.contractFrom, merged.contractUntil);
        const changes: Partial<Measure> = { ...rest };
        if (contractUntil !== undefined) changes.contractTo = contractUntil ? addDays(contractUntil, 1) : null;
        const [row] = await tx
          .update(measures)
          .set({ ...changes, version: sql`${measures.version} + 1` })
          .where(and(eq(measures.tenantId, caller.tenantId), eq(measures.id, id), eq(measures.version, expected)))
          .returning({ version: measures.version });
        if (!row)
          throw new ConflictError('Diese Maßnahme wurde inzwischen geändert. Bitte laden Sie die Seite neu.', {
            current: current.version,
          });
        await audit(tx, caller, 'measure.update', 'measure', id);
        return row;
      });
    },

    /** Measure with provider, occupancy by week, waiting list (names only for the caller's own persons). */
    async getMeasure(caller: Caller, id: string, weeks = 16) {
      const measure = await loadMeasure(db.orm, caller.tenantId, id);
      const [provider] = await db.orm
        .select()
        .from(measureProviders)
        .where(and(eq(measureProviders.tenantId, caller.tenantId), eq(measureProviders.id, measure.providerId)));
      const list = await db.orm
        .select()
        .from(measureAssignments)
        .where(and(eq(measureAssignments.tenantId, caller.tenantId), eq(measureAssignments.measureId, id)));
      const day = today();
      const firstWeek = addDays(weekStart(day), -7 * (weeks - 1));
      const entered = list.filter((a) => a.entryDate !== null) as (Assignment & { entryDate: string })[];
      const occupancy = occupancyByWeek(entered, firstWeek, weeks);
      const waiting = list
        .filter((a) => a.state === 'waiting')
        .map((a) => ({
          a,
          w: { id: a.id, inTargetGroup: a.inTargetGroup, waitingSince: (a.waitingSince as Date).toISOString() },
        }))
        .sort((x, y) => compareWaiting(x.w, y.w));
      const visible = teamScope(caller, 'assignment.read');
      const ids = [
        ...new Set([...waiting.map((x) => x.a.personId), ...list.filter((a) => a.state === 'active').map((a) => a.personId)]),
      ];
      const labels = visible === 'all' || visible.length ? await personLabels(db, caller.tenantId, ids) : new Map();
      const label = (personId: string) => {
        const l = labels.get(personId);
        return l && (visible === 'all' || (l.teamId && visible.includes(l.teamId))) ? `${l.name} (${l.customerNumber})` : null;
      };
      const occupied = list.filter((a) => a.state === 'active').length;
      const { contractTo, ...m } = measure;
      return {
        measure: { ...m, contractUntil: contractTo ? addDays(contractTo, -1) : null },
        provider,
        occupied,
        free: Math.max(0, measure.places - occupied),
        occupancy,
        waitingList: waiting.map(({ a }, i) => ({
          position: i + 1,
          assignmentId: a.id,
          inTargetGroup: a.inTargetGroup,
          waitingSince: (a.waitingSince as Date).toISOString(),
          person: label(a.personId),
        })),
        participants: list
          .filter((a) => a.state === 'active' && label(a.personId))
          .map((a) => ({ assignmentId: a.id, person: label(a.personId), entryDate: a.entryDate, plannedEnd: a.plannedEnd })),
        /** Person ids shown by name, for the read audit. */
        shownPersonIds: ids.filter((p) => label(p)),
        qualityNotes:
          can(caller, 'measure.evaluate') || can(caller, 'measure.manage') ? await service.qualityNotes(caller, id) : [],
      };
    },

    async qualityNotes(caller: Caller, measureId: string) {
      return db.rows<{ id: string; meetingOn: string; note: string; author: string }>(sql`
        SELECT n.id, n.meeting_on AS "meetingOn", n.note, s.display_name AS author
          FROM measure_quality_notes n JOIN staff s ON s.tenant_id = n.tenant_id AND s.id = n.author_id
         WHERE n.tenant_id = ${caller.tenantId} AND n.measure_id = ${measureId} ORDER BY n.meeting_on DESC`);
    },

    async addQualityNote(caller: Caller, measureId: string, input: z.infer<typeof qualityNoteInput>) {
      const id = uuidv7();
      await db.orm.transaction(async (tx) => {
        await loadMeasure(tx, caller.tenantId, measureId);
        await tx
          .insert(measureQualityNotes)
          .values({ tenantId: caller.tenantId, id, measureId, authorId: caller.staffId, ...input });
        await audit(tx, caller, 'measure_quality_note.create', 'measure', measureId);
      });
      return { id };
    },

    /**
     * Evaluation for [from, to]: per measure and per provider entries, exits, dropout rate, share of
     * exits into work or training, integration rate within 6 months after exit (overall, by sex, by
     * group, against the contract's target) and the average weekly occupancy. Aggregates only.
     */
    async evaluation(caller: Caller, fromIn?: string, toIn?: string) {
      let from = fromIn;
      let to = toIn;
      if (!from || !to) {
        // default: the latest calendar year with exits (the demo's history ends in 2020), at most this year
        const [row] = await db.rows<{ y: number | null }>(
          sql`SELECT max(extract(year FROM exit_date))::int AS y FROM measure_assignments WHERE tenant_id = ${caller.tenantId}`,
        );
        const year = Math.min(Number(today().slice(0, 4)), row?.y ?? Number(today().slice(0, 4)));
        from = from ?? `${year}-01-01`;
        to = to ?? `${year}-12-31`;
      }
      if (to < from) throw new ValidationError([{ field: 'to', message: 'Das Ende liegt vor dem Beginn' }]);
      const ms = await service.listMeasures(caller);
      const rows = await db.rows<{
        measureId: string;
        entryDate: string;
        exitDate: string | null;
        exitReason: ExitReason | null;
        outcome: Outcome | null;
        sex: 'm' | 'w' | 'd';
        groups: string[];
      }>(sql`
        SELECT measure_id AS "measureId", entry_date AS "entryDate", exit_date AS "exitDate", exit_reason AS "exitReason",
               outcome, person_sex AS sex, person_groups AS groups
          FROM measure_assignments
         WHERE tenant_id = ${caller.tenantId} AND entry_date IS NOT NULL AND entry_date <= ${to}::date
           AND (exit_date IS NULL OR exit_date >= ${from}::date)`);
      const day = today();
      const firstWeek = weekStart(from);
      const weeks = Math.min(260, Math.floor((toDay(to) - toDay(firstWeek)) / 7) + 1);
      const report = (list: EvaluatedAssignment[]) => ({
        ...evaluate(list, from, to, day),
        bySex: Object.fromEntries(
          (['m', 'w', 'd'] as const).map((x) => [
            x,
            evaluate(
              list.filter((a) => a.sex === x),
              from,
              to,
              day,
            ),
          ]),
        ),
        byGroup: Object.fromEntries(
          TARGET_GROUP_CODES.map((g) => [
            g,
            evaluate(
              list.filter((a) => a.groups.includes(g)),
              from,
              to,
              day,
            ),
          ]),
        ),
      });
      const byMeasure = new Map<string, EvaluatedAssignment[]>();
      for (const r of rows) {
        const list = byMeasure.get(r.measureId) ?? [];
        list.push(r);
        byMeasure.set(r.measureId, list);
      }
      const measuresOut = ms.map((m) => {
        const list = byMeasure.get(m.id) ?? [];
        const weekly = occupancyByWeek(list, firstWeek, weeks);
        const avg = weekly.length ? weekly.reduce((s, w) => s + w.participants, 0) / weekly.length : 0;
        const r = report(list);
        return {
          measureId: m.id,
          name: m.name,
          providerId: m.providerId,
          providerName: m.providerName,
          places: m.places,
          averageParticipants: Math.round(avg * 10) / 10,
          averageOccupancyPercent: Math.round((1000 * avg) / m.places) / 10,
          integrationTargetPercent: m.integrationTargetPercent,
          ...r,
        };
      });
      const providers = new Map<string, { providerId: string; name: string; list: EvaluatedAssignment[] }>();
      for (const m of ms) {
        const p = providers.get(m.providerId) ?? { providerId: m.providerId, name: m.providerName, list: [] };
        p.list.push(...(byMeasure.get(m.id) ?? []));
        providers.set(m.providerId, p);
      }
      return {
        from,
        to,
        today: day,
        measures: measuresOut.map((m) => ({
          ...m,
          meetsTarget:
            m.integrationTargetPercent === null || m.integrationRate === null
              ? null
              : m.integrationRate >= m.integrationTargetPercent,
        })),
        providers: [...providers.values()].map((p) => ({
          providerId: p.providerId,
          name: p.name,
          ...evaluate(p.list, from, to, day),
        })),
      };
    },

    // ---- assignments ----
    async personAssignments(caller: Caller, personId: string) {
      await assertPersonScope(db.orm, caller, personId, 'assignment.read');
      return db.rows<PersonAssignmentRow>(sql`
        SELECT a.id, a.measure_id AS "measureId", m.name AS "measureName", p.name AS "providerName", a.state,
               a.assigned_on AS "assignedOn", a.planned_entry AS "plannedEntry", a.planned_end AS "plannedEnd",
               a.agreed_on AS "agreedOn", a.customer_choice AS "customerChoice", a.customer_reasons AS "customerReasons",
               a.target_group_override AS "targetGroupOverride", a.in_target_group AS "inTargetGroup",
               a.entry_date AS "entryDate", a.exit_date AS "exitDate", a.exit_reason AS "exitReason",
               a.outcome, a.outcome_on AS "outcomeOn", a.note, a.version
          FROM measure_assignments a
          JOIN measures m ON m.tenant_id = a.tenant_id AND m.id = a.measure_id
          JOIN measure_providers p ON p.tenant_id = m.tenant_id AND p.id = m.provider_id
         WHERE a.tenant_id = ${caller.tenantId} AND a.person_id = ${personId}
         ORDER BY a.assigned_on DESC, a.id DESC`);
    },

    async getAssignment(caller: Caller, id: string) {
      return loadAssignment(db.orm, caller, id, 'assignment.read');
    },

    /**
     * Proposal: the person's groups are taken on the day of the assignment. Outside the measure's target
     * groups the proposal is refused with a warning unless a reason is given; the override is audited.
     */
    async propose(caller: Caller, input: z.infer<typeof proposeInput>) {
      const facts = await personForMeasures(db, caller.tenantId, input.personId, input.assignedOn);
      if (!facts) throw new NotFoundError(PERSON_NOT_FOUND);
      const groups = targetGroupsOf(facts);
      const id = uuidv7();
      let fits = true;
      await db.orm.transaction(async (tx) => {
        await assertPersonScope(tx, caller, input.personId, 'assignment.write');
        const measure = await loadMeasure(tx, caller.tenantId, input.measureId);
        fits = fitsTargetGroups(measure.targetGroups, groups);
        if (!fits && !input.targetGroupOverride)
          throw new ValidationError(
            [
              {
                field: 'targetGroupOverride',
                message: `Die Person gehört nicht zur Zielgruppe der Maßnahme (fehlt: ${missingGroupsText(measure.targetGroups, groups)}). Wenn Sie die Person trotzdem zuweisen wollen, begründen Sie das bitte.`,
              },
            ],
            'Die Person gehört nicht zur Zielgruppe dieser Maßnahme.',
          );
        if (measure.contractTo !== null && input.assignedOn >= measure.contractTo)
          throw new ValidationError([
            { field: 'assignedOn', message: 'Der Vertrag der Maßnahme ist zu diesem Tag schon beendet' },
          ]);
        await tx.insert(measureAssignments).values({
          tenantId: caller.tenantId,
          id,
          measureId: measure.id,
          personId: input.personId,
          state: 'proposed',
          assignedOn: input.assignedOn,
          assignedBy: caller.staffId,
          plannedEntry: input.plannedEntry ?? null,
          note: input.note ?? null,
          targetGroupOverride: fits ? null : (input.targetGroupOverride ?? null),
          personSex: facts.sex,
          personGroups: groups,
          inTargetGroup: fits,
        });
        await audit(tx, caller, 'measure_assignment.create', 'person', input.personId);
        if (!fits) await audit(tx, caller, 'measure_assignment.target_group_override', 'measure_assignment', id);
      });
      return { id, inTargetGroup: fits };
    },

    async agree(caller: Caller, id: string, input: z.infer<typeof agreeInput>) {
      return db.orm.transaction(async (tx) => {
        const a = await loadAssignment(tx, caller, id, 'assignment.write');
        assertState(a, ['proposed'], 'Die Vereinbarung');
        if (input.agreedOn < a.assignedOn)
          throw new ValidationError([
            { field: 'agreedOn', message: `Die Vereinbarung liegt vor der Zuweisung vom ${formatGerman(a.assignedOn)}` },
          ]);
        const row = await saveAssignment(tx, caller, a, input.version, {
          state: 'agreed',
          agreedOn: input.agreedOn,
          customerChoice: input.customerChoice,
          customerReasons: input.customerReasons,
        });
        await audit(tx, caller, 'measure_assignment.agree', 'person', a.personId);
        return { version: row.version };
      });
    },

    async joinWaitingList(caller: Caller, id: string, version: number) {
      return db.orm.transaction(async (tx) => {
        const a = await loadAssignment(tx, caller, id, 'assignment.write');
        assertState(a, ['agreed'], 'Die Aufnahme in die Warteliste');
        const row = await saveAssignment(tx, caller, a, version, { state: 'waiting', waitingSince: new Date() });
        await audit(tx, caller, 'measure_assignment.wait', 'person', a.personId);
        const { waiting } = await placesOf(tx, caller.tenantId, a.measureId);
        const position = waiting.sort(compareWaiting).findIndex((w) => w.id === id) + 1;
        return { version: row.version, position };
      });
    },

    /**
     * Entry: takes a place. The measure row is locked (SELECT … FOR UPDATE) for the whole transaction, so of
     * two caseworkers taking the last place at the same moment one waits for the other and then sees it taken.
     */
    async enter(caller: Caller, id: string, input: z.infer<typeof entryInput>) {
      return db.orm.transaction(async (tx) => {
        const a = await loadAssignment(tx, caller, id, 'assignment.write');
        assertState(a, ['agreed', 'waiting'], 'Der Eintritt');
        const measure = await loadMeasure(tx, caller.tenantId, a.measureId, true);
        const problems = entryProblems({
          assignedOn: a.assignedOn,
          entryDate: input.entryDate,
          contractFrom: measure.contractFrom,
          contractTo: measure.contractTo,
          entryWeekdays: measure.entryWeekdays,
        });
        const plannedEnd = input.plannedEnd ?? plannedEndFor(input.entryDate, measure.durationValue, measure.durationUnit);
        if (plannedEnd < input.entryDate)
          problems.push({ field: 'plannedEnd', message: 'Das geplante Ende liegt vor dem Eintritt' });
        if (problems.length) throw new ValidationError(problems);
        const { occupied, waiting } = await placesOf(tx, caller.tenantId, measure.id);
        const decision = placeDecision(measure.places, occupied, waiting, a.id);
        if (decision !== 'ok') {
          const ahead = decision === 'queue' ? ` ${waiting.length} Person(en) stehen auf der Warteliste vor ihr.` : '';
          throw new ConflictError(
            decision === 'full'
              ? `Alle ${measure.places} Plätze der Maßnahme „${measure.name}“ sind belegt. Sie können die Person auf die Warteliste setzen.`
              : `Die freien Plätze der Maßnahme „${measure.name}“ sind für die Warteliste vorgesehen.${ahead} Sie können die Person auf die Warteliste setzen.`,
            { reason: decision === 'full' ? 'measure_full' : 'waiting_list_first', waitingListOffered: a.state !== 'waiting' },
          );
        }
        if (measure.weeklyEntryLimit !== null) {
          const monday = weekStart(input.entryDate);
          const [row] = await db.rows<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM measure_assignments WHERE tenant_id = ${caller.tenantId} AND measure_id = ${measure.id}
                 AND entry_date >= ${monday}::date AND entry_date < ${addDays(monday, 7)}::date`,
            tx,
          );
          if ((row?.n ?? 0) >= measure.weeklyEntryLimit)
            throw new ValidationError([
              {
                field: 'entryDate',
                message: `In der Woche ab ${formatGerman(monday)} sind schon ${row?.n} Einstiege gebucht (höchstens ${measure.weeklyEntryLimit} je Woche). Bitte wählen Sie eine andere Woche.`,
              },
            ]);
        }
        const saved = await saveAssignment(tx, caller, a, input.version, {
          state: 'active',
          entryDate: input.entryDate,
          plannedEnd,
        });
        await enterMeasureStatusTx(tx, {
          tenantId: caller.tenantId,
          personId: a.personId,
          from: input.entryDate,
          actorId: caller.staffId,
          requestId: caller.requestId,
        });
        if (measure.costPerMonthCents > 0)
          await budget.commitAssignment(tx as AppTx, {
            tenantId: caller.tenantId,
            assignmentId: a.id,
            measureId: measure.id,
            legalBasis: measure.legalBasis,
            months: assignmentCostSchedule(input.entryDate, plannedEnd, measure.costPerMonthCents),
            actorStaffId: caller.staffId,
            ...(input.budgetOverrideReason ? { overrideReason: input.budgetOverrideReason } : {}),
          });
        await audit(tx, caller, 'measure_assignment.enter', 'person', a.personId);
        return { version: saved.version, plannedEnd };
      });
    },

    async exit(caller: Caller, id: string, input: z.infer<typeof exitInput>) {
      return db.orm.transaction(async (tx) => {
        const a = await loadAssignment(tx, caller, id, 'assignment.write');
        assertState(a, ['active'], 'Der Austritt');
        const entryDate = a.entryDate as string;
        const problems = exitProblems(entryDate, input.exitDate);
        if (problems.length) throw new ValidationError(problems);
        const measure = await loadMeasure(tx, caller.tenantId, a.measureId, true);
        const saved = await saveAssignment(tx, caller, a, input.version, {
          state: 'exited',
          exitDate: input.exitDate,
          exitReason: input.exitReason,
        });
        await leaveMeasureStatusTx(tx, {
          tenantId: caller.tenantId,
          personId: a.personId,
          entryDate,
          lastDay: input.exitDate,
          resume: input.exitReason === 'job' ? 'employed' : 'previous',
          actorId: caller.staffId,
          requestId: caller.requestId,
        });
        // ended before the plan: the used months are committed anew and the rest is released
        if (measure.costPerMonthCents > 0 && a.plannedEnd && input.exitDate < a.plannedEnd) {
          await budget.commitAssignment(tx as AppTx, {
            tenantId: caller.tenantId,
            assignmentId: a.id,
            measureId: measure.id,
            legalBasis: measure.legalBasis,
            months: assignmentCostSchedule(entryDate, input.exitDate, measure.costPerMonthCents),
            actorStaffId: caller.staffId,
          });
          const nextMonth = addDays(`${input.exitDate.slice(0, 7)}-28`, 7).slice(0, 7);
          if (nextMonth <= a.plannedEnd.slice(0, 7))
            await budget.releaseAssignment(tx as AppTx, {
              tenantId: caller.tenantId,
              assignmentId: a.id,
              fromMonth: nextMonth,
              actorStaffId: caller.staffId,
            });
        }
        await audit(tx, caller, 'measure_assignment.exit', 'person', a.personId);
        return { version: saved.version };
      });
    },

    async recordOutcome(caller: Caller, id: string, input: z.infer<typeof outcomeInput>) {
      return db.orm.transaction(async (tx) => {
        const a = await loadAssignment(tx, caller, id, 'assignment.write');
        assertState(a, ['exited'], 'Der Verbleib');
        if (input.outcomeOn < (a.exitDate as string))
          throw new ValidationError([
            { field: 'outcomeOn', message: `Der Stichtag liegt vor dem Austritt am ${formatGerman(a.exitDate as string)}` },
          ]);
        const saved = await saveAssignment(tx, caller, a, input.version, { outcome: input.outcome, outcomeOn: input.outcomeOn });
        await audit(tx, caller, 'measure_assignment.outcome', 'person', a.personId);
        return { version: saved.version };
      });
    },

    async cancel(caller: Caller, id: string, version: number) {
      return db.orm.transaction(async (tx) => {
        const a = await loadAssignment(tx, caller, id, 'assignment.write');
        assertState(a, ['proposed', 'agreed', 'waiting'], 'Der Abbruch vor Eintritt');
        const saved = await saveAssignment(tx, caller, a, version, { state: 'cancelled' });
        await audit(tx, caller, 'measure_assignment.cancel', 'person', a.personId);
        return { version: saved.version };
      });
    },
  };
  return service;
}

const STATE_TEXT: Record<Assignment['state'], string> = {
  proposed: 'vorgeschlagen',
  agreed: 'vereinbart',
  waiting: 'Warteliste',
  active: 'in der Maßnahme',
  exited: 'ausgetreten',
  cancelled: 'abgebrochen',
};

export interface MeasureListRow {
  id: string;
  name: string;
  site: string;
  legalBasis: string;
  targetGroups: string[];
  places: number;
  weeklyEntryLimit: number | null;
  entryWeekdays: number[];
  durationValue: number;
  durationUnit: string;
  scheduleKind: string;
  scheduleNote: string | null;
  daysPerWeek: number | null;
  childcareOnSite: boolean;
  costPerMonthCents: number;
  contractFrom: string;
  contractUntil: string | null;
  integrationTargetPercent: number | null;
  providerId: string;
  providerName: string;
  occupied: number;
  waiting: number;
}

export interface PersonAssignmentRow {
  id: string;
  measureId: string;
  measureName: string;
  providerName: string;
  state: Assignment['state'];
  assignedOn: string;
  plannedEntry: string | null;
  plannedEnd: string | null;
  agreedOn: string | null;
  customerChoice: string | null;
  customerReasons: string | null;
  targetGroupOverride: string | null;
  inTargetGroup: boolean;
  entryDate: string | null;
  exitDate: string | null;
  exitReason: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  note: string | null;
  version: number;
}

export type MeasuresService = ReturnType<typeof measuresService>;
