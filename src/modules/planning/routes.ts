import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../http/access.ts';
import { isoDate, uuid } from '../people/model.ts';
import { MITARBEIT_REASON_LABELS } from './codes.ts';
import { contactCreate, contactUpdate, mitarbeitInput, planInput } from './model.ts';
import { searchKldb, suppressSmall } from './rules.ts';
import type { PlanningService } from './service.ts';

const tags = ['Integrationsplanung'];
const idParams = z.object({ id: uuid });

/** One CSV cell (semicolon-separated, as German spreadsheet programs expect). */
const cell = (v: string | number) => {
  const s = String(v);
  return /[;"\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export const planningRoutes: FastifyPluginAsyncZod<{ planning: PlanningService }> = async (app, { planning }) => {
  const read = { access: { permission: 'planning.read' as const } };
  const write = { access: { permission: 'planning.write' as const } };
  const analysis = { access: { permission: 'planning.analysis' as const } };

  app.get(
    '/api/planning/persons/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Integrationsplanung einer Person: Plan, Fassungen, Kontakte, MitArbeit, Verlauf',
        params: idParams,
      },
    },
    async (req) => {
      const view = await planning.view(requireCaller(req), req.params.id);
      await req.auditRead('person', req.params.id, 'planning.read');
      return view;
    },
  );

  app.get(
    '/api/planning/persons/:id/revisions/:revision',
    {
      config: read,
      schema: {
        tags,
        summary: 'Eine ältere Fassung des Plans',
        params: z.object({ id: uuid, revision: z.coerce.number().int().positive() }),
      },
    },
    async (req) => {
      const view = await planning.revision(requireCaller(req), req.params.id, req.params.revision);
      await req.auditRead('person', req.params.id, 'planning.revision.read');
      return view;
    },
  );

  app.put(
    '/api/planning/persons/:id/plan',
    {
      config: write,
      schema: { tags, summary: 'Potenzialanalyse und Plan speichern (neue Fassung)', params: idParams, body: planInput },
    },
    async (req) => planning.savePlan(requireCaller(req), req.params.id, req.body),
  );

  app.post(
    '/api/planning/persons/:id/contacts',
    { config: write, schema: { tags, summary: 'Kontakt oder Termin erfassen', params: idParams, body: contactCreate } },
    async (req, reply) => reply.code(201).send(await planning.addContact(requireCaller(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/planning/contacts/:id',
    { config: write, schema: { tags, summary: 'Termin: stattgefunden oder versäumt', params: idParams, body: contactUpdate } },
    async (req) => planning.updateContact(requireCaller(req), req.params.id, req.body),
  );

  app.post(
    '/api/planning/persons/:id/mitarbeit',
    { config: write, schema: { tags, summary: 'MitArbeit-Prüfung erfassen', params: idParams, body: mitarbeitInput } },
    async (req, reply) => reply.code(201).send(await planning.addMitarbeitReview(requireCaller(req), req.params.id, req.body)),
  );

  app.get(
    '/api/planning/agenda',
    {
      config: read,
      schema: {
        tags,
        summary: 'Meine Termine und Fristen: fällige Schritte, Überprüfungen, Termine der eigenen Teams',
        querystring: z.object({
          days: z.coerce.number().int().min(1).max(365).default(28),
          mine: z
            .enum(['true', 'false'])
            .default('false')
            .transform((v) => v === 'true'),
        }),
      },
    },
    async (req) => {
      const agenda = await planning.agenda(requireCaller(req), { days: req.query.days, mine: req.query.mine });
      await req.auditRead('person', null, 'planning.agenda.read');
      return agenda;
    },
  );

  app.get(
    '/api/planning/mitarbeit',
    {
      config: read,
      schema: {
        tags,
        summary: 'Langzeitleistungsbeziehende eines Teams mit ihrer letzten MitArbeit-Prüfung',
        querystring: z.object({ teamId: uuid }),
      },
    },
    async (req) => {
      const list = await planning.mitarbeitList(requireCaller(req), req.query.teamId);
      await req.auditRead('person', null, 'planning.mitarbeit.list');
      return list;
    },
  );

  const period = z.object({ from: isoDate('Von').optional(), to: isoDate('Bis').optional() });

  app.get(
    '/api/planning/mitarbeit/analysis',
    {
      config: analysis,
      schema: { tags, summary: 'MitArbeit-Auswertung: Anzahl je Grund und Team (nur Summen)', querystring: period },
    },
    async (req) => planning.analysis(requireCaller(req), req.query),
  );

  app.get(
    '/api/planning/mitarbeit/analysis.csv',
    {
      config: analysis,
      schema: { tags, summary: 'MitArbeit-Auswertung als CSV; Gruppen unter 5 Personen sind unterdrückt', querystring: period },
    },
    async (req, reply) => {
      const caller = requireCaller(req);
      const a = await planning.analysis(caller, req.query);
      const head = ['Team', 'Langzeitleistungsbeziehende', 'geprüft', ...a.reasons.map((r) => MITARBEIT_REASON_LABELS[r])];
      const line = (name: string, e: { longTermRecipients: number; reviewed: number; counts: Record<string, number> }) =>
        [
          name,
          suppressSmall(e.longTermRecipients),
          suppressSmall(e.reviewed),
          ...a.reasons.map((r) => suppressSmall(e.counts[r] ?? 0)),
        ]
          .map(cell)
          .join(';');
      const lines = [head.map(cell).join(';'), ...a.teams.map((t) => line(t.teamName, t)), line('Gesamt', a.total)];
      // an export leaves the system: recorded like a read, with its period
      await req.auditRead('mitarbeit_analysis', null, 'planning.analysis.export', `${a.from}..${a.to}`);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="mitarbeit-auswertung-${a.to}.csv"`)
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    },
  );

  app.get(
    '/api/planning/occupations',
    {
      config: read,
      schema: {
        tags,
        summary: 'Zielberufe suchen (kleine Liste häufiger KldB-2010-Berufe)',
        querystring: z.object({ q: z.string().max(100).default('') }),
      },
    },
    async (req) => searchKldb(req.query.q),
  );
};
