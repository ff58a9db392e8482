import { redirect } from '@tanstack/react-router';
import { can, type Permission, type Session } from './session.ts';

/** Thrown by a route whose permission the session lacks; the error page shows the forbidden page. */
export class PermissionDenied extends Error {
  constructor(readonly permission: Permission) {
    super(`permission ${permission} missing`);
    this.name = 'PermissionDenied';
  }
}

/**
 * `beforeLoad` of a route (or of a group of routes) that needs a permission:
 * `createRoute({ …, beforeLoad: requirePermission('org.manage') })`.
 */
export const requirePermission =
  (permission: Permission) =>
  ({ context }: { context: { session: Session } }) => {
    if (!can(context.session, permission)) throw new PermissionDenied(permission);
  };

/** `beforeLoad` of a group of pages of which each needs one of several permissions (e.g. /verwaltung). */
export const requireAnyPermission =
  (...permissions: Permission[]) =>
  ({ context }: { context: { session: Session } }) => {
    if (!permissions.some((p) => can(context.session, p))) throw new PermissionDenied(permissions[0] as Permission);
  };

/** Only local paths are followed after login (no open redirect to other sites). */
export function safeReturnPath(path: unknown): string {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/anmelden') ? path : '/';
}

export function toLogin(returnTo: string, reason?: 'abgelaufen' | 'abgemeldet') {
  return redirect({ to: '/anmelden', search: { weiter: returnTo === '/' ? undefined : returnTo, grund: reason } });
}
