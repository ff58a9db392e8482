import type { Command } from 'commander';
import { DEFAULT_TENANT_NAME, generateDemo, MAX_SCALE } from '../modules/demo/generate.ts';
import { ROLE_LABELS } from '../modules/org/model.ts';
import { withDatabase } from './context.ts';

/**
 * `teilhabe seed demo [--seed N] [--scale K] [--tenant-name …] [--check]`: the synthetic demo Jobcenter
 * (src/modules/demo, docs/demo.md) in the configured database, next to whatever is there already.
 */
export function registerSeedCommands(program: Command) {
  const seed = program.command('seed').description('Daten erzeugen');
  seed
    .command('demo')
    .description(
      'Synthetisches Demo-Jobcenter anlegen (nach dem Eingliederungsbericht 2019 des KJC Lahn-Dill): ' +
        'Standorte, Teams, ~300 Beschäftigte, Bedarfsgemeinschaften und Personen mit Verlauf 2015–2020',
    )
    .option('--seed <n>', 'Startwert: gleicher Startwert, gleiche Daten (auf jedem Rechner)', '1')
    .option('--scale <k>', `Maßstab: 1 ≈ 10.600 eLb wie Lahn-Dill, 0.1 klein, 100 ≈ ein Bundesland (höchstens ${MAX_SCALE})`, '1')
    .option('--tenant-name <name>', 'Name des Jobcenters', DEFAULT_TENANT_NAME)
    .option('--check', 'die Kennzahlen Dezember 2019 gegen den Bericht prüfen und als Tabelle zeigen')
    .action((o: { seed: string; scale: string; tenantName: string; check?: boolean }) =>
      withDatabase(async (db) => {
        const seedValue = Number(o.seed);
        const scale = Number(o.scale.replace(',', '.'));
        if (!Number.isInteger(seedValue) || seedValue < 0) throw new Error(`--seed: „${o.seed}“ ist keine ganze Zahl ≥ 0`);
        if (!(scale > 0 && scale <= MAX_SCALE)) throw new Error(`--scale: „${o.scale}“ liegt nicht zwischen 0 und ${MAX_SCALE}`);
        const result = await generateDemo(db, {
          seed: seedValue,
          scale,
          tenantName: o.tenantName,
          calibrate: o.check ?? false,
          onProgress: (message) => console.log(message),
        });
        const n = (x: number | undefined) => (x ?? 0).toLocaleString('de-DE');
        console.log(
          `Demo-Jobcenter „${result.tenantName}“ angelegt (seed ${result.seed}, scale ${String(result.scale).replace('.', ',')}): ` +
            `${n(result.rows.persons)} Personen, ${n(result.rows.households)} Bedarfsgemeinschaften, ` +
            `${n(result.rows.total)} Zeilen in ${(result.ms.total / 1000).toFixed(1).replace('.', ',')} s.`,
        );
        console.log('Zugänge (werden nur dieses eine Mal angezeigt):');
        for (const a of result.accounts)
          console.log(`  ${a.username.padEnd(16)} ${a.password}   ${a.roles.map((r) => ROLE_LABELS[r]).join(', ')}`);
        if (result.calibration) {
          console.log(`\nKalibrierung (Dezember 2019, ${result.shards > 2 ? 'erster Teil' : 'ganzes Jobcenter'}):`);
          const fmt = (x: number) => x.toLocaleString('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
          for (const r of result.calibration)
            console.log(
              `  ${r.ok ? '✓' : '✗'} ${r.label.padEnd(48)} Bericht ${fmt(r.target).padStart(9)}  erzeugt ${fmt(r.actual).padStart(9)}  (${r.deviation >= 0 ? '+' : ''}${fmt(r.deviation)} %)`,
            );
          if (result.calibration.some((r) => !r.ok)) process.exitCode = 1;
        }
      }),
    );
}
