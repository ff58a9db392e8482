import fs from 'node:fs';
import path from 'node:path';
import { formatCsvLine } from '../../src/lib/csv/parse.ts';
import { FILES } from '../../src/modules/people/exchange/format.ts';

/**
 * Writes a synthetic interchange folder for load tests: `households` households of two persons each
 * (applicant and partner or child), five years of receipt, status, team and employment history, and
 * monthly amounts for every month in receipt. Deterministic (own PRNG), streamed to disk.
 */
export function writeExchangeFolder(dir: string, households: number, seed = 1): { persons: number; lines: number } {
  fs.mkdirSync(dir, { recursive: true });
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const header = (file: string) => formatCsvLine(FILES.find((f) => f.file === file)?.columns.map((c) => c.name) ?? []);
  const out = new Map<string, string[]>();
  let lines = 0;
  const write = (file: string, fields: (string | number | null)[]) => {
    let buf = out.get(file);
    if (!buf) {
      buf = [header(file)];
      out.set(file, buf);
    }
    buf.push(formatCsvLine(fields));
    lines++;
    if (buf.length >= 50_000) flush(file);
  };
  const started = new Set<string>();
  const flush = (file: string) => {
    const buf = out.get(file);
    if (!buf?.length) return;
    const target = path.join(dir, file);
    if (started.has(file)) fs.appendFileSync(target, `${buf.join('\n')}\n`);
    else {
      fs.writeFileSync(target, `${buf.join('\n')}\n`);
      started.add(file);
    }
    out.set(file, []);
  };

  const teams = ['Team Wetzlar Nord', 'Team Wetzlar Süd', 'Team Dillenburg', 'Team Herborn/Haiger'];
  write('jobcenter.csv', ['Jobcenter Lasttest']);
  for (const site of ['Wetzlar', 'Dillenburg']) write('sites.csv', [site]);
  for (const [i, t] of teams.entries()) write('teams.csv', [t, i < 2 ? 'Wetzlar' : 'Dillenburg', 'regional']);
  write('teams.csv', ['U25', 'Wetzlar', 'u25']);
  const family = [
    'Müller',
    'Schmidt',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Schulz',
    'Hoffmann',
    'Koch',
    'Yilmaz',
    'Kaya',
    'Haddad',
    'Nowak',
    'Popescu',
  ];
  const given = [
    'Anna',
    'Lena',
    'Sabine',
    'Petra',
    'Maria',
    'Fatma',
    'Olga',
    'Thomas',
    'Michael',
    'Jan',
    'Ali',
    'Omar',
    'Peter',
    'Lukas',
    'Sven',
    'Ivan',
  ];
  const iso = (y: number, m: number, d = 1) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  let personNo = 0;
  for (let h = 1; h <= households; h++) {
    const number = `99901BG${String(h).padStart(7, '0')}`;
    const team = pick(teams);
    write('households.csv', [number, team, null, null]);
    const startYear = 2015 + Math.floor(rnd() * 3);
    const startMonth = 1 + Math.floor(rnd() * 12);
    const endMonths = rnd() < 0.5 ? null : 12 + Math.floor(rnd() * 36);
    const from = iso(startYear, startMonth);
    const endIdx = endMonths === null ? null : startYear * 12 + startMonth - 1 + endMonths;
    const until = endIdx === null ? null : lastDay(Math.floor(endIdx / 12), (endIdx % 12) + 1);
    const name = pick(family);
    const members: { role: string; birth: string }[] = [
      { role: 'applicant', birth: iso(1960 + Math.floor(rnd() * 35), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)) },
      rnd() < 0.5
        ? { role: 'partner', birth: iso(1960 + Math.floor(rnd() * 35), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)) }
        : { role: 'child', birth: iso(2000 + Math.floor(rnd() * 14), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)) },
    ];
    for (const m of members) {
      personNo++;
      const cn = `999X${String(personNo).padStart(6, '0')}`;
      const adult = m.role !== 'child';
      write('persons.csv', [
        cn,
        name,
        pick(given),
        m.birth,
        rnd() < 0.5 ? 'w' : 'm',
        pick(['DE', 'DE', 'DE', 'SY', 'TR', 'PL']),
        null,
        null,
        'Hauptstraße 1',
        '35578',
        'Wetzlar',
      ]);
      write('household_memberships.csv', [cn, number, m.role, from, until]);
      const employable = adult;
      write('benefit_periods.csv', [cn, number, employable ? 'ja' : 'nein', null, from, until]);
      if (adult && rnd() < 0.3) write('benefit_periods.csv', [cn, null, 'ja', 'Jobcenter Gießen', '2012-01-01', '2014-06-30']);
      write('team_assignments.csv', [cn, team, from, until]);
      if (adult) {
        const mid = iso(startYear + 1, startMonth);
        write('status_periods.csv', [cn, 'labour_market', 'unemployed', null, from, lastDayBefore(mid)]);
        write('status_periods.csv', [cn, 'labour_market', pick(['job_seeking', 'employed', 'measure']), null, mid, until]);
        write('status_periods.csv', [
          cn,
          'school_certificate',
          pick(['none', 'lower_secondary', 'intermediate', 'upper_secondary']),
          null,
          '2000-07-01',
          null,
        ]);
        write('status_periods.csv', [
          cn,
          'vocational_qualification',
          pick(['none', 'vocational', 'academic']),
          null,
          '2005-07-01',
          null,
        ]);
        if (rnd() < 0.4)
          write('employment_events.csv', [cn, pick(['regular', 'minijob', 'subsidised_egz']), mid, null, '20.0', 'Firma GmbH']);
      }
    }
    const last = endIdx ?? 2019 * 12 + 11;
    for (let idx = startYear * 12 + startMonth - 1; idx <= last; idx++)
      write('household_payments.csv', [
        number,
        iso(Math.floor(idx / 12), (idx % 12) + 1).slice(0, 7),
        84800,
        rnd() < 0.2 ? 15000 : 0,
        52000 + Math.floor(rnd() * 30000),
      ]);
  }
  for (const f of out.keys()) flush(f);
  return { persons: personNo, lines };
}

function lastDay(y: number, m: number): string {
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}
function lastDayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
