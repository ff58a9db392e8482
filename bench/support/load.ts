import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Load tests for the benchmarks: autocannon in its own process, a table of runs, results on file. */

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AUTOCANNON = path.resolve(BENCH_DIR, '../node_modules/autocannon/autocannon.js');

export interface LoadResult {
  label: string;
  /** Milliseconds (autocannon measures percentiles in whole milliseconds, the mean finer). */
  mean: number;
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/**
 * Runs autocannon in its own process (so that the load generator does not share the server's
 * event loop) and returns its latency percentiles and throughput.
 */
export function autocannon(
  label: string,
  url: string,
  opts: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const args = [AUTOCANNON, '-j', '-n', '-c', String(opts.connections), '-d', String(opts.seconds)];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon: Exit-Code ${code}`));
      const r = JSON.parse(out) as {
        latency: { average: number; p50: number; p99: number };
        requests: { average: number; total: number };
        non2xx: number;
        errors: number;
      };
      resolve({
        label,
        mean: r.latency.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        rps: r.requests.average,
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors,
      });
    });
  });
}

export function printRuns(runs: LoadResult[]) {
  console.log(
    `${'Lauf'.padEnd(14)} ${'Mittel ms'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(9)} ${'Fehler'.padStart(7)}`,
  );
  for (const r of runs)
    console.log(
      `${r.label.padEnd(14)} ${r.mean.toFixed(2).padStart(10)} ${r.p50.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)} ${Math.round(
        r.rps,
      )
        .toString()
        .padStart(9)} ${String(r.non2xx + r.errors).padStart(7)}`,
    );
}

/** Where and on what the numbers were taken: they mean little without it. */
export function machine() {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

export function writeResults(name: string, data: unknown): string {
  const dir = path.join(BENCH_DIR, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  fs.copyFileSync(file, path.join(dir, `${name}-latest.json`));
  return path.relative(process.cwd(), file);
}
