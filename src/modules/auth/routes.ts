import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller, SESSION_COOKIE } from '../../http/access.ts';
import { ROLES } from '../org/schema.ts';
import { PERMISSIONS, type Permission } from './permissions.ts';
import type { AuthService } from './service.ts';

const sessionOut = z.object({
  staffId: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  teamIds: z.array(z.string()),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});

/** The permissions a set of roles grants, by role set (there are few): asked on every page load. */
const permissionSets = new Map<string, Permission[]>();
function permissionsOf(roles: readonly string[]): Permission[] {
  const key = [...roles].sort().join(',');
  let list = permissionSets.get(key);
  if (!list) {
    list = (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
      roles.some((r) => (PERMISSIONS[p] as Record<string, string>)[r]),
    );
    permissionSets.set(key, list);
  }
  return [...list];
}

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService }> = async (app, { auth }) => {
  const describe = (request: Parameters<typeof requireCaller>[0]) => {
    const caller = requireCaller(request);
    const session = request.session;
    if (!session) throw new Error('no session');
    return {
      ...caller,
      tenantName: session.tenantName,
      permissions: permissionsOf(caller.roles),
      mustChangePassword: session.mustChangePassword,
      csrfToken: session.csrfToken,
    };
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['Anmeldung'],
        summary: 'Anmelden',
        body: z.object({
          username: z.string().trim().min(1, 'Bitte geben Sie Ihren Benutzernamen ein.').max(64),
          password: z.string().min(1, 'Bitte geben Sie Ihr Passwort ein.').max(256),
        }),
        response: { 200: sessionOut },
      },
    },
    async (request, reply) => {
      const { token } = await auth.login(request.body.username, request.body.password, request.id);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
      });
      const session = await auth.resolve(token);
      request.session = session;
      request.caller = session && { ...session.caller, requestId: request.id };
      return describe(request);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { permission: 'self.manage', allowPasswordChangeDue: true } },
      schema: { tags: ['Anmeldung'], summary: 'Abmelden' },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      if (request.session) await auth.logout(caller, request.session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: { permission: 'self.manage', allowPasswordChangeDue: true } },
      schema: { tags: ['Anmeldung'], summary: 'Die eigene Sitzung', response: { 200: sessionOut } },
    },
    async (request) => describe(request),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { permission: 'self.manage', allowPasswordChangeDue: true } },
      schema: {
        tags: ['Anmeldung'],
        summary: 'Eigenes Passwort ändern',
        body: z.object({
          currentPassword: z.string().min(1, 'Bitte geben Sie Ihr bisheriges Passwort ein.'),
          newPassword: z.string().min(1, 'Bitte geben Sie ein neues Passwort ein.'),
        }),
      },
    },
    async (request, reply) => {
      await auth.changePassword(requireCaller(request), request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send();
    },
  );
};
