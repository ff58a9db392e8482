import fs from 'node:fs';
import type { Command } from 'commander';
import { yearParam } from '../modules/reports/model.ts';
import { moduleReportProviders } from '../modules/reports/providers.ts';
import { reportService } from '../modules/reports/service.ts';
import { systemCaller, withDatabase } from './context.ts';

const FORMATS = ['docx', 'pdf', 'html', 'xlsx'] as const;

/** `teilhabe report eingliederungsbericht --year 2019 --format docx|pdf|html|xlsx --out FILE`. */
export function registerReportCommands(program: Command) {
  program
    .command('report')
    .description('Berichte erzeugen')
    .command('eingliederungsbericht')
    .description('Eingliederungsbericht eines Jahres als Word, PDF, HTML oder Excel (Tabellen) schreiben')
    .requiredOption('--year <JJJJ>', 'Berichtsjahr')
    .option('--format <format>', 'docx, pdf, html oder xlsx', 'docx')
    .option('--out <datei>', 'Zieldatei (sonst Eingliederungsbericht-JJJJ.<format> im aktuellen Verzeichnis)')
    .option('--tenant <name>', 'Jobcenter, wenn es mehrere gibt')
    .action((o: { year: string; format: string; out?: string; tenant?: string }) =>
      withDatabase(async (db) => {
        const format = FORMATS.find((f) => f === o.format);
        if (!format) throw new Error(`--format muss eines von ${FORMATS.join(', ')} sein`);
        const year = yearParam.safeParse(o.year);
        if (!year.success) throw new Error(`--year: ${year.error.issues[0]?.message}`);
        const caller = await systemCaller(db, o.tenant);
        const started = Date.now();
        const out = await reportService(db, moduleReportProviders(db)).render(caller, year.data, format);
        const file = o.out ?? out.fileName;
        fs.writeFileSync(file, out.body);
        console.log(`${file} geschrieben (${Math.round(Buffer.byteLength(out.body) / 1024)} KB, ${Date.now() - started} ms).`);
      }),
    );
}
