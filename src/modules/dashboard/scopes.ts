import { NotFoundError, ScopeDeniedError } from '../../lib/errors.ts';
import { type Caller, can } from '../auth/caller.ts';
import type { Permission } from '../auth/permissions.ts';
import type { TeamRef } from '../org/directory.ts';

/** A level of the drill-down: the Jobcenter, a site, a team. Keys as the indicator engine names them. */
export interface ScopeRef {
  key: string;
  kind: 'tenant' | 'site' | 'team';
  label: string;
}

export const SCOPE_NOT_FOUND = 'Diesen Bereich (Standort oder Team) gibt es nicht.';

export const TENANT_SCOPE: ScopeRef = { key: 'tenant', kind: 'tenant', label: 'Jobcenter insgesamt' };

/**
 * The scopes a caller may look at under a permission: with tenant scope everything; with team scope
 * the Jobcenter as a whole (the comparison) and the caller's own teams and their sites.
 */
export function visibleScopes(caller: Caller, permission: Permission, teams: readonly TeamRef[]): ScopeRef[] {
  const scope = can(caller, permission);
  const mine = scope === 'tenant' ? teams : scope === 'team' ? teams.filter((t) => caller.teamIds.includes(t.id)) : [];
  const sites = new Map<string, ScopeRef>();
  for (const t of mine) sites.set(t.siteId, { key: `site:${t.siteId}`, kind: 'site', label: `Standort ${t.siteName}` });
  return [
    TENANT_SCOPE,
    ...[...sites.values()].sort((a, b) => a.label.localeCompare(b.label, 'de')),
    ...mine.map((t) => ({ key: `team:${t.id}`, kind: 'team' as const, label: t.name })),
  ];
}

/** The scope behind a key, if the caller may see it; otherwise the 404 of an unknown scope (audited as denied). */
export function resolveScope(caller: Caller, permission: Permission, teams: readonly TeamRef[], key: string): ScopeRef {
  const found = visibleScopes(caller, permission, teams).find((s) => s.key === key);
  if (found) return found;
  const [kind, id] = key.split(':');
  const exists = kind === 'team' ? teams.some((t) => t.id === id) : kind === 'site' ? teams.some((t) => t.siteId === id) : false;
  if (!exists) throw new NotFoundError(SCOPE_NOT_FOUND);
  throw new ScopeDeniedError(kind === 'site' ? 'site' : 'team', id ?? key, permission, SCOPE_NOT_FOUND);
}

/** Path from the Jobcenter down to the scope (breadcrumb) and the scopes one level below (drill-down). */
export function scopeTree(scope: ScopeRef, visible: readonly ScopeRef[], teams: readonly TeamRef[]) {
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const siteKeyOf = (teamKey: string) => `site:${teamById.get(teamKey.slice(5))?.siteId}`;
  const byKey = new Map(visible.map((s) => [s.key, s]));
  const breadcrumb: ScopeRef[] = [TENANT_SCOPE];
  if (scope.kind === 'site') breadcrumb.push(scope);
  if (scope.kind === 'team') {
    const site = byKey.get(siteKeyOf(scope.key));
    if (site) breadcrumb.push(site);
    breadcrumb.push(scope);
  }
  const children =
    scope.kind === 'tenant'
      ? visible.filter((s) => s.kind === 'site')
      : scope.kind === 'site'
        ? visible.filter((s) => s.kind === 'team' && siteKeyOf(s.key) === scope.key)
        : [];
  return { breadcrumb, children };
}
