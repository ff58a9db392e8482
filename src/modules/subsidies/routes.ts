import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../http/access.ts';
import { month } from '../budget/model.ts';
import { isoDate, purpose, uuid } from '../people/model.ts';
import { basis, coachingInput, contractCreate, contractEnd, monthPayment } from './model.ts';
import type { SubsidiesService } from './service.ts';

const tags = ['Geförderte Beschäftigung (§ 16i, § 16e)'];
const idParams = z.object({ id: uuid });

export const subsidyRoutes: FastifyPluginAsyncZod<{ subsidies: SubsidiesService }> = async (app, { subsidies }) => {
  const read = { access: { permission: 'subsidy.read' as const } };
  const write = { access: { permission: 'subsidy.write' as const } };

  app.get(
    '/api/subsidies/persons/:id/eligibility',
    {
      config: read,
      schema: {
        tags,
        summary: 'Förderfähigkeit einer Person nach § 16i oder § 16e prüfen: jedes Kriterium mit den Daten der Person',
        params: idParams,
        querystring: z.object({ basis, day: isoDate('Förderbeginn').optional(), purpose: purpose.optional() }),
      },
    },
    async (req) => {
      const result = await subsidies.eligibility(requireCaller(req), req.params.id, req.query.basis, req.query.day);
      await req.auditRead('person', req.params.id, 'subsidy.eligibility', req.query.purpose);
      return result;
    },
  );

  app.get(
    '/api/subsidies/contracts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Förderverträge',
        querystring: z.object({ basis: basis.optional(), activeOn: isoDate('Stichtag').optional(), personId: uuid.optional() }),
      },
    },
    async (req) => {
      const list = await subsidies.contracts(requireCaller(req), req.query);
      await req.auditRead('subsidy_contract', null, 'subsidy.list');
      return list;
    },
  );

  app.get(
    '/api/subsidies/contracts/:id',
    { config: read, schema: { tags, summary: 'Ein Fördervertrag mit Zahlplan, Zahlungen und Coaching', params: idParams } },
    async (req) => {
      const c = await subsidies.contract(requireCaller(req), req.params.id);
      await req.auditRead('subsidy_contract', req.params.id, 'subsidy.read');
      return c;
    },
  );

  app.post(
    '/api/subsidies/contracts',
    {
      config: write,
      schema: { tags, summary: 'Fördervertrag anlegen (prüft Voraussetzungen, bindet Mittel)', body: contractCreate },
    },
    async (req, reply) => reply.code(201).send(await subsidies.createContract(requireCaller(req), req.body)),
  );

  app.post(
    '/api/subsidies/contracts/:id/end',
    {
      config: write,
      schema: { tags, summary: 'Vertrag vorzeitig beenden (gibt restliche Mittel frei)', params: idParams, body: contractEnd },
    },
    async (req) => subsidies.endContract(requireCaller(req), req.params.id, req.body.lastDay, req.body.version),
  );

  app.post(
    '/api/subsidies/contracts/:id/payments',
    { config: write, schema: { tags, summary: 'Zuschuss eines Monats auszahlen', params: idParams, body: monthPayment } },
    async (req, reply) =>
      reply.code(201).send(await subsidies.payMonth(requireCaller(req), req.params.id, req.body.month, req.body.paidOn)),
  );

  app.post(
    '/api/subsidies/contracts/:id/coaching',
    { config: write, schema: { tags, summary: 'Coaching-Termin erfassen', params: idParams, body: coachingInput } },
    async (req, reply) => reply.code(201).send(await subsidies.addCoaching(requireCaller(req), req.params.id, req.body)),
  );

  app.get(
    '/api/subsidies/jobs',
    {
      config: read,
      schema: {
        tags,
        summary: 'Geförderte Beschäftigungsverhältnisse am Stichtag nach Geschlecht',
        querystring: z.object({ date: isoDate('Stichtag') }),
      },
    },
    async (req) => subsidies.jobsTable(requireCaller(req), req.query.date),
  );

  app.get(
    '/api/subsidies/coaching-average',
    {
      config: read,
      schema: { tags, summary: 'Durchschnittliche Coaching-Stunden je Person im Monat', querystring: z.object({ month }) },
    },
    async (req) => subsidies.coachingAverage(requireCaller(req), req.query.month),
  );
};
