import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { requireCaller } from '../../http/access.ts';
import { searchAudit, verifyAuditChain } from './service.ts';

const tags = ['Protokoll'];
const entryOut = z.object({
  seq: z.number(),
  at: z.date(),
  actorId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  purpose: z.string().nullable(),
  requestId: z.string().nullable(),
  outcome: z.string(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const access = { access: { permission: 'audit.read' as const } };
  app.get(
    '/api/audit',
    {
      config: access,
      schema: {
        tags,
        summary: 'Protokoll durchsuchen (neueste zuerst)',
        querystring: z.object({
          actorId: z.uuid({ error: 'keine gültige Kennung' }).optional(),
          action: z.string().max(100).optional(),
          entityType: z.string().max(100).optional(),
          entityId: z.string().max(100).optional(),
          outcome: z.enum(['success', 'denied', 'failure']).optional(),
          from: z.coerce.date({ error: 'kein gültiges Datum' }).optional(),
          to: z.coerce.date({ error: 'kein gültiges Datum' }).optional(),
          beforeSeq: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(entryOut) },
      },
    },
    async (req) => {
      const caller = requireCaller(req);
      const rows = await searchAudit(db, { ...req.query, tenantId: caller.tenantId });
      // Searching the log is itself logged: who looked at whose traces.
      await req.auditRead('audit_log', null, 'audit.search');
      return rows;
    },
  );
  app.get(
    '/api/audit/verify',
    {
      config: access,
      schema: {
        tags,
        summary: 'Hash-Kette des eigenen Jobcenters prüfen',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            firstBad: z.object({ tenantId: z.string(), seq: z.number(), reason: z.string() }).optional(),
          }),
        },
      },
    },
    (req) => verifyAuditChain(db, requireCaller(req).tenantId),
  );
};
