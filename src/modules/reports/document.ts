import { STATUS_VALUES } from '../people/codes.ts';
import type { Contributions } from './contributions.ts';
import type { QualificationRow, Ratio, ReportData } from './data.ts';
import { TEXT_SECTIONS } from './defaults.ts';
import { formatChange, formatEuroCents, formatInt, formatPercent } from './format.ts';
import { fillPlaceholders, type PlaceholderValues } from './placeholders.ts';
import { isSuppressedCount, isSuppressedShare, SUPPRESSION_FOOTNOTE, SUPPRESSION_MARK } from './suppress.ts';

/**
 * The Eingliederungsbericht as an ordered list of blocks, independent of the output format. HTML, Word,
 * PDF and Excel are four renderings of this one model, so every number is computed and suppressed once.
 */
export interface Cell {
  text: string;
  /** The number behind the text (Excel writes it as a number); null when suppressed or empty. */
  value?: number | null;
  /** Excel number format: 'int' (#.##0), 'pct' (0,0 "%"), 'eur' (#.##0 €). */
  format?: 'int' | 'pct' | 'eur';
}

export interface TableBlock {
  kind: 'table';
  id: string;
  caption: string;
  columns: string[];
  rows: Cell[][];
  footnotes: string[];
}

export interface ChartBlock {
  kind: 'chart';
  id: string;
  caption: string;
  /** Grouped bars or lines over categories; the chart module turns this into an ECharts option. */
  type: 'bar' | 'line';
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  unit: 'Personen' | '%' | 'Euro';
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; number: string; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'note'; text: string }
  | TableBlock
  | ChartBlock;

export interface ReportDocument {
  title: string;
  subtitle: string;
  year: number;
  blocks: Block[];
}

const numberCell = (n: number): Cell =>
  isSuppressedCount(n) ? { text: SUPPRESSION_MARK, value: null } : { text: formatInt(n), value: n, format: 'int' };
const percentCell = (numerator: number, denominator: number, value: number | null): Cell =>
  value === null
    ? { text: '–', value: null }
    : isSuppressedShare(numerator, denominator)
      ? { text: SUPPRESSION_MARK, value: null }
      : { text: formatPercent(value), value: Math.round(value * 10) / 10, format: 'pct' };
const ratioCell = (r: Ratio) => percentCell(r.numerator, r.denominator, r.value);
const changeCell = (r: Ratio | null): Cell =>
  !r || r.value === null
    ? { text: '–', value: null }
    : { text: formatChange(r.value), value: Math.round(r.value * 10) / 10, format: 'pct' };
const textCell = (text: string): Cell => ({ text });
const euroCell = (cents: number): Cell => ({ text: formatEuroCents(cents), value: Math.round(cents / 100), format: 'eur' });

/** Adds the confidentiality footnote when a table hides a figure. */
function table(id: string, caption: string, columns: string[], rows: Cell[][], footnotes: string[] = []): TableBlock {
  const hidden = rows.some((r) => r.some((c) => c.text === SUPPRESSION_MARK));
  return { kind: 'table', id, caption, columns, rows, footnotes: hidden ? [...footnotes, SUPPRESSION_FOOTNOTE] : footnotes };
}

/** Markdown light: blank line = paragraph, "- " = list item. */
export function textBlocks(text: string): Block[] {
  const out: Block[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    if (lines.every((l) => /^[-*•]\s+/.test(l))) out.push({ kind: 'list', items: lines.map((l) => l.replace(/^[-*•]\s+/, '')) });
    else out.push({ kind: 'paragraph', text: lines.join(' ') });
  }
  return out;
}

const missing = (what: string) => ({
  kind: 'note' as const,
  text: `Für ${what} liegen aus dem zuständigen Modul noch keine Daten vor.`,
});

export function buildDocument(
  data: ReportData,
  c: Contributions,
  texts: Record<string, string>,
  values: PlaceholderValues,
): ReportDocument {
  const blocks: Block[] = [];
  const heading = (level: 1 | 2 | 3, number: string, text: string) => blocks.push({ kind: 'heading', level, number, text });
  const text = (key: string) => {
    const body = texts[key] ?? TEXT_SECTIONS.find((s) => s.key === key)?.default ?? '';
    blocks.push(...textBlocks(fillPlaceholders(body, values)));
  };
  const y = data.year;
  const now = data.series[data.series.length - 1];
  const years = data.series.map((s) => String(s.year));

  heading(1, '', 'Vorwort');
  text('vorwort');

  heading(1, '1', 'Porträt des Jobcenters');
  text('portraet');
  heading(2, '1.1', 'Unsere Leitlinien');
  text('leitlinien');
  heading(2, '1.2', 'Organisation des Trägers');
  text('organisation');
  blocks.push(
    table(
      'teams',
      `Standorte und Teams: erwerbsfähige Leistungsberechtigte im Dezember ${y}`,
      ['Standort', 'Team', 'eLb'],
      data.teams.map((t) => [textCell(t.site), textCell(t.team), numberCell(t.elb)]),
    ),
  );

  heading(1, '2', 'Rahmenbedingungen');
  text('rahmenbedingungen');
  heading(2, '2.1', 'Politik');
  text('politik');
  heading(2, '2.2', 'Arbeitsmarkt');
  text('arbeitsmarkt');
  heading(2, '2.3', 'Struktur der Leistungsberechtigten');
  text('struktur');
  blocks.push({
    kind: 'chart',
    id: 'elb-gruppen',
    caption: `Entwicklung der absoluten eLb-Zahlen nach Personengruppen (jeweils Dezember, ${years[0]}–${y})`,
    type: 'bar',
    categories: years,
    unit: 'Personen',
    series: [
      { name: 'eLb insgesamt', values: data.series.map((s) => s.total) },
      { name: 'Frauen', values: data.series.map((s) => s.women) },
      { name: 'Männer', values: data.series.map((s) => s.men) },
      { name: 'Langzeitleistungsbeziehende', values: data.series.map((s) => s.lzb) },
      { name: 'unter 25 Jahre', values: data.series.map((s) => s.under25) },
      { name: 'Alleinerziehende', values: data.series.map((s) => s.singleParents) },
    ].map((s) => ({ ...s, values: s.values.map((v) => (isSuppressedCount(v) ? null : v)) })),
  });
  const groupRows: [string, (s: (typeof data.series)[number]) => number][] = [
    ['eLb insgesamt', (s) => s.total],
    ['Frauen', (s) => s.women],
    ['Männer', (s) => s.men],
    ['unter 25 Jahre', (s) => s.under25],
    ['25 bis 49 Jahre', (s) => s.age25to49],
    ['50 Jahre und älter', (s) => s.age50plus],
    ['Alleinerziehende', (s) => s.singleParents],
    ['Langzeitleistungsbeziehende', (s) => s.lzb],
    ['seit mehr als 4 Jahren im Bezug', (s) => s.over4Years],
    ['schwerbehindert oder gleichgestellt', (s) => s.severeDisability],
    ['mit Fluchthintergrund', (s) => s.refugee],
    ['Bedarfsgemeinschaften', (s) => s.households],
  ];
  blocks.push(
    table(
      'elb-jahre',
      `Erwerbsfähige Leistungsberechtigte nach Personengruppen, jeweils Dezember (Stichtag 15.)`,
      ['Personengruppe', ...years],
      groupRows.map(([label, get]) => [textCell(label), ...data.series.map((s) => numberCell(get(s)))]),
    ),
  );
  heading(3, '2.3.1', 'Frauen und Männer');
  text('struktur_geschlecht');
  if (now) {
    const total = now.total;
    blocks.push(
      table(
        'geschlecht',
        `eLb nach Geschlecht, Dezember ${y}`,
        ['Geschlecht', 'eLb', 'Anteil', 'Veränderung zum Vorjahr'],
        [
          [
            textCell('Frauen'),
            numberCell(now.women),
            percentCell(now.women, total, total ? (now.women / total) * 100 : null),
            changeCell(data.changes.elbWomen),
          ],
          [
            textCell('Männer'),
            numberCell(now.men),
            percentCell(now.men, total, total ? (now.men / total) * 100 : null),
            changeCell(data.changes.elbMen),
          ],
          ...(now.diverse
            ? [
                [
                  textCell('divers'),
                  numberCell(now.diverse),
                  percentCell(now.diverse, total, (now.diverse / total) * 100),
                  textCell('–'),
                ],
              ]
            : []),
          [textCell('insgesamt'), numberCell(total), percentCell(total, total, total ? 100 : null), changeCell(data.changes.elb)],
        ],
      ),
    );
  }
  heading(3, '2.3.2', 'Junge Menschen, Schwerbehinderung und Langzeitbezug');
  text('struktur_gruppen');
  blocks.push(
    table(
      'anteile',
      `Ausgewählte Anteile, Dezember ${y}`,
      ['Kennzahl', 'Personen', 'Bezugsgröße', 'Anteil'],
      [
        ['unter 25 Jahre, männlich', data.under25BySex.men],
        ['unter 25 Jahre, weiblich', data.under25BySex.women],
      ]
        .map(([label, n]) => [
          textCell(label as string),
          numberCell(n as number),
          numberCell(now?.total ?? 0),
          percentCell(n as number, now?.total ?? 0, now?.total ? ((n as number) / now.total) * 100 : null),
        ])
        .concat(
          (
            [
              ['Langzeitleistungsbeziehende an allen eLb', data.shares.lzb],
              ['seit mehr als 4 Jahren im Bezug an allen eLb', data.shares.over4Years],
              ['Schwerbehinderte an den arbeitsuchenden eLb', data.shares.severeDisabilityJobSeeking],
              ['mit Fluchthintergrund an allen eLb', data.shares.refugee],
            ] as [string, Ratio][]
          ).map(([label, r]) => [textCell(label), numberCell(r.numerator), numberCell(r.denominator), ratioCell(r)]),
        ),
    ),
  );
  heading(3, '2.3.3', 'Qualifikation');
  text('struktur_qualifikation');
  const qualTable = (
    id: string,
    caption: string,
    kind: 'vocational_qualification' | 'school_certificate',
    rows: QualificationRow[],
  ) => {
    const total = rows.reduce((s, r) => s + r.total, 0);
    const labels: Record<string, string> = { ...STATUS_VALUES[kind], unknown: 'keine Angabe' };
    return table(
      id,
      caption,
      ['Abschluss', 'Männer', 'Frauen', 'insgesamt', 'Anteil'],
      [
        ...rows.map((r) => [
          textCell(labels[r.code] ?? r.code),
          numberCell(r.men),
          numberCell(r.women),
          numberCell(r.total),
          percentCell(r.total, total, total ? (r.total / total) * 100 : null),
        ]),
        [
          textCell('insgesamt'),
          numberCell(rows.reduce((s, r) => s + r.men, 0)),
          numberCell(rows.reduce((s, r) => s + r.women, 0)),
          numberCell(total),
          percentCell(total, total, total ? 100 : null),
        ],
      ],
    );
  };
  blocks.push(
    qualTable(
      'berufsabschluss',
      `Arbeitsuchende eLb nach Berufsabschluss, Dezember ${y}`,
      'vocational_qualification',
      data.vocational,
    ),
    qualTable('schulabschluss', `Arbeitsuchende eLb nach Schulabschluss, Dezember ${y}`, 'school_certificate', data.school),
  );
  if (c.jobRequirements) {
    const totalJobSeeking = data.vocational.reduce((s, r) => s + r.total, 0);
    const without = data.vocational
      .filter((r) => r.code === 'none' || r.code === 'foreign_unrecognised')
      .reduce((s, r) => s + r.total, 0);
    blocks.push(
      table(
        'anforderungsniveau',
        `Anforderungsniveau der gemeldeten Arbeitsstellen im Vergleich zu den arbeitsuchenden eLb, Dezember ${y}`,
        ['Anforderungsniveau', 'gemeldete Stellen'],
        c.jobRequirements.rows.map((r) => [
          textCell(r.level),
          { text: formatPercent(r.vacanciesPercent), value: r.vacanciesPercent, format: 'pct' },
        ]),
        [
          `Quelle der Stellen: ${c.jobRequirements.source}. Arbeitsuchende eLb ohne (anerkannten) Berufsabschluss: ${totalJobSeeking ? formatPercent((without / totalJobSeeking) * 100) : '–'}.`,
        ],
      ),
    );
  } else blocks.push(missing('das Anforderungsniveau der gemeldeten Arbeitsstellen'));

  heading(1, '3', 'Strategische Ausrichtung der Förderung');
  text('strategie');
  heading(2, '3.1', 'Unsere Handlungsansätze');
  text('handlungsansaetze');
  heading(2, '3.2', 'Akteurslandschaft');
  text('akteure');

  heading(1, '4', 'Einsatz des Eingliederungsbudgets');
  text('budget');
  if (c.budget) {
    const b = c.budget;
    blocks.push(
      table(
        'budget-quellen',
        `Mittel für Eingliederungsleistungen ${y}`,
        ['Mittel', 'geplant', 'ausgegeben'],
        [
          ...b.sources.map((s) => [textCell(s.label), euroCell(s.plannedCents), euroCell(s.spentCents)]),
          [
            textCell('insgesamt'),
            euroCell(b.sources.reduce((s, x) => s + x.plannedCents, 0)),
            euroCell(b.sources.reduce((s, x) => s + x.spentCents, 0)),
          ],
        ],
      ),
      table(
        'budget-instrumente',
        `Ausgaben nach Instrumenten ${y}`,
        ['Instrument', 'Ausgaben', 'Eintritte'],
        b.byInstrument.map((i) => [
          textCell(i.label),
          euroCell(i.spentCents),
          i.entries === undefined ? textCell('–') : numberCell(i.entries),
        ]),
      ),
    );
    const spent = b.byInstrument.filter((i) => i.spentCents > 0);
    if (spent.length)
      blocks.push({
        kind: 'chart',
        id: 'budget-chart',
        caption: `Ausgaben nach Instrumenten ${y} (in Euro)`,
        type: 'bar',
        categories: spent.map((i) => i.label),
        unit: 'Euro',
        series: [{ name: 'Ausgaben in Euro', values: spent.map((i) => Math.round(i.spentCents / 100)) }],
      });
  } else blocks.push(missing('das Eingliederungsbudget (Mittel und Ausgaben nach Instrumenten)'));

  heading(1, '5', 'Interne Organisationsentwicklung');
  text('organisationsentwicklung');
  heading(2, '5.1', 'Beschäftigungsförderung nach §§ 16i und 16e SGB II mit Coaching');
  text('beschaeftigung');
  if (c.subsidisedJobs) {
    const rows = c.subsidisedJobs.rows;
    blocks.push(
      table(
        'gefoerdert',
        `Geförderte Beschäftigungsverhältnisse zum Stichtag ${c.subsidisedJobs.day.split('-').reverse().join('.')}`,
        ['Förderung', 'Anzahl gesamt', 'davon männlich', 'davon weiblich'],
        [
          ...rows.map((r) => [textCell(`§ ${r.basis} SGB II`), numberCell(r.total), numberCell(r.men), numberCell(r.women)]),
          [
            textCell('insgesamt'),
            numberCell(rows.reduce((s, r) => s + r.total, 0)),
            numberCell(rows.reduce((s, r) => s + r.men, 0)),
            numberCell(rows.reduce((s, r) => s + r.women, 0)),
          ],
        ],
      ),
    );
  } else blocks.push(missing('die geförderte Beschäftigung nach §§ 16i und 16e SGB II'));
  heading(2, '5.2', 'Maßnahmen und Projekte');
  text('massnahmen');
  if (c.measures)
    blocks.push(
      table(
        'massnahmen',
        `Maßnahmen ${y}: Plätze und Eintritte`,
        ['Maßnahme', 'Rechtsgrundlage', 'Plätze', 'Eintritte', 'davon Frauen'],
        c.measures.rows.map((m) => [
          textCell(m.name),
          textCell(m.basis),
          numberCell(m.places),
          numberCell(m.entries),
          m.women === undefined ? textCell('–') : numberCell(m.women),
        ]),
      ),
    );
  else blocks.push(missing('die Maßnahmen mit ihren Kapazitäten'));
  heading(2, '5.3', 'Menschen mit Migrations- und Fluchthintergrund');
  text('migration');

  heading(1, '6', 'Der Weg zur Ko-Produktion');
  text('koproduktion');
  heading(2, '6.1', 'Bildung und Teilhabe (BuT)');
  text('but');
  if (c.educationParticipation)
    blocks.push(
      table(
        'but',
        `Kinder mit BuT-Leistungen ${y} nach Leistungsart`,
        ['Leistungsart', 'Anzahl der Kinder'],
        c.educationParticipation.rows.map((r) => [textCell(r.benefitType), numberCell(r.children)]),
      ),
    );
  else blocks.push(missing('die Leistungen für Bildung und Teilhabe'));

  heading(1, '7', 'Fazit');
  text('fazit');
  blocks.push({
    kind: 'chart',
    id: 'integrationsquote',
    caption: `Integrationsquote nach Geschlecht (Dezember ${y - 2}–${y})`,
    type: 'bar',
    categories: data.integration.map((i) => String(i.year)),
    unit: '%',
    series: (
      [
        ['insgesamt', 'total'],
        ['Männer', 'men'],
        ['Frauen', 'women'],
      ] as const
    ).map(([name, key]) => ({
      name,
      values: data.integration.map((i) => {
        const r = i[key];
        return r.value === null || isSuppressedShare(r.numerator, r.denominator) ? null : Math.round(r.value * 10) / 10;
      }),
    })),
  });
  blocks.push(
    table(
      'integrationen',
      `Integrationen und Integrationsquote (K2) nach Geschlecht`,
      ['Kennzahl', ...data.integration.map((i) => `Dezember ${i.year}`)],
      (
        [
          ['Integrationen insgesamt', 'total', false],
          ['Integrationsquote insgesamt', 'total', true],
          ['Integrationen Männer', 'men', false],
          ['Integrationsquote Männer', 'men', true],
          ['Integrationen Frauen', 'women', false],
          ['Integrationsquote Frauen', 'women', true],
        ] as const
      ).map(([label, key, rate]) => [
        textCell(label),
        ...data.integration.map((i) => (rate ? ratioCell(i[key]) : numberCell(i[key].numerator))),
      ]),
      ['Integrationsquote: Integrationen der letzten zwölf Monate je durchschnittlichem eLb-Bestand (§ 48a SGB II, K2).'],
    ),
    table(
      'veraenderungen',
      `Veränderungen Dezember ${y} gegenüber Dezember ${y - 1}`,
      ['Größe', `Dezember ${y - 1}`, `Dezember ${y}`, 'Veränderung'],
      (
        [
          ['eLb insgesamt', data.changes.elb, false],
          ['eLb Männer', data.changes.elbMen, false],
          ['eLb Frauen', data.changes.elbWomen, false],
          ['Langzeitleistungsbeziehende (K3)', data.changes.lzb, false],
          ['Bedarfsgemeinschaften', data.changes.households, false],
          ['Leistungen zum Lebensunterhalt (K1)', data.changes.subsistence, true],
          ['Leistungen für Unterkunft und Heizung (K1E1)', data.changes.housing, true],
        ] as [string, Ratio | null, boolean][]
      ).map(([label, r, money]) => [
        textCell(label),
        r ? (money ? euroCell(r.denominator) : numberCell(r.denominator)) : textCell('–'),
        r ? (money ? euroCell(r.numerator) : numberCell(r.numerator)) : textCell('–'),
        changeCell(r),
      ]),
      ['Geldbeträge: Summe der Ansprüche im Monat Dezember.'],
    ),
  );
  if (data.provisional)
    blocks.push({
      kind: 'note',
      text: 'Die Werte des Berichtsmonats sind vorläufig: die Wartezeit von drei Monaten ist noch nicht abgelaufen.',
    });

  return {
    title: `Eingliederungsbericht ${y}`,
    subtitle: data.tenantName,
    year: y,
    blocks,
  };
}
