import { ForbiddenError, ScopeDeniedError } from '../../lib/errors.ts';
import type { Role } from '../org/schema.ts';
import { type Permission, type Scope, scopeFor } from './permissions.ts';

/**
 * Who is asking: bound to the request by the access hook and handed to every service call.
 * Services never build their own access checks; they ask the caller for its scope.
 */
export interface Caller {
  tenantId: string;
  staffId: string;
  username: string;
  displayName: string;
  roles: Role[];
  teamIds: string[];
  requestId: string;
}

export function can(caller: Caller, permission: Permission): Scope | undefined {
  return scopeFor(caller.roles, permission);
}

/**
 * The teams whose records the caller may touch under a permission: 'all' for tenant scope,
 * the caller's own teams for team scope, none below that.
 */
export function teamScope(caller: Caller, permission: Permission): 'all' | string[] {
  const scope = can(caller, permission);
  if (scope === 'tenant') return 'all';
  if (scope === 'team') return caller.teamIds;
  return [];
}

/**
 * Throws unless the caller may act on a record of the given team. Outside the caller's scope
 * the record is reported as not found: for social data, even its existence is confidential.
 */
export function assertTeamAccess(
  caller: Caller,
  permission: Permission,
  teamId: string,
  entity: { type: string; id: string /** the 404 text for an unknown id of this entity */; notFound?: string } = {
    type: 'team',
    id: teamId,
  },
): void {
  const teams = teamScope(caller, permission);
  if (teams !== 'all' && !teams.includes(teamId)) throw new ScopeDeniedError(entity.type, entity.id, permission, entity.notFound);
}

export function assertPermission(caller: Caller, permission: Permission): Scope {
  const scope = can(caller, permission);
  if (!scope) throw new ForbiddenError();
  return scope;
}
