import { describe, expect, it } from 'vitest';
import { maskShape } from './mask.js';

describe('maskShape', () => {
  it('keeps separators, the tail and word heads', () => {
    expect(maskShape('219-09-9998', { visibleTail: 4 })).toBe('***-**-9998');
    expect(maskShape('Jane Garcia', { visibleHeadPerWord: 1 })).toBe('J*** G*****');
    expect(maskShape('ab')).toBe('**');
    expect(maskShape('Zoë Müller', { visibleHeadPerWord: 1 })).toBe('Z** M*****');
  });

  it('the ASCII fast path masks exactly like the general path', () => {
    // A trailing en dash (not a letter or digit) forces the general path without changing the counts.
    const values = ['219-09-9998', 'maria.gonzalez12@gmail.com', '(312) 555-0142', 'MRN-00123456', 'a_b c', 'x', '', '12', '1961-03-04T10:00Z', 'O\'Brien-Smith Jr.'];
    for (const v of values) {
      for (const opts of [{}, { visibleTail: 4 }, { visibleHeadPerWord: 1 }, { visibleTail: 2, visibleHeadPerWord: 2 }]) {
        expect(maskShape(v, opts)).toBe(maskShape(`${v}–`, opts).slice(0, -1));
      }
    }
  });
});
