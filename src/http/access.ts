import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../lib/errors.ts';
import type { AuditWriter } from '../modules/audit/service.ts';
import type { Caller } from '../modules/auth/caller.ts';
import { can } from '../modules/auth/caller.ts';
import type { Permission } from '../modules/auth/permissions.ts';
import type { AuthService, SessionInfo } from '../modules/auth/service.ts';

/**
 * Every route declares its access in `config.access`: `{ public: true }` or
 * `{ permission: 'x.y' }`. This one hook enforces it for all routes; a route that
 * declares nothing cannot be registered (and test/routes.test.ts proves every route declares).
 */
export type RouteAccess =
  | { public: true }
  | { permission: Permission /** Allowed while a password change is due. */; allowPasswordChangeDue?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    caller?: Caller;
    session?: SessionInfo;
    /** Records an audited read of a record; resolves once the entry is committed. */
    auditRead(entityType: string, entityId: string | null, action?: string, purpose?: string): Promise<void>;
  }
}

export const SESSION_COOKIE = 'teilhabe_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes registered by third-party plugins (API docs, static files) are public by nature. */
const PLUGIN_ROUTE_PREFIXES = ['/api/docs', '/assets/'];

export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw new UnauthorizedError();
  return request.caller;
}

export function registerAccess(app: FastifyInstance, auth: AuthService, audit: AuditWriter) {
  const routes: { method: string; url: string; access: RouteAccess | undefined }[] = [];
  app.decorate('registeredRoutes', routes);

  app.addHook('onRoute', (route: RouteOptions) => {
    let access = route.config?.access;
    if (!access && PLUGIN_ROUTE_PREFIXES.some((p) => route.url.startsWith(p))) {
      access = { public: true };
      route.config = { ...route.config, access } as RouteOptions['config'];
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method, url: route.url, access });
    if (!access) throw new Error(`Route ${methods.join(',')} ${route.url} declares no access (config.access)`);
  });

  app.decorateRequest('caller', undefined);
  app.decorateRequest('session', undefined);
  app.decorateRequest('auditRead', function (this: FastifyRequest, entityType, entityId, action, purpose) {
    const caller = requireCaller(this);
    return audit.record({
      tenantId: caller.tenantId,
      actorId: caller.staffId,
      action: action ?? `${entityType}.read`,
      entityType,
      entityId,
      purpose: purpose ?? null,
      requestId: this.id,
      outcome: 'success',
    });
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // 404 handler: no route, nothing to protect
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await auth.resolve(token) : undefined;
    if (session) {
      request.session = session;
      request.caller = { ...session.caller, requestId: request.id };
    }
    if ('public' in access) return;
    if (!session || !request.caller)
      throw new UnauthorizedError(token ? 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.' : undefined);
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken)
      throw new ForbiddenError('Die Anfrage enthält kein gültiges Sicherheitstoken (CSRF). Bitte laden Sie die Seite neu.');
    if (session.mustChangePassword && !access.allowPasswordChangeDue)
      throw new ForbiddenError('Bitte ändern Sie zuerst Ihr Passwort.');
    if (!can(request.caller, access.permission)) {
      await audit.record({
        tenantId: request.caller.tenantId,
        actorId: request.caller.staffId,
        action: access.permission,
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions.url}`,
        requestId: request.id,
        outcome: 'denied',
      });
      throw new ForbiddenError();
    }
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: { method: string; url: string; access: RouteAccess | undefined }[];
  }
}
