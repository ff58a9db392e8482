import type { Database } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { endOfMonth } from '../../lib/dates.ts';
import { appendAudit } from '../audit/service.ts';
import { SYSTEM_ACTOR } from '../org/bootstrap.ts';
import { insertSubsidyDemo, loadSubsidisedJobs, planSubsidyDemo, scheduled16iInYear } from '../subsidies/demo.ts';
import { insertRecordedCommitments, type RecordedCommitment } from './bulk.ts';
import type { Instrument } from './codes.ts';
import { centsByYear, monthsFromTo, splitEvenly } from './rules.ts';
import { budgetAllocations, budgetPlanLines, budgetSources } from './schema.ts';

/**
 * Demo budget 2015–2020 of the synthetic Jobcenter (docs/budget.md "Demodaten"): integration budget spent per
 * year — 2019 exactly 9.200.000,00 € (report section 4: "ca. 9,2 Mio. Euro") — and from 2019 the passive-active
 * transfer for § 16i (report: 336.200 Euro in 2019, reached as closely as one PAT share for all § 16i contracts
 * allows). § 16i / § 16e spending comes from the subsidy contracts of the demo's recorded jobs; the rest of each
 * year is spread over the other instruments by the weights below (assumptions, not from the report).
 */
export const DEMO_INTEGRATION_PAID: Record<number, number> = {
  2015: 860_000_000,
  2016: 880_000_000,
  2017: 900_000_000,
  2018: 890_000_000,
  2019: 920_000_000,
  2020: 940_000_000,
};
export const DEMO_PAT_2019_CENTS = 33_620_000;
/** Subsidised jobs planned and written at a time (a contract's commitments, payments and coaching). */
const PAGE = 1_000;

const WEIGHTS: [Instrument, number][] = [
  ['activation_45', 40],
  ['training_voucher_81', 22],
  ['agh_16d', 15],
  ['egz_88', 12],
  ['einstiegsgeld_16b', 3],
  ['free_16f', 3],
  ['rehab', 3],
  ['other', 2],
];

/** `total` split by integer weights, largest remainder, exact to the cent. */
function byWeights(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

/** Planned = 103 % of what was spent, in whole euros (a plan is never met exactly). */
const planned = (cents: number) => Math.ceil((cents * 1.03) / 100) * 100;

export interface BudgetDemoResult {
  ms: number;
  contracts: number;
  patShareBp: number;
  paid: Record<number, { integrationCents: number; patCents: number }>;
}

export async function seedBudgetDemo(
  db: Database,
  tenantId: string,
  opts: { asOf?: string /** the demo's scale: amounts grow with the population (1 = Lahn-Dill) */; scale?: number } = {},
): Promise<BudgetDemoResult> {
  const started = performance.now();
  const asOf = opts.asOf ?? '2020-12-31';
  const scale = opts.scale ?? 1;
  const patTarget = Math.round(DEMO_PAT_2019_CENTS * scale);
  const actor = SYSTEM_ACTOR;
  const jobs = await loadSubsidisedJobs(db, tenantId);
  const s2019 = scheduled16iInYear(jobs, 2019);
  const patShareBp = s2019 > 0 ? Math.min(10000, Math.round((patTarget * 10000) / s2019)) : 0;
  const egt = uuidv7();
  const pat = uuidv7();
  await db.orm.transaction((tx) =>
    tx.insert(budgetSources).values([
      { tenantId, id: egt, kind: 'integration', label: 'Eingliederungsbudget' },
      { tenantId, id: pat, kind: 'pat', label: 'Passiv-Aktiv-Transfer (PAT)' },
    ]),
  );
  // what the plan lines need of every commitment: cents per source, instrument (in order of first appearance)
  // and year; the commitments themselves are written page by page, so memory does not grow with the scale
  const sums = new Map<string, Map<Instrument, Map<number, number>>>([
    [egt, new Map()],
    [pat, new Map()],
  ]);
  const count = (list: RecordedCommitment[]) => {
    for (const c of list) {
      const bySource = sums.get(c.sourceId) as Map<Instrument, Map<number, number>>;
      const byYear = bySource.get(c.instrument) ?? new Map<number, number>();
      bySource.set(c.instrument, byYear);
      for (const [year, cents] of centsByYear(c.months)) byYear.set(year, (byYear.get(year) ?? 0) + cents);
    }
  };
  const paidBy = new Map<string, number>();
  let contracts = 0;
  for (let start = 0; start < jobs.length; start += PAGE) {
    const subsidies = planSubsidyDemo(jobs.slice(start, start + PAGE), tenantId, actor, {
      integrationSourceId: egt,
      patSourceId: pat,
      patShareBp,
      asOf,
      firstIndex: start,
    });
    for (const [key, cents] of subsidies.paidBy) paidBy.set(key, (paidBy.get(key) ?? 0) + cents);
    count(subsidies.commitments);
    contracts += subsidies.contracts.length;
    await db.orm.transaction(async (tx) => {
      await insertSubsidyDemo(tx, subsidies);
      await insertRecordedCommitments(tx, tenantId, actor, subsidies.commitments);
    });
  }

  // the other instruments: one commitment a year each, paid in twelve monthly instalments
  const manual: RecordedCommitment[] = [];
  const paid: BudgetDemoResult['paid'] = {};
  for (const [yearText, full] of Object.entries(DEMO_INTEGRATION_PAID)) {
    const year = Number(yearText);
    const target = Math.round(full * scale);
    const fromSubsidies = (paidBy.get(`integration/16i/${year}`) ?? 0) + (paidBy.get(`integration/16e/${year}`) ?? 0);
    const rest = Math.max(0, target - fromSubsidies);
    const parts = byWeights(
      rest,
      WEIGHTS.map((w) => w[1]),
    );
    WEIGHTS.forEach(([instrument], i) => {
      const months = monthsFromTo(`${year}-01`, `${year}-12`);
      const amounts = splitEvenly(parts[i] as number, 12);
      manual.push({
        sourceId: egt,
        instrument,
        origin: 'manual',
        originRef: null,
        description: `Jahresbindung ${year} (Demodaten)`,
        months: months.map((month, k) => ({ month, cents: amounts[k] as number })),
        payments: months
          .map((month, k) => ({
            paidOn: endOfMonth(`${month}-01`),
            forMonth: month,
            cents: amounts[k] as number,
            reference: `Sammelrechnung ${month}`,
          }))
          .filter((p) => p.paidOn <= asOf && p.cents > 0),
      });
    });
    paid[year] = {
      integrationCents: fromSubsidies + (endOfMonth(`${year}-12-01`) <= asOf ? rest : 0),
      patCents: paidBy.get(`pat/16i/${year}`) ?? 0,
    };
  }
  count(manual);

  // plan lines: 103 % of each instrument's commitments in the year; allocation = sum of the plan
  const planLines: (typeof budgetPlanLines.$inferInsert)[] = [];
  const allocations: (typeof budgetAllocations.$inferInsert)[] = [];
  for (const year of Object.keys(DEMO_INTEGRATION_PAID).map(Number)) {
    for (const source of [egt, pat]) {
      const bySource = sums.get(source) as Map<Instrument, Map<number, number>>;
      const lines = [...bySource]
        .map(([instrument, byYear]) => [instrument, byYear.get(year) ?? 0] as const)
        .filter(([, cents]) => cents > 0);
      if (!lines.length) continue;
      const isPat2019 = source === pat && year === 2019;
      const values = lines.map(([instrument, cents]) => ({
        tenantId,
        year,
        sourceId: source,
        instrument,
        plannedCents: isPat2019 ? patTarget : planned(cents),
      }));
      allocations.push({ tenantId, year, sourceId: source, allocatedCents: values.reduce((a, v) => a + v.plannedCents, 0) });
      planLines.push(...values);
    }
  }

  await db.orm.transaction(async (tx) => {
    await tx.insert(budgetAllocations).values(allocations);
    await tx.insert(budgetPlanLines).values(planLines);
    await insertRecordedCommitments(tx, tenantId, actor, manual);
    await appendAudit(tx, [
      {
        tenantId,
        actorId: actor,
        action: 'budget.demo',
        entityType: 'tenant',
        entityId: tenantId,
        purpose: 'Demodaten Eingliederungsbudget und geförderte Beschäftigung',
        outcome: 'success',
      },
    ]);
  });
  return { ms: performance.now() - started, contracts, patShareBp, paid };
}
