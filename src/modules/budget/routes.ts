import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../http/access.ts';
import { isoDate, uuid } from '../people/model.ts';
import {
  allocationInput,
  instrument,
  manualCommitment,
  paymentInput,
  planLineInput,
  releaseInput,
  sourceCreate,
  year,
} from './model.ts';
import type { BudgetService } from './service.ts';

const tags = ['Eingliederungsbudget'];
const idParams = z.object({ id: uuid });

/** Budget HTTP routes: aggregates and provider invoices, no social data, so reads are not audited per record. */
export const budgetRoutes: FastifyPluginAsyncZod<{ budget: BudgetService }> = async (app, { budget }) => {
  const read = { access: { permission: 'budget.read' as const } };
  const write = { access: { permission: 'budget.write' as const } };

  app.get('/api/budget/sources', { config: read, schema: { tags, summary: 'Mittelherkünfte' } }, async (req) =>
    budget.sources(requireCaller(req)),
  );

  app.post(
    '/api/budget/sources',
    { config: write, schema: { tags, summary: 'Mittelherkunft anlegen', body: sourceCreate } },
    async (req, reply) => reply.code(201).send(await budget.createSource(requireCaller(req), req.body)),
  );

  app.get(
    '/api/budget/overview',
    {
      config: read,
      schema: {
        tags,
        summary: 'Plan, gebunden, gezahlt, frei je Mittelherkunft und Instrument; Hochrechnung zum Jahresende',
        querystring: z.object({ year, asOf: isoDate('Stichtag').optional() }),
      },
    },
    async (req) => budget.overview(requireCaller(req), req.query.year, req.query.asOf),
  );

  app.put(
    '/api/budget/allocations',
    { config: write, schema: { tags, summary: 'Zuteilung eines Jahres je Mittelherkunft', body: allocationInput } },
    async (req) => budget.setAllocation(requireCaller(req), req.body),
  );

  app.put(
    '/api/budget/plan-lines',
    { config: write, schema: { tags, summary: 'Planansatz je Jahr, Mittelherkunft und Instrument', body: planLineInput } },
    async (req) => budget.setPlanLine(requireCaller(req), req.body),
  );

  app.get(
    '/api/budget/commitments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Verpflichtungen (Mittelbindungen)',
        querystring: z.object({
          year: year.optional(),
          sourceId: uuid.optional(),
          instrument: instrument.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
      },
    },
    async (req) => budget.commitments(requireCaller(req), req.query),
  );

  app.get(
    '/api/budget/commitments/:id',
    { config: read, schema: { tags, summary: 'Eine Verpflichtung mit Monaten und Zahlungen', params: idParams } },
    async (req) => budget.commitment(requireCaller(req), req.params.id),
  );

  app.post(
    '/api/budget/commitments',
    { config: write, schema: { tags, summary: 'Manuelle Verpflichtung buchen', body: manualCommitment } },
    async (req, reply) => reply.code(201).send(await budget.createManualCommitment(requireCaller(req), req.body)),
  );

  app.post(
    '/api/budget/commitments/:id/payments',
    {
      config: write,
      schema: { tags, summary: 'Zahlung (Rechnung) gegen eine Verpflichtung buchen', params: idParams, body: paymentInput },
    },
    async (req, reply) => reply.code(201).send(await budget.bookPayment(requireCaller(req), req.params.id, req.body)),
  );

  app.post(
    '/api/budget/commitments/:id/release',
    { config: write, schema: { tags, summary: 'Verpflichtung ab einem Monat freigeben', params: idParams, body: releaseInput } },
    async (req) => budget.release(requireCaller(req), req.params.id, req.body.fromMonth),
  );
};
