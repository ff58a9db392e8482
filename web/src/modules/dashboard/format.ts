/**
 * Numbers the German way: 10.597 and 24,2 %. Values of the key figures are percent (rates) or percent
 * changes; counts are whole numbers; money arrives in cents.
 */
const count = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signedOne = new Intl.NumberFormat('de-DE', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export const formatCount = (n: number) => count.format(n);
export const formatDecimal = (n: number) => (Number.isInteger(n) ? count.format(n) : oneDecimal.format(n));
export const formatPercent = (n: number | null, none = '–') => (n === null ? none : `${oneDecimal.format(n)}\u00a0%`);
/** A change: with sign, "+1,5 %", "−2,0 %". */
export const formatChange = (n: number | null, none = '–') => (n === null ? none : `${signedOne.format(n)}\u00a0%`);
export const formatPoints = (n: number | null, none = '–') => (n === null ? none : `${signedOne.format(n)}\u00a0Pp.`);
export const formatEuros = (cents: number) => euro.format(cents / 100);

/** A figure's value as shown: rates as percent, changes with sign. */
export const formatFigure = (kind: 'rate' | 'change', value: number | null, none = '–') =>
  kind === 'change' ? formatChange(value, none) : formatPercent(value, none);

/** German input "24,5", "−2", "-2,25" (also "24.5") → number; null when not a number with at most two decimals. */
export function parsePercent(input: string): number | null {
  const raw = input.trim().replace(/\s|%/g, '').replace('−', '-');
  // "1.234,5" (German) or "24.5" (a dot typed as decimal point): with a comma, dots group thousands
  const s = raw.includes(',') ? raw.replace(/\./g, '').replace(',', '.') : raw;
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) return null;
  return Number(s);
}

/** The last completed month, 'YYYY-MM' (the default report month). */
export function lastCompleteMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
