import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../http/access.ts';
import { targetInput, targetOut, targetUpdate, targetYear } from './model.ts';
import type { TargetService } from './service.ts';

const tags = ['Zielvereinbarung'];
const params = z.object({ id: z.uuid({ error: 'keine gültige Kennung' }) });

/** Target agreement § 48b SGB II: read with indicators.read, change with targets.write. */
export const targetRoutes: FastifyPluginAsyncZod<{ targets: TargetService }> = async (app, { targets }) => {
  const read = { access: { permission: 'indicators.read' as const } };
  const write = { access: { permission: 'targets.write' as const } };

  app.get(
    '/api/targets',
    {
      config: read,
      schema: {
        tags,
        summary: 'Ziele eines Jahres',
        querystring: z.object({ year: targetYear }),
        response: { 200: z.array(targetOut) },
      },
    },
    async (req) => targets.list(requireCaller(req), req.query.year),
  );
  app.get(
    '/api/targets/progress',
    {
      config: read,
      schema: {
        tags,
        summary: 'Soll-Ist-Vergleich eines Jahres mit Hochrechnung und Status',
        querystring: z.object({ year: targetYear }),
      },
    },
    async (req) => targets.progress(requireCaller(req), req.query.year),
  );
  app.post(
    '/api/targets',
    { config: write, schema: { tags, summary: 'Ziel anlegen', body: targetInput, response: { 201: targetOut } } },
    async (req, reply) => reply.code(201).send(await targets.create(requireCaller(req), req.body)),
  );
  app.patch(
    '/api/targets/:id',
    {
      config: write,
      schema: { tags, summary: 'Ziel ändern (mit Version)', params, body: targetUpdate, response: { 200: targetOut } },
    },
    async (req) => targets.update(requireCaller(req), req.params.id, req.body),
  );
  app.delete(
    '/api/targets/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ziel löschen (mit Version)',
        params,
        querystring: z.object({ version: z.coerce.number().int().positive() }),
      },
    },
    async (req, reply) => {
      await targets.remove(requireCaller(req), req.params.id, req.query.version);
      return reply.code(204).send();
    },
  );
};
