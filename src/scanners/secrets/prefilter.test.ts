import { describe, expect, it } from 'vitest';
import { KeywordMatcher } from './prefilter.js';

/** Every (keyword, start) pair by plain search, case-insensitive (ASCII), sorted. */
function naive(keywords: string[], text: string): string[] {
  const lower = text.toLowerCase();
  const hits: string[] = [];
  keywords.forEach((k, ki) => {
    if (k.length === 0) return;
    for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) hits.push(`${ki}@${i}`);
  });
  return hits.sort();
}

function found(m: KeywordMatcher, text: string): string[] {
  const hits: string[] = [];
  m.scan(text, (k, start) => hits.push(`${k}@${start}`));
  return hits.sort();
}

describe('keyword prefilter (Aho-Corasick)', () => {
  it('finds overlapping and nested keywords, in any case', () => {
    const keywords = ['he', 'she', 'his', 'hers', 'akia', 'kia', 'a'];
    const text = 'ushers SHE said; AKIA... his hers kiakia';
    expect(found(new KeywordMatcher(keywords), text)).toEqual(naive(keywords, text));
  });

  it('matches plain search on random keyword sets and texts', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let trial = 0; trial < 200; trial++) {
      // Small alphabets make deep failure chains; the large one (56 characters) stays under the
      // 63 classes past which the prefilter may report more than plain search.
      const alphabet = trial % 2 === 0 ? 'abc' : 'abcdefghijklmnopqrstuvwxyz0123456789_-./:=!"#$%&()*+,;<>?@';
      const keywords = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => pick(alphabet, 1 + Math.floor(rnd() * 6))))];
      const text = pick(alphabet + 'ABC ', 400);
      expect(found(new KeywordMatcher(keywords), text)).toEqual(naive(keywords, text));
    }
  });

  it('past 63 distinct keyword characters it reports a superset of the hits, never fewer', () => {
    const keywords = Array.from({ length: 90 }, (_, i) => String.fromCharCode(33 + i) + 'x');
    const text = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i) + 'x').join(' ');
    const all = found(new KeywordMatcher(keywords), text);
    for (const h of naive(keywords, text)) expect(all).toContain(h);
  });
});
