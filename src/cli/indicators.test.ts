import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFolder, SMALL_FIXTURE } from '../../test/support/exchange.ts';
import { openPglite } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { FIGURES } from '../modules/indicators/definitions.ts';
import { indicatorService } from '../modules/indicators/service.ts';
import { SYSTEM_ACTOR } from '../modules/org/bootstrap.ts';
import { importJobcenter } from '../modules/people/exchange/import.ts';

/**
 * `teilhabe indicators` as an operator runs it, on a PGlite data directory holding the small interchange
 * fixture: every figure with numerator and denominator, as JSON (equal to the service's answer) and CSV.
 */
const BIN = path.resolve('bin/teilhabe.mjs');

describe('teilhabe indicators', () => {
  let dataDir: string;
  let expected: Awaited<ReturnType<ReturnType<typeof indicatorService>['compute']>>;
  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env: NodeJS.ProcessEnv = { ...process.env, TEILHABE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      delete env.DATABASE_URL;
      execFile(process.execPath, [BIN, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-indicators-cli-'));
    const db = await openPglite(dataDir);
    try {
      await migrate(db);
      const summary = await importJobcenter(db, readFolder(SMALL_FIXTURE), { actorId: SYSTEM_ACTOR });
      expect(summary.problems).toEqual([]);
      expected = await indicatorService(db).compute(summary.tenantId as string, '2019-12');
    } finally {
      await db.close();
    }
  }, 60_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('--format json prints every figure of the Jobcenter with numerator and denominator', async () => {
    const run = await cli('indicators', '--month', '2019-12', '--format', 'json');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ month: '2019-12', scope: 'Jobcenter insgesamt' });
    for (const def of FIGURES) {
      const all = out.figures.find((f: { code: string; split: string }) => f.code === def.code && f.split === 'all');
      expect(all, def.code).toBeDefined();
      expect(typeof all.numerator).toBe('number');
      expect(typeof all.denominator).toBe('number');
    }
    expect(out.figures).toEqual(expected.figures.filter((f) => f.scope === 'tenant'));
    expect(
      out.figures.find((f: { code: string; split: string }) => f.code === 'K1E2' && f.split === 'all').numerator,
    ).toBeGreaterThan(0);
  }, 60_000);

  it('--team … --format csv prints one line per figure and split, with numerator and denominator', async () => {
    const run = await cli('indicators', '--month', '2019-12', '--team', 'Team Nord', '--format', 'csv');
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('code;name;split;numerator;denominator;value;provisional');
    for (const def of FIGURES)
      expect(
        lines.some((l) => l.startsWith(`${def.code};`) && l.includes(';insgesamt;')),
        def.code,
      ).toBe(true);
    const unknown = await cli('indicators', '--month', '2019-12', '--team', 'Team West');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Team „Team West“ gibt es nicht/);
  }, 60_000);
});
