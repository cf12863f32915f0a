import { describe, expect, it } from 'vitest';
import { assignFingerprints, lineHash, lineHashes } from '../../src/engine/fingerprint.js';
import { RULES, finding } from './helpers.js';

const fp = (...args: Parameters<typeof finding>) => {
  const f = finding(...args);
  assignFingerprints([f]);
  return f.fingerprint;
};

describe('fingerprints', () => {
  it('are stable across runs and do not depend on the line', () => {
    const a = fp(RULES.key, { path: 'src/a.ts', value: 'same-value-1234', line: 3 });
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(fp(RULES.key, { path: 'src/a.ts', value: 'same-value-1234', line: 3 })).toBe(a);
    expect(fp(RULES.key, { path: 'src/a.ts', value: 'same-value-1234', line: 90, lineText: '  const k = "$"; // moved' })).toBe(a);
  });

  it('change with the value, the path, the rule and the commit', () => {
    const base = { path: 'src/a.ts', value: 'same-value-1234' };
    const a = fp(RULES.key, base);
    expect(fp(RULES.key, { ...base, value: 'other-value-1234' })).not.toBe(a);
    expect(fp(RULES.key, { ...base, path: 'src/b.ts' })).not.toBe(a);
    expect(fp(RULES.ssn, base)).not.toBe(a);
    expect(fp(RULES.key, { ...base, commit: 'c'.repeat(40) })).not.toBe(a);
  });

  it('number repeats of the same value in one file by position', () => {
    const first = finding(RULES.key, { value: 'dup-value-0001', line: 2 });
    const second = finding(RULES.key, { value: 'dup-value-0001', line: 7 });
    assignFingerprints([second, first]);
    expect(first.fingerprint).not.toBe(second.fingerprint);
    const again1 = finding(RULES.key, { value: 'dup-value-0001', line: 20 });
    const again2 = finding(RULES.key, { value: 'dup-value-0001', line: 30 });
    assignFingerprints([again1, again2]);
    expect([again1.fingerprint, again2.fingerprint]).toEqual([first.fingerprint, second.fingerprint]);
  });

  it('never contain the value', () => {
    const f = finding(RULES.key, { value: 'abcdef0123456789abcdef' });
    assignFingerprints([f]);
    expect(f.fingerprint).not.toContain('abcdef0123456789');
  });
});

describe('lineHash (SARIF primaryLocationLineHash)', () => {
  it('depends on rule and value, not on line or path, in GitHub\'s hash:occurrence shape', () => {
    const a = finding(RULES.key, { value: 'v-1234567890', line: 1, path: 'a.ts' });
    const b = finding(RULES.key, { value: 'v-1234567890', line: 50, path: 'b.ts' });
    expect(lineHash(a)).toMatch(/^[0-9a-f]{16}:1$/);
    expect(lineHash(a)).toBe(lineHash(b));
    expect(lineHash(finding(RULES.key, { value: 'v-0987654321' }))).not.toBe(lineHash(a));
  });
});

describe('lineHashes', () => {
  it('number repeats of a value in one file, in line order', () => {
    const a = finding(RULES.key, { value: 'rep-value-123456', line: 9 });
    const b = finding(RULES.key, { value: 'rep-value-123456', line: 2 });
    const other = finding(RULES.key, { value: 'rep-value-123456', line: 1, path: 'elsewhere.ts' });
    const m = lineHashes([a, b, other]);
    const h = lineHash(a).split(':')[0];
    expect(m.get(b)).toBe(`${h}:1`);
    expect(m.get(a)).toBe(`${h}:2`);
    expect(m.get(other)).toBe(`${h}:1`);
  });
});
