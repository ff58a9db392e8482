import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk.ts';
import type { Database } from '../../db/client.ts';
import { appendAudit } from '../audit/service.ts';
import { hashPassword } from '../auth/password.ts';
import { seedBudgetDemo } from '../budget/demo.ts';
import { seedMeasuresDemo } from '../measures/demo.ts';
import { createTenant, SYSTEM_ACTOR } from '../org/bootstrap.ts';
import type { Role } from '../org/schema.ts';
import { seedPlanningDemo } from '../planning/demo.ts';
import type { CalibrationRow } from './calibration.ts';
import { SITES, TEAMS } from './geography.ts';
import { IdFactory } from './population.ts';
import { type Chunk, chunkBytes, type ProduceContext, type ProduceParams, produce, shardsFor, TABLE_ORDER } from './produce.ts';
import { Rng } from './random.ts';
import type { TableSpec } from './records.ts';
import { openSink } from './sink.ts';
import { LOGIN_ACCOUNTS, planStaff } from './staff.ts';

/**
 * `generateDemo(db, { seed, scale })`: the synthetic Jobcenter modelled on the Kommunales Jobcenter
 * Lahn-Dill (report 2019): its organisation and ~300 staff, five years of history of its households and
 * persons, calibrated to the report (targets.ts, calibration.ts). Same seed, same data on every machine.
 *
 * Scale K multiplies the population: K ≤ 1 is one simulation; a larger K runs ⌈K⌉ simulations ("shards") of
 * K/⌈K⌉ each, one after another, written as they are made, so memory stays that of one (K = 100: a federal
 * state of a million eLb). Staff stay the same ~300.
 */
/** The organisation's tables the demo writes (besides the people's, TABLE_ORDER). */
const ORG_TABLES = ['tenants', 'sites', 'teams', 'staff', 'staff_roles', 'team_memberships'];

export const DEFAULT_TENANT_NAME = 'Kommunales Jobcenter Lahn-Dill (Demo)';
export const MAX_SCALE = 1000;

export interface DemoOptions {
  seed?: number;
  scale?: number;
  tenantName?: string;
  /** Also compute the calibration table (first shard; costs a few seconds at scale 1). */
  calibrate?: boolean;
  /** Progress messages (German, for the command line). */
  onProgress?: (message: string) => void;
  /**
   * Simulate in this thread instead of a worker thread. The worker lets the database write one part
   * while the next is simulated; in-process is simpler to debug and needs no second module loader.
   */
  inProcess?: boolean;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  /** Shown once; only its hash is stored. */
  password: string;
}

export interface DemoResult {
  tenantId: string;
  tenantName: string;
  seed: number;
  scale: number;
  shards: number;
  accounts: DemoAccount[];
  staff: number;
  rows: Record<string, number>;
  calibration: CalibrationRow[] | null;
  /**
   * Milliseconds: simulation (worker, overlapping the rest), writing (COPY and rebuild, in one transaction),
   * total; `phases` splits the main thread's time for the bench (COPY per table, 'wait' for the worker, …).
   */
  ms: { simulate: number; write: number; total: number; phases: Record<string, number> };
}

export async function generateDemo(db: Database, opts: DemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  const scale = opts.scale ?? 1;
  if (!Number.isInteger(seed) || seed < 0) throw new Error('Der Startwert (seed) muss eine ganze Zahl ≥ 0 sein.');
  if (!(scale > 0 && scale <= MAX_SCALE))
    throw new Error(`Der Maßstab (scale) muss größer als 0 und höchstens ${MAX_SCALE} sein.`);
  const say = opts.onProgress ?? (() => {});
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    phases[phase] = (phases[phase] ?? 0) + now - mark;
    mark = now;
  };
  const tenantName = opts.tenantName ?? DEFAULT_TENANT_NAME;

  // the simulation starts at once (in a worker) while the Jobcenter and its staff are created
  const params: ProduceParams = { seed, scale, calibrate: opts.calibrate ?? false };
  const producer = opts.inProcess ? inProcess(params) : fromWorker(params);

  // staff: login names are unique in the whole installation; a second demo gets a suffix
  const plan = planStaff(seed);
  const suffix = await freeSuffix(
    db,
    plan.map((s) => s.username),
  );
  for (const s of plan) s.username += suffix;

  const logins = plan.filter((s) => s.login);
  const created = await createTenant(db, {
    name: tenantName,
    sites: [...SITES],
    teams: TEAMS.map((t) => ({ name: t.name, site: t.site, kind: t.kind })),
    staff: logins.map((s) => ({ username: s.username, displayName: s.displayName, roles: s.roles, teams: s.teams })),
  });
  const tenantId = created.tenantId;
  const staffIds = await insertOtherStaff(db, tenantId, plan, created.staffIds, created.teamIds, seed);
  const teamIds = TEAMS.map((t) => created.teamIds[t.name] as string);
  say(`Jobcenter „${tenantName}“ mit ${plan.length} Beschäftigten angelegt.`);
  lap('setup');

  producer.provide({ tenantId, teamIds, staffIds });
  const { shards } = shardsFor(scale);
  const rows: Record<string, number> = { total: 0 };
  let calibration: CalibrationRow[] | null = null;
  let simMs = 0;
  const written = performance.now();
  const sink = await openSink(
    db,
    TABLE_ORDER.map((t) => t.table),
  );
  lap('defer');
  try {
    for await (const chunk of producer.chunks) {
      lap('wait');
      if (chunk.kind === 'rows') {
        await sink.copy(TABLE_ORDER[chunk.table] as TableSpec, chunk.payload);
        lap('copy');
        rows.total = (rows.total ?? 0) + chunk.rows;
      } else if (chunk.kind === 'shard') {
        simMs += chunk.simulateMs;
        for (const [table, n] of Object.entries(chunk.rows)) rows[table] = (rows[table] ?? 0) + n;
        if (chunk.shards > 2) say(`Teil ${chunk.shard + 1} von ${chunk.shards} simuliert.`);
      } else if (chunk.kind === 'calibration') calibration = chunk.rows;
    }
    lap('wait');
    await sink.commit();
    lap('commit');
  } catch (err) {
    await sink.rollback().catch(() => {});
    await producer.stop();
    throw err;
  }
  const writeMs = performance.now() - written;
  await db.orm.transaction((tx) =>
    appendAudit(tx, [
      {
        tenantId,
        actorId: SYSTEM_ACTOR,
        action: 'demo.generate',
        entityType: 'tenant',
        entityId: tenantId,
        purpose: `Demodaten (seed ${seed}, scale ${scale})`,
        outcome: 'success',
      },
    ]),
  );
  lap('audit');
  // statistics for the planner after the bulk load (PGlite has no autovacuum); the modules below query people.
  // Only the tables the demo filled: a database-wide ANALYZE also visits every catalogue and empty table.
  await db.rows(sql.raw(`ANALYZE ${[...TABLE_ORDER.map((t) => t.table), ...ORG_TABLES].join(', ')}`));
  lap('analyze');
  // modules with demo data of their own (docs/demo.md, "Weitere Module"), after the people
  const measures = await seedMeasuresDemo(db, tenantId, {
    caseworkerId: created.staffIds[`pap${suffix}`] ?? (staffIds[0] as string),
    actorId: SYSTEM_ACTOR,
  });
  rows.measure_assignments = measures.assignments;
  lap('measures');
  say(`Maßnahmen: ${measures.measures} Maßnahmen, ${measures.assignments} Zuweisungen (${Math.round(measures.ms)} ms).`);
  // integration planning (plans, contacts, MitArbeit reviews) for part of the persons: planning/demo.ts
  const planningStart = performance.now();
  const planning = await seedPlanningDemo(db, tenantId, {
    seed,
    staff: plan.map((s, i) => ({
      id: staffIds[i] as string,
      roles: s.roles,
      teamIds: s.teams.map((n) => created.teamIds[n] as string),
    })),
  });
  lap('planning');
  say(
    `Integrationsplanung: ${planning.plans} Pläne, ${planning.contacts} Kontakte, ${planning.reviews} MitArbeit-Prüfungen (${Math.round(performance.now() - planningStart)} ms).`,
  );
  // Eingliederungsbudget 2015–2020 and the § 16i / § 16e contracts of the recorded jobs (budget module)
  const budget = await seedBudgetDemo(db, tenantId, { scale });
  lap('budget');
  say(
    `Eingliederungsbudget und ${budget.contracts} Förderverträge (§ 16i/§ 16e) in ${(budget.ms / 1000).toFixed(1)} s angelegt.`,
  );
  const order = new Map<string, number>(LOGIN_ACCOUNTS.map((u, i) => [u + suffix, i]));
  return {
    tenantId,
    tenantName,
    seed,
    scale,
    shards,
    accounts: [...created.passwords].sort((a, b) => (order.get(a.username) ?? 99) - (order.get(b.username) ?? 99)),
    staff: plan.length,
    rows,
    calibration,
    ms: {
      simulate: simMs,
      write: writeMs,
      total: performance.now() - started,
      phases: { ...phases, ...Object.fromEntries(Object.entries(sink.ms).map(([k, v]) => [`copy:${k}`, v])) },
    },
  };
}

/** '' if none of the names is taken yet, else '-2', '-3' … (the first that frees them all). */
async function freeSuffix(db: Database, usernames: string[]): Promise<string> {
  const taken = new Set((await db.rows<{ u: string }>(sql`SELECT lower(username) AS u FROM staff`)).map((r) => r.u));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? '' : `-${i}`;
    if (usernames.every((u) => !taken.has(`${u}${suffix}`.toLowerCase()))) return suffix;
  }
}

/**
 * The staff without a login (all but the one account per role): written directly, with the hash of a
 * random secret nobody knows, so that they cannot log in until an admin resets their password.
 */
async function insertOtherStaff(
  db: Database,
  tenantId: string,
  plan: ReturnType<typeof planStaff>,
  loginIds: Record<string, string>,
  teamIds: Record<string, string>,
  seed: number,
): Promise<string[]> {
  const ids = new IdFactory(new Rng(`teilhabe-demo/${seed}/staff-ids`));
  const staffIds = plan.map((s) => loginIds[s.username] ?? ids.next());
  const locked = await hashPassword(randomBytes(32).toString('base64'));
  const others = plan.map((s, i) => ({ s, id: staffIds[i] as string })).filter((x) => !x.s.login);
  const staffRows: unknown[][] = [[], [], [], [], []];
  const roleRows: unknown[][] = [[], [], []];
  const teamRows: unknown[][] = [[], [], []];
  for (const { s, id } of others) {
    [id, tenantId, s.username, s.displayName, locked].forEach((v, k) => {
      staffRows[k]?.push(v);
    });
    for (const role of s.roles)
      [tenantId, id, role].forEach((v, k) => {
        roleRows[k]?.push(v);
      });
    for (const team of s.teams)
      [tenantId, id, teamIds[team]].forEach((v, k) => {
        teamRows[k]?.push(v);
      });
  }
  await db.orm.transaction(async (tx) => {
    await bulkInsert(
      tx,
      'staff',
      [
        { name: 'id', type: 'uuid' },
        { name: 'tenant_id', type: 'uuid' },
        { name: 'username', type: 'text' },
        { name: 'display_name', type: 'text' },
        { name: 'password_hash', type: 'text' },
      ],
      staffRows,
    );
    await bulkInsert(
      tx,
      'staff_roles',
      [
        { name: 'tenant_id', type: 'uuid' },
        { name: 'staff_id', type: 'uuid' },
        { name: 'role', type: 'text' },
      ],
      roleRows,
    );
    await bulkInsert(
      tx,
      'team_memberships',
      [
        { name: 'tenant_id', type: 'uuid' },
        { name: 'staff_id', type: 'uuid' },
        { name: 'team_id', type: 'uuid' },
      ],
      teamRows,
    );
  });
  return staffIds;
}

interface Producer {
  chunks: AsyncIterable<Chunk>;
  provide(context: ProduceContext): void;
  stop(): Promise<void>;
}

function inProcess(params: ProduceParams): Producer {
  let context: ProduceContext | undefined;
  async function* chunks() {
    const gen = produce(params);
    for (let next = gen.next(); !next.done; ) {
      if (next.value.kind === 'context') {
        next = gen.next(context);
        continue;
      }
      yield next.value;
      next = gen.next();
    }
  }
  return {
    chunks: chunks(),
    provide: (c) => {
      context = c;
    },
    stop: async () => {},
  };
}

/**
 * Chunks from a worker thread (worker.ts), at most `windowBytes` in flight: 64 MiB holds one shard's rows
 * (~55 MB at shard scale 0.5), so the worker simulates the next shard while this thread writes the last.
 * With 6 chunks (before 03.12.2026) it waited for the writes and scale 1 lost ~4 s (docs/demo.md).
 */
function fromWorker(params: ProduceParams, windowBytes = 64 * 1024 * 1024): Producer {
  // worker-entry.mjs registers the TypeScript loader (tsx) in the worker, then loads worker.ts
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { params, windowBytes } });
  const queue: (Chunk | { kind: 'end' } | { kind: 'error'; message: string })[] = [];
  let failure: Error | null = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure = err;
    notify();
  });
  worker.on('exit', (code) => {
    if (!ended && !failure) failure = new Error(`Demo-Generator (Worker) beendet mit Code ${code}`);
    notify();
  });
  const stop = async () => {
    ended = true;
    await worker.terminate();
  };
  async function* chunks(): AsyncGenerator<Chunk> {
    try {
      for (;;) {
        while (!queue.length && !failure)
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        const m = queue.shift();
        if (!m) throw failure ?? new Error('Demo-Generator (Worker) ohne Ergebnis');
        if (m.kind === 'end') {
          ended = true;
          return;
        }
        if (m.kind === 'error') throw new Error(m.message);
        worker.postMessage({ taken: chunkBytes(m) });
        yield m;
      }
    } finally {
      await stop();
    }
  }
  return { chunks: chunks(), provide: (context) => worker.postMessage({ context }), stop };
}
