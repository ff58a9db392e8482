import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../http/access.ts';
import { dashboardDocument } from './dashboard-export.ts';
import { type ExportDocument, toCsv, toXlsx } from './export.ts';
import type { DashboardService } from './service.ts';
import { SERIES_MONTHS } from './service.ts';
import type { TeamReportService } from './team-report.ts';
import { teamReportDocument } from './team-report-export.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Berichtsmonat im Format JJJJ-MM');
const scope = z
  .string()
  .regex(/^(tenant|(site|team):[0-9a-f-]{36})$/, 'Bereich als „tenant“, „site:<Kennung>“ oder „team:<Kennung>“')
  .default('tenant');
const format = z.enum(['csv', 'xlsx'], { message: 'Format „csv“ oder „xlsx“' });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sendDocument(
  reply: import('fastify').FastifyReply,
  doc: ExportDocument,
  kind: 'csv' | 'xlsx',
): Promise<import('fastify').FastifyReply> {
  reply.header('content-disposition', `attachment; filename="${doc.fileName}.${kind}"`);
  reply.header('cache-control', 'no-store');
  if (kind === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(doc));
  return reply.type(XLSX_TYPE).send(await toXlsx(doc));
}

/** Dashboard (indicators.read) and team report (teamreport.read): aggregates only, no person data. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ dashboard: DashboardService; teamReports: TeamReportService }> = async (
  app,
  { dashboard, teamReports },
) => {
  const tags = ['Kennzahlen'];
  const read = { access: { permission: 'indicators.read' as const } };
  const teamRead = { access: { permission: 'teamreport.read' as const } };

  app.get(
    '/api/dashboard',
    {
      config: read,
      schema: {
        tags,
        summary: 'Übersicht: Kennzahlen eines Bereichs (Jobcenter, Standort, Team) mit Drill-down',
        querystring: z.object({ month, scope }),
      },
    },
    async (req) => dashboard.view(requireCaller(req), req.query.month, req.query.scope),
  );

  app.get(
    '/api/dashboard/series',
    {
      config: read,
      schema: {
        tags,
        summary: 'Zeitreihe aller Kennzahlen eines Bereichs (insgesamt) bis zum Berichtsmonat',
        querystring: z.object({
          month,
          scope,
          months: z.coerce.number().int().min(2).max(SERIES_MONTHS.max).default(SERIES_MONTHS.default),
        }),
      },
    },
    async (req) => dashboard.series(requireCaller(req), req.query.month, req.query.scope, req.query.months),
  );

  app.get(
    '/api/dashboard/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'Übersicht als CSV oder Excel (kleine Gruppen unterdrückt)',
        querystring: z.object({ month, scope, format }),
      },
    },
    async (req, reply) => {
      const view = await dashboard.view(requireCaller(req), req.query.month, req.query.scope);
      return sendDocument(reply, dashboardDocument(view), req.query.format);
    },
  );

  app.get(
    '/api/team-reports/teams',
    { config: teamRead, schema: { tags, summary: 'Teams, deren Ergebnisreport ich öffnen darf' } },
    async (req) => teamReports.teams(requireCaller(req)),
  );

  const teamParams = z.object({ teamId: z.uuid('Team-Kennung (UUID)') });
  app.get(
    '/api/team-reports/:teamId',
    {
      config: teamRead,
      schema: {
        tags,
        summary: 'Teambezogener Ergebnisreport eines Monats (Team gegen Jobcenter)',
        params: teamParams,
        querystring: z.object({ month }),
      },
    },
    async (req) => teamReports.report(requireCaller(req), req.params.teamId, req.query.month),
  );

  app.get(
    '/api/team-reports/:teamId/export',
    {
      config: teamRead,
      schema: {
        tags,
        summary: 'Teambezogener Ergebnisreport als CSV oder Excel',
        params: teamParams,
        querystring: z.object({ month, format }),
      },
    },
    async (req, reply) => {
      const report = await teamReports.report(requireCaller(req), req.params.teamId, req.query.month);
      return sendDocument(reply, teamReportDocument(report), req.query.format);
    },
  );
};
