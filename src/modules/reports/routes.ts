import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../http/access.ts';
import { DOCUMENT_HEADERS } from '../../http/security-headers.ts';
import { chartSvg } from './charts.ts';
import { REPORT_FORMATS, sectionParam, textInput, yearParam } from './model.ts';
import { PLACEHOLDER_NAMES, type ReportService } from './service.ts';

/** The Eingliederungsbericht: aggregates only (no person data), so reads need no per-person audit entry. */
export const reportRoutes: FastifyPluginAsyncZod<{ reports: ReportService }> = async (app, { reports }) => {
  app.get(
    '/api/reports/eingliederungsbericht/:year',
    {
      config: { access: { permission: 'reports.read' } },
      schema: {
        tags: ['Berichte'],
        summary: 'Eingliederungsbericht eines Jahres als HTML, Word, PDF, Excel (Tabellen) oder JSON (Vorschau)',
        params: z.object({ year: yearParam }),
        querystring: z.object({
          format: z.enum(REPORT_FORMATS, { message: 'Format: html, docx, pdf, xlsx oder json' }).default('html'),
        }),
      },
    },
    async (req, reply) => {
      const caller = requireCaller(req);
      const { year } = req.params;
      const { format } = req.query;
      if (format === 'json') {
        const { doc } = await reports.document(caller, year);
        return {
          ...doc,
          blocks: doc.blocks.map((b) =>
            b.kind === 'chart' ? { ...b, svg: `data:image/svg+xml;base64,${Buffer.from(chartSvg(b)).toString('base64')}` } : b,
          ),
        };
      }
      const out = await reports.render(caller, year, format);
      reply.header('content-type', out.contentType);
      if (format !== 'html') reply.header('content-disposition', `attachment; filename="${out.fileName}"`);
      // shown in the browser as a page (its own inline styles, images as data: URIs): the pages' policy
      else reply.headers(DOCUMENT_HEADERS);
      return reply.send(out.body);
    },
  );

  app.get(
    '/api/reports/eingliederungsbericht/:year/texts',
    {
      config: { access: { permission: 'reports.read' } },
      schema: {
        tags: ['Berichte'],
        summary: 'Textabschnitte des Eingliederungsberichts eines Jahres und die erlaubten Platzhalter',
        params: z.object({ year: yearParam }),
      },
    },
    async (req) => ({
      year: req.params.year,
      sections: await reports.listTexts(requireCaller(req), req.params.year),
      placeholders: PLACEHOLDER_NAMES,
    }),
  );

  app.put(
    '/api/reports/eingliederungsbericht/:year/texts/:key',
    {
      config: { access: { permission: 'reports.write' } },
      schema: {
        tags: ['Berichte'],
        summary: 'Einen Textabschnitt speichern (Version 0 ersetzt den Standardtext; veraltete Version: 409)',
        params: z.object({ year: yearParam, key: sectionParam }),
        body: textInput,
      },
    },
    async (req) => reports.saveText(requireCaller(req), req.params.year, req.params.key, req.body),
  );
};
