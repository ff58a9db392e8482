import fs from 'node:fs';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { migrationState } from '../db/migrate.ts';
import { safeErrorMessage } from '../http/log.ts';
import { ValidationError } from '../lib/errors.ts';
import { verifyAuditChain } from '../modules/audit/service.ts';
import { ROLES } from '../modules/org/schema.ts';
import { orgService } from '../modules/org/service.ts';
import { systemCaller, withDatabase } from './context.ts';
import { registerExchangeCommands } from './exchange.ts';
import { registerIndicatorCommands } from './indicators.ts';
import { registerReportCommands } from './report.ts';
import { registerSeedCommands } from './seed.ts';

// Read here rather than imported from the server: commands other than `start` do not load
// Fastify and its plugins, which keeps every `teilhabe user …` half a second faster.
const VERSION: string = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const program = new Command()
  .name('teilhabe')
  .description(
    'Teilhabe – Fachsoftware für Jobcenter.\n' +
      'Umgebungsvariablen: PORT (3000), HOST (127.0.0.1), TEILHABE_DATA_DIR (./data), DATABASE_URL (PostgreSQL statt eingebetteter Datenbank)',
  )
  .version(VERSION);

program
  .command('start')
  .description('Server starten (legt beim ersten Start ein Demo-Jobcenter an)')
  .action(async () => {
    const { start } = await import('../main.ts');
    await start(loadConfig());
  });

program
  .command('migrate')
  .description('Datenbank auf den neuesten Stand bringen')
  .action(() =>
    withDatabase(async (db, appliedNow) => {
      const { applied, pending } = await migrationState(db);
      console.log(
        `Migrationen angewendet: ${applied.length} (neu: ${appliedNow.length ? appliedNow.join(', ') : 'keine'}), offen: ${pending.length || 'keine'}`,
      );
    }),
  );

const user = program.command('user').description('Konten verwalten');
const tenantOption = new Option('--tenant <name>', 'Jobcenter (nur nötig, wenn es mehrere gibt)');

user
  .command('add')
  .description('Konto anlegen; das Erstpasswort wird einmal angezeigt')
  .requiredOption('--username <name>', 'Benutzername')
  .requiredOption('--name <displayName>', 'Vor- und Nachname')
  .addOption(new Option('--role <roles...>', 'Rollen').choices(ROLES).makeOptionMandatory())
  .option('--team <teams...>', 'Teams (Namen)', [])
  .addOption(tenantOption)
  .action((o: { username: string; name: string; role: (typeof ROLES)[number][]; team: string[]; tenant?: string }) =>
    withDatabase(async (db) => {
      const caller = await systemCaller(db, o.tenant);
      const org = orgService(db);
      const teams = await org.listTeams(caller);
      const teamIds = o.team.map((name) => {
        const t = teams.find((x) => x.name === name);
        if (!t) throw new Error(`Team „${name}“ gibt es nicht. Vorhanden: ${teams.map((x) => x.name).join(', ')}`);
        return t.id;
      });
      const created = await org.createStaff(caller, {
        username: o.username,
        displayName: o.name,
        roles: o.role,
        teamIds,
      });
      console.log(
        `Konto ${o.username} angelegt. Erstpasswort (muss bei der Anmeldung geändert werden): ${created.initialPassword}`,
      );
    }),
  );

async function findStaffId(db: Parameters<typeof orgService>[0], tenant: string | undefined, username: string) {
  const caller = await systemCaller(db, tenant);
  const org = orgService(db);
  const s = (await org.listStaff(caller)).find((x) => x.username.toLowerCase() === username.toLowerCase());
  if (!s) throw new Error(`Das Konto „${username}“ gibt es nicht.`);
  return { caller, org, s };
}

user
  .command('reset <username>')
  .description('Passwort zurücksetzen; das neue Passwort wird einmal angezeigt')
  .addOption(tenantOption)
  .action((username: string, o: { tenant?: string }) =>
    withDatabase(async (db) => {
      const { caller, org, s } = await findStaffId(db, o.tenant, username);
      console.log(`Neues Passwort für ${s.username}: ${await org.resetPassword(caller, s.id)}`);
    }),
  );

user
  .command('disable <username>')
  .description('Konto sperren (laufende Sitzungen enden sofort)')
  .addOption(tenantOption)
  .action((username: string, o: { tenant?: string }) =>
    withDatabase(async (db) => {
      const { caller, org, s } = await findStaffId(db, o.tenant, username);
      await org.updateStaff(caller, s.id, { active: false, version: s.version });
      console.log(`Konto ${s.username} ist gesperrt.`);
    }),
  );

program
  .command('audit')
  .description('Protokoll')
  .command('verify')
  .description('Hash-Kette des Protokolls prüfen; Exit-Code 1 und der erste fehlerhafte Eintrag bei Manipulation')
  .action(() =>
    withDatabase(async (db) => {
      const result = await verifyAuditChain(db);
      if (result.ok) {
        console.log(`Protokoll in Ordnung: ${result.checked} Einträge geprüft.`);
        return;
      }
      const bad = result.firstBad;
      console.error(
        `Protokoll MANIPULIERT: erster fehlerhafter Eintrag Nr. ${bad?.seq} (Jobcenter ${bad?.tenantId}): ${bad?.reason}`,
      );
      process.exitCode = 1;
    }),
  );

registerExchangeCommands(program);
registerIndicatorCommands(program);
registerSeedCommands(program);
registerReportCommands(program);

export async function run(argv: string[]) {
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof ValidationError)
      console.error(['Fehler: Eingabe ungültig', ...err.fields.map((f) => `  ${f.field}: ${f.message}`)].join('\n'));
    // Never the parameters of a failed query: they may hold names (see http/log.ts).
    else console.error(`Fehler: ${safeErrorMessage(err)}`);
    process.exitCode = 1;
  }
}
