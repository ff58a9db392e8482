import { EMPLOYMENT_KIND_LABELS, MEMBERSHIP_ROLE_LABELS, STATUS_KIND_LABELS, STATUS_VALUES } from '../codes.ts';
import { FILES } from './format.ts';

/** docs/import-format.md, written from the format's own specs so the two cannot drift apart (a test compares). */
export function renderImportFormatDoc(): string {
  const out: string[] = [
    '# Austauschformat: Daten eines Jobcenters als CSV-Dateien',
    '',
    '<!-- Erzeugt aus src/modules/people/exchange/format.ts: `npx tsx scripts/write-import-doc.mts`. Nicht von Hand ändern. -->',
    '',
    'Ein Ordner mit CSV-Dateien, eine Datei je Satzart. Einlesen: `npx teilhabe import ORDNER` oder die Seite',
    '„Datenimport“ (Administration); schreiben: `npx teilhabe export ORDNER`.',
    '',
    '## Regeln für alle Dateien',
    '- Zeichensatz UTF-8 (mit oder ohne BOM). Andere Kodierungen werden abgelehnt, nicht geraten.',
    '- Erste Zeile: Spaltennamen wie unten; Reihenfolge beliebig; optionale Spalten dürfen fehlen.',
    '- Trennzeichen `;` oder `,` (aus der Kopfzeile erkannt); Felder mit Trennzeichen, Anführungszeichen oder',
    '  Zeilenumbruch in doppelten Anführungszeichen, `""` für ein Anführungszeichen (RFC 4180).',
    '- Datum als `TT.MM.JJJJ` oder `JJJJ-MM-TT`; Zeiträume mit `valid_from` (erster Tag) und `valid_until`',
    '  (letzter Tag, einschließlich; leer = andauernd). Beträge in ganzen Cent, nie negativ.',
    '- **Alles oder nichts:** Enthält eine Datei einen Fehler, wird nichts gespeichert. Gemeldet werden alle',
    '  Fehler aller Dateien mit Datei, Zeile, Spalte und Grund.',
    '- **Wiederholbar:** Sätze werden an ihren Schlüsseln erkannt (Namen, Benutzername, BG-Nummer, Kundennummer).',
    '  Dieselben Dateien noch einmal einzulesen ändert nichts; ein späterer Abzug ändert und ergänzt.',
    '- Für jede Person in `persons.csv` ersetzen ihre Zeilen in den Verlaufsdateien ihren gespeicherten Verlauf;',
    '  für jede Bedarfsgemeinschaft in `households.csv` ersetzen ihre Zeilen in `household_payments.csv` ihre',
    '  gespeicherten Monate. Unveränderte Sätze bleiben unberührt.',
    '- Der Export schreibt dieselben Dateien kanonisch (feste Spaltenfolge, sortiert, ISO-Datum, `;`, UTF-8 mit',
    '  BOM): Export → Import in eine leere Datenbank → Export ergibt byte-gleiche Dateien.',
    '',
    ...PERFORMANCE,
  ];
  for (const f of FILES) {
    out.push(`## ${f.file}: ${f.title}`, '', f.doc, '', '| Spalte | Pflicht | Inhalt |', '|---|---|---|');
    for (const c of f.columns) out.push(`| \`${c.name}\` | ${c.required ? 'ja' : 'nein'} | ${cell(c.doc)} |`);
    out.push('');
  }
  out.push('## Codelisten', '', '### Rollen in der Bedarfsgemeinschaft (`role`)', '');
  for (const [k, v] of Object.entries(MEMBERSHIP_ROLE_LABELS)) out.push(`- \`${k}\`: ${v}`);
  out.push('', '### Beschäftigungsarten (`employment_events.csv`, `kind`)', '');
  for (const [k, v] of Object.entries(EMPLOYMENT_KIND_LABELS)) out.push(`- \`${k}\`: ${v}`);
  for (const [kind, values] of Object.entries(STATUS_VALUES)) {
    out.push('', `### Status \`${kind}\` (${STATUS_KIND_LABELS[kind as keyof typeof STATUS_KIND_LABELS]})`, '');
    for (const [k, v] of Object.entries(values)) out.push(`- \`${k}\`: ${v}`);
  }
  out.push('', 'Ein Beispiel liegt in `test/fixtures/exchange-small/`.', '');
  return out.join('\n');
}

/** A Markdown table cell: a literal | would end the cell. */
const cell = (text: string) => text.replaceAll('|', '\\|');

/** How a large import runs and what it was measured at (bench/people-import.bench.ts, issue 3). */
const PERFORMANCE = [
  '## Laufzeit großer Importe',
  '',
  '- Ziel: ein ganzes Jobcenter (50.000 Bedarfsgemeinschaften, 100.000 Personen, fünf Jahre Verlauf, 1,84 Mio.',
  '  Monatsbeträge, zusammen 2,6 Mio. Zeilen) in unter 60 s auf PostgreSQL. Messung:',
  '  `PEOPLE_BENCH_HOUSEHOLDS=50000 PEOPLE_BENCH_DATABASES=postgres npm run bench -- people-import`',
  '  (ohne `PEOPLE_BENCH_DATABASES` folgt ein PGlite-Lauf von über 25 Minuten).',
  '- Der erste Import in leere Tabellen lädt wie `pg_restore`: erst die Daten (COPY), dann Indizes,',
  '  Ausschlussbedingungen (keine überlappenden Zeiträume) und Fremdschlüssel, in derselben Transaktion',
  '  (`src/db/deferred-indexes.ts`). Was diese Bedingungen ablehnen würden, hat die Prüfung vor dem Schreiben',
  '  schon gemeldet; verstieße trotzdem ein Satz dagegen, scheitert der Neuaufbau, und nichts wird gespeichert.',
  '- Importe in eine Datenbank mit Daten vergleichen Satz für Satz und schreiben nur, was sich ändert; die',
  '  Indizes bleiben dabei bestehen.',
  '- Ruhige Messung am 3.12.2026, 18:05 UTC (Last 2,4): PostgreSQL **41,2 s** Median über 2 Läufe (42,8 und',
  '  39,6 s; vorher zuletzt 65,7 s), 63.796 Zeilen/s; im ersten Lauf Einlesen 8,0, Prüfen 3,2, BG und Personen',
  '  2,1, Verläufe 5,8, Monatsbeträge 5,5, Indizes und Bedingungen danach 14,0, Protokoll 3,2, ANALYZE 0,9 s.',
  '  Suche über 100.000 Personen p50 10,3 ms, p95 17,2 ms. Reines Einlesen (CSV + Feldprüfung) 5,5 s.',
  '- PGlite (1 Lauf, während daneben die Tests liefen, Last 3–5): 601 s, davon Monatsbeträge 406 s, Indizes 81 s,',
  '  Protokoll 70 s; Suche p95 68,6 ms. Die eingebettete Datenbank ist für Jobcenter dieser Größe nicht gedacht.',
  '- Unter starker Last (9–14) gemessen, vorher (e25d663) 231 s, nachher Median 157 s; 5.000 BG abwechselnd',
  '  vorher/nachher: Median 28,6 s → 23,8 s.',
  '',
];
