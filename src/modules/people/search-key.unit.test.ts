import { describe, expect, it } from 'vitest';
import { foldName, personSearchKey } from './search-key.ts';

describe('foldName', () => {
  it.each([
    ['Müller', 'mueller'],
    ['Groß-Öztürk', 'gross oeztuerk'],
    ['Đorđević', 'dordevic'],
    ['  Anna  Lena ', 'anna lena'],
    ["O'Neill", 'o neill'],
    ['Łukasz Nowak', 'lukasz nowak'],
  ])('%s → %s', (input, folded) => expect(foldName(input)).toBe(folded));

  it('builds the stored key from names and customer number', () => {
    expect(personSearchKey({ familyName: 'Schäfer', givenNames: 'Jörg', customerNumber: '962D123456' })).toBe(
      'schaefer schafer joerg jorg 962d123456',
    );
  });
});
