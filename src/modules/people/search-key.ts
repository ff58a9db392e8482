/**
 * Folds names for typo-tolerant search: lower case, German umlauts spelt out (Müller = Mueller),
 * other diacritics removed (Đorđević = dordevic), punctuation to spaces. The same function folds
 * stored keys and queries, so "mueller", "Müller" and "muller" all meet in the trigram index.
 */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Umlauts as plain vowels (Müller = Muller), the other way people type a name without umlaut keys. */
export function foldNamePlain(text: string): string {
  return foldName(text.replace(/ä/gi, 'a').replace(/ö/gi, 'o').replace(/ü/gi, 'u'));
}

/** Both spellings of a name with umlauts, so "Mueller", "Muller" and "Müller" all find it. */
function variants(name: string): string {
  const a = foldName(name);
  const b = foldNamePlain(name);
  return a === b ? a : `${a} ${b}`;
}

export function personSearchKey(p: { familyName: string; givenNames: string; customerNumber: string }): string {
  return `${variants(p.familyName)} ${variants(p.givenNames)} ${p.customerNumber.toLowerCase()}`;
}
