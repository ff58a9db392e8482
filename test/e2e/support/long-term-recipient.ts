import { apiAs } from './browser.ts';

/**
 * A woman of 49 in Team Wetzlar Nord, in benefit receipt since 2011 with no unemployment on file:
 * eligible for § 16i, not for § 16e – the person the subsidy journeys start from. `suffix` keeps the
 * household and customer numbers apart when several files create her on one server.
 */
export async function createLongTermRecipient(baseUrl: string, teamId: string, suffix: string): Promise<string> {
  const leistung = await apiAs(baseUrl, 'leistung');
  const { id: householdId } = await leistung.post<{ id: string }>('/api/people/households', {
    number: `53201BG00000${suffix}`,
    teamId,
  });
  const { id: personId } = await leistung.post<{ id: string }>('/api/people/persons', {
    customerNumber: `532D0000${suffix}`,
    familyName: 'Schäfer',
    givenNames: 'Monika',
    birthDate: '1970-04-02',
    sex: 'w',
    teamId,
    householdId,
    role: 'applicant',
    memberFrom: '2010-01-01',
  });
  await leistung.post(`/api/people/persons/${personId}/benefit-periods`, {
    validFrom: '2011-01-01',
    householdId,
    employable: true,
    personVersion: 1,
  });
  return personId;
}
