import { sql } from 'drizzle-orm';
import { bulkDelete, bulkInsert, rawConnectionOf } from '../../../db/bulk.ts';
import type { AppTx, Database } from '../../../db/client.ts';
import { deferIndexes } from '../../../db/deferred-indexes.ts';
import { uuidv7 } from '../../../db/ids.ts';
import { todayInGermany } from '../../../lib/today.ts';
import { type AuditEntry, appendAudit } from '../../audit/service.ts';
import { sessionsChanged } from '../../auth/session-cache.ts';
import { applyOrg, createEmptyTenant, readOrg } from '../../org/exchange.ts';
import type { Role } from '../../org/schema.ts';
import { toStoredEnd } from '../model.ts';
import { personSearchKey } from '../search-key.ts';
import { type ImportFile, type ImportProblem, type Row, readFiles } from './read.ts';
import { validateRows } from './validate.ts';

export type { ImportFile, ImportProblem };

export interface ImportOptions {
  /** The Jobcenter to import into; without it, the one named in jobcenter.csv (created if new). */
  tenantId?: string;
  actorId: string;
  requestId?: string | null;
  /** Check and count, write nothing. */
  dryRun?: boolean;
  today?: string;
  /** Filled with the milliseconds each phase took (for benchmarks). */
  timings?: Record<string, number>;
}

export interface ImportSummary {
  ok: boolean;
  dryRun: boolean;
  tenantId: string | null;
  problems: ImportProblem[];
  counts: {
    organisation: number;
    households: { added: number; changed: number };
    persons: { added: number; changed: number };
    history: { added: number; removed: number };
    payments: { added: number; removed: number };
  };
}

class DryRun extends Error {}

/** History tables: CSV file → table, columns, and how a row is compared (its content key). */
const HISTORY = [
  {
    file: 'household_memberships.csv',
    table: 'household_memberships',
    columns: [
      { name: 'household_id', type: 'uuid' },
      { name: 'role', type: 'text' },
    ],
    values: (v: Record<string, unknown>, ids: Ids) => [ids.households.get(v.household_number as string), v.role],
  },
  {
    file: 'benefit_periods.csv',
    table: 'benefit_periods',
    columns: [
      { name: 'household_id', type: 'uuid' },
      { name: 'employable', type: 'bool' },
      { name: 'other_jobcenter', type: 'text' },
    ],
    values: (v: Record<string, unknown>, ids: Ids) => [
      v.household_number ? ids.households.get(v.household_number as string) : null,
      v.employable,
      v.other_jobcenter ?? null,
    ],
  },
  {
    file: 'status_periods.csv',
    table: 'status_periods',
    columns: [
      { name: 'kind', type: 'text' },
      { name: 'value', type: 'text' },
      { name: 'detail', type: 'text' },
    ],
    values: (v: Record<string, unknown>) => [v.kind, v.value, v.detail ?? null],
  },
  {
    file: 'team_assignments.csv',
    table: 'team_assignments',
    columns: [{ name: 'team_id', type: 'uuid' }],
    values: (v: Record<string, unknown>, ids: Ids) => [ids.teams.get(v.team as string)],
  },
  {
    file: 'employment_events.csv',
    table: 'employments',
    columns: [
      { name: 'kind', type: 'text' },
      { name: 'weekly_hours', type: 'numeric' },
      { name: 'employer', type: 'text' },
    ],
    values: (v: Record<string, unknown>) => [
      v.kind,
      v.weekly_hours == null ? null : Number(v.weekly_hours).toFixed(1),
      v.employer ?? null,
    ],
  },
] as const;

interface Ids {
  teams: Map<string, string>;
  staff: Map<string, string>;
  households: Map<string, string>;
  persons: Map<string, string>;
}

/** Content key of a row (built for every history and payment row: a loop, not map + join). */
const key = (values: readonly unknown[]) => {
  let k = '';
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const s = x === null || x === undefined ? '' : String(x);
    k = i === 0 ? s : `${k}\u0001${s}`;
  }
  return k;
};

/** The tables an import loads; into an empty database, their secondary indexes and constraints come after the data. */
export const IMPORTED_TABLES = [
  'households',
  'persons',
  'household_memberships',
  'benefit_periods',
  'status_periods',
  'team_assignments',
  'employments',
  'household_payments',
];

/**
 * Imports a Jobcenter's interchange files (docs/import-format.md): all or nothing. Every problem of every
 * file is reported; only when there is none is anything written, in one transaction. Records are matched
 * by their external keys (names, BG-Nummer, Kundennummer), so importing the same files again changes
 * nothing, and a later extract updates and adds.
 */
export async function importJobcenter(db: Database, files: ImportFile[], opts: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = {
    ok: false,
    dryRun: !!opts.dryRun,
    tenantId: opts.tenantId ?? null,
    problems: [],
    counts: {
      organisation: 0,
      households: { added: 0, changed: 0 },
      persons: { added: 0, changed: 0 },
      history: { added: 0, removed: 0 },
      payments: { added: 0, removed: 0 },
    },
  };
  const problems = summary.problems;
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    if (opts.timings) opts.timings[name] = Math.round(now - mark);
    mark = now;
  };
  const parsed = readFiles(files, problems);
  phase('parse');
  const rows = (f: string): Row[] => parsed.get(f) ?? [];
  // (only reached without problems, so no row is partial when written)

  let tenantId = opts.tenantId ?? null;
  const jobcenterName = rows('jobcenter.csv')[0]?.v.name as string | undefined;
  if (!tenantId && jobcenterName) {
    const [t] = await db.rows<{ id: string }>(sql`SELECT id FROM tenants WHERE name = ${jobcenterName}`);
    tenantId = t?.id ?? null;
  }
  if (!tenantId && !jobcenterName && !problems.some((p) => p.file === 'jobcenter.csv'))
    problems.push({
      file: 'jobcenter.csv',
      line: 0,
      column: null,
      message: 'Für den Import in ein neues Jobcenter fehlt jobcenter.csv',
    });

  const org = tenantId ? await readOrg(db, tenantId) : { tenantName: '', sites: [], teams: [], staff: [] };
  const existingHouseholds = tenantId
    ? await db.rows<{ id: string; number: string; teamId: string; caseworkerId: string | null; benefitOfficerId: string | null }>(
        sql`SELECT id, number, team_id AS "teamId", caseworker_id AS "caseworkerId", benefit_officer_id AS "benefitOfficerId"
              FROM households WHERE tenant_id = ${tenantId}`,
      )
    : [];
  const today = opts.today ?? todayInGermany();
  validateRows(
    parsed,
    {
      sites: new Set(org.sites.map((s) => s.name)),
      teams: new Set(org.teams.map((t) => t.name)),
      staffRoles: new Map(org.staff.map((s) => [s.username.toLowerCase(), s.roles as string[]])),
      households: new Set(existingHouseholds.map((h) => h.number)),
      today,
    },
    problems,
  );
  phase('validate');
  if (problems.length) {
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return summary;
  }

  try {
    await db.orm.transaction(async (tx) => {
      if (!tenantId) tenantId = await createEmptyTenant(tx, jobcenterName as string);
      summary.tenantId = tenantId;
      await apply(db, tx, tenantId, rows, existingHouseholds, opts, summary, phase);
      if (opts.dryRun) throw new DryRun();
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
    if (!opts.tenantId && jobcenterName) summary.tenantId = null;
  }
  // staff.csv may have changed accounts, roles and teams of people who are logged in
  if (!opts.dryRun) sessionsChanged(db);
  phase('commit');
  // Fresh statistics after a bulk load: PGlite has no autovacuum, and PostgreSQL's would come minutes later,
  // so until then the planner guesses on empty tables (one roster query took a minute on a fresh demo).
  if (!opts.dryRun) await db.rows(sql`ANALYZE`);
  phase('analyze');
  summary.ok = true;
  return summary;
}

async function apply(
  db: Database,
  tx: AppTx,
  tenantId: string,
  rows: (f: string) => Row[],
  existingHouseholds: {
    id: string;
    number: string;
    teamId: string;
    caseworkerId: string | null;
    benefitOfficerId: string | null;
  }[],
  opts: ImportOptions,
  summary: ImportSummary,
  phase: (name: string) => void,
) {
  const audit: AuditEntry[] = [];
  const entry = (action: string, entityType: string, entityId: string | null) =>
    audit.push({
      tenantId,
      actorId: opts.actorId,
      action,
      entityType,
      entityId,
      requestId: opts.requestId ?? null,
      outcome: 'success',
    });

  const org = await applyOrg(db, tx, tenantId, {
    sites: rows('sites.csv').map((r) => ({ name: r.v.name as string })),
    teams: rows('teams.csv').map((r) => ({ name: r.v.name as string, site: r.v.site as string, kind: r.v.kind as never })),
    staff: rows('staff.csv').map((r) => ({
      username: r.v.username as string,
      displayName: r.v.display_name as string,
      roles: r.v.roles as Role[],
      teams: r.v.teams as string[],
      active: r.v.active as boolean,
    })),
  });
  summary.counts.organisation = org.changed;
  if (org.changed) entry('organisation.import', 'tenant', tenantId);
  const ids: Ids = { teams: org.teamIds, staff: org.staffIds, households: new Map(), persons: new Map() };

  // A first load into an empty database goes the way pg_restore goes: data first, then the secondary indexes,
  // exclusion constraints and foreign keys (db/deferred-indexes.ts). What those would refuse row by row,
  // validate.ts has refused before anything is written (overlaps per person, unique keys, references), and
  // every id comes from a map built here; should a violation slip through anyway, the rebuild fails and the
  // whole transaction rolls back, so all-or-nothing holds either way.
  const rebuild = await deferIfEmpty(tx);

  // households
  const oldHouseholds = new Map(existingHouseholds.map((h) => [h.number, h]));
  for (const h of existingHouseholds) ids.households.set(h.number, h.id);
  const newHouseholds: unknown[][] = [[], [], [], [], [], []];
  for (const r of rows('households.csv')) {
    const number = r.v.number as string;
    const teamId = ids.teams.get(r.v.team as string) as string;
    const cw = r.v.caseworker ? (ids.staff.get((r.v.caseworker as string).toLowerCase()) ?? null) : null;
    const bo = r.v.benefit_officer ? (ids.staff.get((r.v.benefit_officer as string).toLowerCase()) ?? null) : null;
    const old = oldHouseholds.get(number);
    if (!old) {
      const id = uuidv7();
      ids.households.set(number, id);
      pushRow(newHouseholds, [id, tenantId, number, teamId, cw, bo]);
      summary.counts.households.added++;
      entry('household.import', 'household', id);
    } else if (old.teamId !== teamId || old.caseworkerId !== cw || old.benefitOfficerId !== bo) {
      await tx.execute(sql`UPDATE households SET team_id = ${teamId}, caseworker_id = ${cw}, benefit_officer_id = ${bo},
                             version = version + 1, updated_at = now() WHERE tenant_id = ${tenantId} AND id = ${old.id}`);
      summary.counts.households.changed++;
      entry('household.import', 'household', old.id);
    }
  }
  await bulkInsert(
    tx,
    'households',
    ['id', 'tenant_id', 'number', 'team_id', 'caseworker_id', 'benefit_officer_id'].map((name, i) => ({
      name,
      type: i === 2 ? 'text' : 'uuid',
    })),
    newHouseholds,
  );

  phase('households');
  // persons
  const personFields = [
    'family_name',
    'given_names',
    'birth_date',
    'sex',
    'nationality',
    'phone',
    'email',
    'street',
    'postcode',
    'city',
  ] as const;
  const existingPersons = await tx.execute(
    sql`SELECT id, customer_number, ${sql.raw(personFields.join(', '))} FROM persons WHERE tenant_id = ${tenantId}`,
  );
  const oldPersons = new Map(
    (existingPersons as unknown as { rows: Record<string, unknown>[] }).rows.map((p) => [p.customer_number as string, p]),
  );
  // The responsible team follows the latest assignment. Each listed person's assignments after the import are
  // exactly the file's rows (validated not to overlap, so no two share a start), hence computed here: new
  // persons get it in their INSERT instead of one UPDATE per person afterwards.
  const latestTeam = new Map<string, { from: string; teamId: string }>();
  for (const r of rows('team_assignments.csv')) {
    const cn = r.v.customer_number as string;
    const from = r.v.valid_from as string;
    const cur = latestTeam.get(cn);
    if (!cur || from > cur.from) latestTeam.set(cn, { from, teamId: ids.teams.get(r.v.team as string) as string });
  }
  const teamOf = (cn: string) => latestTeam.get(cn)?.teamId ?? null;
  const newPersons: unknown[][] = Array.from({ length: 15 }, () => []);
  const touched = new Set<string>();
  for (const r of rows('persons.csv')) {
    const cn = r.v.customer_number as string;
    const old = oldPersons.get(cn);
    const values = personFields.map((f) => (r.v[f] ?? null) as string | null);
    const searchKey = personSearchKey({
      familyName: r.v.family_name as string,
      givenNames: r.v.given_names as string,
      customerNumber: cn,
    });
    if (!old) {
      const id = uuidv7();
      ids.persons.set(cn, id);
      pushRow(newPersons, [id, tenantId, cn, ...values, searchKey, teamOf(cn)]);
      summary.counts.persons.added++;
      entry('person.import', 'person', id);
      continue;
    }
    ids.persons.set(cn, old.id as string);
    if (personFields.some((f, i) => (old[f] ?? null) !== values[i])) {
      await tx.execute(sql`UPDATE persons SET ${sql.join(
        personFields.map((f, i) => sql`${sql.identifier(f)} = ${values[i]}`),
        sql`, `,
      )}, search_key = ${searchKey}, version = version + 1, updated_at = now()
        WHERE tenant_id = ${tenantId} AND id = ${old.id as string}`);
      touched.add(old.id as string);
      summary.counts.persons.changed++;
    }
  }
  await bulkInsert(
    tx,
    'persons',
    ['id', 'tenant_id', 'customer_number', ...personFields, 'search_key', 'team_id'].map((name) => ({
      name,
      type: name === 'id' || name === 'tenant_id' || name === 'team_id' ? 'uuid' : name === 'birth_date' ? 'date' : 'text',
    })),
    newPersons,
  );

  phase('persons');
  // history: per person in persons.csv, the file's rows replace the stored ones (a diff by content)
  const isNew = new Set(newPersons[0] as string[]);
  const existingIds: string[] = [];
  const existingCustomers: string[] = [];
  for (const r of rows('persons.csv')) {
    const id = ids.persons.get(r.v.customer_number as string) as string;
    if (isNew.has(id)) continue;
    existingIds.push(id);
    existingCustomers.push(r.v.customer_number as string);
  }
  const changedPersons = new Set<string>();
  for (const h of HISTORY) {
    // stored rows of listed persons that existed before, by content (new persons have none)
    const stored: { id: string; personId: string; keep: boolean }[] = [];
    const storedByKey = new Map<string, number[]>();
    for (let start = 0; start < existingIds.length; start += 20_000) {
      const slice = existingIds.slice(start, start + 20_000);
      const result = (await tx.execute(sql`
        SELECT id, person_id, ${sql.raw(h.columns.map((c) => c.name).join(', '))}, valid_from, valid_to
          FROM ${sql.identifier(h.table)} WHERE tenant_id = ${tenantId} AND person_id = ANY(${sql.param(slice)}::uuid[])`)) as unknown as {
        rows: Record<string, unknown>[];
      };
      for (const row of result.rows) {
        const k = key([row.person_id, ...h.columns.map((c) => row[c.name]), row.valid_from, row.valid_to]);
        const list = storedByKey.get(k);
        if (list) list.push(stored.length);
        else storedByKey.set(k, [stored.length]);
        stored.push({ id: row.id as string, personId: row.person_id as string, keep: false });
      }
    }
    const columns = [
      { name: 'id', type: 'uuid' },
      { name: 'tenant_id', type: 'uuid' },
      { name: 'person_id', type: 'uuid' },
      ...h.columns,
      { name: 'valid_from', type: 'date' },
      { name: 'valid_to', type: 'date' },
    ];
    const data: unknown[][] = columns.map(() => []);
    // In file order, each distinct row once: one stored row with the same content stays, the others are new.
    const seen = new Set<string>();
    const insertedFor: string[] = [];
    for (const r of rows(h.file)) {
      const personId = ids.persons.get(r.v.customer_number as string) as string;
      const values = [personId, ...h.values(r.v, ids), r.v.valid_from, toStoredEnd(r.v.valid_until as string | null)];
      const k = key(values);
      if (seen.has(k)) continue;
      seen.add(k);
      const match = storedByKey.get(k)?.shift();
      if (match !== undefined) {
        (stored[match] as (typeof stored)[number]).keep = true;
        continue;
      }
      pushRow(data, [uuidv7(), tenantId, ...values]);
      insertedFor.push(personId);
    }
    // persons with a removed row first, then those with an added one (the order of their audit entries)
    const deletes: string[] = [];
    for (const row of stored)
      if (!row.keep) {
        deletes.push(row.id);
        changedPersons.add(row.personId);
      }
    for (const personId of insertedFor) if (!isNew.has(personId)) changedPersons.add(personId);
    await bulkDelete(tx, h.table, tenantId, deletes);
    await bulkInsert(tx, h.table, columns, data);
    phase(`history:${h.table}`);
    summary.counts.history.added += insertedFor.length;
    summary.counts.history.removed += deletes.length;
  }
  // persons that existed before: their team follows the new latest assignment (new ones got it on INSERT)
  const teamUpdates = existingIds.map((id, i) => [id, teamOf(existingCustomers[i] as string)] as const);
  for (let start = 0; start < teamUpdates.length; start += 20_000) {
    const slice = teamUpdates.slice(start, start + 20_000);
    await tx.execute(sql`
      UPDATE persons p SET team_id = t.team_id
        FROM unnest(${sql.param(slice.map((x) => x[0]))}::uuid[], ${sql.param(slice.map((x) => x[1]))}::uuid[]) AS t(id, team_id)
       WHERE p.tenant_id = ${tenantId} AND p.id = t.id AND p.team_id IS DISTINCT FROM t.team_id`);
  }
  const bumped = [...changedPersons].filter((id) => !touched.has(id));
  if (bumped.length)
    await tx.execute(sql`UPDATE persons SET version = version + 1, updated_at = now()
                          WHERE tenant_id = ${tenantId} AND id = ANY(${sql.param(bumped)}::uuid[])`);
  for (const id of new Set([...touched, ...changedPersons])) entry('person.import', 'person', id);

  phase('history');
  // payments: per household in households.csv, the file's months replace the stored ones
  // Stored months exist only for households that existed before.
  const newHouseholdIds = new Set(newHouseholds[0] as string[]);
  const householdIds = rows('households.csv')
    .map((r) => ids.households.get(r.v.number as string) as string)
    .filter((id) => !newHouseholdIds.has(id));
  const storedPay = new Map<string, { householdId: unknown; month: unknown }>();
  for (let start = 0; start < householdIds.length; start += 20_000) {
    const result = (await tx.execute(sql`
      SELECT household_id, month, standard_cents, additional_cents, housing_cents FROM household_payments
       WHERE tenant_id = ${tenantId} AND household_id = ANY(${sql.param(householdIds.slice(start, start + 20_000))}::uuid[])`)) as unknown as {
      rows: Record<string, unknown>[];
    };
    for (const row of result.rows)
      storedPay.set(key([row.household_id, row.month, row.standard_cents, row.additional_cents, row.housing_cents]), {
        householdId: row.household_id,
        month: row.month,
      });
  }
  const payData: unknown[][] = [[], [], [], [], [], []];
  const payHouseholds = new Set<string>();
  const seenPay = new Set<string>();
  for (const r of rows('household_payments.csv')) {
    const householdId = ids.households.get(r.v.household_number as string) as string;
    const values = [householdId, `${r.v.month}-01`, r.v.standard_cents, r.v.additional_cents, r.v.housing_cents];
    // A new household has no stored months, and validate.ts refused a month listed twice: no key needed.
    if (!newHouseholdIds.has(householdId)) {
      const k = key(values);
      if (seenPay.has(k)) continue;
      seenPay.add(k);
      if (storedPay.delete(k)) continue;
    }
    pushRow(payData, [tenantId, ...values]);
    payHouseholds.add(householdId);
  }
  const payDeletes: unknown[][] = [[], []];
  for (const { householdId, month } of storedPay.values()) {
    payDeletes[0]?.push(householdId);
    payDeletes[1]?.push(month);
  }
  if (payDeletes[0]?.length)
    await tx.execute(sql`DELETE FROM household_payments WHERE tenant_id = ${tenantId} AND (household_id, month) IN (
      SELECT * FROM unnest(${sql.param(payDeletes[0])}::uuid[], ${sql.param(payDeletes[1])}::date[]))`);
  await bulkInsert(
    tx,
    'household_payments',
    [
      { name: 'tenant_id', type: 'uuid' },
      { name: 'household_id', type: 'uuid' },
      { name: 'month', type: 'date' },
      { name: 'standard_cents', type: 'int8' },
      { name: 'additional_cents', type: 'int8' },
      { name: 'housing_cents', type: 'int8' },
    ],
    payData,
  );
  summary.counts.payments.added = payData[0]?.length ?? 0;
  summary.counts.payments.removed = payDeletes[0]?.length ?? 0;
  for (const h of new Set([...payHouseholds, ...(payDeletes[0] as string[])])) entry('household_payment.import', 'household', h);

  phase('payments');
  if (rebuild) {
    await rebuild();
    phase('indexes');
  }
  const changes =
    summary.counts.organisation +
    summary.counts.households.added +
    summary.counts.households.changed +
    summary.counts.persons.added +
    summary.counts.persons.changed +
    summary.counts.history.added +
    summary.counts.history.removed +
    summary.counts.payments.added +
    summary.counts.payments.removed;
  if (changes) entry('data.import', 'tenant', tenantId);
  await appendAudit(tx, audit);
  phase('audit');
}

/** Appends one row to column-major arrays. */
function pushRow(data: unknown[][], row: readonly unknown[]) {
  for (let i = 0; i < row.length; i++) (data[i] as unknown[]).push(row[i]);
}

/**
 * Drops what db/deferred-indexes.ts can defer when no table of the import holds a row (of any Jobcenter);
 * returns the rebuild, or null. The unlocked look comes first because deferIndexes locks every table
 * ACCESS EXCLUSIVE before it looks, which an import into a database in use must not do.
 */
async function deferIfEmpty(tx: AppTx): Promise<(() => Promise<void>) | null> {
  const conn = rawConnectionOf(tx);
  if (!conn) return null;
  const result = (await tx.execute(
    sql.raw(`SELECT ${IMPORTED_TABLES.map((t) => `EXISTS (SELECT 1 FROM "${t}")`).join(' OR ')} AS "any"`),
  )) as unknown as { rows: { any: boolean }[] };
  if (result.rows[0]?.any !== false) return null;
  return deferIndexes(conn, IMPORTED_TABLES);
}
