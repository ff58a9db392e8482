/**
 * Issue 3 budget: import 100,000 persons in 50,000 households with five years of periods and monthly
 * amounts in under 60 s on PostgreSQL; search p95 over 100,000 persons under 100 ms.
 * Baseline in the same process: parsing the same files without writing (the floor any import pays).
 * Usage: npm run bench -- people-import   (PEOPLE_BENCH_HOUSEHOLDS=5000 for a quick run;
 * PEOPLE_BENCH_DATABASES=postgres skips the PGlite run, which takes over 25 minutes at full scale)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Caller } from '../src/modules/auth/caller.ts';
import { SYSTEM_ACTOR } from '../src/modules/org/bootstrap.ts';
import { importJobcenter } from '../src/modules/people/exchange/import.ts';
import { readFiles } from '../src/modules/people/exchange/read.ts';
import { peopleService } from '../src/modules/people/service.ts';
import { readFolder } from '../test/support/exchange.ts';
import { freshDatabase, median, percentile } from './support/databases.ts';
import { writeExchangeFolder } from './support/exchange-folder.ts';

const households = Number(process.env.PEOPLE_BENCH_HOUSEHOLDS ?? 50_000);
const runs = Number(process.env.PEOPLE_BENCH_RUNS ?? 3);
const dir = path.join(os.tmpdir(), `teilhabe-bench-exchange-${households}`);
if (!fs.existsSync(path.join(dir, 'household_payments.csv'))) writeExchangeFolder(dir, households);
const files = readFolder(dir);
const lines = files.reduce((n, f) => n + f.bytes.reduce((c, b) => c + (b === 10 ? 1 : 0), 0) - 1, 0);
console.log(`Austauschordner: ${households} BG, ${households * 2} Personen, ${lines} Datenzeilen, ${dir}`);

const parseMs: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  readFiles(files, []);
  parseMs.push(performance.now() - t);
}

const queries = ['Mülller Anna', 'Schmitt', 'Hofmann Peter', 'yilmas', 'Haddat Omar', 'Nowack', 'Beker Lena', 'Wagner Ivan'];

const kinds = (process.env.PEOPLE_BENCH_DATABASES ?? 'postgres,pglite')
  .split(',')
  .map((k) => k.trim())
  .filter((k): k is 'postgres' | 'pglite' => k === 'postgres' || k === 'pglite');
for (const kind of kinds) {
  const importMs: number[] = [];
  const searchMs: number[] = [];
  const kindRuns = kind === 'pglite' ? 1 : runs;
  for (let i = 0; i < kindRuns; i++) {
    const db = await freshDatabase(kind);
    try {
      const timings: Record<string, number> = {};
      const t = performance.now();
      const result = await importJobcenter(db, files, { actorId: SYSTEM_ACTOR, timings });
      importMs.push(performance.now() - t);
      if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
      console.log(`${kind} Lauf ${i + 1}: ${Math.round(importMs.at(-1) ?? 0)} ms`, JSON.stringify(timings));
      const caller: Caller = {
        tenantId: result.tenantId as string,
        staffId: SYSTEM_ACTOR,
        username: 'bench',
        displayName: 'bench',
        roles: ['teamleitung'],
        teamIds: [],
        requestId: 'bench',
      };
      // a team lead of all four regional teams searches the whole caseload
      const { listTeamRefs } = await import('../src/modules/org/directory.ts');
      caller.teamIds = (await listTeamRefs(db, caller.tenantId)).map((x) => x.id);
      const people = peopleService(db);
      for (let r = 0; r < 25; r++)
        for (const q of queries) {
          const s = performance.now();
          const hits = await people.search(caller, q);
          searchMs.push(performance.now() - s);
          if (r === 0 && i === 0 && !hits.length) console.log(`  (keine Treffer für ${q})`);
        }
    } finally {
      await db.close();
    }
  }
  const med = median(importMs);
  console.log(
    `${kind}: Import Median ${(med / 1000).toFixed(1)} s über ${kindRuns} Läufe, ${Math.round(lines / (med / 1000))} Zeilen/s, ` +
      `Verhältnis zum reinen Einlesen ${(med / median(parseMs)).toFixed(1)}×; ` +
      `Suche p50 ${median(searchMs).toFixed(1)} ms, p95 ${percentile(searchMs, 95).toFixed(1)} ms (${searchMs.length} Anfragen)`,
  );
}
console.log(`Baseline reines Einlesen (CSV + Feldprüfung): Median ${(median(parseMs) / 1000).toFixed(1)} s`);
