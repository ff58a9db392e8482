import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { formatCsvLine } from '../../../lib/csv/parse.ts';
import { readOrg } from '../../org/exchange.ts';
import { toInclusiveEnd } from '../model.ts';
import { FILES, type FileName } from './format.ts';

/**
 * Writes a Jobcenter in the interchange format, canonically: fixed column order, rows sorted by their
 * keys, ISO dates, `;` as delimiter, UTF-8 with BOM (so Excel reads umlauts). Export → import into an
 * empty database → export gives byte-identical files.
 */
export const BOM = '\uFEFF';

const yesNo = (b: unknown) => (b ? 'ja' : 'nein');
const until = (to: unknown) => toInclusiveEnd((to as string | null) ?? null);

export async function* exportFile(db: Database, tenantId: string, file: FileName): AsyncGenerator<string> {
  const spec = FILES.find((f) => f.file === file);
  if (!spec) throw new Error(`unknown file ${file}`);
  yield `${BOM}${formatCsvLine(spec.columns.map((c) => c.name))}\n`;
  const line = (fields: unknown[]) => `${formatCsvLine(fields as (string | number | null)[])}\n`;
  const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => db.rows<T>(query);

  if (file === 'jobcenter.csv' || file === 'sites.csv' || file === 'teams.csv' || file === 'staff.csv') {
    const org = await readOrg(db, tenantId);
    if (file === 'jobcenter.csv') yield line([org.tenantName]);
    if (file === 'sites.csv') for (const s of sortBy(org.sites, (s) => s.name)) yield line([s.name]);
    if (file === 'teams.csv') for (const t of sortBy(org.teams, (t) => t.name)) yield line([t.name, t.siteName, t.kind]);
    if (file === 'staff.csv')
      for (const s of sortBy(org.staff, (s) => s.username.toLowerCase()))
        yield line([s.username, s.displayName, [...s.roles].sort().join('|'), [...s.teams].sort().join('|'), yesNo(s.active)]);
    return;
  }
  const t = sql`${tenantId}`;
  const queries: Record<string, ReturnType<typeof sql>> = {
    'households.csv': sql`SELECT h.number, tm.name AS team, cw.username AS cw, bo.username AS bo FROM households h
        JOIN teams tm ON tm.tenant_id = h.tenant_id AND tm.id = h.team_id
        LEFT JOIN staff cw ON cw.tenant_id = h.tenant_id AND cw.id = h.caseworker_id
        LEFT JOIN staff bo ON bo.tenant_id = h.tenant_id AND bo.id = h.benefit_officer_id
       WHERE h.tenant_id = ${t} ORDER BY h.number COLLATE "C"`,
    'persons.csv': sql`SELECT customer_number, family_name, given_names, birth_date, sex, nationality, phone, email, street, postcode, city
        FROM persons WHERE tenant_id = ${t} ORDER BY customer_number COLLATE "C"`,
    'household_memberships.csv': sql`SELECT p.customer_number, h.number, x.role, x.valid_from, x.valid_to FROM household_memberships x
        JOIN persons p ON p.tenant_id = x.tenant_id AND p.id = x.person_id
        JOIN households h ON h.tenant_id = x.tenant_id AND h.id = x.household_id
       WHERE x.tenant_id = ${t} ORDER BY p.customer_number COLLATE "C", x.valid_from, h.number COLLATE "C"`,
    'benefit_periods.csv': sql`SELECT p.customer_number, h.number, x.employable, x.other_jobcenter, x.valid_from, x.valid_to FROM benefit_periods x
        JOIN persons p ON p.tenant_id = x.tenant_id AND p.id = x.person_id
        LEFT JOIN households h ON h.tenant_id = x.tenant_id AND h.id = x.household_id
       WHERE x.tenant_id = ${t} ORDER BY p.customer_number COLLATE "C", x.valid_from, x.other_jobcenter COLLATE "C" NULLS FIRST, x.valid_to NULLS LAST`,
    'status_periods.csv': sql`SELECT p.customer_number, x.kind, x.value, x.detail, x.valid_from, x.valid_to FROM status_periods x
        JOIN persons p ON p.tenant_id = x.tenant_id AND p.id = x.person_id
       WHERE x.tenant_id = ${t} ORDER BY p.customer_number COLLATE "C", x.kind COLLATE "C", x.valid_from`,
    'team_assignments.csv': sql`SELECT p.customer_number, tm.name, x.valid_from, x.valid_to FROM team_assignments x
        JOIN persons p ON p.tenant_id = x.tenant_id AND p.id = x.person_id
        JOIN teams tm ON tm.tenant_id = x.tenant_id AND tm.id = x.team_id
       WHERE x.tenant_id = ${t} ORDER BY p.customer_number COLLATE "C", x.valid_from`,
    'employment_events.csv': sql`SELECT p.customer_number, x.kind, x.valid_from, x.valid_to, x.weekly_hours, x.employer FROM employments x
        JOIN persons p ON p.tenant_id = x.tenant_id AND p.id = x.person_id
       WHERE x.tenant_id = ${t}
       ORDER BY p.customer_number COLLATE "C", x.valid_from, x.kind COLLATE "C", x.valid_to NULLS LAST, x.weekly_hours NULLS LAST, x.employer COLLATE "C" NULLS LAST`,
    'household_payments.csv': sql`SELECT h.number, to_char(x.month, 'YYYY-MM') AS month, x.standard_cents, x.additional_cents, x.housing_cents
        FROM household_payments x JOIN households h ON h.tenant_id = x.tenant_id AND h.id = x.household_id
       WHERE x.tenant_id = ${t} ORDER BY h.number COLLATE "C", x.month`,
  };
  const rows = await q(queries[file] as ReturnType<typeof sql>);
  for (const r of rows) {
    const v = Object.values(r);
    switch (file) {
      case 'household_memberships.csv':
        yield line([v[0], v[1], v[2], v[3], until(v[4])]);
        break;
      case 'benefit_periods.csv':
        yield line([v[0], v[1], yesNo(v[2]), v[3], v[4], until(v[5])]);
        break;
      case 'status_periods.csv':
        yield line([v[0], v[1], v[2], v[3], v[4], until(v[5])]);
        break;
      case 'team_assignments.csv':
        yield line([v[0], v[1], v[2], until(v[3])]);
        break;
      case 'employment_events.csv':
        yield line([v[0], v[1], v[2], until(v[3]), v[4] === null ? null : Number(v[4]).toFixed(1), v[5]]);
        break;
      default:
        yield line(v);
    }
  }
}

function sortBy<T>(list: T[], key: (t: T) => string): T[] {
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export const EXPORT_FILES: FileName[] = FILES.map((f) => f.file);
