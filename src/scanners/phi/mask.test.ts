/**
 * The ASCII paths of maskTail4 and maskDate must give exactly what the Unicode-regex forms give:
 * checked against those forms (kept here as the reference) on hand-written values and on random
 * strings built from digits, letters and the separators dates and ids are written with.
 */
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/cases/redact.mjs';
import { maskShape } from '../../core/mask.js';
import { maskDate, maskTail4 } from './mask.js';

const refTail4 = (v: string): string => maskShape(v, { visibleTail: v.replace(/[^\p{L}\p{N}]/gu, '').length >= 8 ? 4 : 0 });
function refDate(v: string): string {
  if (/^\d{8,14}$/.test(v)) return v.slice(0, 4) + '*'.repeat(v.length - 4);
  let kept = false;
  return v.replace(/\d{4}|[\p{L}\p{N}]/gu, (m) => {
    if (m.length === 4 && !kept) {
      kept = true;
      return m;
    }
    return '*'.repeat(m.length);
  });
}

const HAND = ['1961-03-04', '03/04/1961', '4 Mar 1961', 'March 4, 1961', '19610304', '1961030412', '12345-6789', 'MRN-00012345', '472-37-2775', 'A1', '', '-', '1996', '123', 'Mär 1961', 'Zoë 12345678', '١٢٣٤٥٦٧٨٩'];

describe('mask ASCII paths', () => {
  it('give the reference masks on hand-written values', () => {
    for (const v of HAND) {
      expect(maskDate(v), v).toBe(refDate(v));
      expect(maskTail4(v), v).toBe(refTail4(v));
    }
  });

  it('give the reference masks on 20,000 random values', () => {
    const rnd = prng(7);
    const alphabet = '0123456789012345678901234567890123456789abcXYZ-/. ,:T';
    for (let n = 0; n < 20_000; n++) {
      let v = '';
      const len = 1 + Math.floor(rnd() * 20);
      for (let i = 0; i < len; i++) v += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(maskDate(v), v).toBe(refDate(v));
      expect(maskTail4(v), v).toBe(refTail4(v));
    }
  });

  it('mask what they must', () => {
    expect(maskDate('03/04/1961')).toBe('**/**/1961');
    expect(maskDate('1961-03-04')).toBe('1961-**-**');
    expect(maskTail4('472-37-2775')).toBe('***-**-2775');
    expect(maskTail4('A1-23')).toBe('**-**');
  });
});
