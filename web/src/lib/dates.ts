/**
 * Calendar dates in the web app: ISO strings ('YYYY-MM-DD') as the API sends them, shown the German
 * way (TT.MM.JJJJ). Periods are inclusive at this edge: validFrom … validUntil (last day, null = open).
 */

/** Today in Germany, 'YYYY-MM-DD' (a Jobcenter's day does not end at UTC midnight). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}

/** '1985-03-14' → '14.03.1985'; anything else unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** '2024-05' → 'Mai 2024'. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
  );
}

/** Does the inclusive period contain the day? */
export function periodCovers(validFrom: string, validUntil: string | null, day: string): boolean {
  return validFrom <= day && (validUntil === null || day <= validUntil);
}
