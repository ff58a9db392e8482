import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../http/access.ts';
import {
  agreeInput,
  entryInput,
  evaluationQuery,
  exitInput,
  measureFilter,
  measureInput,
  measureUpdate,
  outcomeInput,
  proposeInput,
  providerInput,
  providerUpdate,
  qualityNoteInput,
  uuid,
  versionOnly,
} from './model.ts';
import type { MeasuresService } from './service.ts';

const tags = ['Maßnahmen und Träger'];
const idParams = z.object({ id: uuid });

export const measureRoutes: FastifyPluginAsyncZod<{ measures: MeasuresService }> = async (app, { measures }) => {
  const read = { access: { permission: 'measure.read' as const } };
  const manage = { access: { permission: 'measure.manage' as const } };
  const assignmentRead = { access: { permission: 'assignment.read' as const } };
  const assignmentWrite = { access: { permission: 'assignment.write' as const } };
  const evaluate = { access: { permission: 'measure.evaluate' as const } };

  app.get('/api/measures/providers', { config: read, schema: { tags, summary: 'Träger mit Kontaktpersonen' } }, async (req) =>
    measures.listProviders(requireCaller(req)),
  );
  app.post(
    '/api/measures/providers',
    { config: manage, schema: { tags, summary: 'Träger anlegen', body: providerInput } },
    async (req, reply) => reply.code(201).send(await measures.createProvider(requireCaller(req), req.body)),
  );
  app.patch(
    '/api/measures/providers/:id',
    { config: manage, schema: { tags, summary: 'Träger ändern', params: idParams, body: providerUpdate } },
    async (req) => measures.updateProvider(requireCaller(req), req.params.id, req.body),
  );

  app.get(
    '/api/measures',
    {
      config: read,
      schema: { tags, summary: 'Maßnahmekatalog (Suche, Zielgruppe, Standort, nur freie Plätze)', querystring: measureFilter },
    },
    async (req) => measures.listMeasures(requireCaller(req), req.query),
  );
  app.post(
    '/api/measures',
    { config: manage, schema: { tags, summary: 'Maßnahme anlegen', body: measureInput } },
    async (req, reply) => reply.code(201).send(await measures.createMeasure(requireCaller(req), req.body)),
  );
  app.get(
    '/api/measures/evaluation',
    { config: evaluate, schema: { tags, summary: 'Auswertung je Maßnahme und Träger', querystring: evaluationQuery } },
    async (req) => measures.evaluation(requireCaller(req), req.query.from, req.query.to),
  );
  app.get(
    '/api/measures/:id',
    { config: read, schema: { tags, summary: 'Maßnahme mit Belegung je Woche und Warteliste', params: idParams } },
    async (req) => {
      const detail = await measures.getMeasure(requireCaller(req), req.params.id);
      const { shownPersonIds, ...rest } = detail;
      // names of the caller's own persons on the waiting list or in the measure are a read of person data
      for (const personId of shownPersonIds) await req.auditRead('person', personId, 'measure.participants.read');
      return rest;
    },
  );
  app.patch(
    '/api/measures/:id',
    { config: manage, schema: { tags, summary: 'Maßnahme ändern', params: idParams, body: measureUpdate } },
    async (req) => measures.updateMeasure(requireCaller(req), req.params.id, req.body),
  );
  app.post(
    '/api/measures/:id/quality-notes',
    {
      config: manage,
      schema: { tags, summary: 'Qualitätsnotiz eines Trägergesprächs', params: idParams, body: qualityNoteInput },
    },
    async (req, reply) => reply.code(201).send(await measures.addQualityNote(requireCaller(req), req.params.id, req.body)),
  );

  app.get(
    '/api/measures/assignments',
    {
      config: assignmentRead,
      schema: { tags, summary: 'Zuweisungen einer Person', querystring: z.object({ personId: uuid }) },
    },
    async (req) => {
      const list = await measures.personAssignments(requireCaller(req), req.query.personId);
      await req.auditRead('person', req.query.personId, 'measure_assignment.read');
      return list;
    },
  );
  app.get(
    '/api/measures/assignments/:id',
    { config: assignmentRead, schema: { tags, summary: 'Eine Zuweisung', params: idParams } },
    async (req) => {
      const a = await measures.getAssignment(requireCaller(req), req.params.id);
      await req.auditRead('person', a.personId, 'measure_assignment.read');
      return a;
    },
  );
  app.post(
    '/api/measures/assignments',
    { config: assignmentWrite, schema: { tags, summary: 'Maßnahme vorschlagen (Zuweisung)', body: proposeInput } },
    async (req, reply) => reply.code(201).send(await measures.propose(requireCaller(req), req.body)),
  );
  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (id: string, b: z.infer<B>, req: never) => unknown,
  ) =>
    app.post(
      `/api/measures/assignments/:id/${path}`,
      { config: assignmentWrite, schema: { tags, summary, params: idParams, body } },
      async (req) => run(req.params.id, req.body as z.infer<B>, req as never),
    );
  step('agree', 'Mit der Kundin / dem Kunden vereinbaren (Entscheidung und Gründe)', agreeInput, (id, b, req) =>
    measures.agree(requireCaller(req), id, b),
  );
  step('waiting-list', 'Auf die Warteliste setzen', versionOnly, (id, b, req) =>
    measures.joinWaitingList(requireCaller(req), id, b.version),
  );
  step('entry', 'Eintritt (nimmt einen Platz)', entryInput, (id, b, req) => measures.enter(requireCaller(req), id, b));
  step('exit', 'Austritt mit Grund', exitInput, (id, b, req) => measures.exit(requireCaller(req), id, b));
  step('outcome', 'Verbleib sechs Monate nach Austritt', outcomeInput, (id, b, req) =>
    measures.recordOutcome(requireCaller(req), id, b),
  );
  step('cancel', 'Vor dem Eintritt beenden', versionOnly, (id, b, req) => measures.cancel(requireCaller(req), id, b.version));
};
