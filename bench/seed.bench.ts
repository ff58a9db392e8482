/**
 * Issue 4 budget: the default demo (scale 1) is ready in under 30 s on PGlite; scale 100 (a federal state,
 * ~1 million eLb, ~100 million rows) streams into PostgreSQL with COPY in under 1 GiB peak memory.
 *
 * Each run is its own process (a fresh database, created and dropped; peak memory = the process's max RSS,
 * worker thread included), so runs do not inherit each other's heap. Medians over the runs.
 * Baseline in the same table: the simulation alone (no database), which any generation pays.
 *
 * Usage: npm run bench -- seed   or   node --import tsx bench/seed.bench.ts
 * Knobs: SEED_BENCH_RUNS (3), SEED_BENCH_PG_SCALE (100), SEED_BENCH_PG_RUNS (1), SEED_BENCH_SKIP_PG=1,
 *        TEST_DATABASE_URL / BENCH_DATABASE_URL (PostgreSQL), --strict (exit 1 when a budget is missed).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { freshDatabase, median } from './support/databases.ts';
import { machine, writeResults } from './support/load.ts';

const BUDGET = { pgliteScale1Seconds: 30, peakRssMiB: 1024 };

interface Run {
  kind: 'pglite' | 'postgres' | 'memory';
  scale: number;
  seconds: number;
  simulateSeconds: number;
  rows: number;
  peakRssMiB: number;
  /** CPU seconds of the process (all threads): less dependent on what else runs on the machine than wall time. */
  cpuSeconds: number;
  /** 1-minute load average at the end of the run. */
  load: number;
  /** Seconds per phase of the main thread (generate.ts `ms.phases`). */
  phases?: Record<string, number>;
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  // one measured generation: node --import tsx bench/seed.bench.ts --child <kind> <scale>
  const kind = args[1] as Run['kind'];
  const scale = Number(args[2]);
  const started = performance.now();
  let run: Run;
  if (kind === 'memory') {
    const { simulateAll } = await import('../src/modules/demo/produce.ts');
    const worlds = simulateAll(1, scale);
    const seconds = (performance.now() - started) / 1000;
    const persons = worlds.reduce((n, w) => n + w.persons.length, 0);
    run = { kind, scale, seconds, simulateSeconds: seconds, rows: persons, peakRssMiB: 0, cpuSeconds: 0, load: 0 };
  } else {
    const { generateDemo } = await import('../src/modules/demo/generate.ts');
    // PGlite as `npm start` uses it: with a data directory (in memory it needs about twice the RAM)
    const dir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-seed-bench-')) : null;
    const db = dir ? await openPglite(dir) : await freshDatabase(kind);
    if (dir) await migrate(db);
    try {
      const t = performance.now();
      const result = await generateDemo(db, { seed: 1, scale });
      run = {
        kind,
        scale,
        seconds: (performance.now() - t) / 1000,
        simulateSeconds: result.ms.simulate / 1000,
        rows: result.rows.total ?? 0,
        peakRssMiB: 0,
        cpuSeconds: 0,
        load: 0,
        phases: Object.fromEntries(Object.entries(result.ms.phases).map(([k, v]) => [k, Math.round(v) / 1000])),
      };
    } finally {
      await db.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const usage = process.resourceUsage();
  run.peakRssMiB = Math.round(usage.maxRSS / 1024);
  run.cpuSeconds = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e4) / 100;
  run.load = os.loadavg()[0] as number;
  console.log(`RESULT ${JSON.stringify(run)}`);
  process.exit(0);
}

const strict = args.includes('--strict');
const RUNS = Number(process.env.SEED_BENCH_RUNS ?? 3);
const PG_SCALE = Number(process.env.SEED_BENCH_PG_SCALE ?? 100);
const PG_RUNS = Number(process.env.SEED_BENCH_PG_RUNS ?? 1);
const self = fileURLToPath(import.meta.url);

function child(kind: Run['kind'], scale: number): Run {
  const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', kind, String(scale)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: process.env,
  });
  const line = res.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (res.status !== 0 || !line) throw new Error(`${kind} scale ${scale}: Exit-Code ${res.status}\n${res.stderr}`);
  const run = JSON.parse(line.slice(7)) as Run;
  console.log(
    `${kind.padEnd(9)} scale ${String(scale).padStart(5)}: ${run.seconds.toFixed(1).padStart(7)} s, ` +
      `Simulation ${run.simulateSeconds.toFixed(1).padStart(6)} s, ${run.rows.toLocaleString('de-DE').padStart(12)} ${kind === 'memory' ? 'Personen' : 'Zeilen'}, ` +
      `Spitze ${String(run.peakRssMiB).padStart(5)} MiB, CPU ${run.cpuSeconds.toFixed(1)} s, Last ${run.load.toFixed(1)}`,
  );
  if (run.phases)
    console.log(
      `          ${Object.entries(run.phases)
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ')}`,
    );
  return run;
}

const plan: { kind: Run['kind']; scale: number; runs: number }[] = [
  { kind: 'memory', scale: 1, runs: RUNS },
  { kind: 'pglite', scale: 1, runs: RUNS },
];
if (process.env.SEED_BENCH_SKIP_PG !== '1') {
  plan.push({ kind: 'postgres', scale: 1, runs: RUNS });
  plan.push({ kind: 'postgres', scale: PG_SCALE, runs: PG_RUNS });
}

const results: {
  kind: string;
  scale: number;
  runs: Run[];
  median: { seconds: number; cpuSeconds: number; peakRssMiB: number; rowsPerSecond: number };
}[] = [];
for (const p of plan) {
  const runs: Run[] = [];
  for (let i = 0; i < p.runs; i++) runs.push(child(p.kind, p.scale));
  const seconds = median(runs.map((r) => r.seconds));
  results.push({
    kind: p.kind,
    scale: p.scale,
    runs,
    median: {
      seconds,
      cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
      peakRssMiB: median(runs.map((r) => r.peakRssMiB)),
      rowsPerSecond: Math.round(median(runs.map((r) => r.rows)) / seconds),
    },
  });
}

console.log('\nMediane:');
for (const r of results)
  console.log(
    `  ${r.kind.padEnd(9)} scale ${String(r.scale).padStart(5)}: ${r.median.seconds.toFixed(1)} s (CPU ${r.median.cpuSeconds.toFixed(1)} s) über ${r.runs.length} Lauf/Läufe` +
      (r.kind === 'memory'
        ? ''
        : `, ${r.median.rowsPerSecond.toLocaleString('de-DE')} Zeilen/s, Spitze ${r.median.peakRssMiB} MiB`),
  );
const memory = results.find((r) => r.kind === 'memory');
const lite = results.find((r) => r.kind === 'pglite');
const pg1 = results.find((r) => r.kind === 'postgres' && r.scale === 1);
const big = results.find((r) => r.kind === 'postgres' && r.scale === PG_SCALE);
if (memory && lite)
  console.log(`  Verhältnis PGlite ÷ reine Simulation (scale 1): ${(lite.median.seconds / memory.median.seconds).toFixed(1)}×`);
if (lite && pg1)
  console.log(`  Verhältnis PGlite ÷ PostgreSQL (scale 1): ${(lite.median.seconds / pg1.median.seconds).toFixed(1)}×`);
if (pg1 && big)
  console.log(
    `  PostgreSQL scale ${PG_SCALE} ÷ scale 1: ${(big.median.seconds / pg1.median.seconds).toFixed(0)}× (linear wäre ${PG_SCALE}×)`,
  );

const missed: string[] = [];
if (lite && lite.median.seconds >= BUDGET.pgliteScale1Seconds)
  missed.push(`PGlite scale 1: ${lite.median.seconds.toFixed(1)} s ≥ ${BUDGET.pgliteScale1Seconds} s`);
if (big && big.median.peakRssMiB >= BUDGET.peakRssMiB)
  missed.push(`PostgreSQL scale ${PG_SCALE}: Spitze ${big.median.peakRssMiB} MiB`);
console.log(missed.length ? `Budget verfehlt: ${missed.join('; ')}` : 'Budget eingehalten.');
console.log(`Ergebnisse: ${writeResults('seed', { machine: machine(), budget: BUDGET, results })}`);
if (strict && missed.length) process.exit(1);
