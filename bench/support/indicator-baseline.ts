import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.ts';

/**
 * A plain SQL baseline for the indicator benchmark: three key counts of report month M computed directly
 * in SQL on the same database, written independently of the engine (no shared code, only the rules of
 * INDICATORS.md), so that the engine's time can be compared with what the database alone needs and its
 * counts checked against a second implementation.
 *
 * - eLb stock on ST(M) (the 15th): an employable benefit period of this Jobcenter covers the day, aged 15
 *   (packed-date difference, as § 187 (2) BGB counts), not past the § 7a age limit (end of the month in
 *   which the limit age is completed).
 * - Integrations of M−11 … M (the K2 numerator): start in window W(k); counted in k if eLb on ST(k−1),
 *   else in k+1 if eLb on ST(k); at most one per person and month.
 * - LZB on ST(M): in the stock, aged 17, eLb (any Jobcenter) on at least 638 of the 730 days up to ST(M).
 */
export interface BaselineCounts {
  stock: number;
  integrations: number;
  lzb: number;
}

function st(monthIndex: number): string {
  const y = Math.floor(monthIndex / 12);
  const m = (monthIndex % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-15`;
}

export async function baselineCounts(db: Database, tenantId: string, month: string): Promise<BaselineCounts> {
  const M = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const days = Array.from({ length: 14 }, (_, i) => st(M - 13 + i));
  // The planner misjudges the CTE joins (estimates of one row) and picks nested loops, which are quadratic
  // here; hash joins are what a hand-written baseline would ask for.
  const [row] = await db.orm.transaction(async (tx) => {
    await db.rows(sql`SET LOCAL enable_nestloop = off`, tx);
    return db.rows<BaselineCounts>(
      sql`
    WITH lim AS (
      SELECT id, birth_date,
             to_char(birth_date, 'YYYYMMDD')::int AS bymd,
             -- § 7a: last day of the month in which the limit age is completed (a birth on the 1st completes it a month earlier)
             (make_date(lm / 12, lm % 12 + 1, 1) + interval '1 month' - interval '1 day')::date AS last_day
        FROM (
          SELECT id, birth_date,
                 extract(year FROM birth_date)::int * 12 + extract(month FROM birth_date)::int - 1
                 + CASE WHEN extract(year FROM birth_date) < 1947 THEN 780
                        WHEN extract(year FROM birth_date) <= 1958 THEN 780 + extract(year FROM birth_date)::int - 1946
                        WHEN extract(year FROM birth_date) <= 1963 THEN 792 + 2 * (extract(year FROM birth_date)::int - 1958)
                        ELSE 804 END
                 - CASE WHEN extract(day FROM birth_date) = 1 THEN 1 ELSE 0 END AS lm
            FROM persons WHERE tenant_id = ${tenantId}
        ) x
    ),
    st AS (SELECT unnest(${sql.param(days)}::date[]) AS day),
    elb AS (
      SELECT DISTINCT b.person_id, s.day
        FROM st s
        JOIN benefit_periods b ON b.tenant_id = ${tenantId} AND b.employable AND b.other_jobcenter IS NULL
                              AND b.valid_from <= s.day AND (b.valid_to IS NULL OR s.day < b.valid_to)
        JOIN lim p ON p.id = b.person_id
       WHERE to_char(s.day, 'YYYYMMDD')::int - p.bymd >= 150000 AND s.day <= p.last_day
    ),
    jobs AS (
      SELECT e.person_id,
             (date_trunc('month', e.valid_from) + CASE WHEN extract(day FROM e.valid_from) > 15 THEN interval '1 month' ELSE interval '0' END
              + interval '14 days')::date AS k
        FROM employments e
       WHERE e.tenant_id = ${tenantId}
         AND e.kind IN ('regular', 'subsidised_16e', 'subsidised_egz', 'subsidised_16b', 'vocational_training', 'self_employment')
    ),
    counted AS (
      SELECT DISTINCT j.person_id,
             CASE WHEN before.person_id IS NOT NULL THEN j.k
                  WHEN now.person_id IS NOT NULL THEN (j.k + interval '1 month')::date
             END AS n
        FROM jobs j
        LEFT JOIN elb before ON before.person_id = j.person_id AND before.day = (j.k - interval '1 month')::date
        LEFT JOIN elb now ON now.person_id = j.person_id AND now.day = j.k
       WHERE j.k BETWEEN ${days[0]}::date AND ${days[13]}::date
    ),
    stock AS (SELECT person_id FROM elb WHERE day = ${days[13]}::date),
    window_days AS (
      SELECT s.person_id, p.bymd,
             daterange(greatest(${days[13]}::date - 729,
                                (p.birth_date + interval '15 years')::date + CASE WHEN to_char(p.birth_date, 'MM-DD') = '02-29' THEN 1 ELSE 0 END),
                       least(${days[13]}::date, p.last_day) + 1) AS w
        FROM stock s JOIN lim p ON p.id = s.person_id
       WHERE to_char(${days[13]}::date, 'YYYYMMDD')::int - p.bymd >= 170000
    ),
    receipt AS (
      SELECT b.person_id, range_agg(daterange(b.valid_from, b.valid_to)) AS r
        FROM benefit_periods b JOIN window_days w ON w.person_id = b.person_id
       WHERE b.tenant_id = ${tenantId} AND b.employable
       GROUP BY b.person_id
    ),
    lzb AS (
      SELECT w.person_id
        FROM window_days w JOIN receipt r ON r.person_id = w.person_id
        CROSS JOIN LATERAL (SELECT coalesce(sum(upper(x) - lower(x)), 0) AS n FROM unnest(r.r * datemultirange(w.w)) x) d
       WHERE NOT isempty(w.w) AND d.n >= 638
    )
    SELECT (SELECT count(*) FROM stock)::int AS stock,
           (SELECT count(*) FROM counted WHERE n BETWEEN ${days[2]}::date AND ${days[13]}::date)::int AS integrations,
           (SELECT count(*) FROM lzb)::int AS lzb`,
      tx,
    );
  });
  return row as BaselineCounts;
}
