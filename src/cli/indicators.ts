import type { Command } from 'commander';
import { formatCsvLine } from '../lib/csv/parse.ts';
import { FIGURES, SPLIT_LABELS } from '../modules/indicators/definitions.ts';
import { indicatorService } from '../modules/indicators/service.ts';
import { systemCaller, withDatabase } from './context.ts';

/** `teilhabe indicators --month 2019-12 [--team NAME] --format json|csv`: every figure with numerator and denominator. */
export function registerIndicatorCommands(program: Command) {
  program
    .command('indicators')
    .description('Kennzahlen nach § 48a SGB II eines Berichtsmonats ausgeben (mit Zähler und Nenner)')
    .requiredOption('--month <JJJJ-MM>', 'Berichtsmonat')
    .option('--team <name>', 'nur dieses Team (sonst das Jobcenter insgesamt)')
    .option('--format <format>', 'json oder csv', 'json')
    .option('--tenant <name>', 'Jobcenter, wenn es mehrere gibt')
    .action((o: { month: string; team?: string; format: string; tenant?: string }) =>
      withDatabase(async (db) => {
        if (!['json', 'csv'].includes(o.format)) throw new Error('--format muss json oder csv sein');
        const caller = await systemCaller(db, o.tenant);
        const report = await indicatorService(db).compute(caller.tenantId, o.month);
        const scope = o.team ? report.scopes.find((s) => s.label === o.team) : report.scopes[0];
        if (!scope)
          throw new Error(
            `Team „${o.team}“ gibt es nicht. Teams: ${report.scopes
              .slice(1)
              .map((s) => s.label)
              .join(', ')}`,
          );
        const figures = report.figures.filter((f) => f.scope === scope.key);
        const structure = report.structure.filter((f) => f.scope === scope.key);
        if (o.format === 'json') {
          console.log(JSON.stringify({ month: report.month, scope: scope.label, figures, structure }, null, 2));
          return;
        }
        console.log(formatCsvLine(['code', 'name', 'split', 'numerator', 'denominator', 'value', 'provisional']));
        for (const f of figures) {
          const name = FIGURES.find((d) => d.code === f.code)?.name ?? f.code;
          console.log(
            formatCsvLine([
              f.code,
              name,
              SPLIT_LABELS[f.split],
              round(f.numerator),
              round(f.denominator),
              f.value === null ? '' : round(f.value),
              f.provisional ? 'ja' : 'nein',
            ]),
          );
        }
        for (const s of structure)
          console.log(
            formatCsvLine([
              s.code,
              'Strukturdaten',
              SPLIT_LABELS[s.split],
              round(s.numerator),
              round(s.denominator),
              s.value === null ? '' : round(s.value),
              '',
            ]),
          );
      }),
    );
}

const round = (n: number) => String(Math.round(n * 10_000) / 10_000);
