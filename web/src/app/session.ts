import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api, isApiError, setCsrfToken } from '../lib/api.ts';

/** The signed-in person as GET /api/auth/session describes them. */
export interface Session {
  staffId: string;
  tenantId: string;
  tenantName: string;
  username: string;
  displayName: string;
  roles: string[];
  teamIds: string[];
  /** Permissions granted by the roles (see src/modules/auth/permissions.ts). */
  permissions: string[];
  mustChangePassword: boolean;
  csrfToken: string;
}

/** Permission names the web app asks for; the server's policy table is the authority. */
export type Permission =
  | 'org.read'
  | 'org.manage'
  | 'staff.read'
  | 'audit.read'
  | 'person.read'
  | 'person.write'
  | 'benefit.read'
  | 'benefit.write'
  | 'data.exchange'
  | 'self.manage'
  | (string & {});

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when nobody is signed in (a 401 here is an answer, not an error). */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async (): Promise<Session | null> => {
    try {
      const session = await api.get<Session>('/api/auth/session', undefined, { redirectOn401: false });
      setCsrfToken(session.csrfToken);
      return session;
    } catch (e) {
      if (isApiError(e) && (e as ApiError).status === 401) return null;
      throw e;
    }
  },
  staleTime: 5 * 60_000,
});

export async function login(username: string, password: string): Promise<Session> {
  const session = await api.post<Session>('/api/auth/login', { username, password }, { redirectOn401: false });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout', undefined, { redirectOn401: false });
  } catch (e) {
    // Already signed out (401) is fine: the goal is reached.
    if (!(e instanceof ApiError && e.status === 401)) throw e;
  } finally {
    setCsrfToken('');
  }
}

export function useSession(): Session | null {
  return useQuery(sessionQuery).data ?? null;
}

export const can = (session: Session | null | undefined, permission: Permission | undefined) =>
  !permission || !!session?.permissions.includes(permission);
