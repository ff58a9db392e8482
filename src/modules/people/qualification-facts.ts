import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

/**
 * School certificate and vocational qualification periods of every person of a Jobcenter, for the
 * Eingliederungsbericht's qualification structure. The people module's export, so that the report never
 * reads people's tables (same pattern as facts.ts).
 */
export interface QualificationSpan {
  personId: string;
  kind: 'school_certificate' | 'vocational_qualification';
  value: string;
  from: string;
  to: string | null;
}

export async function loadQualificationSpans(db: Database, tenantId: string): Promise<QualificationSpan[]> {
  return db.rows<QualificationSpan>(
    sql`SELECT person_id AS "personId", kind, value, valid_from AS "from", valid_to AS "to"
          FROM status_periods
         WHERE tenant_id = ${tenantId} AND kind IN ('school_certificate', 'vocational_qualification')`,
  );
}
