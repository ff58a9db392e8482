/** Numbers the German way: 10.597 · 24,2 % · 9,2 Mio. € (issue #5: "numbers formatted the German way"). */
const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** Intl writes "-"; typeset text wants the minus sign. */
const minus = (s: string) => s.replace(/^-/, '−');

export function formatInt(n: number): string {
  return minus(integer.format(Math.round(n)));
}

export function formatPercent(n: number): string {
  // no-break space: the number and its sign stay on one line
  return `${minus(oneDecimal.format(n))}\u00a0%`;
}

/** A change in percent with its sign: +1,5 % / −6,4 %. */
export function formatChange(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return rounded > 0 ? `+${formatPercent(rounded)}` : formatPercent(rounded === 0 ? 0 : rounded);
}

export function formatEuroCents(cents: number): string {
  return euro.format(Math.round(cents / 100));
}
