/** Today's date in Germany (Europe/Berlin), as 'YYYY-MM-DD': a Jobcenter's day does not end at UTC midnight. */
export function todayInGermany(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}
