/**
 * What other modules contribute to the Eingliederungsbericht. The report is written against these small
 * shapes; the modules that own the data (budget, measures, BuT) provide them through the optional
 * provider functions given to reportService. Without a provider the section says so in German.
 * Money in integer cents, persons as counts.
 */
export interface BudgetSection {
  /** Where the money came from: Eingliederungsbudget, Passiv-Aktiv-Transfer, kommunale Mittel … */
  sources: { label: string; plannedCents: number; spentCents: number }[];
  /** Spending by instrument (e.g. "§ 16i SGB II", "FbW § 81 SGB III"). */
  byInstrument: { label: string; spentCents: number; entries?: number }[];
}

/** Subsidised employment on 1 December of the year (§§ 16i, 16e SGB II), by sex. */
export interface SubsidisedJobsTable {
  day: string;
  rows: { basis: '16i' | '16e'; men: number; women: number; diverse?: number; total: number }[];
  /** Entries into § 16i employment during the year, when known. */
  entriesDuringYear?: number;
}

/** Measures with their capacities and use in the year. */
export interface MeasuresTable {
  rows: { name: string; basis: string; places: number; entries: number; women?: number; men?: number }[];
}

/** Children who received education and participation benefits (BuT) in the year, by benefit type. */
export interface EducationParticipationTable {
  rows: { benefitType: string; children: number }[];
}

/** Requirement level of the reported vacancies (e.g. BA statistics), as shares in percent. */
export interface JobRequirementsTable {
  source: string;
  rows: { level: string; vacanciesPercent: number }[];
}

export type Provider<T> = (tenantId: string, year: number) => Promise<T | null>;

export interface ReportProviders {
  budget?: Provider<BudgetSection>;
  subsidisedJobs?: Provider<SubsidisedJobsTable>;
  measures?: Provider<MeasuresTable>;
  educationParticipation?: Provider<EducationParticipationTable>;
  jobRequirements?: Provider<JobRequirementsTable>;
}

export interface Contributions {
  budget: BudgetSection | null;
  subsidisedJobs: SubsidisedJobsTable | null;
  measures: MeasuresTable | null;
  educationParticipation: EducationParticipationTable | null;
  jobRequirements: JobRequirementsTable | null;
}

export async function collectContributions(providers: ReportProviders, tenantId: string, year: number): Promise<Contributions> {
  const ask = async <T>(p: Provider<T> | undefined) => (p ? p(tenantId, year) : null);
  const [budget, subsidisedJobs, measures, educationParticipation, jobRequirements] = await Promise.all([
    ask(providers.budget),
    ask(providers.subsidisedJobs),
    ask(providers.measures),
    ask(providers.educationParticipation),
    ask(providers.jobRequirements),
  ]);
  return { budget, subsidisedJobs, measures, educationParticipation, jobRequirements };
}
