/**
 * Pure budget rules: what is free, what the year will probably cost, how an amount is spread over months
 * and what a release leaves. Integer cents in, integer cents out; no database.
 *
 * Sources: budget practice of the SGB II (§ 46 SGB II, Eingliederungsmittel-Verordnung: the integration
 * budget is allocated per calendar year; commitments for later years are "Verpflichtungsermächtigungen",
 * § 38 BHO). The projection rule is our own (docs/budget.md), worked by hand in rules.unit.test.ts.
 */

/** 'YYYY-MM' → month index (year × 12 + month − 1). */
export function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

export function monthName(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both inclusive ('YYYY-MM'). */
export function monthsFromTo(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthName(i));
  return out;
}

/**
 * `total` cents spread over `n` parts that differ by at most one cent and add up exactly; the extra cents go to
 * the first parts (1000 over 3: 334, 333, 333).
 */
export function splitEvenly(total: number, n: number): number[] {
  if (!Number.isInteger(total) || total < 0 || !Number.isInteger(n) || n <= 0) throw new RangeError('splitEvenly');
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/** What one cell (year × source × instrument) of the overview holds. */
export interface CellFigures {
  plannedCents: number;
  committedCents: number;
  paidCents: number;
}

/**
 * Money bound in a year: the commitments of its months, or what was paid in it if that is more (a payment
 * without a matching month, e.g. an invoice for last December paid in January, binds money too).
 */
export function boundCents(c: CellFigures): number {
  return Math.max(c.committedCents, c.paidCents);
}

/** Free = planned − bound; negative when the plan is overdrawn. */
export function freeCents(c: CellFigures): number {
  return c.plannedCents - boundCents(c);
}

/**
 * Whole months of `year` that have ended on `asOf` (0 … 12): 2019-06-30 → 6, 2019-06-15 → 5,
 * any day of 2020 → 12 for 2019, any day of 2018 → 0 for 2019.
 */
export function elapsedMonths(year: number, asOf: string): number {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  if (y < year) return 0;
  if (y > year) return 12;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return m - 1 + (d === lastDay ? 1 : 0);
}

export interface Projection {
  elapsedMonths: number;
  remainingMonths: number;
  /** Average monthly payment so far (floor of paid ÷ elapsed months; 0 before the first month ended). */
  runRateCents: number;
  /** Committed for the year but not yet paid (never below 0). */
  openCommittedCents: number;
  /** Expected spending of the whole year. */
  projectedCents: number;
}

/**
 * Year-end projection (our rule, docs/budget.md "Hochrechnung"): what has been paid, plus for the rest of the
 * year the larger of (a) the open commitments of the year — they will be paid — and (b) the run rate (average
 * monthly payment of the ended months) × remaining months — spending that is not committed yet (invoices,
 * new assignments) continues at the pace so far.
 *
 *   projected = paid + max(max(0, committed − paid), ⌊paid ÷ elapsed⌋ × (12 − elapsed))
 */
export function projectYearEnd(year: number, asOf: string, c: { committedCents: number; paidCents: number }): Projection {
  const elapsed = elapsedMonths(year, asOf);
  const remaining = 12 - elapsed;
  const runRate = elapsed > 0 ? Math.floor(c.paidCents / elapsed) : 0;
  const open = Math.max(0, c.committedCents - c.paidCents);
  return {
    elapsedMonths: elapsed,
    remainingMonths: remaining,
    runRateCents: runRate,
    openCommittedCents: open,
    projectedCents: c.paidCents + Math.max(open, runRate * remaining),
  };
}

/** One year in which a new commitment would exceed the free amount. */
export interface Shortfall {
  year: number;
  freeCents: number;
  requestedCents: number;
}

/**
 * Years (with a plan) in which `requested` (cents per year) exceeds the free amount. Years without a plan
 * (no allocation yet, e.g. later years of a five-year § 16i contract) are not checked: such commitments are
 * Verpflichtungsermächtigungen and show up as committed once the year's plan exists.
 */
export function shortfalls(requested: Map<number, number>, free: Map<number, number | null>): Shortfall[] {
  const out: Shortfall[] = [];
  for (const [year, cents] of [...requested].sort((a, b) => a[0] - b[0])) {
    const f = free.get(year);
    if (f === null || f === undefined || cents <= 0) continue;
    if (cents > f) out.push({ year, freeCents: f, requestedCents: cents });
  }
  return out;
}

/** Cents per year of a list of months. */
export function centsByYear(months: readonly { month: string; cents: number }[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of months) {
    const y = Number(m.month.slice(0, 4));
    out.set(y, (out.get(y) ?? 0) + m.cents);
  }
  return out;
}

/**
 * The months a commitment keeps when it is released from `fromMonth` on (early end of a contract, exit from
 * a measure): the months before stay; if the payments already exceed what remains, the last kept month (or
 * a month `fromMonth` of its own when none is kept) is raised so that committed ≥ paid always holds.
 */
export function releaseFrom(
  months: readonly { month: string; cents: number }[],
  paidCents: number,
  fromMonth: string,
): { month: string; cents: number }[] {
  const cut = monthIndex(fromMonth);
  const kept = months
    .filter((m) => monthIndex(m.month) < cut)
    .map((m) => ({ ...m }))
    .sort((a, b) => monthIndex(a.month) - monthIndex(b.month));
  const total = kept.reduce((s, m) => s + m.cents, 0);
  if (total < paidCents) {
    const last = kept.at(-1);
    if (last) last.cents += paidCents - total;
    else kept.push({ month: fromMonth, cents: paidCents });
  }
  return kept;
}

/** German money text: 1234567 → "12.345,67 €". */
export function euro(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toLocaleString('de-DE');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')} €`;
}
