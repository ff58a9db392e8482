import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { uuidv7 } from '../../db/ids.ts';
import { ConflictError, ValidationError } from '../../lib/errors.ts';
import { appendAudit } from '../audit/service.ts';
import type { Caller } from '../auth/caller.ts';
import { indicatorService } from '../indicators/service.ts';
import { orgService } from '../org/service.ts';
import { collectContributions, type ReportProviders } from './contributions.ts';
import { loadReportData, type ReportData } from './data.ts';
import { TEXT_SECTIONS } from './defaults.ts';
import { buildDocument, type ReportDocument } from './document.ts';
import type { ReportFormat, ReportTextOut, TextInput } from './model.ts';
import { placeholderValues, unknownPlaceholders } from './placeholders.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderPdf } from './render-pdf.ts';
import { renderXlsx } from './render-xlsx.ts';
import { reportTexts } from './schema.ts';

export interface RenderedReport {
  contentType: string;
  fileName: string;
  body: Buffer | string;
}

const CONTENT_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Every placeholder name a text may use (the names do not depend on the data). */
export const PLACEHOLDER_NAMES: string[] = Object.keys(
  placeholderValues(
    {
      year: 2000,
      tenantName: '',
      referenceDay: '2000-12-15',
      series: [0, 1].map((i) => ({
        year: 1999 + i,
        total: 0,
        women: 0,
        men: 0,
        diverse: 0,
        under25: 0,
        age25to49: 0,
        age50plus: 0,
        singleParents: 0,
        lzb: 0,
        severeDisability: 0,
        refugee: 0,
        over4Years: 0,
        households: 0,
      })),
      integration: [],
      changes: {
        elb: zero(),
        elbMen: zero(),
        elbWomen: zero(),
        lzb: zero(),
        households: zero(),
        subsistence: null,
        housing: null,
      },
      shares: { lzb: zero(), over4Years: zero(), severeDisabilityJobSeeking: zero(), refugee: zero() },
      under25BySex: { men: 0, women: 0, diverse: 0 },
      vocational: [],
      school: [],
      refugeeQualification: { persons: 0, vocational: 0, school: 0 },
      teams: [],
      provisional: false,
    } satisfies ReportData,
    { budget: null, subsidisedJobs: null, measures: null, educationParticipation: null, jobRequirements: null },
  ),
).sort();
function zero() {
  return { numerator: 0, denominator: 0, value: null };
}

/**
 * The Eingliederungsbericht: data from the indicator engine and the people module, contributions of
 * other modules through providers, narrative texts per Jobcenter and year, four output formats.
 */
export function reportService(db: Database, providers: ReportProviders = {}) {
  const indicators = indicatorService(db);

  async function listTexts(tenantId: string, year: number): Promise<ReportTextOut[]> {
    const rows = await db.orm
      .select()
      .from(reportTexts)
      .where(and(eq(reportTexts.tenantId, tenantId), eq(reportTexts.year, year)));
    const byKey = new Map(rows.map((r) => [r.section, r]));
    return TEXT_SECTIONS.map((s) => {
      const row = byKey.get(s.key);
      return {
        key: s.key,
        title: s.title,
        body: row?.body ?? s.default,
        defaultBody: s.default,
        isDefault: !row,
        version: row?.version ?? 0,
        updatedAt: row ? row.updatedAt.toISOString() : null,
      };
    });
  }

  async function document(caller: Caller, year: number): Promise<{ doc: ReportDocument; data: ReportData }> {
    const tenantName = (await orgService(db).tenantName(caller.tenantId)) ?? 'Jobcenter';
    const [loaded, contributions, texts] = await Promise.all([
      loadReportData(db, indicators, caller.tenantId, tenantName, year),
      collectContributions(providers, caller.tenantId, year),
      listTexts(caller.tenantId, year),
    ]);
    // without subsidy contracts recorded, the jobs of kind § 16i/§ 16e in the employment history count
    if (!contributions.subsidisedJobs) contributions.subsidisedJobs = loaded.subsidisedJobs;
    const values = placeholderValues(loaded.data, contributions);
    const doc = buildDocument(loaded.data, contributions, Object.fromEntries(texts.map((t) => [t.key, t.body])), values);
    return { doc, data: loaded.data };
  }

  return {
    listTexts: (caller: Caller, year: number) => listTexts(caller.tenantId, year),
    document,

    async render(caller: Caller, year: number, format: Exclude<ReportFormat, 'json'>): Promise<RenderedReport> {
      const { doc } = await document(caller, year);
      const body =
        format === 'html'
          ? renderHtml(doc)
          : format === 'docx'
            ? await renderDocx(doc)
            : format === 'pdf'
              ? await renderPdf(doc)
              : await renderXlsx(doc);
      return { contentType: CONTENT_TYPES[format], fileName: `Eingliederungsbericht-${year}.${format}`, body };
    },

    /** Saves one section's text; version 0 replaces the default. A stale version answers 409. */
    async saveText(caller: Caller, year: number, key: string, input: TextInput): Promise<ReportTextOut> {
      const unknown = unknownPlaceholders(input.body, PLACEHOLDER_NAMES);
      if (unknown.length)
        throw new ValidationError([
          {
            field: 'body',
            message: `Unbekannter Platzhalter: ${unknown.map((u) => `{{${u}}}`).join(', ')}. Erlaubt sind die in der Liste genannten.`,
          },
        ]);
      const stale = async () => {
        const current = (await listTexts(caller.tenantId, year)).find((t) => t.key === key);
        return new ConflictError(
          'Der Text wurde inzwischen von jemand anderem geändert. Bitte laden Sie ihn neu und übernehmen Sie Ihre Änderung erneut.',
          { current },
        );
      };
      // The stale answer is built after the transaction: inside it every query must go through tx.
      let outcome: 'saved' | 'stale';
      try {
        outcome = await db.orm.transaction(async (tx) => {
          let id: string;
          if (input.version === 0) {
            id = uuidv7();
            await tx.insert(reportTexts).values({
              tenantId: caller.tenantId,
              id,
              year,
              section: key,
              body: input.body,
              updatedBy: caller.staffId,
            });
          } else {
            const [row] = await tx
              .update(reportTexts)
              .set({ body: input.body, version: input.version + 1, updatedBy: caller.staffId, updatedAt: new Date() })
              .where(
                and(
                  eq(reportTexts.tenantId, caller.tenantId),
                  eq(reportTexts.year, year),
                  eq(reportTexts.section, key),
                  eq(reportTexts.version, input.version),
                ),
              )
              .returning({ id: reportTexts.id });
            if (!row) return 'stale' as const;
            id = row.id;
          }
          await appendAudit(tx, [
            {
              tenantId: caller.tenantId,
              actorId: caller.staffId,
              action: 'report_text.update',
              entityType: 'report_text',
              entityId: id,
              requestId: caller.requestId,
              outcome: 'success',
            },
          ]);
          return 'saved' as const;
        });
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        outcome = 'stale';
      }
      if (outcome === 'stale') throw await stale();
      return (await listTexts(caller.tenantId, year)).find((t) => t.key === key) as ReportTextOut;
    },
  };
}

export type ReportService = ReturnType<typeof reportService>;
