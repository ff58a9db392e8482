import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../modules/org/bootstrap.ts';
import { EXPORT_FILES, exportFile } from '../modules/people/exchange/export.ts';
import { type ImportSummary, importJobcenter } from '../modules/people/exchange/import.ts';
import { systemCaller, withDatabase } from './context.ts';

export function printImportSummary(s: ImportSummary) {
  if (!s.ok) {
    console.error(`Import abgelehnt: ${s.problems.length} Fehler. Es wurde nichts gespeichert.`);
    for (const p of s.problems)
      console.error(`  ${p.file}${p.line ? `, Zeile ${p.line}` : ''}${p.column ? `, Spalte ${p.column}` : ''}: ${p.message}`);
    return;
  }
  const c = s.counts;
  console.log(
    `${s.dryRun ? 'Prüfung ohne Fehler (nichts gespeichert)' : 'Import abgeschlossen'}: ` +
      `Organisation ${c.organisation} Änderungen; Bedarfsgemeinschaften +${c.households.added} / ~${c.households.changed}; ` +
      `Personen +${c.persons.added} / ~${c.persons.changed}; Verlauf +${c.history.added} / −${c.history.removed}; ` +
      `Monatsbeträge +${c.payments.added} / −${c.payments.removed}.`,
  );
}

/** `teilhabe import DIR` and `teilhabe export DIR`: the interchange format of docs/import-format.md. */
export function registerExchangeCommands(program: Command) {
  program
    .command('import <dir>')
    .description('Daten eines Jobcenters aus einem Ordner mit CSV-Dateien einlesen (alles oder nichts)')
    .option('--tenant <name>', 'Jobcenter (sonst das aus jobcenter.csv oder das einzige vorhandene)')
    .option('--dry-run', 'nur prüfen, nichts speichern')
    .action((dir: string, o: { tenant?: string; dryRun?: boolean }) =>
      withDatabase(async (db) => {
        const names = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv'));
        if (!names.length) throw new Error(`Im Ordner ${dir} liegen keine CSV-Dateien.`);
        const files = names.map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
        const tenants = await db.rows<{ id: string }>(sql`SELECT id FROM tenants`);
        const hasJobcenterFile = names.includes('jobcenter.csv');
        // an explicit --tenant wins; else jobcenter.csv names it; else the one Jobcenter there is
        const pick = o.tenant !== undefined || (!hasJobcenterFile && tenants.length > 0);
        const tenantId = pick ? (await systemCaller(db, o.tenant)).tenantId : undefined;
        const summary = await importJobcenter(db, files, { tenantId, actorId: SYSTEM_ACTOR, dryRun: o.dryRun });
        printImportSummary(summary);
        if (!summary.ok) process.exitCode = 1;
      }),
    );

  program
    .command('export <dir>')
    .description('Daten eines Jobcenters als CSV-Dateien in einen Ordner schreiben')
    .option('--tenant <name>', 'Jobcenter, wenn es mehrere gibt')
    .action((dir: string, o: { tenant?: string }) =>
      withDatabase(async (db) => {
        const caller = await systemCaller(db, o.tenant);
        fs.mkdirSync(dir, { recursive: true });
        for (const file of EXPORT_FILES) {
          const out = fs.createWriteStream(path.join(dir, file));
          for await (const chunk of exportFile(db, caller.tenantId, file))
            if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
          await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
        }
        console.log(`Export nach ${dir}: ${EXPORT_FILES.length} Dateien.`);
      }),
    );
}
