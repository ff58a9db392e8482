import type { Database } from '../../db/client.ts';
import { budgetReportSection } from '../budget/service.ts';
import { measuresReportTable } from '../measures/report-table.ts';
import { subsidisedJobsTable } from '../subsidies/service.ts';
import type { ReportProviders } from './contributions.ts';

/**
 * The report's sections from the modules that own their data, through each module's exported read.
 * One place, used by the server and the CLI, so both write the same report.
 */
export function moduleReportProviders(db: Database): ReportProviders {
  return {
    async budget(tenantId, year) {
      const section = await budgetReportSection(db, tenantId, year);
      if (!section.sources.length) return null;
      return {
        sources: section.sources.map((s) => ({ label: s.label, plannedCents: s.plannedCents, spentCents: s.paidCents })),
        byInstrument: section.byInstrument
          .filter((i) => i.plannedCents || i.paidCents)
          .map((i) => ({ label: i.label, spentCents: i.paidCents })),
      };
    },
    async subsidisedJobs(tenantId, year) {
      const day = `${year}-12-01`;
      const table = await subsidisedJobsTable(db, tenantId, day);
      if (!table.rows.some((r) => r.total)) return null;
      return { day, rows: table.rows };
    },
    measures: (tenantId, year) => measuresReportTable(db, tenantId, year),
  };
}
