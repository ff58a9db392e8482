import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [name …]`: runs every bench/*.bench.ts, or the ones named (with or without the
 * suffix), each in its own process, one after the other (so they do not compete for the CPU).
 * Each bench prints its runs, medians and ratios and writes JSON to bench/results/ (not committed).
 * Exit code: 1 when a bench failed to run or (with --strict) missed its budget.
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const names = args.filter((a) => !a.startsWith('--'));

const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const chosen = names.length ? names.map((n) => (n.endsWith('.bench.ts') ? n : `${n.replace(/\.ts$/, '')}.bench.ts`)) : all;
const unknown = chosen.filter((f) => !all.includes(f));
if (unknown.length) {
  console.error(
    `Unbekannter Benchmark: ${unknown.join(', ')}. Vorhanden: ${all.map((f) => f.replace('.bench.ts', '')).join(', ')}`,
  );
  process.exit(1);
}

let failed = 0;
for (const file of chosen) {
  console.log(`\n=== ${file.replace('.bench.ts', '')}`);
  const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file), ...(strict ? ['--strict'] : [])], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (res.status !== 0) {
    failed++;
    console.error(`${file}: Exit-Code ${res.status ?? res.signal}`);
  }
}
process.exit(failed ? 1 : 0);
