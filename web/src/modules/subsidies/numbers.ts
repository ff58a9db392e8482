/** "19,5" or "19.5" → 19.5; anything that is not a plain non-negative decimal → null. */
export function decimal(input: string): number | null {
  const s = input.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}
