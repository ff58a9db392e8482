import { describe, expect, it } from 'vitest';
import { TEXT_SECTIONS } from './defaults.ts';
import { textBlocks } from './document.ts';
import { formatChange, formatEuroCents, formatInt, formatPercent } from './format.ts';
import { fillPlaceholders, unknownPlaceholders } from './placeholders.ts';
import { PLACEHOLDER_NAMES } from './service.ts';
import { isSuppressedCount, isSuppressedShare, SUPPRESSION_THRESHOLD } from './suppress.ts';

describe('German number format', () => {
  it('thousands with a dot, one decimal with a comma, minus sign, no-break space before %', () => {
    expect(formatInt(10597)).toBe('10.597');
    expect(formatInt(-188)).toBe('−188');
    expect(formatPercent(24.2)).toBe('24,2\u00a0%');
    expect(formatPercent(24.249)).toBe('24,2\u00a0%');
    expect(formatChange(-6.42)).toBe('−6,4\u00a0%');
    expect(formatChange(1.5)).toBe('+1,5\u00a0%');
    expect(formatChange(-0.04)).toBe('0,0\u00a0%');
    expect(formatEuroCents(920_000_000)).toBe('9.200.000\u00a0€');
  });
});

describe('statistical confidentiality', () => {
  it('groups of 1 to 4 persons are suppressed, 0 and 5 are shown; a share follows its parts', () => {
    expect(SUPPRESSION_THRESHOLD).toBe(5);
    expect([0, 1, 4, 5, 100].map(isSuppressedCount)).toEqual([false, true, true, false, false]);
    expect(isSuppressedShare(3, 1000)).toBe(true);
    expect(isSuppressedShare(10, 4)).toBe(true);
    expect(isSuppressedShare(0, 50)).toBe(false);
    expect(isSuppressedShare(6, 50)).toBe(false);
  });
});

describe('placeholders and text format', () => {
  it('fills known names (case-insensitive, spaces allowed), marks unknown ones', () => {
    const values = { 'elb.dezember': '10.597', jahr: '2019' };
    expect(fillPlaceholders('{{ elb.dezember }} eLb im Dezember {{JAHR}}; {{x.y}}', values)).toBe(
      '10.597 eLb im Dezember 2019; [[x.y?]]',
    );
    expect(unknownPlaceholders('{{jahr}} {{gibtsnicht}} {{elb.dezember}}', Object.keys(values))).toEqual(['gibtsnicht']);
  });

  it('offers every placeholder the default texts use, with .betrag and .richtung for changes', () => {
    expect(PLACEHOLDER_NAMES).toContain('elb.dezember');
    expect(PLACEHOLDER_NAMES).toContain('ausgaben.veraenderung.richtung');
    expect(PLACEHOLDER_NAMES).toContain('gefoerdert.gesamt');
  });

  it('blank lines make paragraphs, "- " lines a list', () => {
    expect(textBlocks('Erster\nAbsatz.\n\n- eins\n- zwei\n\n\nDritter.')).toEqual([
      { kind: 'paragraph', text: 'Erster Absatz.' },
      { kind: 'list', items: ['eins', 'zwei'] },
      { kind: 'paragraph', text: 'Dritter.' },
    ]);
  });
});

describe('default texts', () => {
  it('use only known placeholders', () => {
    for (const s of TEXT_SECTIONS) expect(unknownPlaceholders(s.default, PLACEHOLDER_NAMES), s.key).toEqual([]);
  });
});
