import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { addDays, addMonths, fromDay } from '../../lib/dates.ts';
import { appendAudit } from '../audit/service.ts';
import { INTEGRATION_KINDS } from '../people/codes.ts';
import type { PersonFacts } from '../people/facts.ts';
import { listMeasureStatusPeriodsCompact, loadMeasureParticipantFacts } from '../people/measure-status.ts';
import { ageOn, isLongTermRecipientOn, isSingleParentOn } from '../people/rules.ts';
import { CATALOGUE, seedMeasureCatalogue } from './catalogue.ts';
import type { ExitReason, Outcome } from './code-lists.ts';
import { fitsTargetGroups, plannedEndFor, targetGroupsOf } from './rules.ts';

/**
 * The demo's measures: the report's catalogue (catalogue.ts) and an assignment for every period "in einer
 * Maßnahme" that the demo generator made, so that occupancy, integration rates and shares of exits into
 * work are computed from records. Rules (deterministic; docs/measures.md):
 * - periods that start with a § 16d work opportunity are not catalogue measures and stay unassigned;
 * - the measure is the first of a preference list that the person fits (target groups on the entry day),
 *   whose contract covers the entry and which has a free place (places are never exceeded);
 *   periods for which none fits stay unassigned ("other measure");
 * - exit = last day of the period; reason "job" if an integration (employment subject to social insurance,
 *   training, self-employment) starts within a week around the exit, "regular" if the period reached the
 *   standard duration (less a week), "dropout" if it ended before half of it, else "other";
 * - outcome six months after the exit, where the records reach that far: integration if one started in
 *   those six months, other measure if another period "in einer Maßnahme" did, else still unemployed.
 */
export interface MeasuresDemoResult {
  measures: number;
  assignments: number;
  unassigned: number;
  ms: number;
}

const INTEGRATION = new Set<string>(INTEGRATION_KINDS);
/** Periods per page: the facts of at most this many persons are in memory at once. */
const PAGE = 5_000;
const byKey = Object.fromEntries(CATALOGUE.map((m) => [m.key, m]));

function preferences(groups: string[], months: number): string[] {
  const keys: string[] = [];
  if (groups.includes('u25')) keys.push('charli');
  if (groups.includes('refugees') && groups.includes('women')) keys.push(months <= 3 ? 'gesdig' : 'frauenkompetenzcenter');
  if (groups.includes('refugees')) keys.push('jobact');
  if (groups.includes('women') && groups.includes('lzb') && months >= 6) keys.push('fraustark');
  if (months <= 2.5) keys.push('jobaktiv');
  if (groups.includes('lzb')) keys.push('aktivierungszentrum');
  if (groups.includes('single_parents') || groups.includes('women')) keys.push('gemeinsam');
  keys.push('jobaktiv', 'aktivierungszentrum');
  return [...new Set(keys)];
}

export async function seedMeasuresDemo(
  db: Database,
  tenantId: string,
  opts: { caseworkerId: string; actorId: string },
): Promise<MeasuresDemoResult> {
  const started = performance.now();
  const measureIds = await seedMeasureCatalogue(db, tenantId, opts.actorId);
  // the records' horizon: the latest start of any status period (outcomes are only derived within it)
  const [horizon] = await db.rows<{ d: string | null }>(
    sql`SELECT max(valid_from) AS d FROM status_periods WHERE tenant_id = ${tenantId}`,
  );
  const lastDay = horizon?.d ?? '2000-01-01';
  // the periods in order of start (places are taken first come, first served), read compactly; the persons'
  // facts page by page, so memory does not grow with the demo's scale (docs/demo.md)
  const periods = await listMeasureStatusPeriodsCompact(db, tenantId);
  let assigned = 0;
  // active participations per measure, to keep within the places
  const active = new Map<string, string[]>();
  let unassigned = 0;
  for (let start = 0; start < periods.length; start += PAGE) {
    const stop = Math.min(periods.length, start + PAGE);
    const ids = [...new Set(Array.from(periods.person.subarray(start, stop), (k) => periods.personIds[k] as string))];
    const facts = new Map((await loadMeasureParticipantFacts(db, tenantId, { personIds: ids })).map((p) => [p.id, p]));
    const cols: unknown[][] = Array.from({ length: 19 }, () => []);
    for (let i = start; i < stop; i++) {
      const p = facts.get(periods.personIds[periods.person[i] as number] as string) as PersonFacts;
      const from = fromDay(periods.from[i] as number);
      const to = (periods.to[i] as number) < 0 ? null : fromDay(periods.to[i] as number);
      // periods that start with a § 16d work opportunity are not catalogue measures
      if (p.employments.some((e) => e.kind === 'public_16d' && e.from === from)) continue;
      const benefit = p.benefit;
      const groups = targetGroupsOf({
        sex: p.sex,
        age: ageOn(p.birthDate, from),
        longTermRecipient: isLongTermRecipientOn(p.birthDate, benefit, from),
        singleParent: isSingleParentOn(p.id, p.members, from),
        refugee: p.status.some((s) => s.kind === 'refugee' && s.from <= from && (s.to === null || s.to > from)),
        rehaOrSevereDisability: p.status.some(
          (s) => s.kind === 'severe_disability' && s.from <= from && (s.to === null || s.to > from),
        ),
      });
      const exitDate = to ? addDays(to, -1) : null;
      const months = exitDate ? (Date.parse(exitDate) - Date.parse(from)) / (30.44 * 86_400_000) : 6;
      const key = preferences(groups, months).find((k) => {
        const m = byKey[k];
        if (!m || !fitsTargetGroups(m.targetGroups, groups)) return false;
        if (from < m.contractFrom || (m.contractUntil && from > m.contractUntil)) return false;
        const list = (active.get(k) ?? []).filter((end) => end >= from);
        active.set(k, list);
        return list.length < m.places;
      });
      if (!key) {
        unassigned++;
        continue;
      }
      const m = byKey[key] as (typeof CATALOGUE)[number];
      active.get(key)?.push(exitDate ?? '9999-12-31');
      const plannedEnd = plannedEndFor(from, m.durationValue, m.durationUnit);
      let exitReason: ExitReason | null = null;
      let outcome: Outcome | null = null;
      let outcomeOn: string | null = null;
      if (exitDate) {
        const jobStarts = p.employments.filter((e) => INTEGRATION.has(e.kind)).map((e) => e.from);
        const half = addDays(from, Math.floor((Date.parse(plannedEnd) - Date.parse(from)) / 86_400_000 / 2));
        exitReason = jobStarts.some((d) => d >= addDays(exitDate, -6) && d <= addDays(exitDate, 7))
          ? 'job'
          : exitDate >= addDays(plannedEnd, -7)
            ? 'regular'
            : exitDate < half
              ? 'dropout'
              : 'other';
        const sixMonths = addMonths(exitDate, 6);
        if (sixMonths <= lastDay) {
          outcomeOn = sixMonths;
          outcome = jobStarts.some((d) => d > exitDate && d <= sixMonths)
            ? 'integration'
            : p.status.some(
                  (s) => s.kind === 'labour_market' && s.value === 'measure' && s.from > exitDate && s.from <= sixMonths,
                )
              ? 'other_measure'
              : 'unemployed';
        }
      }
      const row = [
        tenantId,
        uuidv7(),
        measureIds[key],
        p.id,
        exitDate ? 'exited' : 'active',
        addDays(from, -14),
        opts.caseworkerId,
        from,
        plannedEnd,
        addDays(from, -7),
        'agrees',
        p.sex,
        groups.join(','),
        true,
        from,
        exitDate,
        exitReason,
        outcome,
        outcomeOn,
      ];
      row.forEach((v, i) => {
        cols[i]?.push(v);
      });
    }
    await insertAssignments(db, cols);
    assigned += cols[0]?.length ?? 0;
  }
  await db.orm.transaction((tx) =>
    appendAudit(tx, [
      {
        tenantId,
        actorId: opts.actorId,
        action: 'measure.demo.seed',
        entityType: 'tenant',
        entityId: tenantId,
        purpose: `Demodaten: ${assigned} Zuweisungen`,
        outcome: 'success',
      },
    ]),
  );
  return {
    measures: CATALOGUE.length,
    assignments: assigned,
    unassigned,
    ms: performance.now() - started,
  };
}

/** One page of assignments, one array parameter per column, in batches of 5,000 rows. */
async function insertAssignments(db: Database, cols: unknown[][]): Promise<void> {
  if (!cols[0]?.length) return;
  await db.orm.transaction(async (tx) => {
    // one array parameter per column (person_groups as a comma list: unnest cannot carry text[][])
    const types = [
      'uuid',
      'uuid',
      'uuid',
      'uuid',
      'text',
      'date',
      'uuid',
      'date',
      'date',
      'date',
      'text',
      'text',
      'text',
      'bool',
      'date',
      'date',
      'text',
      'text',
      'date',
    ];
    const total = cols[0]?.length ?? 0;
    for (let start = 0; start < total; start += 5_000) {
      const arrays = cols.map((col, i) => sql`${sql.param(col.slice(start, start + 5_000))}::${sql.raw(`${types[i]}[]`)}`);
      await tx.execute(sql`
        INSERT INTO measure_assignments (tenant_id, id, measure_id, person_id, state, assigned_on, assigned_by, planned_entry,
               planned_end, agreed_on, customer_choice, person_sex, person_groups, in_target_group, entry_date, exit_date,
               exit_reason, outcome, outcome_on)
        SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, string_to_array(c13, ',')::text[], c14, c15, c16, c17, c18, c19
          FROM unnest(${sql.join(arrays, sql`, `)})
            AS x(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19)`);
    }
  });
}
