import { ROLE_LABELS } from '../org/model.ts';
import { ROLES } from '../org/schema.ts';
import { PERMISSIONS, type Permission, type Scope } from './permissions.ts';

/**
 * The permission table of docs/security.md, written from PERMISSIONS itself, so that the document
 * cannot drift from the policy (a test compares; regenerate with `npx tsx scripts/write-security-doc.mts`).
 */
export const PERMISSION_LABELS: Partial<Record<Permission, string>> = {
  'org.read': 'Standorte und Teams ansehen',
  'org.manage': 'Standorte, Teams, Konten, Rollen und Teamzugehörigkeit verwalten',
  'staff.read': 'Datensatz einer Mitarbeiterin, eines Mitarbeiters ansehen (protokolliert)',
  'audit.read': 'Protokoll durchsuchen und prüfen',
  'person.read': 'Personen, Bedarfsgemeinschaften, Verläufe ansehen (protokolliert)',
  'person.write': 'Stammdaten, Status- und Beschäftigungsverläufe erfassen und berichtigen',
  'benefit.read': 'Leistungsdaten ansehen: Bezugszeiträume, BG-Zugehörigkeit, Monatsbeträge',
  'benefit.write': 'Leistungsdaten erfassen und berichtigen',
  'data.exchange': 'Daten eines ganzen Jobcenters einlesen und ausgeben (CSV)',
  'indicators.read': 'Kennzahlen und Strukturdaten (nur Summen)',
  'targets.write': 'Ziele der Zielvereinbarung (§ 48b SGB II) erfassen und ändern',
  'teamreport.read': 'Teambezogener Ergebnisreport (nur Summen, kleine Gruppen unterdrückt)',
  'measure.read': 'Maßnahmekatalog: Träger, Maßnahmen, Plätze, Wartelisten (ohne Sozialdaten)',
  'measure.manage': 'Träger und Maßnahmen anlegen und ändern, Qualitätsnotizen der Trägergespräche',
  'assignment.read': 'Zuweisungen einer Person zu Maßnahmen ansehen (protokolliert)',
  'assignment.write': 'Maßnahmen vorschlagen, vereinbaren, Eintritt, Austritt und Verbleib erfassen',
  'measure.evaluate': 'Belegung und Auswertung der Maßnahmen (nur Summen)',
  'planning.read': 'Integrationsplanung einer Person, Kontakte, MitArbeit-Prüfungen, eigene Termine (protokolliert)',
  'planning.write': 'Potenzialanalyse und Kooperationsplan, Kontakte und MitArbeit-Prüfungen erfassen',
  'planning.analysis': 'MitArbeit-Auswertung (nur Summen je Grund und Team)',
  'budget.read': 'Eingliederungsbudget: Plan, Bindungen, Zahlungen, Hochrechnung ansehen',
  'budget.write': 'Budgetjahre, Planansätze, manuelle Verpflichtungen, Rechnungen und Freigaben buchen',
  'budget.override': 'Verpflichtung über die freien Mittel hinaus buchen (mit Begründung, protokolliert)',
  'subsidy.read': '§ 16i / § 16e: Förderfähigkeit, Verträge, Zahlplan, Coaching ansehen (protokolliert)',
  'subsidy.write': '§ 16i / § 16e: Verträge, Zahlungen und Coaching erfassen',
  'subsidy.override': '§ 16i / § 16e trotz fehlender Voraussetzungen bewilligen (mit Begründung, protokolliert)',
  'reports.read': 'Eingliederungsbericht ansehen und herunterladen (nur Summen, kleine Gruppen unterdrückt)',
  'reports.write': 'Texte des Eingliederungsberichts je Jahr bearbeiten',
  'self.manage': 'Eigene Sitzung und eigenes Passwort',
};

export const SCOPE_LABELS: Record<Scope, string> = { tenant: 'Jobcenter', team: 'Team', own: 'eigene' };

export const PERMISSION_TABLE_START = '<!-- permissions:start -->';
export const PERMISSION_TABLE_END = '<!-- permissions:end -->';

export function renderPermissionTable(): string {
  const header = `| Berechtigung | ${ROLES.join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((p) => {
    const row = PERMISSIONS[p] as Partial<Record<(typeof ROLES)[number], Scope>>;
    const cells = ROLES.map((r) => {
      const scope = row[r];
      return scope ? SCOPE_LABELS[scope] : '–';
    });
    return `| \`${p}\` ${PERMISSION_LABELS[p] ?? ''} | ${cells.join(' | ')} |`;
  });
  const roles = ROLES.map((r) => `\`${r}\` ${ROLE_LABELS[r]}`).join(' · ');
  return [
    PERMISSION_TABLE_START,
    '<!-- Erzeugt aus src/modules/auth/permissions.ts: `npx tsx scripts/write-security-doc.mts`. Nicht von Hand ändern. -->',
    '',
    header,
    rule,
    ...rows,
    '',
    `Rollen: ${roles}.`,
    '',
    'Zelle = Reichweite: **Jobcenter** alle Datensätze des eigenen Jobcenters, **Team** die der eigenen Teams,',
    '**eigene** nur der eigene Datensatz (bzw. der eigene Fallbestand), **–** kein Zugriff.',
    PERMISSION_TABLE_END,
  ].join('\n');
}

/** The document with its table section replaced by the current one. */
export function withPermissionTable(doc: string): string {
  const start = doc.indexOf(PERMISSION_TABLE_START);
  const end = doc.indexOf(PERMISSION_TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/security.md: Markierungen der Berechtigungstabelle fehlen');
  return doc.slice(0, start) + renderPermissionTable() + doc.slice(end + PERMISSION_TABLE_END.length);
}
