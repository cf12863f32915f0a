import { describe, expect, it } from 'vitest';
import { wordsRegex } from './common.js';

describe('wordsRegex', () => {
  const words = ['admi', 'disch', 'dos\\b', 'death', 'follow.?up', 'x-ray', 'passed away', 'Scan'];
  const flat = new RegExp(words.join('|'), 'i');
  const grouped = wordsRegex(words, 'i');

  it('groups the words by their first letter, longest first (ties in their order)', () => {
    expect(grouped.source).toBe('a(?:dmi)|d(?:isch|os\\b|eath)|f(?:ollow.?up)|x(?:-ray)|p(?:assed away)|s(?:can)');
    // Without the i flag a capital stays a capital.
    expect(wordsRegex(['Scan', 'scope']).source).toBe('S(?:can)|s(?:cope)');
  });

  it('matches exactly where the flat alternation matches', () => {
    const texts = ['Admitted 3/4', 'DOS 2024-01-02', 'dosage 5 mg', 'follow-up on', 'Follow up', 'X-RAY chest', 'passed away at home', 'scanned', 'nothing here', 'death_date', 'doses'];
    for (const t of texts) expect(grouped.test(t), t).toBe(flat.test(t));
    expect(texts.filter((t) => grouped.test(t))).toHaveLength(8);
  });
});
