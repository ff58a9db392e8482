import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { addDays } from '../../lib/dates.ts';
import { ConflictError, NotFoundError, ScopeDeniedError, ValidationError } from '../../lib/errors.ts';
import { todayInGermany } from '../../lib/today.ts';
import { appendAudit } from '../audit/service.ts';
import { assertTeamAccess, type Caller, can, teamScope } from '../auth/caller.ts';
import type { Permission } from '../auth/permissions.ts';
import { listStaffRefs, listTeamRefs } from '../org/directory.ts';
import type { PersonRecord } from '../people/record.ts';
import { loadTeamRoster, type RosterRow } from '../people/roster.ts';
import type { PeopleService } from '../people/service.ts';
import {
  CONTACT_KIND_LABELS,
  CONTACT_STATUS_LABELS,
  type ContactKind,
  type ContactStatus,
  MITARBEIT_REASONS,
  type MitarbeitReason,
  type Obstacle,
  type StepOwner,
} from './codes.ts';
import type { PlanInput } from './model.ts';
import {
  AGENDA_DAYS,
  checkMitarbeitReasons,
  checkOccupations,
  checkPlanDates,
  checkSteps,
  kldbLabel,
  kldbLevel,
  type PlanKindInfo,
  planKindOn,
} from './rules.ts';
import { contacts, mitarbeitReviews, planRevisions, planSteps, plans } from './schema.ts';

/** The same words as the people module's: an unknown id and one outside the caller's scope look alike. */
export const PERSON_NOT_FOUND = 'Diese Person gibt es nicht oder sie liegt nicht in Ihrem Zuständigkeitsbereich.';
const CONTACT_NOT_FOUND = 'Diesen Kontakt gibt es nicht oder er liegt nicht in Ihrem Zuständigkeitsbereich.';
const UNIQUE_VIOLATION = '23505';
const pgCode = (e: unknown) =>
  (e as { code?: string; cause?: { code?: string } })?.code ?? (e as { cause?: { code?: string } })?.cause?.code;

export interface PersonHeader {
  id: string;
  customerNumber: string;
  familyName: string;
  givenNames: string;
  teamId: string | null;
  teamName: string | null;
  age: number;
  longTermRecipient: boolean;
  elb: boolean;
}

export interface PlanStep {
  position: number;
  description: string;
  owner: StepOwner;
  dueDate: string;
  doneOn: string | null;
}

export interface PlanRevisionView extends PlanKindInfo {
  revision: number;
  planDate: string;
  reviewDate: string;
  strengths: string | null;
  skills: string | null;
  obstacles: Obstacle[];
  obstacleNote: string | null;
  goal: string;
  targetOccupations: { code: string; label: string; level: string }[];
  customerWords: string | null;
  createdBy: string;
  createdAt: string;
  steps: PlanStep[];
}

export interface ContactView {
  id: string;
  kind: ContactKind;
  kindLabel: string;
  contactDate: string;
  contactTime: string;
  status: ContactStatus;
  statusLabel: string;
  staffName: string;
  note: string | null;
  version: number;
}

export interface MitarbeitView {
  id: string;
  reviewDate: string;
  reasons: MitarbeitReason[];
  note: string | null;
  staffName: string;
}

export interface PlanningTimelineEntry {
  date: string;
  category: 'plan' | 'contact' | 'mitarbeit';
  label: string;
}

export interface PlanningView {
  person: PersonHeader;
  plan: {
    id: string;
    version: number;
    current: PlanRevisionView;
    revisions: { revision: number; planDate: string; createdAt: string; createdBy: string; label: string }[];
  } | null;
  contacts: ContactView[];
  missedCount: number;
  mitarbeit: MitarbeitView[];
  timeline: PlanningTimelineEntry[];
}

export interface AgendaPerson {
  personId: string;
  familyName: string;
  givenNames: string;
  customerNumber: string;
}
export interface Agenda {
  day: string;
  until: string;
  steps: (AgendaPerson & { description: string; owner: StepOwner; dueDate: string; overdue: boolean })[];
  reviews: (AgendaPerson & { reviewDate: string; planLabel: string; overdue: boolean })[];
  appointments: (AgendaPerson & {
    contactId: string;
    kind: ContactKind;
    kindLabel: string;
    contactDate: string;
    contactTime: string;
    staffName: string;
    /** In the past and still "planned": the result (held or missed) is missing. */
    resultMissing: boolean;
  })[];
}

export interface MitarbeitListRow {
  personId: string;
  familyName: string;
  givenNames: string;
  customerNumber: string;
  age: number;
  lastReview: { reviewDate: string; reasons: MitarbeitReason[] } | null;
}

export interface MitarbeitAnalysis {
  from: string;
  to: string;
  reasons: readonly MitarbeitReason[];
  teams: {
    teamId: string;
    teamName: string;
    longTermRecipients: number;
    reviewed: number;
    counts: Record<MitarbeitReason, number>;
  }[];
  total: { longTermRecipients: number; reviewed: number; counts: Record<MitarbeitReason, number> };
}

const header = (r: PersonRecord): PersonHeader => ({
  id: r.person.id,
  customerNumber: r.person.customerNumber,
  familyName: r.person.familyName,
  givenNames: r.person.givenNames,
  teamId: r.person.teamId,
  teamName: r.person.teamName,
  age: r.facts.age,
  longTermRecipient: r.facts.longTermRecipient,
  elb: r.facts.elb,
});

const zeroCounts = () => Object.fromEntries(MITARBEIT_REASONS.map((r) => [r, 0])) as Record<MitarbeitReason, number>;

/**
 * Integration planning. Persons are reached only through the people module's service (scope, header
 * facts) and its roster export (agenda, MitArbeit lists); every change is audited in its transaction.
 */
export function planningService(db: Database, people: PeopleService) {
  const audit = (tx: Executor, caller: Caller, action: string, personId: string) =>
    appendAudit(tx, [
      {
        tenantId: caller.tenantId,
        actorId: caller.staffId,
        action,
        entityType: 'person',
        entityId: personId,
        purpose: null,
        requestId: caller.requestId,
        outcome: 'success',
      },
    ]);

  /** The person's record (people decides person.read scope), then the planning permission's own team scope. */
  async function personInScope(caller: Caller, personId: string, permission: Permission): Promise<PersonRecord> {
    const record = await people.getPerson(caller, personId);
    if (can(caller, permission) !== 'tenant')
      assertTeamAccess(caller, permission, record.person.teamId ?? '-', {
        type: 'person',
        id: personId,
        notFound: PERSON_NOT_FOUND,
      });
    return record;
  }

  async function staffNames(tenantId: string): Promise<Map<string, string>> {
    return new Map((await listStaffRefs(db, tenantId)).map((s) => [s.id, s.displayName]));
  }

  async function planRow(ex: Executor, tenantId: string, personId: string) {
    const [row] = await ex
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), eq(plans.personId, personId)));
    return row;
  }

  async function loadRevision(
    tenantId: string,
    planId: string,
    revision: number,
    names: Map<string, string>,
  ): Promise<PlanRevisionView | undefined> {
    const [rev] = await db.orm
      .select()
      .from(planRevisions)
      .where(and(eq(planRevisions.tenantId, tenantId), eq(planRevisions.planId, planId), eq(planRevisions.revision, revision)));
    if (!rev) return undefined;
    const steps = await db.orm
      .select({
        position: planSteps.position,
        description: planSteps.description,
        owner: planSteps.owner,
        dueDate: planSteps.dueDate,
        doneOn: planSteps.doneOn,
      })
      .from(planSteps)
      .where(and(eq(planSteps.tenantId, tenantId), eq(planSteps.planId, planId), eq(planSteps.revision, revision)))
      .orderBy(planSteps.position);
    return {
      ...planKindOn(rev.planDate),
      revision: rev.revision,
      planDate: rev.planDate,
      reviewDate: rev.reviewDate,
      strengths: rev.strengths,
      skills: rev.skills,
      obstacles: rev.obstacles as Obstacle[],
      obstacleNote: rev.obstacleNote,
      goal: rev.goal,
      targetOccupations: rev.targetOccupations.map((code) => ({
        code,
        label: kldbLabel(code),
        level: kldbLevel(code)?.label ?? '',
      })),
      customerWords: rev.customerWords,
      createdBy: names.get(rev.createdBy) ?? '–',
      createdAt: rev.createdAt.toISOString(),
      steps,
    };
  }

  /** Persons of the caller's teams (eLb today) with name and number, via the people module's roster. */
  async function rosterOf(caller: Caller, permission: Permission): Promise<Map<string, RosterRow>> {
    const scope = teamScope(caller, permission);
    const teamIds = scope === 'all' ? (await listTeamRefs(db, caller.tenantId)).map((t) => t.id) : scope;
    return new Map((await loadTeamRoster(db, caller.tenantId, teamIds)).map((r) => [r.id, r]));
  }

  const service = {
    async view(caller: Caller, personId: string): Promise<PlanningView> {
      const record = await personInScope(caller, personId, 'planning.read');
      const names = await staffNames(caller.tenantId);
      const plan = await planRow(db.orm, caller.tenantId, personId);
      let planView: PlanningView['plan'] = null;
      const timeline: PlanningTimelineEntry[] = [];
      if (plan) {
        const current = await loadRevision(caller.tenantId, plan.id, plan.currentRevision, names);
        const revisions = await db.orm
          .select({
            revision: planRevisions.revision,
            planDate: planRevisions.planDate,
            createdAt: planRevisions.createdAt,
            createdBy: planRevisions.createdBy,
          })
          .from(planRevisions)
          .where(and(eq(planRevisions.tenantId, caller.tenantId), eq(planRevisions.planId, plan.id)))
          .orderBy(sql`${planRevisions.revision} DESC`);
        if (current)
          planView = {
            id: plan.id,
            version: plan.version,
            current,
            revisions: revisions.map((r) => ({
              revision: r.revision,
              planDate: r.planDate,
              createdAt: r.createdAt.toISOString(),
              createdBy: names.get(r.createdBy) ?? '–',
              label: planKindOn(r.planDate).label,
            })),
          };
        for (const r of revisions)
          timeline.push({
            date: r.planDate,
            category: 'plan',
            label: `${planKindOn(r.planDate).label}, Fassung ${r.revision}`,
          });
      }
      const contactRows = await db.orm
        .select()
        .from(contacts)
        .where(and(eq(contacts.tenantId, caller.tenantId), eq(contacts.personId, personId)))
        .orderBy(sql`${contacts.contactDate} DESC, ${contacts.contactTime} DESC`);
      const contactViews: ContactView[] = contactRows.map((c) => ({
        id: c.id,
        kind: c.kind,
        kindLabel: CONTACT_KIND_LABELS[c.kind],
        contactDate: c.contactDate,
        contactTime: c.contactTime,
        status: c.status,
        statusLabel: CONTACT_STATUS_LABELS[c.status],
        staffName: names.get(c.staffId) ?? '–',
        note: c.note,
        version: c.version,
      }));
      for (const c of contactViews)
        timeline.push({ date: c.contactDate, category: 'contact', label: `${c.kindLabel} (${c.statusLabel})` });
      const reviews = await db.orm
        .select()
        .from(mitarbeitReviews)
        .where(and(eq(mitarbeitReviews.tenantId, caller.tenantId), eq(mitarbeitReviews.personId, personId)))
        .orderBy(sql`${mitarbeitReviews.reviewDate} DESC, ${mitarbeitReviews.createdAt} DESC`);
      const mitarbeit = reviews.map((r) => ({
        id: r.id,
        reviewDate: r.reviewDate,
        reasons: r.reasons as MitarbeitReason[],
        note: r.note,
        staffName: names.get(r.staffId) ?? '–',
      }));
      for (const m of mitarbeit) timeline.push({ date: m.reviewDate, category: 'mitarbeit', label: 'MitArbeit-Prüfung' });
      timeline.sort((a, b) => b.date.localeCompare(a.date));
      return {
        person: header(record),
        plan: planView,
        contacts: contactViews,
        missedCount: contactViews.filter((c) => c.status === 'missed').length,
        mitarbeit,
        timeline,
      };
    },

    async revision(caller: Caller, personId: string, revision: number): Promise<PlanRevisionView> {
      await personInScope(caller, personId, 'planning.read');
      const plan = await planRow(db.orm, caller.tenantId, personId);
      const view = plan && (await loadRevision(caller.tenantId, plan.id, revision, await staffNames(caller.tenantId)));
      if (!view) throw new NotFoundError('Diese Fassung des Plans gibt es nicht.');
      return view;
    },

    /** Saves the plan as a new revision; `version` is the plan's version the user saw (0: no plan yet). */
    async savePlan(
      caller: Caller,
      personId: string,
      input: PlanInput,
    ): Promise<{ planId: string; revision: number; version: number }> {
      await personInScope(caller, personId, 'planning.write');
      const today = todayInGermany();
      const problems = [
        ...checkPlanDates(input.planDate, input.reviewDate, today),
        ...checkOccupations(input.targetOccupations),
        ...checkSteps(input.steps, input.planDate, today),
      ];
      if (problems.length) throw new ValidationError(problems);
      const stale = () =>
        new ConflictError(
          'Der Plan wurde inzwischen von jemand anderem gespeichert. Ihre Eingaben sind nicht gespeichert; bitte laden Sie den aktuellen Stand.',
        );
      try {
        return await db.orm.transaction(async (tx) => {
          const existing = await planRow(tx, caller.tenantId, personId);
          let planId: string;
          let revision: number;
          let version: number;
          if (!existing) {
            if (input.version !== 0) throw stale();
            planId = uuidv7();
            revision = 1;
            version = 1;
            await tx.insert(plans).values({ tenantId: caller.tenantId, id: planId, personId, currentRevision: 1, version: 1 });
          } else {
            const [row] = await tx
              .update(plans)
              .set({
                currentRevision: sql`${plans.currentRevision} + 1`,
                version: sql`${plans.version} + 1`,
                updatedAt: new Date(),
              })
              .where(and(eq(plans.tenantId, caller.tenantId), eq(plans.id, existing.id), eq(plans.version, input.version)))
              .returning({ currentRevision: plans.currentRevision, version: plans.version });
            if (!row) throw stale();
            planId = existing.id;
            revision = row.currentRevision;
            version = row.version;
          }
          await tx.insert(planRevisions).values({
            tenantId: caller.tenantId,
            planId,
            revision,
            planDate: input.planDate,
            reviewDate: input.reviewDate,
            strengths: input.strengths ?? null,
            skills: input.skills ?? null,
            obstacles: input.obstacles,
            obstacleNote: input.obstacleNote ?? null,
            goal: input.goal,
            targetOccupations: input.targetOccupations,
            customerWords: input.customerWords ?? null,
            createdBy: caller.staffId,
          });
          await tx.insert(planSteps).values(
            input.steps.map((s, i) => ({
              tenantId: caller.tenantId,
              planId,
              revision,
              position: i + 1,
              description: (s.description ?? '').trim(),
              owner: s.owner as StepOwner,
              dueDate: s.dueDate as string,
              doneOn: s.doneOn ?? null,
            })),
          );
          await audit(tx, caller, revision === 1 ? 'plan.create' : 'plan.revise', personId);
          return { planId, revision, version };
        });
      } catch (e) {
        // two first saves at the same moment: the unique index lets one win, the other sees a conflict
        if (pgCode(e) === UNIQUE_VIOLATION) throw stale();
        throw e;
      }
    },

    async addContact(
      caller: Caller,
      personId: string,
      input: { kind: ContactKind; contactDate: string; contactTime: string; status: ContactStatus; note?: string | null },
    ): Promise<{ id: string; version: number }> {
      await personInScope(caller, personId, 'planning.write');
      const today = todayInGermany();
      if (input.status !== 'planned' && input.contactDate > today)
        throw new ValidationError([
          { field: 'status', message: 'Ein Termin in der Zukunft kann noch nicht stattgefunden haben oder versäumt sein.' },
        ]);
      if (input.contactDate > addDays(today, 366))
        throw new ValidationError([{ field: 'contactDate', message: 'Der Termin liegt mehr als ein Jahr in der Zukunft.' }]);
      const id = uuidv7();
      await db.orm.transaction(async (tx) => {
        await tx.insert(contacts).values({
          tenantId: caller.tenantId,
          id,
          personId,
          kind: input.kind,
          contactDate: input.contactDate,
          contactTime: input.contactTime,
          status: input.status,
          staffId: caller.staffId,
          note: input.note ?? null,
        });
        await audit(tx, caller, 'contact.create', personId);
      });
      return { id, version: 1 };
    },

    async updateContact(
      caller: Caller,
      contactId: string,
      input: { version: number; status: ContactStatus; note?: string | null },
    ): Promise<{ version: number }> {
      const [c] = await db.orm
        .select({ personId: contacts.personId, contactDate: contacts.contactDate })
        .from(contacts)
        .where(and(eq(contacts.tenantId, caller.tenantId), eq(contacts.id, contactId)));
      if (!c) throw new NotFoundError(CONTACT_NOT_FOUND);
      try {
        await personInScope(caller, c.personId, 'planning.write');
      } catch (e) {
        // the same answer as for an unknown contact id: a foreign contact's existence stays confidential
        if (e instanceof ScopeDeniedError) throw new ScopeDeniedError('contact', contactId, 'planning.write', CONTACT_NOT_FOUND);
        throw e;
      }
      if (input.status !== 'planned' && c.contactDate > todayInGermany())
        throw new ValidationError([
          { field: 'status', message: 'Ein Termin in der Zukunft kann noch nicht stattgefunden haben oder versäumt sein.' },
        ]);
      return db.orm.transaction(async (tx) => {
        const [row] = await tx
          .update(contacts)
          .set({
            status: input.status,
            ...(input.note !== undefined && { note: input.note }),
            version: sql`${contacts.version} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(contacts.tenantId, caller.tenantId), eq(contacts.id, contactId), eq(contacts.version, input.version)))
          .returning({ version: contacts.version });
        if (!row)
          throw new ConflictError('Dieser Termin wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu.');
        await audit(tx, caller, 'contact.update', c.personId);
        return { version: row.version };
      });
    },

    async addMitarbeitReview(
      caller: Caller,
      personId: string,
      input: { reviewDate: string; reasons: MitarbeitReason[]; note?: string | null },
    ): Promise<{ id: string }> {
      const record = await personInScope(caller, personId, 'planning.write');
      const problems = checkMitarbeitReasons(input.reasons, input.note);
      if (input.reviewDate > todayInGermany())
        problems.push({ field: 'reviewDate', message: 'Das Datum der Prüfung liegt in der Zukunft.' });
      if (!record.facts.longTermRecipient)
        problems.push({
          field: 'personId',
          message:
            'Die MitArbeit-Prüfung gilt Langzeitleistungsbeziehenden; diese Person ist heute nicht langzeitleistungsbeziehend.',
        });
      if (problems.length) throw new ValidationError(problems);
      const id = uuidv7();
      await db.orm.transaction(async (tx) => {
        await tx.insert(mitarbeitReviews).values({
          tenantId: caller.tenantId,
          id,
          personId,
          teamId: record.person.teamId as string,
          reviewDate: input.reviewDate,
          reasons: [...new Set(input.reasons)],
          note: input.note ?? null,
          staffId: caller.staffId,
        });
        await audit(tx, caller, 'mitarbeit.create', personId);
      });
      return { id };
    },

    /** Due steps, reviews and appointments of the caller's teams (or only the caller's own entries). */
    async agenda(caller: Caller, opts: { days?: number; mine?: boolean } = {}): Promise<Agenda> {
      const day = todayInGermany();
      const until = addDays(day, opts.days ?? AGENDA_DAYS);
      const persons = await rosterOf(caller, 'planning.read');
      const empty: Agenda = { day, until, steps: [], reviews: [], appointments: [] };
      if (!persons.size) return empty;
      const ids = sql`${sql.param([...persons.keys()])}::uuid[]`;
      const mineRev = opts.mine ? sql`AND r.created_by = ${caller.staffId}` : sql``;
      const mineContact = opts.mine ? sql`AND c.staff_id = ${caller.staffId}` : sql``;
      const [steps, reviews, appts, names] = await Promise.all([
        db.rows<{ personId: string; description: string; owner: StepOwner; dueDate: string }>(sql`
          SELECT p.person_id AS "personId", s.description, s.owner, s.due_date AS "dueDate"
            FROM plans p
            JOIN plan_revisions r ON r.tenant_id = p.tenant_id AND r.plan_id = p.id AND r.revision = p.current_revision
            JOIN plan_steps s ON s.tenant_id = p.tenant_id AND s.plan_id = p.id AND s.revision = p.current_revision
           WHERE p.tenant_id = ${caller.tenantId} AND p.person_id = ANY(${ids})
             AND s.done_on IS NULL AND s.due_date <= ${until}::date ${mineRev}
           ORDER BY s.due_date, s.position`),
        db.rows<{ personId: string; reviewDate: string; planDate: string }>(sql`
          SELECT p.person_id AS "personId", r.review_date AS "reviewDate", r.plan_date AS "planDate"
            FROM plans p
            JOIN plan_revisions r ON r.tenant_id = p.tenant_id AND r.plan_id = p.id AND r.revision = p.current_revision
           WHERE p.tenant_id = ${caller.tenantId} AND p.person_id = ANY(${ids}) AND r.review_date <= ${until}::date ${mineRev}
           ORDER BY r.review_date`),
        db.rows<{
          id: string;
          personId: string;
          kind: ContactKind;
          contactDate: string;
          contactTime: string;
          staffId: string;
        }>(sql`
          SELECT c.id, c.person_id AS "personId", c.kind, c.contact_date AS "contactDate", c.contact_time AS "contactTime",
                 c.staff_id AS "staffId"
            FROM contacts c
           WHERE c.tenant_id = ${caller.tenantId} AND c.person_id = ANY(${ids}) AND c.status = 'planned'
             AND c.contact_date <= ${until}::date ${mineContact}
           ORDER BY c.contact_date, c.contact_time`),
        staffNames(caller.tenantId),
      ]);
      const who = (personId: string): AgendaPerson => {
        const p = persons.get(personId);
        return {
          personId,
          familyName: p?.familyName ?? '',
          givenNames: p?.givenNames ?? '',
          customerNumber: p?.customerNumber ?? '',
        };
      };
      return {
        day,
        until,
        steps: steps.map((s) => ({
          ...who(s.personId),
          description: s.description,
          owner: s.owner,
          dueDate: s.dueDate,
          overdue: s.dueDate < day,
        })),
        reviews: reviews.map((r) => ({
          ...who(r.personId),
          reviewDate: r.reviewDate,
          planLabel: planKindOn(r.planDate).label,
          overdue: r.reviewDate < day,
        })),
        appointments: appts.map((a) => ({
          ...who(a.personId),
          contactId: a.id,
          kind: a.kind,
          kindLabel: CONTACT_KIND_LABELS[a.kind],
          contactDate: a.contactDate,
          contactTime: a.contactTime,
          staffName: names.get(a.staffId) ?? '–',
          resultMissing: a.contactDate < day,
        })),
      };
    },

    /** The long-term recipients of a team (people/rules.ts LZB rule, via the people roster) with their last review. */
    async mitarbeitList(caller: Caller, teamId: string): Promise<{ day: string; rows: MitarbeitListRow[]; reviewed: number }> {
      assertTeamAccess(caller, 'planning.read', teamId);
      const day = todayInGermany();
      const rows = (await loadTeamRoster(db, caller.tenantId, [teamId], { day })).filter((r) => r.longTermRecipient);
      const ids = rows.map((r) => r.id);
      const last = ids.length
        ? await db.rows<{ personId: string; reviewDate: string; reasons: MitarbeitReason[] }>(sql`
            SELECT DISTINCT ON (person_id) person_id AS "personId", review_date AS "reviewDate", reasons
              FROM mitarbeit_reviews
             WHERE tenant_id = ${caller.tenantId} AND person_id = ANY(${sql.param(ids)}::uuid[])
             ORDER BY person_id, review_date DESC, created_at DESC`)
        : [];
      const byPerson = new Map(last.map((l) => [l.personId, l]));
      const out = rows.map((r) => {
        const l = byPerson.get(r.id);
        return {
          personId: r.id,
          familyName: r.familyName,
          givenNames: r.givenNames,
          customerNumber: r.customerNumber,
          age: r.age,
          lastReview: l ? { reviewDate: l.reviewDate, reasons: l.reasons } : null,
        };
      });
      return { day, rows: out, reviewed: out.filter((r) => r.lastReview).length };
    },

    /**
     * Jobcenter-wide MitArbeit analysis: each person's latest review in [from, to], counted per reason and
     * by the team that made it; beside it the team's long-term recipients today (people's roster).
     */
    async analysis(caller: Caller, opts: { from?: string; to?: string } = {}): Promise<MitarbeitAnalysis> {
      const to = opts.to ?? todayInGermany();
      const from = opts.from ?? addDays(to, -365);
      if (from > to) throw new ValidationError([{ field: 'querystring.from', message: '„Von“ liegt nach „bis“.' }]);
      const scope = teamScope(caller, 'planning.analysis');
      const allTeams = await listTeamRefs(db, caller.tenantId);
      const teams = scope === 'all' ? allTeams : allTeams.filter((t) => scope.includes(t.id));
      const teamIds = teams.map((t) => t.id);
      const rows = teamIds.length
        ? await db.rows<{ teamId: string; reason: MitarbeitReason | null; n: number }>(sql`
            WITH latest AS (
              SELECT DISTINCT ON (person_id) person_id, team_id, reasons
                FROM mitarbeit_reviews
               WHERE tenant_id = ${caller.tenantId} AND review_date BETWEEN ${from}::date AND ${to}::date
                 AND team_id = ANY(${sql.param(teamIds)}::uuid[])
               ORDER BY person_id, review_date DESC, created_at DESC)
            SELECT team_id AS "teamId", NULL AS reason, count(*)::int AS n FROM latest GROUP BY team_id
            UNION ALL
            SELECT team_id, reason, count(*)::int FROM latest, unnest(reasons) AS reason GROUP BY team_id, reason`)
        : [];
      const total = { longTermRecipients: 0, reviewed: 0, counts: zeroCounts() };
      const out: MitarbeitAnalysis['teams'] = [];
      const lzb = new Map<string, number>();
      for (const r of await loadTeamRoster(db, caller.tenantId, teamIds))
        if (r.longTermRecipient) lzb.set(r.teamId, (lzb.get(r.teamId) ?? 0) + 1);
      for (const t of teams) {
        const entry = {
          teamId: t.id,
          teamName: t.name,
          longTermRecipients: lzb.get(t.id) ?? 0,
          reviewed: 0,
          counts: zeroCounts(),
        };
        for (const r of rows.filter((x) => x.teamId === t.id)) {
          if (r.reason === null) entry.reviewed = r.n;
          else if (r.reason in entry.counts) entry.counts[r.reason] = r.n;
        }
        if (!entry.longTermRecipients && !entry.reviewed) continue;
        out.push(entry);
        total.longTermRecipients += entry.longTermRecipients;
        total.reviewed += entry.reviewed;
        for (const r of MITARBEIT_REASONS) total.counts[r] += entry.counts[r];
      }
      return { from, to, reasons: MITARBEIT_REASONS, teams: out, total };
    },
  };
  return service;
}

export type PlanningService = ReturnType<typeof planningService>;
