import { describe, expect, it } from 'vitest';
import {
  checkMitarbeitReasons,
  checkOccupations,
  checkPlanDates,
  checkSteps,
  isKldbCode,
  kldbLabel,
  kldbLevel,
  latestReviewDate,
  planKindOn,
  searchKldb,
  suppressSmall,
} from './rules.ts';

const TODAY = '2026-11-25';

describe('planKindOn (§ 15 SGB II: Eingliederungsvereinbarung until 30.6.2023, Kooperationsplan from 1.7.2023)', () => {
  it('names the plan by its date', () => {
    expect(planKindOn('2019-05-10').label).toBe('Eingliederungsvereinbarung');
    expect(planKindOn('2023-06-30').kind).toBe('eingliederungsvereinbarung');
    expect(planKindOn('2023-07-01').kind).toBe('kooperationsplan');
    expect(planKindOn('2026-01-15').label).toBe('Kooperationsplan');
    expect(planKindOn('2026-01-15').legalBasis).toContain('Bürgergeld');
  });
});

describe('review date at most six months after the plan (§ 15 Abs. 3 SGB II)', () => {
  it('computes the latest review date by calendar months, clamped at month end', () => {
    expect(latestReviewDate('2026-01-15')).toBe('2026-07-15');
    expect(latestReviewDate('2025-08-31')).toBe('2026-02-28');
    expect(latestReviewDate('2023-08-31')).toBe('2024-02-29');
  });
  it('accepts exactly six months and refuses one day more', () => {
    expect(checkPlanDates('2026-01-15', '2026-07-15', TODAY)).toEqual([]);
    const late = checkPlanDates('2026-01-15', '2026-07-16', TODAY);
    expect(late).toHaveLength(1);
    expect(late[0]?.field).toBe('reviewDate');
    expect(late[0]?.message).toContain('15.07.2026');
  });
  it('refuses a review on or before the plan date, a plan in the future and one before the 2016 version', () => {
    expect(checkPlanDates('2026-01-15', '2026-01-15', TODAY).map((p) => p.field)).toEqual(['reviewDate']);
    expect(checkPlanDates('2026-12-01', '2027-01-01', TODAY).map((p) => p.field)).toEqual(['planDate']);
    expect(checkPlanDates('2016-07-31', '2016-12-01', TODAY).map((p) => p.field)).toEqual(['planDate']);
    expect(checkPlanDates('2016-08-01', '2017-02-01', TODAY)).toEqual([]);
  });
});

describe('KldB 2010 codes: five digits, the last is the requirement level', () => {
  it('derives the level', () => {
    expect(kldbLevel('51311')).toEqual({ level: 1, label: 'Helfer' });
    expect(kldbLevel('62102')).toEqual({ level: 2, label: 'Fachkraft' });
    expect(kldbLevel('72233')).toEqual({ level: 3, label: 'Spezialist' });
    expect(kldbLevel('43414')).toEqual({ level: 4, label: 'Experte' });
  });
  it('refuses malformed codes: wrong length, letters, level 0 or 5–9', () => {
    for (const bad of ['5131', '513111', '5131a', '51310', '51315', '51319', ' 5131', ''])
      expect(isKldbCode(bad), bad).toBe(false);
    expect(kldbLevel('51310')).toBeUndefined();
  });
  it('names codes from the list and unknown valid codes by code and level', () => {
    expect(kldbLabel('62102')).toBe('Verkauf im Einzelhandel (ohne Produktspezialisierung) – Fachkraft');
    expect(kldbLabel('99992')).toBe('KldB 99992 – Fachkraft');
  });
  it('checks a list of target occupations with the index of the bad one, and doubles', () => {
    expect(checkOccupations(['51311', '62102'])).toEqual([]);
    const p = checkOccupations(['51311', '6210', '51311']);
    expect(p.map((x) => x.field)).toEqual(['targetOccupations.1', 'targetOccupations.2']);
  });
  it('searches the small list by words and code prefix', () => {
    expect(searchKldb('lager').map((o) => o.code)).toEqual(['51311', '51312']);
    expect(searchKldb('altenpflege fachkraft').map((o) => o.code)).toEqual(['82102']);
    expect(searchKldb('8310').length).toBe(0);
    expect(searchKldb('8311').map((o) => o.code)).toEqual(['83111', '83112']);
  });
});

describe('agreed steps need what, who and by when', () => {
  it('names the step and the missing field in German', () => {
    const problems = checkSteps(
      [
        { description: 'Lebenslauf schreiben', owner: 'customer', dueDate: '2026-12-01' },
        { description: 'Bewerbungstraining buchen', owner: null, dueDate: '2026-12-10' },
        { description: 'Kita-Platz klären', owner: 'jobcenter', dueDate: null },
      ],
      '2026-11-20',
      TODAY,
    );
    expect(problems).toEqual([
      { field: 'steps.1.owner', message: 'Schritt 2: Bitte wählen Sie, wer zuständig ist (Kundin/Kunde oder Jobcenter).' },
      { field: 'steps.2.dueDate', message: 'Schritt 3: Bitte geben Sie an, bis wann (Fälligkeit).' },
    ]);
  });
  it('refuses an empty description, a due date before the plan and a done date in the future', () => {
    const p = checkSteps(
      [{ description: ' ', owner: 'customer', dueDate: '2026-11-01', doneOn: '2026-12-01' }],
      '2026-11-20',
      TODAY,
    );
    expect(p.map((x) => x.field)).toEqual(['steps.0.description', 'steps.0.dueDate', 'steps.0.doneOn']);
  });
});

describe('MitArbeit reasons and small-group suppression', () => {
  it('needs a reason, and a note for "other"', () => {
    expect(checkMitarbeitReasons([], null)[0]?.field).toBe('reasons');
    expect(checkMitarbeitReasons(['other'], '  ')[0]?.field).toBe('note');
    expect(checkMitarbeitReasons(['other', 'health'], 'Pflege des Vaters')).toEqual([]);
  });
  it('suppresses counts 1–4, keeps 0 and 5+', () => {
    expect([0, 1, 4, 5, 12].map(suppressSmall)).toEqual([0, '<5', '<5', 5, 12]);
  });
});
