import type { Contributions } from './contributions.ts';
import type { Ratio, ReportData } from './data.ts';
import { formatChange, formatEuroCents, formatInt, formatPercent } from './format.ts';
import { isSuppressedCount, isSuppressedShare, SUPPRESSION_MARK } from './suppress.ts';

/**
 * The computed numbers a narrative text may quote as {{name}}, already formatted the German way.
 * A change X also offers X.betrag (without sign) and X.richtung ("gesunken"/"gestiegen").
 */
export type PlaceholderValues = Record<string, string>;

export const PLACEHOLDER_PATTERN = /\{\{\s*([a-z0-9_.]+)\s*\}\}/gi;

const count = (n: number) => (isSuppressedCount(n) ? SUPPRESSION_MARK : formatInt(n));
const share = (r: Ratio) =>
  r.value === null ? '–' : isSuppressedShare(r.numerator, r.denominator) ? SUPPRESSION_MARK : formatPercent(r.value);

function change(values: PlaceholderValues, key: string, r: Ratio | null) {
  if (!r || r.value === null) {
    values[key] = '–';
    values[`${key}.betrag`] = '–';
    values[`${key}.richtung`] = 'nicht berechenbar';
    return;
  }
  const rounded = Math.round(r.value * 10) / 10;
  values[key] = formatChange(r.value);
  values[`${key}.betrag`] = formatPercent(Math.abs(rounded));
  values[`${key}.richtung`] = rounded < 0 ? 'gesunken' : rounded > 0 ? 'gestiegen' : 'unverändert geblieben';
}

export function placeholderValues(d: ReportData, c: Contributions): PlaceholderValues {
  const now = d.series[d.series.length - 1];
  const before = d.series[d.series.length - 2];
  const v: PlaceholderValues = {
    jahr: String(d.year),
    vorjahr: String(d.year - 1),
    'jobcenter.name': d.tenantName,
    stichtag: d.referenceDay.split('-').reverse().join('.'),
  };
  if (now) {
    v['elb.dezember'] = count(now.total);
    v['elb.frauen'] = count(now.women);
    v['elb.maenner'] = count(now.men);
    v['elb.frauen.anteil'] = share({
      numerator: now.women,
      denominator: now.total,
      value: now.total ? (now.women / now.total) * 100 : null,
    });
    v['elb.maenner.anteil'] = share({
      numerator: now.men,
      denominator: now.total,
      value: now.total ? (now.men / now.total) * 100 : null,
    });
    v['elb.u25'] = count(now.under25);
    v['elb.alleinerziehende'] = count(now.singleParents);
    v['langzeit.dezember'] = count(now.lzb);
    v['bg.dezember'] = count(now.households);
  }
  v['langzeit.vorjahr'] = before ? count(before.lzb) : '–';
  v['langzeit.differenz'] = now && before ? formatInt(Math.abs(now.lzb - before.lzb)) : '–';
  v['elb.u25.maenner'] = count(d.under25BySex.men);
  v['elb.u25.frauen'] = count(d.under25BySex.women);
  v['langzeit.anteil'] = share(d.shares.lzb);
  v['ueber4jahre.anteil'] = share(d.shares.over4Years);
  v['schwerbehindert.anteil'] = share(d.shares.severeDisabilityJobSeeking);
  v['flucht.anteil'] = share(d.shares.refugee);
  const r = d.refugeeQualification;
  v['flucht.berufsabschluss.anteil'] = share({
    numerator: r.vocational,
    denominator: r.persons,
    value: r.persons ? (r.vocational / r.persons) * 100 : null,
  });
  v['flucht.schulabschluss.anteil'] = share({
    numerator: r.school,
    denominator: r.persons,
    value: r.persons ? (r.school / r.persons) * 100 : null,
  });
  change(v, 'elb.veraenderung', d.changes.elb);
  change(v, 'elb.maenner.veraenderung', d.changes.elbMen);
  change(v, 'elb.frauen.veraenderung', d.changes.elbWomen);
  change(v, 'langzeit.veraenderung', d.changes.lzb);
  change(v, 'bg.veraenderung', d.changes.households);
  change(v, 'ausgaben.veraenderung', d.changes.subsistence);
  change(v, 'kdu.veraenderung', d.changes.housing);
  const iq = d.integration;
  const at = (i: number) => iq[iq.length - 1 - i];
  v['iq.jahr'] = at(0) ? share(at(0)?.total as Ratio) : '–';
  v['iq.vorjahr'] = at(1) ? share(at(1)?.total as Ratio) : '–';
  v['iq.vorvorjahr'] = at(2) ? share(at(2)?.total as Ratio) : '–';
  v['iq.maenner'] = at(0) ? share(at(0)?.men as Ratio) : '–';
  v['iq.frauen'] = at(0) ? share(at(0)?.women as Ratio) : '–';
  v['iq.integrationen'] = at(0) ? count(at(0)?.total.numerator as number) : '–';
  const jobs = c.subsidisedJobs;
  const row = (basis: '16i' | '16e') => jobs?.rows.find((x) => x.basis === basis);
  v['gefoerdert.16i'] = jobs ? count(row('16i')?.total ?? 0) : '–';
  v['gefoerdert.16e'] = jobs ? count(row('16e')?.total ?? 0) : '–';
  v['gefoerdert.gesamt'] = jobs ? count(jobs.rows.reduce((s, x) => s + x.total, 0)) : '–';
  v['gefoerdert.zugaenge16i'] = jobs?.entriesDuringYear !== undefined ? count(jobs.entriesDuringYear) : '–';
  v['budget.ausgaben'] = c.budget ? formatEuroCents(c.budget.sources.reduce((s, x) => s + x.spentCents, 0)) : '–';
  return v;
}

/** Replaces every {{name}}; unknown names stay visible as [[name?]] so nobody overlooks them. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER_PATTERN, (_, name: string) => values[name.toLowerCase()] ?? `[[${name}?]]`);
}

export function unknownPlaceholders(text: string, known: Iterable<string>): string[] {
  const names = new Set(known);
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => (m[1] as string).toLowerCase()).filter((n) => !names.has(n));
}
