/**
 * The planning module's code lists with German labels, as plain constants without the database
 * schema: schema.ts builds its column enums from them, and the web app (which must not import
 * drizzle) reads them from here.
 */

/** Obstacles to integration recorded in the potential analysis (§ 15 Abs. 1 SGB II). */
export const OBSTACLES = ['childcare', 'health', 'debt', 'housing', 'language', 'mobility', 'addiction'] as const;
export type Obstacle = (typeof OBSTACLES)[number];
export const OBSTACLE_LABELS: Record<Obstacle, string> = {
  childcare: 'Kinderbetreuung',
  health: 'Gesundheit',
  debt: 'Schulden',
  housing: 'Wohnen',
  language: 'Sprache',
  mobility: 'Mobilität',
  addiction: 'Sucht',
};

/** Who carries out an agreed step. */
export const STEP_OWNERS = ['customer', 'jobcenter'] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];
export const STEP_OWNER_LABELS: Record<StepOwner, string> = {
  customer: 'Kundin/Kunde',
  jobcenter: 'Jobcenter',
};
/** The same, in the customer's printed plan ("Sie" / "wir"). */
export const STEP_OWNER_PRINT: Record<StepOwner, string> = {
  customer: 'Sie',
  jobcenter: 'Ihr Jobcenter',
};

export const CONTACT_KINDS = ['counselling', 'phone', 'video', 'home_visit', 'group'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  counselling: 'Beratungsgespräch',
  phone: 'Telefonat',
  video: 'Videogespräch',
  home_visit: 'Hausbesuch',
  group: 'Gruppenveranstaltung',
};

export const CONTACT_STATUSES = ['planned', 'held', 'missed'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export const CONTACT_STATUS_LABELS: Record<ContactStatus, string> = {
  planned: 'geplant',
  held: 'stattgefunden',
  missed: 'versäumt',
};

/**
 * The uniform criteria of the "MitArbeit" review (report 2019, section 5.1: "anhand einheitlicher
 * Kriterien … Hinterfragt werden die Gründe, warum noch keine Integration in den Arbeitsmarkt gelingen
 * konnte"). A fixed list so that teams can be compared; `other` needs a note.
 */
export const MITARBEIT_REASONS = [
  'health',
  'mental_health',
  'care_duties',
  'language',
  'qualification',
  'long_absence',
  'mobility',
  'addiction',
  'debt',
  'housing',
  'motivation',
  'employer_reservations',
  'no_suitable_vacancy',
  'other',
] as const;
export type MitarbeitReason = (typeof MITARBEIT_REASONS)[number];
export const MITARBEIT_REASON_LABELS: Record<MitarbeitReason, string> = {
  health: 'Körperliche gesundheitliche Einschränkungen',
  mental_health: 'Psychische Belastungen',
  care_duties: 'Kinderbetreuung oder Pflege Angehöriger',
  language: 'Deutschkenntnisse reichen noch nicht',
  qualification: 'Fehlender Schul- oder Berufsabschluss',
  long_absence: 'Lange ohne Arbeit, Tagesstruktur fehlt',
  mobility: 'Eingeschränkte Mobilität (kein Führerschein, kein ÖPNV)',
  addiction: 'Suchterkrankung',
  debt: 'Überschuldung',
  housing: 'Wohnungsprobleme',
  motivation: 'Fehlendes Zutrauen oder fehlende Motivation',
  employer_reservations: 'Vorbehalte von Arbeitgebern (z. B. Alter, Lücken im Lebenslauf)',
  no_suitable_vacancy: 'Keine passende Stelle in der Region',
  other: 'Sonstiger Grund (bitte in der Notiz nennen)',
};

/** KldB 2010 requirement levels: the fifth digit of a Berufsgattung. */
export const KLDB_LEVELS = { 1: 'Helfer', 2: 'Fachkraft', 3: 'Spezialist', 4: 'Experte' } as const;
export type KldbLevel = keyof typeof KLDB_LEVELS;

/**
 * A small list of occupations (Berufsgattungen, KldB 2010, Fassung 2020) that often come up in a
 * Jobcenter, for the searchable picker. Not the whole classification (about 1,300 codes): any
 * valid five-digit code can be typed in; the list only helps to find the common ones.
 */
export const KLDB_COMMON: readonly { code: string; label: string }[] = [
  { code: '32101', label: 'Hochbau (ohne Spezialisierung)' },
  { code: '32102', label: 'Hochbau (ohne Spezialisierung)' },
  { code: '33211', label: 'Maler/in und Lackierer/in' },
  { code: '33212', label: 'Maler/in und Lackierer/in' },
  { code: '34201', label: 'Klempnerei (ohne Spezialisierung)' },
  { code: '34212', label: 'Sanitär-, Heizungs- und Klimatechnik' },
  { code: '34301', label: 'Haustechnik und Entsorgung (ohne Spezialisierung)' },
  { code: '43102', label: 'Informatik (ohne Spezialisierung)' },
  { code: '43412', label: 'Softwareentwicklung' },
  { code: '43414', label: 'Softwareentwicklung' },
  { code: '51311', label: 'Lagerwirtschaft und Logistik' },
  { code: '51312', label: 'Lagerwirtschaft und Logistik' },
  { code: '51321', label: 'Post- und Zustelldienste' },
  { code: '51322', label: 'Post- und Zustelldienste' },
  { code: '52112', label: 'Berufskraftfahrer/in (Personenverkehr)' },
  { code: '52122', label: 'Berufskraftfahrer/in (Güterverkehr, Lkw)' },
  { code: '53111', label: 'Objekt-, Werte- und Personenschutz' },
  { code: '53112', label: 'Objekt-, Werte- und Personenschutz' },
  { code: '54101', label: 'Reinigung (ohne Spezialisierung)' },
  { code: '54112', label: 'Gebäudereinigung' },
  { code: '62101', label: 'Verkauf im Einzelhandel (ohne Produktspezialisierung)' },
  { code: '62102', label: 'Verkauf im Einzelhandel (ohne Produktspezialisierung)' },
  { code: '62112', label: 'Kassierer/in und Kartenverkäufer/in' },
  { code: '62301', label: 'Verkauf von Lebensmitteln' },
  { code: '63221', label: 'Hotelservice' },
  { code: '63301', label: 'Gastronomie (ohne Spezialisierung)' },
  { code: '63302', label: 'Gastronomie (ohne Spezialisierung)' },
  { code: '71401', label: 'Büro und Sekretariat (ohne Spezialisierung)' },
  { code: '71402', label: 'Büro und Sekretariat (ohne Spezialisierung)' },
  { code: '71403', label: 'Büro und Sekretariat (ohne Spezialisierung)' },
  { code: '72212', label: 'Buchhaltung' },
  { code: '72233', label: 'Controlling' },
  { code: '73202', label: 'Öffentliche Verwaltung (ohne Spezialisierung)' },
  { code: '81102', label: 'Medizinische Fachangestellte (ohne Spezialisierung)' },
  { code: '81301', label: 'Gesundheits- und Krankenpflege (ohne Spezialisierung)' },
  { code: '81302', label: 'Gesundheits- und Krankenpflege (ohne Spezialisierung)' },
  { code: '81404', label: 'Ärztin/Arzt (ohne Spezialisierung)' },
  { code: '82101', label: 'Altenpflege (ohne Spezialisierung)' },
  { code: '82102', label: 'Altenpflege (ohne Spezialisierung)' },
  { code: '82312', label: 'Friseurgewerbe' },
  { code: '83111', label: 'Kinderbetreuung und -erziehung' },
  { code: '83112', label: 'Kinderbetreuung und -erziehung' },
  { code: '83123', label: 'Sozialarbeit und Sozialpädagogik' },
  { code: '83124', label: 'Sozialarbeit und Sozialpädagogik' },
  { code: '83211', label: 'Hauswirtschaft' },
  { code: '83212', label: 'Hauswirtschaft' },
  { code: '92112', label: 'Werbung und Marketing' },
];
