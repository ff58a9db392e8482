import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../http/access.ts';
import type { IndicatorService } from './service.ts';

export const indicatorRoutes: FastifyPluginAsyncZod<{ indicators: IndicatorService }> = async (app, { indicators }) => {
  app.get(
    '/api/indicators',
    {
      config: { access: { permission: 'indicators.read' } },
      schema: {
        tags: ['Kennzahlen'],
        summary: 'Kennzahlen nach § 48a SGB II und Strukturdaten eines Berichtsmonats',
        querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Berichtsmonat im Format JJJJ-MM') }),
      },
    },
    async (req) => indicators.forCaller(requireCaller(req), req.query.month),
  );
  app.get(
    '/api/indicators/data-month',
    {
      // a month, no figures: for everyone who opens any aggregate page (the team report's is the widest circle)
      config: { access: { permission: 'teamreport.read' } },
      schema: {
        tags: ['Kennzahlen'],
        summary: 'Der erste anzuzeigende Berichtsmonat: letzter abgeschlossener Monat oder letzter Monat mit Daten',
      },
    },
    async (req) => ({ month: await indicators.dataMonth(requireCaller(req).tenantId) }),
  );
  app.get(
    '/api/indicators/definitions',
    {
      config: { access: { permission: 'indicators.read' } },
      schema: { tags: ['Kennzahlen'], summary: 'Definitionen der Kennzahlen' },
    },
    async () => indicators.definitions,
  );
};
