import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAll } from '../../../test/support/exchange.ts';
import type { Database } from '../../db/client.ts';
import { openTestDatabase } from '../../db/testing.ts';
import { generateDemo } from '../demo/generate.ts';
import { REPORT } from '../demo/targets.ts';
import type { Split } from './definitions.ts';
import { type IndicatorReport, indicatorService } from './service.ts';

/**
 * The demo Jobcenter in a database, through the whole path a user takes (people tables → facts → engine):
 * 1. the December 2019 figures of the Eingliederungsbericht, as the demo is calibrated to them;
 * 2. an independent check: the data exported in the interchange format (CSV) and a few counts recomputed
 *    from the files by a deliberately simple second implementation below (day by day, no shared code
 *    with people/rules.ts or the engine); every count must be equal.
 *
 * Scale 0.1 as the calibration tests (demo.unit.test.ts) use it: ~1,060 eLb. Tolerance as there: ±2 %
 * relative, or half a person's step where one person moves a figure more (a rate over ~500 women moves by
 * 0.2 points per person, more than 2 % of 7.4 %).
 */
const SCALE = 0.1;
const TODAY = '2026-11-25';

describe('December 2019 demo through the indicator engine', () => {
  let db: Database;
  let tenantId: string;
  let reports: Record<string, IndicatorReport>;
  let csv: Record<string, string>;
  beforeAll(async () => {
    db = await openTestDatabase();
    tenantId = (await generateDemo(db, { seed: 1, scale: SCALE })).tenantId;
    const months = ['2019-12', '2018-12', '2017-12'];
    const list = await indicatorService(db).computeMany(tenantId, months, TODAY);
    reports = Object.fromEntries(list.map((r) => [r.month, r]));
    csv = await exportAll(db, tenantId);
  }, 180_000);
  afterAll(() => db?.close());

  const fig = (month: string, code: string, split: Split = 'all', scope = 'tenant') => {
    const f = reports[month]?.figures.find((x) => x.code === code && x.split === split && x.scope === scope);
    if (!f) throw new Error(`${code} ${split} ${month} fehlt`);
    return f;
  };
  const structure = (code: string, month = '2019-12') => {
    const s = reports[month]?.structure.find((x) => x.code === code && x.split === 'all' && x.scope === 'tenant');
    if (!s) throw new Error(`${code} fehlt`);
    return s;
  };
  /** ±2 % relative, or half the step one person makes (100 ÷ denominator for a rate, 1 for a count). */
  const near = (actual: number | null, target: number, step: number) => {
    expect(actual).not.toBeNull();
    const tolerance = Math.max(0.02 * Math.abs(target), step / 2 + 1e-9);
    expect(Math.abs((actual as number) - target), `${actual} statt ${target} (±${tolerance.toFixed(3)})`).toBeLessThanOrEqual(
      tolerance,
    );
  };
  const rate = (f: { value: number | null; denominator: number }, target: number) => near(f.value, target, 100 / f.denominator);

  it('integration rate 24.2 % (men 33.5 %, women 15.8 %); 2018 24.5 %, 2017 23.5 %', () => {
    rate(fig('2019-12', 'K2'), REPORT.integrationRate.value);
    rate(fig('2019-12', 'K2', 'sex:m'), REPORT.integrationRateMen.value);
    rate(fig('2019-12', 'K2', 'sex:w'), REPORT.integrationRateWomen.value);
    rate(fig('2018-12', 'K2'), REPORT.integrationRate2018.value);
    rate(fig('2017-12', 'K2'), REPORT.integrationRate2017.value);
  });

  it('LZB 7,338 (× scale) against 7,526 a year before', () => {
    const k3 = fig('2019-12', 'K3');
    near(k3.numerator, REPORT.lzb.value * SCALE, 1);
    near(k3.denominator, REPORT.lzbYearBefore.value * SCALE, 1);
  });

  it('eLb change men −8.4 %, women −7.4 %; households −7.8 %; subsistence −6.4 %', () => {
    // a change (ratio − 1) × 100 moves by 100 ÷ denominator per person
    rate(fig('2019-12', 'K1E2', 'sex:m'), REPORT.elbChangeMen.value);
    rate(fig('2019-12', 'K1E2', 'sex:w'), REPORT.elbChangeWomen.value);
    const households = structure('households_change');
    near(households.value, REPORT.householdsChange.value, 100 / households.denominator);
    near(fig('2019-12', 'K1').value, REPORT.subsistenceChange.value, 0);
  });

  it('the exported CSV files, counted by a simple second implementation, give exactly the same counts', () => {
    const simple = simpleCounts(csv, '2019-12');
    const tenant = (code: string, split: Split = 'all') => fig('2019-12', code, split);
    const engine = {
      stock: tenant('K1E2').numerator,
      stockMen: tenant('K1E2', 'sex:m').numerator,
      stockWomen: tenant('K1E2', 'sex:w').numerator,
      stockYearBefore: tenant('K1E2').denominator,
      meanStockTimes12: Math.round(tenant('K2').denominator * 12),
      integrations: tenant('K2').numerator,
      integrationsMen: tenant('K2', 'sex:m').numerator,
      integrationsWomen: tenant('K2', 'sex:w').numerator,
      lzb: tenant('K3').numerator,
      lzbYearBefore: tenant('K3').denominator,
      stockByTeam: Object.fromEntries(
        (reports['2019-12'] as IndicatorReport).scopes
          .filter((s) => s.key.startsWith('team:'))
          .map((s) => [s.label, fig('2019-12', 'K1E2', 'all', s.key).numerator]),
      ),
    };
    expect(simple.stock).toBeGreaterThan(900);
    expect(engine).toEqual(simple);
  });
});

// ---------------------------------------------------------------------------------------------------
// The simple second implementation: CSV in, counts out; days as ISO strings, one day at a time.

function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...data] = rows;
  return data.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] ?? ''])));
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
function stDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 15));
  return d.toISOString().slice(0, 10);
}
function yearsOld(birth: string, day: string): number {
  let age = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  if (day.slice(5) < birth.slice(5)) age--;
  return age;
}
/** § 7a SGB II: last day of the month in which the limit age is completed (as in INDICATORS.md). */
function lastElbDay(birth: string): string {
  const y = Number(birth.slice(0, 4));
  const months = y < 1947 ? 780 : y <= 1958 ? 780 + (y - 1946) : y <= 1963 ? 792 + 2 * (y - 1958) : 804;
  // the limit age is completed at the end of the day before the "birthday" `months` later
  const anniversary = new Date(Date.UTC(y, Number(birth.slice(5, 7)) - 1 + months, 1));
  const dayOfMonth = Number(birth.slice(8, 10));
  const daysInMonth = new Date(Date.UTC(anniversary.getUTCFullYear(), anniversary.getUTCMonth() + 1, 0)).getUTCDate();
  const completed =
    dayOfMonth > daysInMonth
      ? new Date(Date.UTC(anniversary.getUTCFullYear(), anniversary.getUTCMonth(), daysInMonth)) // § 188 (3) BGB
      : new Date(Date.UTC(anniversary.getUTCFullYear(), anniversary.getUTCMonth(), dayOfMonth - 1));
  return new Date(Date.UTC(completed.getUTCFullYear(), completed.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

function simpleCounts(files: Record<string, string>, month: string) {
  const persons = new Map(parseCsv(files['persons.csv'] as string).map((p) => [p.customer_number as string, p]));
  const periods = parseCsv(files['benefit_periods.csv'] as string).filter((b) => b.employable === 'ja');
  const periodsOf = new Map<string, Record<string, string>[]>();
  for (const b of periods) periodsOf.set(b.customer_number as string, [...(periodsOf.get(b.customer_number as string) ?? []), b]);
  const isElb = (c: string, day: string, anyJobcenter = false) => {
    const p = persons.get(c) as Record<string, string>;
    if (yearsOld(p.birth_date as string, day) < 15 || day > lastElbDay(p.birth_date as string)) return false;
    return (periodsOf.get(c) ?? []).some(
      (b) =>
        (anyJobcenter || !b.other_jobcenter) &&
        (b.valid_from as string) <= day &&
        (!b.valid_until || day <= (b.valid_until as string)),
    );
  };
  const stockOn = (day: string) => [...periodsOf.keys()].filter((c) => isElb(c, day));
  const isLzb = (c: string, day: string) => {
    if (yearsOld(persons.get(c)?.birth_date as string, day) < 17) return false;
    let n = 0;
    for (let i = 0; i < 730; i++) if (isElb(c, addDays(day, -i), true)) n++;
    return n >= 638;
  };
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const st = (back: number) => stDay(y, m - back);
  const sex = (c: string) => persons.get(c)?.sex;

  // integrations: the window month k of each start; counted in k (eLb on ST(k−1)) or k+1 (eLb on ST(k))
  const kinds = new Set([
    'regular',
    'subsidised_16e',
    'subsidised_egz',
    'subsidised_16b',
    'vocational_training',
    'self_employment',
  ]);
  const counted = new Set<string>();
  for (const e of parseCsv(files['employment_events.csv'] as string)) {
    if (!kinds.has(e.kind as string)) continue;
    const start = e.valid_from as string;
    let k = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
    if (Number(start.slice(8, 10)) > 15) k++;
    const stOf = (index: number) => stDay(Math.floor(index / 12), (index % 12) + 1);
    const c = e.customer_number as string;
    const n = isElb(c, stOf(k - 1)) ? k : isElb(c, stOf(k)) ? k + 1 : null;
    const M = y * 12 + m - 1;
    if (n !== null && n > M - 12 && n <= M) counted.add(`${c} ${n}`);
  }
  const integrations = [...counted].map((x) => x.split(' ')[0] as string);

  const stock = stockOn(st(0));
  let meanStockTimes12 = 0;
  for (let back = 1; back <= 12; back++) meanStockTimes12 += stockOn(st(back)).length;
  const yearBefore = stockOn(st(12));

  const teamOn = new Map<string, string>();
  for (const t of parseCsv(files['team_assignments.csv'] as string))
    if ((t.valid_from as string) <= st(0) && (!t.valid_until || st(0) <= (t.valid_until as string)))
      teamOn.set(t.customer_number as string, t.team as string);
  const stockByTeam: Record<string, number> = {};
  for (const t of parseCsv(files['teams.csv'] as string)) stockByTeam[t.name as string] = 0;
  for (const c of stock) {
    const team = teamOn.get(c);
    if (team !== undefined) stockByTeam[team] = (stockByTeam[team] ?? 0) + 1;
  }

  return {
    stock: stock.length,
    stockMen: stock.filter((c) => sex(c) === 'm').length,
    stockWomen: stock.filter((c) => sex(c) === 'w').length,
    stockYearBefore: yearBefore.length,
    meanStockTimes12,
    integrations: integrations.length,
    integrationsMen: integrations.filter((c) => sex(c) === 'm').length,
    integrationsWomen: integrations.filter((c) => sex(c) === 'w').length,
    lzb: stock.filter((c) => isLzb(c, st(0))).length,
    lzbYearBefore: yearBefore.filter((c) => isLzb(c, st(12))).length,
    stockByTeam,
  };
}
