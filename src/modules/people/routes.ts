import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { type RouteAccess, requireCaller } from '../../http/access.ts';
import { assertTeamAccess } from '../auth/caller.ts';
import { CASELOAD_FILTERS, loadCaseload } from './caseload.ts';
import { importJobcenter } from './exchange/import.ts';
import type { HistoryKind } from './history.ts';
import {
  benefitPeriodInput,
  employmentInput,
  householdCreate,
  householdUpdate,
  isoDate,
  membershipInput,
  paymentInput,
  personCreate,
  personUpdate,
  purpose,
  statusPeriodInput,
  teamAssignmentInput,
  uuid,
  version,
} from './model.ts';
import type { PeopleService } from './service.ts';

const tags = ['Personen und Bedarfsgemeinschaften'];
const idParams = z.object({ id: uuid });
const periodParams = z.object({ id: uuid, periodId: uuid });

/** URL segment → history kind and its input shape. */
const HISTORY_ROUTES = {
  'benefit-periods': { kind: 'benefit', body: benefitPeriodInput, label: 'Leistungsbezug' },
  'status-periods': { kind: 'status', body: statusPeriodInput, label: 'Status' },
  'team-assignments': { kind: 'team', body: teamAssignmentInput, label: 'Teamzuständigkeit' },
  employments: { kind: 'employment', body: employmentInput, label: 'Beschäftigung' },
} as const satisfies Record<string, { kind: HistoryKind; body: z.ZodType; label: string }>;

export const peopleRoutes: FastifyPluginAsyncZod<{ people: PeopleService; db: Database }> = async (app, { people, db }) => {
  const read = { access: { permission: 'person.read' as const } };
  const write = { access: { permission: 'person.write' as const } };
  const benefitWrite = { access: { permission: 'benefit.write' as const } };

  app.get(
    '/api/people/search',
    {
      config: read,
      schema: {
        tags,
        summary: 'Personen suchen (Name, Kundennummer, BG-Nummer oder Geburtsdatum; tippfehlertolerant)',
        querystring: z.object({
          q: z.string().trim().min(1, 'Suchbegriff fehlt').max(100),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (req) => {
      const hits = await people.search(requireCaller(req), req.query.q, req.query.limit);
      // the search text may be a name: it is not recorded, only that a search showed these persons
      await req.auditRead('person', null, 'person.search');
      return hits;
    },
  );

  app.get(
    '/api/people/persons/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Eine Person mit Bedarfsgemeinschaft, Tandem, Status und Verlauf',
        params: idParams,
        querystring: z.object({ purpose }),
      },
    },
    async (req) => {
      const record = await people.getPerson(requireCaller(req), req.params.id);
      await req.auditRead('person', req.params.id, 'person.read', req.query.purpose);
      return record;
    },
  );

  app.post(
    '/api/people/persons',
    { config: write, schema: { tags, summary: 'Person anlegen', body: personCreate } },
    async (req, reply) => reply.code(201).send(await people.createPerson(requireCaller(req), req.body)),
  );

  app.patch(
    '/api/people/persons/:id',
    { config: write, schema: { tags, summary: 'Stammdaten ändern', params: idParams, body: personUpdate } },
    async (req) => people.updatePerson(requireCaller(req), req.params.id, req.body),
  );

  for (const [segment, spec] of Object.entries(HISTORY_ROUTES)) {
    // benefit periods are changed by benefit staff; the service checks the kind's own permission too
    const config: { access: RouteAccess } = spec.kind === 'benefit' ? benefitWrite : write;
    app.post(
      `/api/people/persons/:id/${segment}`,
      { config, schema: { tags, summary: `${spec.label}: Zeitraum erfassen`, params: idParams, body: spec.body } },
      async (req, reply) =>
        reply.code(201).send(await people.addPeriod(requireCaller(req), req.params.id, spec.kind, req.body as never)),
    );
    app.put(
      `/api/people/persons/:id/${segment}/:periodId`,
      { config, schema: { tags, summary: `${spec.label}: Zeitraum berichtigen`, params: periodParams, body: spec.body } },
      async (req) => people.updatePeriod(requireCaller(req), req.params.id, spec.kind, req.params.periodId, req.body as never),
    );
    app.delete(
      `/api/people/persons/:id/${segment}/:periodId`,
      {
        config,
        schema: {
          tags,
          summary: `${spec.label}: Zeitraum löschen`,
          params: periodParams,
          querystring: z.object({ personVersion: z.coerce.number().int().positive() }),
        },
      },
      async (req) =>
        people.deletePeriod(requireCaller(req), req.params.id, spec.kind, req.params.periodId, req.query.personVersion),
    );
  }

  app.post(
    '/api/people/households',
    { config: benefitWrite, schema: { tags, summary: 'Bedarfsgemeinschaft anlegen', body: householdCreate } },
    async (req, reply) => reply.code(201).send(await people.createHousehold(requireCaller(req), req.body)),
  );
  app.get(
    '/api/people/households/:id',
    {
      config: read,
      schema: { tags, summary: 'Eine Bedarfsgemeinschaft mit Mitgliedern, Tandem und Beträgen', params: idParams },
    },
    async (req) => {
      const household = await people.getHousehold(requireCaller(req), req.params.id);
      await req.auditRead('household', req.params.id);
      return household;
    },
  );
  app.patch(
    '/api/people/households/:id',
    { config: benefitWrite, schema: { tags, summary: 'Team oder Tandem ändern', params: idParams, body: householdUpdate } },
    async (req) => people.updateHousehold(requireCaller(req), req.params.id, req.body),
  );
  app.post(
    '/api/people/households/:id/members',
    { config: benefitWrite, schema: { tags, summary: 'Mitglied aufnehmen', params: idParams, body: membershipInput } },
    async (req, reply) => reply.code(201).send(await people.addMembership(requireCaller(req), req.params.id, req.body)),
  );
  app.post(
    '/api/people/households/:id/members/:periodId/end',
    {
      config: benefitWrite,
      schema: {
        tags,
        summary: 'Mitgliedschaft beenden',
        params: periodParams,
        body: z.object({ validUntil: isoDate('Ende'), householdVersion: version }),
      },
    },
    async (req) =>
      people.endMembership(
        requireCaller(req),
        req.params.id,
        req.params.periodId,
        req.body.validUntil,
        req.body.householdVersion,
      ),
  );
  app.put(
    '/api/people/households/:id/payments',
    {
      config: benefitWrite,
      schema: { tags, summary: 'Monatliche Ansprüche (LLU, KdU) in Cent erfassen', params: idParams, body: paymentInput },
    },
    async (req) => people.setPayment(requireCaller(req), req.params.id, req.body),
  );

  app.get(
    '/api/people/caseload',
    {
      config: read,
      schema: {
        tags,
        summary: 'Fallbestand eines Teams (eLb am Stichtag) mit Filtern',
        querystring: z.object({
          teamId: uuid,
          day: isoDate('Stichtag').optional(),
          filter: z
            .union([z.enum(CASELOAD_FILTERS), z.array(z.enum(CASELOAD_FILTERS))])
            .optional()
            .transform((f) => (f === undefined ? [] : Array.isArray(f) ? f : [f])),
        }),
      },
    },
    async (req) => {
      const caller = requireCaller(req);
      assertTeamAccess(caller, 'person.read', req.query.teamId);
      const result = await loadCaseload(db, caller.tenantId, req.query.teamId, { day: req.query.day, filters: req.query.filter });
      await req.auditRead('person', null, 'caseload.read');
      return result;
    },
  );

  app.post(
    '/api/people/import',
    {
      config: { access: { permission: 'data.exchange' as const } },
      // a whole Jobcenter's extract: 100,000 persons with five years of history are ~300 MB of CSV
      bodyLimit: 512 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Datenimport (CSV-Austauschformat, alles oder nichts)',
        body: z.object({
          files: z
            .array(z.object({ name: z.string().min(1).max(200), contentBase64: z.string() }))
            .min(1, 'Bitte wählen Sie mindestens eine Datei aus'),
          dryRun: z.boolean().default(false),
        }),
      },
    },
    async (req) => {
      const caller = requireCaller(req);
      return importJobcenter(
        db,
        req.body.files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.contentBase64, 'base64')) })),
        { tenantId: caller.tenantId, actorId: caller.staffId, requestId: req.id, dryRun: req.body.dryRun },
      );
    },
  );
};
