import { beforeAll, describe, expect, it } from 'vitest';
import { isWeakSurname, loadNames, nameScore, sortedLinesHas, tokenEvidence } from './names.js';

beforeAll(() => loadNames());

describe('name lists', () => {
  it('know the 1990 Census surnames the faker locales lack (Hollingsworth, McAllister, Thibodeaux)', () => {
    for (const s of ['Hollingsworth', 'MCALLISTER', 'thibodeaux', 'Pettibone']) expect(tokenEvidence(s, 'last')).toBe(2);
    // Two known words are a name without any label.
    expect(nameScore('Caleb Pettibone', false)).toBeGreaterThanOrEqual(0.55);
  });

  it('count census surnames that are everyday English words only weakly, and never as a known token on their own', () => {
    for (const s of ['Cloud', 'Reader', 'Handler']) {
      expect(tokenEvidence(s, 'last')).toBe(1);
      expect(isWeakSurname(s)).toBe(true);
    }
    // A surname of the curated lists is not weak even when it is also a word.
    expect(isWeakSurname('Smith')).toBe(false);
    expect(nameScore('Google Cloud', false)).toBe(0);
  });

  it('find every line of a sorted file by binary search over its text, and nothing else', () => {
    const words = ['ab', 'abbot', 'abe', 'b', 'ba', 'bab', 'zz'].sort();
    const text = words.join('\n') + '\n';
    for (const w of words) expect(sortedLinesHas(text, w)).toBe(true);
    for (const w of ['a', 'abb', 'abbots', 'abc', 'bb', 'z', 'zzz', '']) expect(sortedLinesHas(text, w)).toBe(false);
    expect(sortedLinesHas('', 'a')).toBe(false);
  });

  it('still reject words that are never names', () => {
    expect(tokenEvidence('Patient', 'any')).toBe(0);
    expect(tokenEvidence('Quembroskal', 'any')).toBe(0);
  });
});
