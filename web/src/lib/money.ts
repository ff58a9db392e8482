/**
 * Euro amounts as staff type them ("1.033,00", "1033", "12,5") and as the server stores them
 * (integer cents). Parsing is exact: the digits are read as text, never through a float.
 */

export type EuroParse = { ok: true; cents: number } | { ok: false; message: string };

const MESSAGES = {
  empty: 'Bitte geben Sie einen Betrag ein.',
  decimals: 'Bitte höchstens zwei Nachkommastellen angeben (Cent).',
  negative: 'Der Betrag darf nicht negativ sein.',
  format: 'Bitte geben Sie den Betrag in Euro an, z. B. 1.033,00 oder 1033,00.',
  tooHigh: 'Der Betrag ist unplausibel hoch.',
};

/** Largest amount the server accepts (10 million euros, in cents). */
const MAX_CENTS = 10_000_000_00;

/**
 * "1.033,00" → 103300. A dot groups thousands (only in groups of three), a comma separates the cents;
 * "€" and spaces are ignored. More than two decimals, a minus sign or anything else is refused with a
 * German message.
 */
export function parseEuro(input: string): EuroParse {
  const s = input.replace(/€/g, '').replace(/[\s\u00a0\u202f]/g, '');
  if (!s) return { ok: false, message: MESSAGES.empty };
  if (s.startsWith('-')) return { ok: false, message: MESSAGES.negative };
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d*))?$/.exec(s);
  if (!m) {
    if (/^[\d.]*,\d{3,}$/.test(s)) return { ok: false, message: MESSAGES.decimals };
    return { ok: false, message: MESSAGES.format };
  }
  const whole = (m[1] ?? '').replace(/\./g, '');
  const fraction = m[2] ?? '';
  if (fraction.length > 2) return { ok: false, message: MESSAGES.decimals };
  if (whole.length > 12) return { ok: false, message: MESSAGES.tooHigh };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0') || '0');
  if (cents > MAX_CENTS) return { ok: false, message: MESSAGES.tooHigh };
  return { ok: true, cents };
}

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/** 103300 → "1.033,00 €" (display). */
export function formatEuro(cents: number): string {
  return euro.format(cents / 100);
}

/** 103300 → "1.033,00" (a form field's value, parsed back by parseEuro). */
export function euroInput(cents: number): string {
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}
