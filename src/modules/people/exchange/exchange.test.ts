import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asFiles, exportAll, readFolder, SMALL_FIXTURE } from '../../../../test/support/exchange.ts';
import type { Database } from '../../../db/client.ts';
import { deferrable } from '../../../db/deferred-indexes.ts';
import { openTestDatabase } from '../../../db/testing.ts';
import { SYSTEM_ACTOR } from '../../org/bootstrap.ts';
import { IMPORTED_TABLES, importJobcenter } from './import.ts';

const TODAY = '2026-11-25';

async function counts(db: Database) {
  const [row] = await db.rows<Record<string, number>>(sql`SELECT
    (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM households)::int AS households,
    (SELECT count(*) FROM benefit_periods)::int AS benefit, (SELECT count(*) FROM status_periods)::int AS status,
    (SELECT count(*) FROM household_memberships)::int AS members, (SELECT count(*) FROM employments)::int AS jobs,
    (SELECT count(*) FROM team_assignments)::int AS teams, (SELECT count(*) FROM household_payments)::int AS payments,
    (SELECT count(*) FROM audit_log)::int AS audit, (SELECT coalesce(sum(version), 0) FROM persons)::int AS versions`);
  return row;
}

describe('import and export of a whole Jobcenter', () => {
  let db: Database;
  let tenantId: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    const result = await importJobcenter(db, readFolder(SMALL_FIXTURE), { actorId: SYSTEM_ACTOR, today: TODAY });
    expect(result.problems).toEqual([]);
    tenantId = result.tenantId as string;
  });
  afterAll(() => db.close());

  it('imports every record into a new Jobcenter', async () => {
    expect(await counts(db)).toMatchObject({
      persons: 7,
      households: 3,
      benefit: 9,
      status: 9,
      members: 7,
      jobs: 4,
      teams: 8,
      payments: 4,
    });
    const [p] = await db.rows<{ team: string; key: string }>(
      sql`SELECT t.name AS team, p.search_key AS key FROM persons p JOIN teams t ON t.id = p.team_id WHERE p.customer_number = '532D000003'`,
    );
    // the latest team assignment decides the responsible team
    expect(p).toEqual({ team: 'U25', key: 'mueller muller jonas 532d000003' });
  });

  it('re-importing the same files changes nothing, not even versions or the audit log', async () => {
    const before = await counts(db);
    const again = await importJobcenter(db, readFolder(SMALL_FIXTURE), { actorId: SYSTEM_ACTOR, today: TODAY });
    expect(again.ok).toBe(true);
    expect(again.counts).toEqual({
      organisation: 0,
      households: { added: 0, changed: 0 },
      persons: { added: 0, changed: 0 },
      history: { added: 0, removed: 0 },
      payments: { added: 0, removed: 0 },
    });
    expect(await counts(db)).toEqual(before);
  });

  it('export → import into an empty database → export is byte-identical', async () => {
    const first = await exportAll(db, tenantId);
    expect(first['persons.csv']).toContain('"Am Markt 3; Hinterhaus"');
    expect(first['employment_events.csv']).toContain('"Pflegedienst ""Lahn"" GmbH"');
    const other = await openTestDatabase();
    // into empty tables the import builds indexes and constraints after the data: all of them come back
    const catalog = { query: async (text: string) => ({ rows: await other.rows(sql.raw(text)) }) };
    const definitions = async () => (await deferrable(catalog, IMPORTED_TABLES)).map((d) => d.create).sort();
    try {
      const before = await definitions();
      expect(before.length).toBeGreaterThan(20);
      const imported = await importJobcenter(other, asFiles(first), { actorId: SYSTEM_ACTOR, today: TODAY });
      expect(imported.problems).toEqual([]);
      expect(await definitions()).toEqual(before);
      const second = await exportAll(other, imported.tenantId as string);
      expect(second).toEqual(first);
    } finally {
      await other.close();
    }
  });

  it('a later extract updates and adds, and bumps the version of changed persons', async () => {
    const files = readFolder(SMALL_FIXTURE).map((f) => {
      let text = new TextDecoder().decode(f.bytes);
      if (f.name === 'persons.csv') text = text.replace('Öztürk;Ayşe', 'Öztürk-Berg;Ayşe');
      if (f.name === 'employment_events.csv') text += '532D000005;minijob;2020-01-01;2020-06-30;8;Café Sonne\n';
      if (f.name === 'household_payments.csv')
        text = text.replace('53201BG0000003;2019-12;42400;0;39000\n', '53201BG0000003;2019-12;42400;0;41000\n');
      return { name: f.name, bytes: new TextEncoder().encode(text) };
    });
    const before = await counts(db);
    const result = await importJobcenter(db, files, { actorId: SYSTEM_ACTOR, today: TODAY });
    expect(result.problems).toEqual([]);
    expect(result.counts.persons).toEqual({ added: 0, changed: 1 });
    expect(result.counts.history).toEqual({ added: 1, removed: 0 });
    expect(result.counts.payments).toEqual({ added: 1, removed: 1 });
    const after = await counts(db);
    expect(after?.jobs).toBe((before?.jobs ?? 0) + 1);
    expect(after?.versions).toBe((before?.versions ?? 0) + 2);
    expect(after?.audit).toBeGreaterThan(before?.audit ?? 0);
  });

  it('reports every planted error with file, line and column and writes nothing', async () => {
    const planted: Record<string, [string, string][]> = {
      'persons.csv': [
        ['532D000006;Schneider;Klaus-Peter;1958-07-07', '532D000006;Schneider;Klaus-Peter;31.02.1958'], // 1 invalid date
        [
          '532D000007;Öztürk;Ayşe;1990-12-24;w;TR;;;;;\n',
          '532D000007;Öztürk;Ayşe;1990-12-24;w;TR;;;;;\n532D000001;Ötzi;Anna;1890-12-24;x;;;;;;\n',
        ], // 2 dup, 3 before 1900, 4 sex
      ],
      'household_memberships.csv': [
        ['532D000002;53201BG0000001;child;2015-01-01;', '532D000002;53201BG0000001;kind;2015-01-01;'], // 5 unknown code
        ['532D000005;53201BG0000002;partner;2016-04-01;', '532D000005;53201BG0000009;partner;2016-04-01;'], // 6 unknown household
      ],
      'benefit_periods.csv': [
        ['532D000002;53201BG0000001;nein;;2015-01-01;', '532D000002;53201BG0000001;ja;;2015-01-01;'], // 7 eLb under 15
        ['532D000004;53201BG0000002;ja;;2016-04-01;', '532D000004;53201BG0000002;ja;;2016-04-01;2016-03-01'], // 8 inverted
        ['532D000005;53201BG0000002;ja;;2016-04-01;', '532D000005;53201BG0000002;vielleicht;;2016-04-01;'], // 9 bool
      ],
      'status_periods.csv': [
        ['532D000001;labour_market;employed;;2019-09-01;', '532D000001;labour_market;employed;;2019-08-01;'], // 10 overlap
        ['532D000004;german_level;B1;;2018-06-01;', '532D000004;german_level;B3;;2018-06-01;'], // 11 bad value
        ['532D000006;severe_disability;recognised;;2017-03-01;', '999X000006;severe_disability;recognised;;2017-03-01;'], // 12 customer number
      ],
      'team_assignments.csv': [['532D000005;Team Süd;2016-04-01;', '532D000005;Team West;2016-04-01;']], // 13 unknown team
      'employment_events.csv': [
        ['532D000004;public_16i;2019-04-01;;39;', '532D000004;public_16i;2019-04-01;;99;'], // 14 hours
        ['532D000003;vocational_training;2020-08-01;;;', '532D000003;ausbildung;2020-08-01;;;'], // 15 kind
      ],
      'household_payments.csv': [
        ['53201BG0000001;2019-11;103300;14800;62000', '53201BG0000001;2019-13;-5;148.50;62000'], // 16 month, 17 negative, 18 not cents
      ],
      'households.csv': [['53201BG0000003;Team Nord;;', '53201BG0000003;Team Nord;z.unbekannt;a.berg']], // 19 unknown user, 20 wrong role
    };
    const files = readFolder(SMALL_FIXTURE).map((f) => {
      let text = new TextDecoder().decode(f.bytes);
      for (const [from, to] of planted[f.name] ?? []) {
        expect(text).toContain(from);
        text = text.replace(from, to);
      }
      return { name: f.name, bytes: new TextEncoder().encode(text) };
    });
    const before = await counts(db);
    const result = await importJobcenter(db, files, { actorId: SYSTEM_ACTOR, today: TODAY });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column}`).sort()).toEqual(
      [
        'benefit_periods.csv:4:employable',
        'benefit_periods.csv:7:valid_until',
        'benefit_periods.csv:8:employable',
        'employment_events.csv:4:weekly_hours',
        'employment_events.csv:5:kind',
        'household_memberships.csv:3:role',
        'household_memberships.csv:6:household_number',
        'household_payments.csv:2:additional_cents',
        'household_payments.csv:2:month',
        'household_payments.csv:2:standard_cents',
        'households.csv:4:benefit_officer',
        'households.csv:4:caseworker',
        'persons.csv:7:birth_date',
        'persons.csv:9:birth_date',
        'persons.csv:9:customer_number',
        'persons.csv:9:sex',
        'status_periods.csv:3:valid_from',
        'status_periods.csv:6:value',
        'status_periods.csv:9:customer_number',
        'team_assignments.csv:7:team',
      ].sort(),
    );
    for (const p of result.problems) expect(p.message).toMatch(/[a-zäöü]/);
    expect(await counts(db)).toEqual(before);
  });

  it('refuses a file that is not UTF-8, naming it', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('customer_number;family_name\n532D000001;M'),
      0xfc,
      0x6c,
      0x6c,
      0x65,
      0x72,
    ]);
    const result = await importJobcenter(db, [{ name: 'persons.csv', bytes: latin1 }], {
      tenantId,
      actorId: SYSTEM_ACTOR,
      today: TODAY,
    });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ file: 'persons.csv', line: 1 });
    expect(result.problems[0]?.message).toMatch(/UTF-8/);
  });
});
