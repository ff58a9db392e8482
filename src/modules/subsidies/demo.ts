import type { Database, Executor } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { addDays, anniversaryDay, endOfMonth, fromDay, toDay } from '../../lib/dates.ts';
import type { RecordedCommitment } from '../budget/bulk.ts';
import { loadEmploymentsOfKinds } from '../people/facts.ts';
import type { SubsidyBasis } from './codes.ts';
import { type ContractTerms, schedule } from './schedule.ts';
import { subsidyCoaching, subsidyContracts } from './schema.ts';
import { fundingMonths, instrumentOf } from './service.ts';

/**
 * Demo data: a subsidy contract for every § 16i / § 16e job the demo generator recorded (people module,
 * employments of kind public_16i / subsidised_16e), with its schedule as commitments, the monthly payments
 * up to `asOf`, and coaching in the first year (on average about 2,5 hours a person and month, report 5.3).
 */
export interface SubsidyDemoPlan {
  contracts: (typeof subsidyContracts.$inferInsert)[];
  coaching: (typeof subsidyCoaching.$inferInsert)[];
  commitments: RecordedCommitment[];
  /** Schedule cents of § 16i months in `patYear` (to choose the PAT share). */
  paidBy: Map<string, number>;
}

/** Hourly wage of the demo's § 16e jobs (regular employers, above the minimum wage). */
const DEMO_16E_HOURLY_CENTS = 1150;
const COACHING_HOURS = [1.5, 2, 2.5, 3, 3.5];

export async function loadSubsidisedJobs(db: Database, tenantId: string) {
  return loadEmploymentsOfKinds(db, tenantId, ['public_16i', 'subsidised_16e']);
}

export function termsForJob(job: { kind: string; from: string; to: string | null; weeklyHours: number | null }): ContractTerms {
  const basis: SubsidyBasis = job.kind === 'public_16i' ? '16i' : '16e';
  const endsOn = fromDay(anniversaryDay(toDay(job.from), basis === '16i' ? 5 : 2));
  return {
    basis,
    startsOn: job.from,
    endsOn,
    endedOn: job.to && job.to < endsOn ? job.to : null,
    weeklyHours: job.weeklyHours ?? 39,
    wageBasis: basis === '16i' ? 'minimum_wage' : 'agreed',
    agreedHourlyCents: basis === '16i' ? null : DEMO_16E_HOURLY_CENTS,
  };
}

/** Sum of § 16i schedule cents in a year over the jobs (to choose a PAT share that hits a target). */
export function scheduled16iInYear(jobs: Awaited<ReturnType<typeof loadSubsidisedJobs>>, year: number): number {
  let sum = 0;
  for (const j of jobs) {
    if (j.kind !== 'public_16i' || j.from < '2019-01-01') continue;
    for (const m of schedule(termsForJob(j))) if (m.month.startsWith(String(year))) sum += m.cents;
  }
  return sum;
}

export function planSubsidyDemo(
  jobs: Awaited<ReturnType<typeof loadSubsidisedJobs>>,
  tenantId: string,
  actorId: string,
  opts: {
    integrationSourceId: string;
    patSourceId: string;
    patShareBp: number;
    asOf: string;
    /** Position of `jobs[0]` in the whole list, when the demo plans it page by page (budget/demo.ts). */
    firstIndex?: number;
  },
): SubsidyDemoPlan {
  const plan: SubsidyDemoPlan = { contracts: [], coaching: [], commitments: [], paidBy: new Map() };
  jobs.forEach((job, i) => {
    const index = (opts.firstIndex ?? 0) + i;
    // § 16i and § 16e exist from 1.1.2019 (Teilhabechancengesetz); earlier public jobs are not subsidies of this kind
    if (job.from < '2019-01-01') return;
    const terms = termsForJob(job);
    const id = uuidv7();
    const pat = terms.basis === '16i' ? opts.patShareBp : 0;
    plan.contracts.push({
      tenantId,
      id,
      personId: job.personId,
      basis: terms.basis,
      employer: job.employer ?? 'Arbeitgeber (Demo)',
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      endedOn: terms.endedOn ?? null,
      weeklyHours: String(terms.weeklyHours),
      wageBasis: terms.wageBasis,
      agreedHourlyCents: terms.agreedHourlyCents ?? null,
      patShareBp: pat,
      ruleVersion: terms.basis === '16i' ? '16i-2019' : '16e-2019',
      eligible: 'not_checked',
      employmentId: job.id,
      createdBy: actorId,
    });
    const months = fundingMonths(terms, pat);
    const label = terms.basis === '16i' ? 'Lohnkostenzuschuss § 16i SGB II' : 'Lohnkostenzuschuss § 16e SGB II';
    const paymentsOf = (list: { month: string; cents: number }[], key: string) =>
      list
        .filter((m) => m.cents > 0 && endOfMonth(`${m.month}-01`) <= opts.asOf)
        .map((m) => {
          const paidOn = endOfMonth(`${m.month}-01`);
          const k = `${key}/${paidOn.slice(0, 4)}`;
          plan.paidBy.set(k, (plan.paidBy.get(k) ?? 0) + m.cents);
          return { paidOn, forMonth: m.month, cents: m.cents, reference: `Zuschuss ${m.month}` };
        });
    plan.commitments.push({
      sourceId: opts.integrationSourceId,
      instrument: instrumentOf(terms.basis),
      origin: 'subsidy',
      originRef: id,
      description: label,
      months: months.integration,
      payments: paymentsOf(months.integration, `integration/${terms.basis}`),
    });
    if (pat > 0)
      plan.commitments.push({
        sourceId: opts.patSourceId,
        instrument: instrumentOf(terms.basis),
        origin: 'subsidy',
        originRef: id,
        description: `${label} (PAT-Anteil)`,
        months: months.pat,
        payments: paymentsOf(months.pat, 'pat/16i'),
      });
    // coaching in the first year of the employment, one or two sessions a month
    const firstYearEnd = fromDay(anniversaryDay(toDay(terms.startsOn), 1));
    const stop = [firstYearEnd, terms.endedOn ?? terms.endsOn, addDays(opts.asOf, 1)].sort()[0] as string;
    let month = 0;
    for (let day = terms.startsOn; day < stop; day = addDays(endOfMonth(day), 1), month++) {
      const hours = COACHING_HOURS[(index * 7 + month * 3) % COACHING_HOURS.length] as number;
      const held = addDays(day, Math.min(9, toDay(endOfMonth(day)) - toDay(day)));
      if (held >= stop) continue;
      plan.coaching.push({
        tenantId,
        id: uuidv7(),
        contractId: id,
        heldOn: held,
        minutes: Math.round(hours * 60),
        createdBy: actorId,
      });
    }
  });
  return plan;
}

export async function insertSubsidyDemo(tx: Executor, plan: SubsidyDemoPlan) {
  for (let i = 0; i < plan.contracts.length; i += 1000)
    await tx.insert(subsidyContracts).values(plan.contracts.slice(i, i + 1000));
  for (let i = 0; i < plan.coaching.length; i += 2000) await tx.insert(subsidyCoaching).values(plan.coaching.slice(i, i + 2000));
}
