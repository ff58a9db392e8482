import type { Role } from '../org/schema.ts';

/**
 * The access policy as data: permission × role → scope. One table, read by one generic check
 * (access.ts); no route or service decides access with its own `if`s. A role missing from a row
 * has no access: a missing policy is a denial.
 *
 * Scopes, widest first:
 *   tenant – everything of the caller's Jobcenter
 *   team   – what belongs to a team the caller is a member of
 *   own    – only the caller's own record (own caseload, once the people module lands)
 */
export type Scope = 'tenant' | 'team' | 'own';
export const SCOPE_RANK: Record<Scope, number> = { own: 1, team: 2, tenant: 3 };

const everyone = (scope: Scope): Record<Role, Scope> => ({
  pap: scope,
  leistung: scope,
  fallmanagement: scope,
  teamleitung: scope,
  agps: scope,
  controlling: scope,
  vorstand: scope,
  admin: scope,
});

export const PERMISSIONS = {
  /** Sites and teams: names and kinds (no social data). */
  'org.read': {
    ...everyone('team'),
    teamleitung: 'tenant',
    controlling: 'tenant',
    vorstand: 'tenant',
    admin: 'tenant',
  },
  /** Create and change sites, teams, staff accounts, roles and memberships. */
  'org.manage': { admin: 'tenant' },
  /** A staff member's record (employee data is personal data too, so reads are audited). */
  'staff.read': { ...everyone('own'), teamleitung: 'team', admin: 'tenant' },
  /** Search the audit log (admin acting as or for the data-protection officer). */
  'audit.read': { admin: 'tenant' },
  /** A person's record: master data, household, status history, employment (people module). */
  'person.read': { pap: 'team', fallmanagement: 'team', leistung: 'team', teamleitung: 'team' },
  /** Record and correct a person's master data, status periods and employment. */
  'person.write': { pap: 'team', fallmanagement: 'team', leistung: 'team', teamleitung: 'team' },
  /** Benefit data: receipt periods, household membership, monthly amounts (Leistung). */
  'benefit.read': { leistung: 'team', teamleitung: 'team', fallmanagement: 'team' },
  'benefit.write': { leistung: 'team', teamleitung: 'team' },
  /** Import and export a whole Jobcenter's data (CSV interchange format). */
  'data.exchange': { admin: 'tenant' },
  /** Key figures and structure figures (aggregates, no individual data). */
  'indicators.read': { controlling: 'tenant', vorstand: 'tenant', admin: 'tenant', teamleitung: 'team' },
  // dashboard module: target agreement (§ 48b SGB II) and team report
  /** Enter and change the annual targets of the target agreement (§ 48b SGB II); reading them needs indicators.read. */
  'targets.write': { controlling: 'tenant', vorstand: 'tenant', admin: 'tenant' },
  /** The team report (teambezogener Ergebnisreport, aggregates of a team against the Jobcenter). */
  'teamreport.read': { pap: 'team', teamleitung: 'team', controlling: 'tenant', vorstand: 'tenant', admin: 'tenant' },
  // ---- measures module (providers, measures, assignments, evaluation; docs/measures.md) ----
  /** The measure catalogue: providers, measures, places, waiting-list lengths (no social data). */
  'measure.read': everyone('tenant'),
  /** Create and change providers and measures, record quality notes of review meetings with providers. */
  'measure.manage': { admin: 'tenant', teamleitung: 'tenant' },
  /** A person's assignments to measures (proposal, agreement, entry, exit, outcome; audited). */
  'assignment.read': { pap: 'team', fallmanagement: 'team', teamleitung: 'team' },
  'assignment.write': { pap: 'team', fallmanagement: 'team', teamleitung: 'team' },
  /** Occupancy and evaluation of measures and providers (aggregates by sex and group, no names). */
  'measure.evaluate': { teamleitung: 'tenant', controlling: 'tenant', vorstand: 'tenant' },
  // ---- planning module (docs/planning.md): integration planning is the caseworkers' work; benefit
  // staff (leistung) do not need a person's strengths, obstacles and agreed steps to pay benefits.
  /** A person's potential analysis, cooperation plan, contacts and MitArbeit reviews; the own agenda. */
  'planning.read': { pap: 'team', fallmanagement: 'team', teamleitung: 'team' },
  /** Record plans (new versions), contacts and MitArbeit reviews. */
  'planning.write': { pap: 'team', fallmanagement: 'team', teamleitung: 'team' },
  /** The aggregated MitArbeit analysis (counts per reason and team, no individual data). */
  'planning.analysis': { teamleitung: 'team', controlling: 'tenant', vorstand: 'tenant' },
  // ---- budget and subsidies modules (Eingliederungsbudget, § 16i / § 16e) ----
  /** Budget overview, plan, commitments and payments (aggregates and provider invoices, no social data). */
  'budget.read': {
    controlling: 'tenant',
    vorstand: 'tenant',
    admin: 'tenant',
    teamleitung: 'tenant',
    fallmanagement: 'tenant',
  },
  /** Open budget years, plan, manual commitments, book invoices and releases. */
  'budget.write': { controlling: 'tenant', admin: 'tenant' },
  /** Book a commitment beyond the free amount, with an audited reason. */
  'budget.override': { controlling: 'tenant', vorstand: 'tenant' },
  /** § 16i / § 16e: eligibility, contracts, schedules, payments and coaching of the team's persons. */
  'subsidy.read': { pap: 'team', fallmanagement: 'team', teamleitung: 'team', agps: 'team', controlling: 'tenant' },
  'subsidy.write': { pap: 'team', fallmanagement: 'team', teamleitung: 'team', agps: 'team' },
  /** Record a subsidy for a person who does not meet the criteria, with an audited reason. */
  'subsidy.override': { teamleitung: 'team' },
  // reports module: the Eingliederungsbericht (aggregates only) and its narrative texts
  /** Read and download the Eingliederungsbericht. */
  'reports.read': { controlling: 'tenant', vorstand: 'tenant', admin: 'tenant' },
  /** Edit the narrative texts of the Eingliederungsbericht. */
  'reports.write': { controlling: 'tenant', vorstand: 'tenant', admin: 'tenant' },
  /** Own session and password. */
  'self.manage': everyone('own'),
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

/** The widest scope any of the roles grants for a permission, or undefined for none. */
export function scopeFor(roles: readonly Role[], permission: Permission): Scope | undefined {
  const row = PERMISSIONS[permission] as Partial<Record<Role, Scope>>;
  let best: Scope | undefined;
  for (const role of roles) {
    const s = row[role];
    if (s && (!best || SCOPE_RANK[s] > SCOPE_RANK[best])) best = s;
  }
  return best;
}
