import type { Database } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { addDays } from '../../lib/dates.ts';
import { appendAudit } from '../audit/service.ts';
import type { LegalBasis, ScheduleKind, TargetGroup } from './code-lists.ts';
import { measureProviders, measures } from './schema.ts';

/**
 * The measures the Eingliederungsbericht 2019 describes (section 6), as the demo catalogue. Capacities,
 * rhythms and durations are the report's where it names them (quoted in `source`); everything else
 * (costs, places where the report gives none, contract periods, targets, providers' names) is an
 * assumption, marked as such. Providers are demo names; the report's partners are named only in notes.
 */
export interface CatalogueMeasure {
  key: string;
  provider: string;
  name: string;
  description: string;
  legalBasis: LegalBasis;
  targetGroups: TargetGroup[];
  site: string;
  places: number;
  weeklyEntryLimit: number | null;
  entryWeekdays: number[];
  durationValue: number;
  durationUnit: 'weeks' | 'months';
  scheduleKind: ScheduleKind;
  scheduleNote: string | null;
  daysPerWeek: number | null;
  childcareOnSite: boolean;
  costPerMonthCents: number;
  contractFrom: string;
  /** Last day (inclusive); null = open. */
  contractUntil: string | null;
  integrationTargetPercent: number | null;
  source: string;
}

export const CATALOGUE_PROVIDERS: Record<string, { name: string; contacts: { name: string; role: string; phone: string }[] }> = {
  werkakademie: {
    name: 'Werkakademie JobAktiv (Demo-Träger)',
    contacts: [{ name: 'Jana Koch', role: 'Leitung Jobcoaching', phone: '06441 000-101' }],
  },
  gwab: {
    name: 'Aktivierungsverbund Lahn-Dill (Demo-Träger)',
    contacts: [
      { name: 'Markus Vogt', role: 'Projektleitung', phone: '06441 000-201' },
      { name: 'Sevgi Arslan', role: 'Aktivierungscoach', phone: '02771 000-202' },
    ],
  },
  ib: {
    name: 'Bildungsträger Frauen und Migration (Demo-Träger)',
    contacts: [{ name: 'Miriam Hahn', role: 'Koordination', phone: '06441 000-301' }],
  },
  nord: {
    name: 'Bildungswerk Nordkreis (Demo-Träger)',
    contacts: [{ name: 'Heike Schuster', role: 'Projektleitung Frau Stark', phone: '02771 000-401' }],
  },
  theater: {
    name: 'Theaterpädagogik Projektfabrik (Demo-Träger)',
    contacts: [{ name: 'Jonas Weber', role: 'Theaterpädagoge', phone: '02302 000-501' }],
  },
  jugend: {
    name: 'Jugendhilfe im Sozialraum (Demo-Träger)',
    contacts: [{ name: 'Lea Braun', role: 'Aufsuchende Sozialarbeit', phone: '06441 000-601' }],
  },
  sozialraum: {
    name: 'Netzwerk Sozialraum Wetzlar (Demo-Träger)',
    contacts: [{ name: 'Peter Lang', role: 'Quartiersmanagement', phone: '06441 000-701' }],
  },
};

export const CATALOGUE: CatalogueMeasure[] = [
  {
    key: 'jobaktiv',
    provider: 'werkakademie',
    name: 'JobAktiv',
    description:
      'Erstangebot nach dem Gedanken der Werkakademie: Bewerberinnen und Bewerber als „Fachleute in eigener Sache“. 48 Arbeitsplätze mit Technik und Material für Bewerbungsunterlagen.',
    legalBasis: '16_1_45',
    targetGroups: ['new_applicants'],
    site: 'Wetzlar und Dillenburg',
    places: 100,
    weeklyEntryLimit: 28,
    entryWeekdays: [],
    durationValue: 8,
    durationUnit: 'weeks',
    scheduleKind: 'part_time',
    scheduleNote: 'vier frei wählbare Termine je Woche',
    daysPerWeek: 4,
    childcareOnSite: false,
    costPerMonthCents: 38_000,
    contractFrom: '2015-01-01',
    contractUntil: null,
    integrationTargetPercent: 50,
    source:
      'Bericht 6.2: „Bei 48 Plätzen können bis zu 100 Teilnehmende gleichzeitig arbeiten. Der Einstieg ist für bis zu 28 Personen wöchentlich möglich“, „acht Wochen … an vier frei wählbaren Terminen“, „Integrationsquoten … über 50 %“; Kosten: Annahme',
  },
  {
    key: 'aktivierungszentrum',
    provider: 'gwab',
    name: 'Aktivierungszentrum',
    description:
      'Modulares Teil- und Vollzeitangebot für Menschen im Langzeitleistungsbezug: Aktivierungscoaches, Werkstätten, Praktika, über 20 Gruppenangebote, Beratung nach § 16a SGB II.',
    legalBasis: '16_1_45',
    targetGroups: ['lzb'],
    site: 'Wetzlar und Dillenburg',
    places: 300,
    weeklyEntryLimit: null,
    entryWeekdays: [2],
    durationValue: 6,
    durationUnit: 'months',
    scheduleKind: 'flexible',
    scheduleNote: 'Umfang der täglichen Teilnahme nach persönlichen Belangen',
    daysPerWeek: null,
    childcareOnSite: false,
    costPerMonthCents: 52_000,
    contractFrom: '2015-01-01',
    contractUntil: null,
    integrationTargetPercent: 30,
    source:
      'Bericht 6.3: „bis zu 300 Personen“, „Ein Einstieg ist jeweils dienstags möglich und die Teilnahme wird in der Regel auf 6 Monate festgelegt“, „zu über 30 % eine Arbeit oder Ausbildung/Qualifizierung“; Kosten: Annahme',
  },
  {
    key: 'frauenkompetenzcenter',
    provider: 'ib',
    name: 'Frauenkompetenzcenter',
    description:
      'Für Frauen mit Fluchthintergrund: berufliche Orientierung, Erprobung in Werkstätten, Praktika; Kinderbetreuung vor Ort für die Kleinsten.',
    legalBasis: '16_1_45',
    targetGroups: ['women', 'refugees'],
    site: 'Wetzlar',
    places: 24,
    weeklyEntryLimit: null,
    entryWeekdays: [1],
    durationValue: 6,
    durationUnit: 'months',
    scheduleKind: 'part_time',
    scheduleNote: 'vormittags',
    daysPerWeek: 4,
    childcareOnSite: true,
    costPerMonthCents: 61_000,
    contractFrom: '2017-01-01',
    contractUntil: null,
    integrationTargetPercent: 20,
    source: 'Bericht 6.4: Zielgruppe und Kinderbetreuung vor Ort; Plätze, Dauer, Kosten und Ziel: Annahme',
  },
  {
    key: 'gesdig',
    provider: 'ib',
    name: 'GesDig – Gesundheitsförderung und digitale Kompetenzen',
    description: 'Folgeangebot des Frauenkompetenzcenters (seit 2019): körperliche Fitness, EDV-Anwendung, Internetsicherheit.',
    legalBasis: '16_1_45',
    targetGroups: ['women', 'refugees'],
    site: 'Wetzlar',
    places: 12,
    weeklyEntryLimit: null,
    entryWeekdays: [],
    durationValue: 3,
    durationUnit: 'months',
    scheduleKind: 'part_time',
    scheduleNote: 'vormittags',
    daysPerWeek: 3,
    childcareOnSite: true,
    costPerMonthCents: 45_000,
    contractFrom: '2019-01-01',
    contractUntil: '2020-12-31',
    integrationTargetPercent: null,
    source: 'Bericht 6.4: „hat 2019 mit GesDig … ein maßgeschneidertes Folgeangebot eröffnet“; Plätze, Dauer, Kosten: Annahme',
  },
  {
    key: 'fraustark',
    provider: 'nord',
    name: 'Frau Stark',
    description:
      'Für langzeitarbeitslose Frauen aus dem nördlichen Lahn-Dill-Kreis: Perspektiven, Teilhabe, Gesundheit, Kontakte zu Unternehmen.',
    legalBasis: '16_1_45',
    targetGroups: ['women', 'lzb'],
    site: 'Dillenburg',
    places: 15,
    weeklyEntryLimit: null,
    entryWeekdays: [],
    durationValue: 9,
    durationUnit: 'months',
    scheduleKind: 'part_time',
    scheduleNote: 'drei Vormittage je Woche',
    daysPerWeek: 3,
    childcareOnSite: true,
    costPerMonthCents: 48_000,
    contractFrom: '2018-01-01',
    contractUntil: '2021-12-31',
    integrationTargetPercent: 20,
    source:
      'Bericht 6.5: „mit einer 9-monatigen Laufzeit“, „Mit drei wöchentlichen Vormittagen und dem Angebot der Kinderbetreuung vor Ort“; Plätze, Kosten, Ziel: Annahme',
  },
  {
    key: 'jobact',
    provider: 'theater',
    name: 'JobAct-Sprachkultur',
    description:
      'Theaterprojekt mit Sprachtraining (BAMF-zertifizierte Trainerin) und beruflicher Orientierung: 6 Monate Theater, 2 Monate betriebliches Praktikum.',
    legalBasis: '16_1_45',
    targetGroups: ['refugees'],
    site: 'Wetzlar (Nachbarschaftszentrum Niedergirmes)',
    places: 16,
    weeklyEntryLimit: 16,
    entryWeekdays: [],
    durationValue: 8,
    durationUnit: 'months',
    scheduleKind: 'full_time',
    scheduleNote: null,
    daysPerWeek: 5,
    childcareOnSite: false,
    costPerMonthCents: 95_000,
    contractFrom: '2019-01-01',
    contractUntil: '2020-12-31',
    integrationTargetPercent: null,
    source: 'Bericht 6.6: „16 Teilnehmende aus 8 Herkunftsländern“, „über die Dauer von 8 Monaten“; Kosten: Annahme',
  },
  {
    key: 'charli',
    provider: 'jugend',
    name: 'ChaRli – Chancen: real, lebenspraktisch, individuell',
    description:
      'Aufsuchende Arbeit mit jungen Menschen unter 25, die von Sozialleistungsangeboten kaum erreicht werden (mit den Jugendämtern von Kreis und Stadt Wetzlar).',
    legalBasis: '16h',
    targetGroups: ['u25'],
    site: 'Wetzlar',
    places: 20,
    weeklyEntryLimit: null,
    entryWeekdays: [],
    durationValue: 12,
    durationUnit: 'months',
    scheduleKind: 'flexible',
    scheduleNote: 'Kleingruppen, im eigenen Tempo',
    daysPerWeek: null,
    childcareOnSite: false,
    costPerMonthCents: 70_000,
    contractFrom: '2017-01-01',
    contractUntil: null,
    integrationTargetPercent: null,
    source: 'Bericht 6.8: § 16h SGB II, Zielgruppe unter 25 Jahren; Plätze, Dauer, Kosten: Annahme',
  },
  {
    key: 'gemeinsam',
    provider: 'sozialraum',
    name: 'Gemeinsam in Wetzlar',
    description:
      'Sozialräumliches Angebot am Wohnort mit Kommunalpolitik und örtlichen Arbeitgebern; Teilnehmende erziehen überwiegend Kinder (Vorbild: Gemeinsam in Sinn, 2018).',
    legalBasis: '16f',
    targetGroups: [],
    site: 'Wetzlar',
    places: 20,
    weeklyEntryLimit: null,
    entryWeekdays: [],
    durationValue: 6,
    durationUnit: 'months',
    scheduleKind: 'part_time',
    scheduleNote: 'vormittags',
    daysPerWeek: 3,
    childcareOnSite: true,
    costPerMonthCents: 30_000,
    contractFrom: '2019-01-01',
    contractUntil: '2020-12-31',
    integrationTargetPercent: null,
    source: 'Bericht 5.1: „Gemeinsam in …“ 2018 in Sinn, 2019 zwei Projekte in Wetzlar; Plätze, Dauer, Kosten: Annahme',
  },
];

/** Writes the catalogue for a Jobcenter; returns the measure ids by key. */
export async function seedMeasureCatalogue(db: Database, tenantId: string, actorId: string): Promise<Record<string, string>> {
  const providerIds: Record<string, string> = {};
  const measureIds: Record<string, string> = {};
  await db.orm.transaction(async (tx) => {
    for (const [key, p] of Object.entries(CATALOGUE_PROVIDERS)) {
      const id = uuidv7();
      providerIds[key] = id;
      await tx.insert(measureProviders).values({ tenantId, id, name: p.name, contacts: p.contacts });
    }
    for (const m of CATALOGUE) {
      const id = uuidv7();
      measureIds[m.key] = id;
      const { key: _k, provider, source: _s, contractUntil, ...rest } = m;
      await tx.insert(measures).values({
        ...rest,
        tenantId,
        id,
        providerId: providerIds[provider] as string,
        contractTo: contractUntil ? addDays(contractUntil, 1) : null,
      });
    }
    await appendAudit(tx, [
      { tenantId, actorId, action: 'measure.catalogue.seed', entityType: 'tenant', entityId: tenantId, outcome: 'success' },
    ]);
  });
  return measureIds;
}
