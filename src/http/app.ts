import '../lib/zod-de.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { uuidv7 } from '../db/ids.ts';
import { migrationState } from '../db/migrate.ts';
import { ScopeDeniedError } from '../lib/errors.ts';
import { auditRoutes } from '../modules/audit/routes.ts';
import { AuditWriter } from '../modules/audit/service.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { authService } from '../modules/auth/service.ts';
import { measureBudget } from '../modules/budget/measure-commitments.ts';
import { budgetRoutes } from '../modules/budget/routes.ts';
import { budgetService } from '../modules/budget/service.ts';
import { dashboardRoutes } from '../modules/dashboard/routes.ts';
import { dashboardService } from '../modules/dashboard/service.ts';
import { teamReportService } from '../modules/dashboard/team-report.ts';
import { indicatorRoutes } from '../modules/indicators/routes.ts';
import { indicatorService } from '../modules/indicators/service.ts';
import { measureRoutes } from '../modules/measures/routes.ts';
import { measuresService } from '../modules/measures/service.ts';
import { orgRoutes } from '../modules/org/routes.ts';
import { orgService } from '../modules/org/service.ts';
import { peopleRoutes } from '../modules/people/routes.ts';
import { peopleService } from '../modules/people/service.ts';
import { planningRoutes } from '../modules/planning/routes.ts';
import { planningService } from '../modules/planning/service.ts';
import { moduleReportProviders } from '../modules/reports/providers.ts';
import { reportRoutes } from '../modules/reports/routes.ts';
import { reportService } from '../modules/reports/service.ts';
import { subsidyRoutes } from '../modules/subsidies/routes.ts';
import { subsidiesService } from '../modules/subsidies/service.ts';
import { targetRoutes } from '../modules/targets/routes.ts';
import { targetService } from '../modules/targets/service.ts';
import { registerAccess } from './access.ts';
import { logSerializers } from './log.ts';
import { registerProblemHandlers } from './problem.ts';
import { headersFor } from './security-headers.ts';

export const VERSION: string = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppOptions {
  db: Database;
  config: Pick<Config, 'sessionIdleMinutes' | 'logLevel'> & Partial<Pick<Config, 'trustProxy'>>;
  /** Serve the built web app from dist/web (off in API-only tests). */
  serveWeb?: boolean;
  /** Where the built web app lives (tests point this at a directory of their own). */
  webDist?: string;
  /** Where log lines go (default stdout); tests capture them to check what is logged. */
  logStream?: DestinationStream;
}

/** Builds the whole application: one Fastify instance with every module's routes. */
export async function buildApp({
  db,
  config,
  serveWeb = true,
  webDist = WEB_DIST,
  logStream,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Log lines carry method, route, ids and error codes, never bodies, query strings or the
      // parameters of a failed query (social data); see log.ts.
      serializers: logSerializers,
      ...(logStream && { stream: logStream }),
    },
    genReqId: () => uuidv7(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // only a proxy named in TEILHABE_TRUST_PROXY may set X-Forwarded-Proto (Secure cookie) and -For
    trustProxy: config.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // One synchronous hook for the headers every answer carries (an async hook costs a promise per request).
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headersFor(request.url));
    reply.header('x-request-id', request.id);
    done();
  });

  const audit = new AuditWriter(db);
  const auth = authService(db, { idleMinutes: config.sessionIdleMinutes });
  const org = orgService(db);

  const spaIndex =
    serveWeb && fs.existsSync(path.join(webDist, 'index.html')) ? fs.readFileSync(path.join(webDist, 'index.html')) : undefined;
  registerProblemHandlers(app, { spaIndex });
  await app.register(fastifyCookie);
  registerAccess(app, auth, audit);
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof ScopeDeniedError && request.caller) {
      await audit.record({
        tenantId: request.caller.tenantId,
        actorId: request.caller.staffId,
        action: error.permission,
        entityType: error.entityType,
        entityId: error.entityId,
        requestId: request.id,
        outcome: 'denied',
      });
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Teilhabe API', version: VERSION, description: 'Schnittstelle der Jobcenter-Fachsoftware Teilhabe' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'teilhabe_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['Betrieb'],
        summary: 'Zustand: Datenbank, Migrationen, Version',
        response: {
          200: z.object({
            status: z.enum(['ok', 'migrations_pending']),
            version: z.string(),
            database: z.enum(['pglite', 'postgres']),
            migrations: z.object({ applied: z.number(), pending: z.array(z.string()) }),
          }),
        },
      },
    },
    async () => {
      const state = await migrationState(db);
      return {
        status: state.pending.length ? ('migrations_pending' as const) : ('ok' as const),
        version: VERSION,
        database: db.kind,
        migrations: { applied: state.applied.length, pending: state.pending },
      };
    },
  );

  await app.register(authRoutes, { auth });
  await app.register(orgRoutes, { org });
  await app.register(auditRoutes, { db });
  await app.register(peopleRoutes, { people: peopleService(db), db });
  await app.register(indicatorRoutes, { indicators: indicatorService(db) });
  await app.register(dashboardRoutes, {
    dashboard: dashboardService(db, indicatorService(db)),
    teamReports: teamReportService(db, indicatorService(db)),
  });
  await app.register(targetRoutes, { targets: targetService(db, indicatorService(db)) });
  await app.register(measureRoutes, { measures: measuresService(db, { budget: measureBudget }) });
  await app.register(planningRoutes, { planning: planningService(db, peopleService(db)) });
  await app.register(budgetRoutes, { budget: budgetService(db) });
  await app.register(subsidyRoutes, { subsidies: subsidiesService(db) });
  await app.register(reportRoutes, { reports: reportService(db, moduleReportProviders(db)) });

  // Any other GET that is not an API call is a page of the single-page app (the not-found handler
  // in problem.ts serves index.html for it); here only the hashed assets.
  if (spaIndex && fs.existsSync(path.join(webDist, 'assets')))
    await app.register(fastifyStatic, { root: path.join(webDist, 'assets'), prefix: '/assets/', decorateReply: false });

  return app;
}
