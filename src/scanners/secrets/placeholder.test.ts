import { describe, expect, it } from 'vitest';
import { isKnownExample, isLowVariety, isPlaceholder } from './placeholder.js';
import { shannon } from './entropy.js';
import { KeywordMatcher } from './prefilter.js';
import { mergeWindows } from './engine.js';

describe('placeholder heuristics', () => {
  it.each([
    'xxxxxxxxxxxxxxxx',
    '<your-api-key>',
    'changeme',
    '${DB_PASSWORD}',
    '{{ .Values.password }}',
    'process.env.API_KEY',
    "os.environ['KEY']",
    'os.getenv("KEY")',
    'ENV["SECRET"]',
    'vault:secret/data/app#key',
    'arn:aws:secretsmanager:us-east-1:1:secret:x',
    'ssm:/prod/key',
    'my-example-key-123',
    'aaaaaaaaaaaaaaaaaaaaaa',
    'abcdefghijklmnop1234',
    '%TOKEN%',
    '$API_TOKEN',
    '********',
  ])('%s is a placeholder', (v) => expect(isPlaceholder(v)).toBe(true));

  it.each(['Zq8vK2mT9xLp4RwN7bYc', 'v9Xq2LmR8kT4pW7zN3bY6cJ5hF1dS0gA'])('%s is not', (v) => expect(isPlaceholder(v)).toBe(false));

  it('knows documented example credentials by hash', () => {
    expect(isKnownExample('AKIAIOSFODNN7' + 'EXAMPLE')).toBe(true);
    expect(isKnownExample('AKIAIOSFODNN7' + 'EXAMPLF')).toBe(false);
  });

  it('low variety: few distinct characters or one dominating', () => {
    expect(isLowVariety('abababababab')).toBe(true);
    expect(isLowVariety('q7Xk2Lm9Rt4W')).toBe(false);
  });
});

describe('entropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannon('aaaa')).toBe(0);
    expect(shannon('abcd')).toBeCloseTo(2, 10);
  });
});

describe('keyword matcher', () => {
  it('finds every (overlapping, case-insensitive) keyword occurrence with its start', () => {
    const m = new KeywordMatcher(['ghp_', 'hp_', 'token']);
    const hits: Array<[string, number]> = [];
    m.scan('x GHP_abc Token', (k, s) => hits.push([m.keywords[k]!, s]));
    expect(hits).toEqual([
      ['ghp_', 2],
      ['hp_', 3],
      ['token', 10],
    ]);
  });

  it('ignores non-ASCII text and rejects non-ASCII keywords', () => {
    const m = new KeywordMatcher(['key']);
    const hits: number[] = [];
    m.scan('ключ kéy key', (_k, s) => hits.push(s));
    expect(hits).toEqual([9]);
    expect(() => new KeywordMatcher(['clé'])).toThrow(/ASCII/);
  });

  it('still finds every keyword when keywords use more characters than the table has classes', () => {
    // 26 letters + 10 digits + 32 punctuation characters: more than the 63 classes of the table.
    const punct = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
    expect(punct.length).toBe(32);
    const keywords = [...'abcdefghijklmnopqrstuvwxyz0123456789', ...punct].map((c, i) => `k${i}${c}`);
    const m = new KeywordMatcher(keywords);
    const text = keywords.join(' ');
    const found = new Set<string>();
    m.scan(text, (k, s) => {
      if (text.startsWith(m.keywords[k]!, s)) found.add(m.keywords[k]!);
    });
    expect(found.size).toBe(keywords.length);
  });

  it('merges overlapping windows around hits', () => {
    expect(mergeWindows([100, 10, 130, 1000], 20, 50, 1040)).toEqual([
      [0, 60],
      [80, 180],
      [980, 1040],
    ]);
  });
});
