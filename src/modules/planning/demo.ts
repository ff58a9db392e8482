import { bulkInsert, columnsOf } from '../../db/bulk.ts';
import type { Database } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { addDays, addMonths } from '../../lib/dates.ts';
import { todayInGermany } from '../../lib/today.ts';
import { Rng } from '../demo/random.ts';
import { loadTeamRoster, teamSizes } from '../people/roster.ts';
import type { ContactKind, ContactStatus, MitarbeitReason, Obstacle, StepOwner } from './codes.ts';
import { latestReviewDate } from './rules.ts';
import { type contacts, mitarbeitReviews, planRevisions, type planSteps, type plans } from './schema.ts';

/**
 * Demo data of integration planning for a generated Jobcenter, called by the demo generator after the
 * persons are written: plans (with potential analysis and steps) for a share of each team's eLb,
 * their contacts, and MitArbeit reviews for a share of the long-term recipients. Persons come from the
 * people module's roster export; dates are relative to today, so the agenda has something due.
 */
export interface PlanningDemoStaff {
  id: string;
  roles: readonly string[];
  teamIds: readonly string[];
}

export interface PlanningDemoOptions {
  seed?: number;
  /** All staff with roles and teams: plans and contacts are written by the team's caseworkers. */
  staff: readonly PlanningDemoStaff[];
  /** Share of a team's eLb with a plan (default 0.12). */
  planShare?: number;
  /** Share of a team's long-term recipients with a MitArbeit review (default 0.35). */
  reviewShare?: number;
}

const PROFILES: {
  goal: string;
  strengths: string;
  skills: string;
  occupations: string[];
  obstacles: Obstacle[];
  words: string;
  steps: [string, StepOwner][];
}[] = [
  {
    goal: 'Sozialversicherungspflichtige Arbeit im Lager, Teilzeit passend zur Kita',
    strengths: 'Zuverlässig, körperlich belastbar, gute Ortskenntnis',
    skills: 'Staplerschein, Erfahrung in der Kommissionierung',
    occupations: ['51311', '51312'],
    obstacles: ['childcare'],
    words: 'Ich will arbeiten, aber erst, wenn die Kinder versorgt sind.',
    steps: [
      ['Kita-Betreuungszeiten mit der Fachstelle Kinderbetreuung klären', 'jobcenter'],
      ['Drei Bewerbungen auf Teilzeitstellen im Lager schreiben', 'customer'],
      ['Bewerbungsunterlagen gemeinsam durchsehen', 'jobcenter'],
    ],
  },
  {
    goal: 'Einstieg in die Altenpflege über die Helferausbildung',
    strengths: 'Einfühlsam, geduldig, Erfahrung in der Pflege der Mutter',
    skills: 'Hauswirtschaft, Erste-Hilfe-Kurs',
    occupations: ['82101', '82102'],
    obstacles: ['language'],
    words: 'Ich möchte mit alten Menschen arbeiten und später die Ausbildung machen.',
    steps: [
      ['Sprachkurs B1 beginnen', 'customer'],
      ['Praktikum in einer Pflegeeinrichtung vermitteln', 'jobcenter'],
      ['Informationsgespräch bei der Pflegeschule führen', 'customer'],
    ],
  },
  {
    goal: 'Stabilisierung und Tagesstruktur, danach Arbeitsgelegenheit',
    strengths: 'Handwerklich geschickt, hilfsbereit',
    skills: 'Malerarbeiten, Gartenpflege',
    occupations: ['33211', '54101'],
    obstacles: ['health', 'debt'],
    words: 'Erst muss ich meine Schulden in den Griff bekommen.',
    steps: [
      ['Termin bei der Schuldnerberatung vereinbaren', 'customer'],
      ['Kostenübernahme Schuldnerberatung (§ 16a SGB II) prüfen', 'jobcenter'],
      ['Ärztliche Einschätzung der Belastbarkeit einholen', 'jobcenter'],
    ],
  },
  {
    goal: 'Arbeit im Verkauf im Einzelhandel',
    strengths: 'Kontaktfreudig, freundlich, mehrsprachig',
    skills: 'Kassenerfahrung, Warenverräumung',
    occupations: ['62101', '62112'],
    obstacles: ['mobility'],
    words: 'Ich brauche eine Stelle, die ich mit dem Bus erreiche.',
    steps: [
      ['Stellenangebote im Umkreis der Buslinien heraussuchen', 'customer'],
      ['Förderung einer Monatskarte prüfen', 'jobcenter'],
      ['Vorstellungsgespräch beim Einzelhandel vorbereiten', 'jobcenter'],
    ],
  },
  {
    goal: 'Kaufmännische Tätigkeit im Büro',
    strengths: 'Organisiert, sicher am Computer',
    skills: 'Office-Programme, Ablage, Telefon',
    occupations: ['71401', '71402'],
    obstacles: [],
    words: 'Am liebsten eine Bürostelle in Wetzlar.',
    steps: [
      ['Lebenslauf aktualisieren', 'customer'],
      ['Bildungsgutschein für EDV-Grundlagen prüfen', 'jobcenter'],
      ['Fünf Bewerbungen im Bürobereich schreiben', 'customer'],
    ],
  },
];

const REASON_WEIGHTS: readonly (readonly [MitarbeitReason, number])[] = [
  ['health', 18],
  ['mental_health', 12],
  ['care_duties', 14],
  ['language', 12],
  ['qualification', 20],
  ['long_absence', 16],
  ['mobility', 8],
  ['addiction', 4],
  ['debt', 7],
  ['housing', 4],
  ['motivation', 6],
  ['employer_reservations', 9],
  ['no_suitable_vacancy', 5],
];
const KINDS: readonly (readonly [ContactKind, number])[] = [
  ['counselling', 60],
  ['phone', 20],
  ['video', 8],
  ['home_visit', 5],
  ['group', 7],
];
/** Persons (of any status) of the teams read at once: ~49,000 at scale 1, so one read there; ~490,000 at scale 10, six reads. */
const ROSTER_PERSONS = 100_000;
const TIMES = ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '13:30', '14:00', '14:30', '15:00'];

export async function seedPlanningDemo(
  db: Database,
  tenantId: string,
  opts: PlanningDemoOptions,
): Promise<{ plans: number; steps: number; contacts: number; reviews: number }> {
  const rng = new Rng(`teilhabe-demo/${opts.seed ?? 1}/planning`);
  const today = todayInGermany();
  const planShare = opts.planShare ?? 0.12;
  const reviewShare = opts.reviewShare ?? 0.35;
  const byTeam = new Map<string, string[]>();
  for (const s of opts.staff)
    if (s.roles.includes('pap') || s.roles.includes('fallmanagement'))
      for (const t of s.teamIds) byTeam.set(t, [...(byTeam.get(t) ?? []), s.id]);

  const counts = { plans: 0, steps: 0, contacts: 0, reviews: 0 };
  // a few teams at a time (at most ROSTER_PERSONS persons, or one team), written before the next are read:
  // memory does not grow with the demo's scale; at scale 1 all teams are one read
  const sizes = await teamSizes(db, tenantId);
  const groups: string[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const teamId of byTeam.keys()) {
    const n = sizes.get(teamId) ?? 0;
    if (size + n > ROSTER_PERSONS) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]?.push(teamId);
    size += n;
  }
  for (const group of groups) {
    const roster = await loadTeamRoster(db, tenantId, group, { day: today, teamsInSql: true });
    const planRows: (typeof plans.$inferInsert)[] = [];
    const revisionRows: (typeof planRevisions.$inferInsert)[] = [];
    const stepRows: (typeof planSteps.$inferInsert)[] = [];
    const contactRows: (typeof contacts.$inferInsert)[] = [];
    const reviewRows: (typeof mitarbeitReviews.$inferInsert)[] = [];
    for (const teamId of group) {
      const caseworkers = byTeam.get(teamId) as string[];
      for (const person of roster.filter((r) => r.teamId === teamId)) {
        const staffId = rng.pick(caseworkers);
        if (rng.chance(planShare)) {
          const profile = rng.pick(PROFILES);
          const planId = uuidv7();
          // the current plan is 0–5 months old; a third have an earlier version half a year before
          const planDate = addDays(today, -rng.between(3, 150));
          const revisions = rng.chance(0.33) ? [addMonths(planDate, -6), planDate] : [planDate];
          revisions.forEach((date, i) => {
            const revision = i + 1;
            const current = revision === revisions.length;
            revisionRows.push({
              tenantId,
              planId,
              revision,
              planDate: date,
              reviewDate: latestReviewDate(date),
              strengths: profile.strengths,
              skills: profile.skills,
              obstacles: profile.obstacles,
              obstacleNote: null,
              goal: profile.goal,
              targetOccupations: profile.occupations,
              customerWords: profile.words,
              createdBy: staffId,
            });
            profile.steps.forEach(([description, owner], k) => {
              const dueDate = addDays(date, 14 + k * rng.between(10, 30));
              stepRows.push({
                tenantId,
                planId,
                revision,
                position: k + 1,
                description,
                owner,
                dueDate,
                // earlier versions and steps long past are done; recent ones are open
                doneOn: !current || (dueDate < today && rng.chance(0.7)) ? (dueDate < today ? dueDate : date) : null,
              });
            });
          });
          planRows.push({
            tenantId,
            id: planId,
            personId: person.id,
            currentRevision: revisions.length,
            version: revisions.length,
          });
          for (let c = rng.between(1, 3); c > 0; c--) {
            const date = addDays(today, rng.between(-120, 21));
            const status: ContactStatus =
              date >= today ? 'planned' : rng.chance(0.15) ? 'missed' : rng.chance(0.05) ? 'planned' : 'held';
            contactRows.push({
              tenantId,
              id: uuidv7(),
              personId: person.id,
              kind: rng.weighted(KINDS),
              contactDate: date,
              contactTime: rng.pick(TIMES),
              status,
              staffId,
              note: null,
            });
          }
        }
        if (person.longTermRecipient && rng.chance(reviewShare)) {
          const reasons = new Set<MitarbeitReason>();
          for (let k = rng.between(1, 3); k > 0; k--) reasons.add(rng.weighted(REASON_WEIGHTS));
          reviewRows.push({
            tenantId,
            id: uuidv7(),
            personId: person.id,
            teamId,
            reviewDate: addDays(today, -rng.between(0, 300)),
            reasons: [...reasons],
            note: null,
            staffId,
          });
        }
      }
    }
    // scalar tables through bulkInsert (COPY from 2,000 rows on); the two with array columns in batches
    await db.orm.transaction(async (tx) => {
      await bulkInsert(
        tx,
        'plans',
        [
          { name: 'tenant_id', type: 'uuid' },
          { name: 'id', type: 'uuid' },
          { name: 'person_id', type: 'uuid' },
          { name: 'current_revision', type: 'int4' },
          { name: 'version', type: 'int4' },
        ],
        columnsOf(planRows, ['tenantId', 'id', 'personId', 'currentRevision', 'version']),
      );
      for (const b of batches(revisionRows)) await tx.insert(planRevisions).values(b);
      await bulkInsert(
        tx,
        'plan_steps',
        [
          { name: 'tenant_id', type: 'uuid' },
          { name: 'plan_id', type: 'uuid' },
          { name: 'revision', type: 'int4' },
          { name: 'position', type: 'int4' },
          { name: 'description', type: 'text' },
          { name: 'owner', type: 'text' },
          { name: 'due_date', type: 'date' },
          { name: 'done_on', type: 'date' },
        ],
        columnsOf(stepRows, ['tenantId', 'planId', 'revision', 'position', 'description', 'owner', 'dueDate', 'doneOn']),
      );
      await bulkInsert(
        tx,
        'contacts',
        [
          { name: 'tenant_id', type: 'uuid' },
          { name: 'id', type: 'uuid' },
          { name: 'person_id', type: 'uuid' },
          { name: 'kind', type: 'text' },
          { name: 'contact_date', type: 'date' },
          { name: 'contact_time', type: 'text' },
          { name: 'status', type: 'text' },
          { name: 'staff_id', type: 'uuid' },
        ],
        columnsOf(contactRows, ['tenantId', 'id', 'personId', 'kind', 'contactDate', 'contactTime', 'status', 'staffId']),
      );
      for (const b of batches(reviewRows)) await tx.insert(mitarbeitReviews).values(b);
    });
    counts.plans += planRows.length;
    counts.steps += stepRows.length;
    counts.contacts += contactRows.length;
    counts.reviews += reviewRows.length;
  }
  return counts;
}

const batches = <T>(list: T[], size = 1000) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
