import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { LEGAL_BASES, type LegalBasis } from './code-lists.ts';

/**
 * The measures of a year for the Eingliederungsbericht: each measure whose contract runs in the year, with
 * its places and the entries during the year by sex. Counts of persons only, no names.
 */
export async function measuresReportTable(db: Database, tenantId: string, year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await db.rows<{
    name: string;
    legalBasis: LegalBasis;
    places: number;
    entries: number;
    women: number;
    men: number;
  }>(
    sql`SELECT m.name, m.legal_basis AS "legalBasis", m.places,
               count(a.id)::int AS entries,
               count(a.id) FILTER (WHERE a.person_sex = 'w')::int AS women,
               count(a.id) FILTER (WHERE a.person_sex = 'm')::int AS men
          FROM measures m
          LEFT JOIN measure_assignments a ON a.tenant_id = m.tenant_id AND a.measure_id = m.id
               AND a.entry_date BETWEEN ${from}::date AND ${to}::date
         WHERE m.tenant_id = ${tenantId}
           AND m.contract_from <= ${to}::date AND (m.contract_to IS NULL OR m.contract_to > ${from}::date)
         GROUP BY m.id, m.name, m.legal_basis, m.places
         ORDER BY m.name`,
  );
  if (!rows.length) return null;
  return { rows: rows.map((r) => ({ ...r, basis: LEGAL_BASES[r.legalBasis]?.label.replace(/ \(.*\)$/, '') ?? r.legalBasis })) };
}
