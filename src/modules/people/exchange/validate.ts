import { STATUS_VALUES, type StatusKind } from '../codes.ts';
import { toStoredEnd } from '../model.ts';
import { ageOn, MIN_ELB_AGE } from '../rules.ts';
import type { ImportProblem, Row } from './read.ts';

/**
 * Checks across rows and files, after each field has parsed: unique keys, references, periods
 * (order, overlap, birth, age 15 for eLb), households (a child older than its parents), codes.
 * Reports every problem with its file, line and column; the importer writes only when none is left.
 */
export interface KnownState {
  sites: Set<string>;
  teams: Set<string>;
  /** username (lower case) → roles */
  staffRoles: Map<string, string[]>;
  households: Set<string>;
  today: string;
}

const DAY = 86_400_000;
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export function validateRows(files: Map<string, Row[]>, known: KnownState, problems: ImportProblem[]) {
  // rows with a field error were reported already; they still count as present (no follow-up errors)
  const rows = (f: string) => (files.get(f) ?? []).filter((r) => !r.partial);
  const allRows = (f: string) => files.get(f) ?? [];
  const p = (file: string, line: number, column: string | null, message: string) =>
    problems.push({ file, line, column, message });

  const unique = (file: string, key: (r: Row) => string, column: string, what: string) => {
    const first = new Map<string, number>();
    for (const r of allRows(file)) {
      const k = key(r);
      if (k.includes('undefined')) continue;
      const at = first.get(k);
      if (at !== undefined) p(file, r.line, column, `${what} „${k}“ steht schon in Zeile ${at}`);
      else first.set(k, r.line);
    }
    return first;
  };

  const jobcenters = rows('jobcenter.csv');
  if (jobcenters.length > 1) p('jobcenter.csv', jobcenters[1]?.line ?? 3, 'name', 'Die Datei darf nur eine Zeile enthalten');

  const sites = new Set([...known.sites, ...unique('sites.csv', (r) => r.v.name as string, 'name', 'Standort').keys()]);
  unique('teams.csv', (r) => r.v.name as string, 'name', 'Team');
  for (const r of rows('teams.csv'))
    if (!sites.has(r.v.site as string)) p('teams.csv', r.line, 'site', `Standort „${r.v.site}“ gibt es nicht (sites.csv)`);
  const teams = new Set([...known.teams, ...rows('teams.csv').map((r) => r.v.name as string)]);

  unique('staff.csv', (r) => (r.v.username as string).toLowerCase(), 'username', 'Benutzername');
  const roles = new Map(known.staffRoles);
  for (const r of rows('staff.csv')) {
    roles.set((r.v.username as string).toLowerCase(), r.v.roles as string[]);
    for (const t of r.v.teams as string[])
      if (!teams.has(t)) p('staff.csv', r.line, 'teams', `Team „${t}“ gibt es nicht (teams.csv)`);
  }

  const householdLines = unique('households.csv', (r) => r.v.number as string, 'number', 'BG-Nummer');
  for (const r of rows('households.csv')) {
    if (!teams.has(r.v.team as string)) p('households.csv', r.line, 'team', `Team „${r.v.team}“ gibt es nicht (teams.csv)`);
    const cw = r.v.caseworker as string | null;
    if (cw) {
      const rs = roles.get(cw.toLowerCase());
      if (!rs) p('households.csv', r.line, 'caseworker', `Benutzer „${cw}“ gibt es nicht (staff.csv)`);
      else if (!rs.includes('pap') && !rs.includes('fallmanagement'))
        p('households.csv', r.line, 'caseworker', `„${cw}“ hat weder die Rolle pap noch fallmanagement`);
    }
    const bo = r.v.benefit_officer as string | null;
    if (bo) {
      const rs = roles.get(bo.toLowerCase());
      if (!rs) p('households.csv', r.line, 'benefit_officer', `Benutzer „${bo}“ gibt es nicht (staff.csv)`);
      else if (!rs.includes('leistung')) p('households.csv', r.line, 'benefit_officer', `„${bo}“ hat nicht die Rolle leistung`);
    }
  }
  const households = new Set([
    ...known.households,
    ...allRows('households.csv')
      .map((r) => r.v.number as string | undefined)
      .filter((n): n is string => !!n),
  ]);

  unique('persons.csv', (r) => r.v.customer_number as string, 'customer_number', 'Kundennummer');
  const birth = new Map<string, string>();
  const listedPersons = new Set(allRows('persons.csv').map((r) => r.v.customer_number as string | undefined));
  for (const r of rows('persons.csv')) {
    const b = r.v.birth_date as string;
    if (b > known.today) p('persons.csv', r.line, 'birth_date', 'Geburtsdatum liegt in der Zukunft');
    birth.set(r.v.customer_number as string, b);
  }

  const latestStart = addDays(known.today, 366);
  /** Common checks of a history row; returns the stored half-open period or undefined. */
  const periodOf = (file: string, r: Row) => {
    const person = r.v.customer_number as string;
    const from = r.v.valid_from as string;
    const until = r.v.valid_until as string | null;
    const b = birth.get(person);
    if (!b && listedPersons.has(person)) return undefined;
    if (!b) {
      p(
        file,
        r.line,
        'customer_number',
        `Kundennummer „${person}“ steht nicht in persons.csv (ein Verlauf wird nur mit seiner Person eingelesen)`,
      );
      return undefined;
    }
    if (until && until < from) {
      p(file, r.line, 'valid_until', 'Ende liegt vor dem Beginn');
      return undefined;
    }
    if (from < b) p(file, r.line, 'valid_from', 'Beginn liegt vor der Geburt');
    if (from > latestStart) p(file, r.line, 'valid_from', 'Beginn liegt mehr als ein Jahr in der Zukunft');
    return { person, from, to: toStoredEnd(until), birth: b };
  };
  const overlaps = (file: string, group: (r: Row) => string | null, what: string) => {
    const byKey = new Map<string, { r: Row; from: string; to: string | null }[]>();
    for (const r of rows(file)) {
      const key = group(r);
      if (key === null) continue;
      const from = r.v.valid_from as string;
      const to = toStoredEnd(r.v.valid_until as string | null);
      if (to !== null && to <= from) continue;
      const list = byKey.get(key) ?? [];
      list.push({ r, from, to });
      byKey.set(key, list);
    }
    for (const list of byKey.values()) {
      list.sort((a, b) => a.from.localeCompare(b.from));
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1] as (typeof list)[number];
        const cur = list[i] as (typeof list)[number];
        if (prev.to === null || prev.to > cur.from)
          p(file, cur.r.line, 'valid_from', `${what} überschneidet sich mit Zeile ${prev.r.line}`);
      }
    }
  };

  const memberFile = 'household_memberships.csv';
  for (const r of rows(memberFile)) {
    periodOf(memberFile, r);
    if (!households.has(r.v.household_number as string))
      p(memberFile, r.line, 'household_number', `BG-Nummer „${r.v.household_number}“ gibt es nicht (households.csv)`);
  }
  overlaps(memberFile, (r) => r.v.customer_number as string, 'Mitgliedschaft');
  // a child may not be older than an adult (applicant, partner) of the same household at the same time
  const byHousehold = new Map<string, Row[]>();
  for (const r of rows(memberFile)) {
    const list = byHousehold.get(r.v.household_number as string) ?? [];
    list.push(r);
    byHousehold.set(r.v.household_number as string, list);
  }
  for (const list of byHousehold.values()) {
    const adults = list.filter((r) => r.v.role === 'applicant' || r.v.role === 'partner');
    for (const child of list.filter((r) => r.v.role === 'child')) {
      const cb = birth.get(child.v.customer_number as string);
      const cFrom = child.v.valid_from as string;
      const cTo = toStoredEnd(child.v.valid_until as string | null);
      for (const adult of adults) {
        const ab = birth.get(adult.v.customer_number as string);
        const aFrom = adult.v.valid_from as string;
        const aTo = toStoredEnd(adult.v.valid_until as string | null);
        const together = (cTo === null || aFrom < cTo) && (aTo === null || cFrom < aTo);
        if (cb && ab && together && cb <= ab)
          p(
            memberFile,
            child.line,
            'role',
            `Das Kind ist älter als die erwachsene Person in Zeile ${adult.line} derselben Bedarfsgemeinschaft`,
          );
      }
    }
  }

  const benefitFile = 'benefit_periods.csv';
  for (const r of rows(benefitFile)) {
    const period = periodOf(benefitFile, r);
    const hh = r.v.household_number as string | null;
    const other = r.v.other_jobcenter as string | null;
    if (!hh && !other) p(benefitFile, r.line, 'household_number', 'BG-Nummer fehlt (oder other_jobcenter angeben)');
    if (hh && other)
      p(benefitFile, r.line, 'other_jobcenter', 'Zeiten eines anderen Jobcenters haben keine BG-Nummer dieses Jobcenters');
    if (hh && !households.has(hh)) p(benefitFile, r.line, 'household_number', `BG-Nummer „${hh}“ gibt es nicht (households.csv)`);
    if (period && r.v.employable === true && ageOn(period.birth, period.from) < MIN_ELB_AGE)
      p(benefitFile, r.line, 'employable', 'Erwerbsfähig kann erst sein, wer 15 Jahre alt ist (§ 7 Abs. 1 SGB II)');
  }
  overlaps(benefitFile, (r) => (r.v.other_jobcenter ? null : (r.v.customer_number as string)), 'Leistungsbezug');

  const statusFile = 'status_periods.csv';
  for (const r of rows(statusFile)) {
    periodOf(statusFile, r);
    const kind = r.v.kind as StatusKind;
    if (!Object.hasOwn(STATUS_VALUES[kind], r.v.value as string))
      p(
        statusFile,
        r.line,
        'value',
        `Wert „${r.v.value}“ ist für ${kind} nicht erlaubt (erlaubt: ${Object.keys(STATUS_VALUES[kind]).join(', ')})`,
      );
    if (r.v.detail && kind !== 'refugee') p(statusFile, r.line, 'detail', 'detail (Herkunftsland) gibt es nur bei refugee');
  }
  overlaps(statusFile, (r) => `${r.v.customer_number}|${r.v.kind}`, 'Status derselben Art');

  const teamFile = 'team_assignments.csv';
  for (const r of rows(teamFile)) {
    periodOf(teamFile, r);
    if (!teams.has(r.v.team as string)) p(teamFile, r.line, 'team', `Team „${r.v.team}“ gibt es nicht (teams.csv)`);
  }
  overlaps(teamFile, (r) => r.v.customer_number as string, 'Teamzuständigkeit');

  for (const r of rows('employment_events.csv')) periodOf('employment_events.csv', r);

  const payFile = 'household_payments.csv';
  // unique() by household, then month: the file has a row per household and month (millions in a whole
  // Jobcenter), and this builds no joined key per row
  const monthsOf = new Map<string, Map<string, number>>();
  for (const r of allRows(payFile)) {
    const hh = r.v.household_number as string | undefined;
    const month = r.v.month as string | undefined;
    if (hh === undefined || month === undefined) continue;
    let months = monthsOf.get(hh);
    if (!months) {
      months = new Map();
      monthsOf.set(hh, months);
    }
    const at = months.get(month);
    if (at !== undefined)
      p(payFile, r.line, 'month', `Monat der Bedarfsgemeinschaft „${hh} ${month}“ steht schon in Zeile ${at}`);
    else months.set(month, r.line);
  }
  for (const r of allRows(payFile))
    if (!r.partial && !householdLines.has(r.v.household_number as string))
      p(
        payFile,
        r.line,
        'household_number',
        `BG-Nummer „${r.v.household_number}“ steht nicht in households.csv (Beträge werden nur mit ihrer Bedarfsgemeinschaft eingelesen)`,
      );
}
