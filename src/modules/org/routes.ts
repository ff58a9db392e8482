import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../http/access.ts';
import { id, siteInput, siteOut, staffInput, staffOut, staffUpdate, teamInput, teamOut, teamUpdate } from './model.ts';
import { ROLES } from './schema.ts';
import type { OrgService } from './service.ts';

const tags = ['Organisation'];
const params = z.object({ id });

export const orgRoutes: FastifyPluginAsyncZod<{ org: OrgService }> = async (app, { org }) => {
  const read = { access: { permission: 'org.read' as const } };
  const manage = { access: { permission: 'org.manage' as const } };

  app.get(
    '/api/org/sites',
    { config: read, schema: { tags, summary: 'Standorte', response: { 200: z.array(siteOut) } } },
    (req) => org.listSites(requireCaller(req)),
  );
  app.post(
    '/api/org/sites',
    { config: manage, schema: { tags, summary: 'Standort anlegen', body: siteInput, response: { 201: siteOut } } },
    async (req, reply) => reply.code(201).send(await org.createSite(requireCaller(req), req.body)),
  );

  app.get('/api/org/teams', { config: read, schema: { tags, summary: 'Teams', response: { 200: z.array(teamOut) } } }, (req) =>
    org.listTeams(requireCaller(req)),
  );
  app.get(
    '/api/org/teams/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Ein Team mit Mitgliedern',
        params,
        response: {
          200: teamOut.extend({
            members: z.array(z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.enum(ROLES)) })),
          }),
        },
      },
    },
    (req) => org.getTeam(requireCaller(req), req.params.id),
  );
  app.post(
    '/api/org/teams',
    {
      config: manage,
      schema: { tags, summary: 'Team anlegen', body: teamInput, response: { 201: z.object({ id: z.string() }) } },
    },
    async (req, reply) => reply.code(201).send({ id: await org.createTeam(requireCaller(req), req.body) }),
  );
  app.patch(
    '/api/org/teams/:id',
    { config: manage, schema: { tags, summary: 'Team ändern', params, body: teamUpdate } },
    async (req, reply) => {
      await org.updateTeam(requireCaller(req), req.params.id, req.body);
      return reply.code(204).send();
    },
  );

  const staffRead = { access: { permission: 'staff.read' as const } };
  app.get(
    '/api/org/staff',
    { config: staffRead, schema: { tags, summary: 'Mitarbeitende', response: { 200: z.array(staffOut) } } },
    async (req) => {
      const rows = await org.listStaff(requireCaller(req));
      await req.auditRead('staff', null, 'staff.list');
      return rows;
    },
  );
  app.get(
    '/api/org/staff/:id',
    { config: staffRead, schema: { tags, summary: 'Eine Mitarbeiterin, ein Mitarbeiter', params, response: { 200: staffOut } } },
    async (req) => {
      const row = await org.getStaff(requireCaller(req), req.params.id);
      await req.auditRead('staff', row.id);
      return row;
    },
  );
  app.post(
    '/api/org/staff',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Konto anlegen (Erstpasswort wird einmal angezeigt)',
        body: staffInput,
        response: { 201: z.object({ id: z.string(), initialPassword: z.string() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await org.createStaff(requireCaller(req), req.body)),
  );
  app.patch(
    '/api/org/staff/:id',
    { config: manage, schema: { tags, summary: 'Konto ändern (Rollen, Teams, aktiv)', params, body: staffUpdate } },
    async (req, reply) => {
      await org.updateStaff(requireCaller(req), req.params.id, req.body);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/org/staff/:id/reset-password',
    {
      config: manage,
      schema: { tags, summary: 'Passwort zurücksetzen', params, response: { 200: z.object({ password: z.string() }) } },
    },
    async (req) => ({ password: await org.resetPassword(requireCaller(req), req.params.id) }),
  );
};
