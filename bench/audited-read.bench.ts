import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { verifyAuditChain } from '../src/modules/audit/service.ts';
import { DEMO_TENANT } from '../src/modules/demo/organisation.ts';
import { createTenant } from '../src/modules/org/bootstrap.ts';
import { freshDatabase, median } from './support/databases.ts';
import { autocannon, type LoadResult, machine, printRuns, writeResults } from './support/load.ts';

/**
 * What does it cost to read one staff record the way every record is read: session resolved
 * (from the database at most once a second per session, docs/decisions/0006-session-cache.md),
 * permission and team scope checked, the record read from the database, the read written to the
 * hash-chained audit log before the answer leaves?
 *
 * Three targets in the same process, on a fresh PostgreSQL database, runs alternating:
 *   bare     – a plain Fastify route returning the same JSON from memory (no I/O at all)
 *   session  – GET /api/auth/session: the same session resolve, no query, no audit (what the
 *              pipeline of an authenticated request costs: hooks, session, permission, serialisation)
 *   audited  – GET /api/org/staff/:id as the team lead: session, scope, read, audit entry
 *
 * Budget: audited p99 ≤ 25 ms, and bare at most 3× the audited throughput.
 * Knobs: BENCH_SECONDS (10), BENCH_RUNS (3), BENCH_CONNECTIONS (50), TEST_DATABASE_URL.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const BUDGET = { p99Ms: 25, throughputRatio: 3 };
const PASSWORD = 'Bench-Passwort-2026!';
const TARGETS = ['bare', 'session', 'audited'] as const;
type Target = (typeof TARGETS)[number];

const db = await freshDatabase('postgres'); // empty, migrated; dropped again by close()
const bare = Fastify({ logger: false });
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
let exitCode = 0;
try {
  const tenant = await createTenant(db, {
    ...DEMO_TENANT,
    staff: DEMO_TENANT.staff.map((s) => ({ ...s, password: PASSWORD })),
  });
  app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent' }), serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  // the team lead of Wetzlar Nord and Süd reads a caseworker of Wetzlar Nord
  const login = await fetch(`${appUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'teamleitung', password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`Anmeldung: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const urls: Record<Target, string> = {
    bare: '',
    session: `${appUrl}/api/auth/session`,
    audited: `${appUrl}/api/org/staff/${tenant.staffIds.pap}`,
  };
  const sample = await fetch(urls.audited, { headers: { cookie } });
  if (sample.status !== 200) throw new Error(`Probe-Lesen: ${sample.status}`);
  const body = await sample.json();
  bare.get('/bare', async () => body);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  urls.bare = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/bare`;

  const countReads = async () =>
    (await db.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'staff.read'`))[0]?.n ?? 0;
  const before = await countReads();
  const load = (target: Target, label: string, seconds = SECONDS) =>
    autocannon(label, urls[target], {
      connections: CONNECTIONS,
      seconds,
      headers: target === 'bare' ? {} : { cookie },
    });

  console.log(
    `${CONNECTIONS} Verbindungen, ${RUNS} × ${SECONDS} s je Ziel, abwechselnd; PostgreSQL; je Ziel 3 s Aufwärmen; ` +
      `Last vorher ${machine().loadAverage.join(' / ')}`,
  );
  const warm: LoadResult[] = [];
  for (const target of TARGETS) warm.push(await load(target, `warm ${target}`, 3));
  const runs: LoadResult[] = [];
  for (let i = 1; i <= RUNS; i++) for (const target of TARGETS) runs.push(await load(target, `${target} ${i}`));
  printRuns(runs);

  const summary = (target: Target) => {
    const rs = runs.filter((r) => r.label.startsWith(`${target} `));
    return {
      mean: median(rs.map((r) => r.mean)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      rps: median(rs.map((r) => r.rps)),
    };
  };
  const m = { bare: summary('bare'), session: summary('session'), audited: summary('audited') };
  const ratios = {
    /** How many times the bare route's throughput the audited read has (the budgeted ratio). */
    throughputBareToAudited: m.bare.rps / m.audited.rps,
    /** The audit's own share: session-only against session + scope + read + audit. */
    throughputSessionToAudited: m.session.rps / m.audited.rps,
    latencyMeanAuditedToBare: m.audited.mean / m.bare.mean,
  };
  console.log(`\nLast nachher ${machine().loadAverage.join(' / ')} (1/5/15 min; ${machine().cpus} CPUs)`);
  console.log('Mediane:');
  for (const t of TARGETS)
    console.log(
      `  ${t.padEnd(8)} Mittel ${m[t].mean.toFixed(2)} ms, p50 ${m[t].p50} ms, p99 ${m[t].p99} ms, ${Math.round(m[t].rps)} req/s`,
    );
  // the targets of one round ran right after each other, under about the same load from elsewhere
  const perRound = Array.from({ length: RUNS }, (_, i) => {
    const rps = (t: Target) => runs.find((r) => r.label === `${t} ${i + 1}`)?.rps ?? Number.NaN;
    return { bareToAudited: rps('bare') / rps('audited'), bareToSession: rps('bare') / rps('session') };
  });
  console.log(
    `Je Durchgang bare/audited: ${perRound.map((r) => `${r.bareToAudited.toFixed(2)}×`).join(', ')}; ` +
      `bare/session: ${perRound.map((r) => `${r.bareToSession.toFixed(2)}×`).join(', ')}`,
  );
  console.log(
    `Verhältnisse: Durchsatz bare/audited ${ratios.throughputBareToAudited.toFixed(2)}×, ` +
      `session/audited ${ratios.throughputSessionToAudited.toFixed(2)}×; ` +
      `mittlere Latenz audited/bare ${ratios.latencyMeanAuditedToBare.toFixed(1)}×`,
  );

  // every answered read is on file, and the chain holds after the load
  const recorded = (await countReads()) - before;
  const answered = [...warm, ...runs]
    .filter((r) => r.label.includes('audited'))
    .reduce((n, r) => n + r.requests - r.non2xx - r.errors, 0);
  const chain = await verifyAuditChain(db, tenant.tenantId);
  console.log(
    `Protokoll: ${recorded} Lesezugriffe erfasst, ${answered} beantwortet (abgebrochene Anfragen am Laufende ` +
      `sind erfasst, aber nicht gezählt); Kette ${chain.ok ? 'intakt' : 'DEFEKT'} (${chain.checked} Einträge)`,
  );

  const met = { p99: m.audited.p99 <= BUDGET.p99Ms, throughputRatio: ratios.throughputBareToAudited <= BUDGET.throughputRatio };
  console.log(
    `Budget: p99 ≤ ${BUDGET.p99Ms} ms ${met.p99 ? 'eingehalten' : 'VERFEHLT'}; ` +
      `Durchsatz bare/audited ≤ ${BUDGET.throughputRatio} ${met.throughputRatio ? 'eingehalten' : 'VERFEHLT'}`,
  );
  const file = writeResults('audited-read', {
    at: new Date().toISOString(),
    machine: machine(),
    settings: { connections: CONNECTIONS, seconds: SECONDS, runs: RUNS, database: 'postgres' },
    runs,
    medians: m,
    ratios: { ...ratios, perRound },
    audit: { recorded, answered, chainOk: chain.ok, chainChecked: chain.checked },
    budget: { ...BUDGET, met },
  });
  console.log(`Ergebnisse: ${file}`);
  if (!chain.ok || recorded < answered) exitCode = 1;
  if (process.argv.includes('--strict') && !(met.p99 && met.throughputRatio)) exitCode = 1;
} finally {
  await bare.close();
  await app?.close();
  await db.close();
}
process.exit(exitCode);
