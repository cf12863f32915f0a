import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waiverMatches, waiverStates } from '../../src/policy/waivers.js';
import { readBaseline, writeBaseline } from '../../src/policy/baseline.js';
import { HipaaGateError } from '../../src/core/errors.js';
import { RULES, finding, findings, waiver } from './helpers.js';

describe('waiverMatches', () => {
  const [f] = findings(finding(RULES.key, { path: 'test/fixtures/keys.env' }));

  it('every key the waiver sets must match', () => {
    expect(waiverMatches(waiver({ rule: 'test/fake-key' }), f!)).toBe(true);
    expect(waiverMatches(waiver({ rule: 'test/fake-key', path: 'test/**' }), f!)).toBe(true);
    expect(waiverMatches(waiver({ rule: 'test/fake-key', path: 'src/**' }), f!)).toBe(false);
    expect(waiverMatches(waiver({ rule: 'test/other' }), f!)).toBe(false);
    expect(waiverMatches(waiver({ fingerprint: f!.fingerprint, rule: 'test/other' }), f!)).toBe(false);
    expect(waiverMatches(waiver({ fingerprint: f!.fingerprint }), f!)).toBe(true);
    expect(waiverMatches(waiver({ fingerprint: f!.fingerprint.replace(/^./, (c) => (c === '0' ? '1' : '0')) }), f!)).toBe(false);
  });

  it('a waiver with only a path matches nothing (it would waive everything)', () => {
    expect(waiverMatches(waiver({ path: '**' }), f!)).toBe(false);
  });

  it('path globs match dotfiles and are anchored at the root', () => {
    const [g] = findings(finding(RULES.key, { path: '.github/workflows/ci.yml' }));
    expect(waiverMatches(waiver({ rule: 'test/fake-key', path: '.github/**' }), g!)).toBe(true);
    expect(waiverMatches(waiver({ rule: 'test/fake-key', path: 'workflows/**' }), g!)).toBe(false);
  });

  it('an advisory waiver does not match findings without advisory ids', () => {
    expect(waiverMatches(waiver({ advisory: 'CVE-2020-0001' }), f!)).toBe(false);
  });
});

describe('waiverStates', () => {
  it('counts whole UTC days left', () => {
    const s = waiverStates([waiver({ rule: 'a/b', expires: '2026-03-11' }), waiver({ rule: 'a/b', expires: '2026-02-28' })], new Date('2026-03-01T22:00:00-05:00'));
    // 22:00 at UTC-5 is already 2 March in UTC.
    expect(s.map((x) => [x.daysLeft, x.expired])).toEqual([
      [9, false],
      [-2, true],
    ]);
  });
});

describe('baseline file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hg-baseline-'));

  it('round-trips, sorted by place, without waived or inline-allowed findings', () => {
    const list = findings(finding(RULES.key, { path: 'z.ts' }), finding(RULES.ssn, { path: 'a.csv', line: 3 }), finding(RULES.bucket, { path: 'm.tf' }));
    list[2]!.suppression = { kind: 'waiver', reason: 'x' };
    const file = join(dir, 'b1.json');
    writeBaseline(file, list, new Date('2026-01-01T00:00:00Z'));
    const b = readBaseline(file);
    expect(b.version).toBe(1);
    expect(b.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(b.findings).toEqual([
      { fingerprint: list[1]!.fingerprint, ruleId: 'test/fake-ssn', path: 'a.csv', line: 3 },
      { fingerprint: list[0]!.fingerprint, ruleId: 'test/fake-key', path: 'z.ts', line: 1 },
    ]);
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });

  it('an update keeps the creation time and drops fixed findings', () => {
    const file = join(dir, 'b2.json');
    const list = findings(finding(RULES.key, { path: 'a.ts' }), finding(RULES.key, { path: 'b.ts' }));
    const first = writeBaseline(file, list, new Date('2026-01-01T00:00:00Z'));
    const second = writeBaseline(file, [list[1]!], new Date('2026-02-01T00:00:00Z'), first);
    expect(second.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(second.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(readBaseline(file).findings.map((e) => e.path)).toEqual(['b.ts']);
  });

  it('never stores values or excerpts', () => {
    const file = join(dir, 'b3.json');
    writeBaseline(file, findings(finding(RULES.key, { value: 'sk_fake_baseline_value_123456' })), new Date());
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('sk_fake_baseline_value_123456');
    expect(text).not.toContain('excerpt');
  });

  it('bad baseline files are config errors naming the file', () => {
    const missing = join(dir, 'missing.json');
    expect(() => readBaseline(missing)).toThrowError(HipaaGateError);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"version": 1, "findings": [');
    expect(() => readBaseline(bad)).toThrowError(/baseline is not valid JSON/);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ version: 2, findings: [] }));
    try {
      readBaseline(wrong);
      expect.unreachable();
    } catch (e) {
      expect((e as HipaaGateError).oneLine()).toBe(`${wrong}: not a hipaa-gate baseline (expected {version: 1, findings: [{fingerprint}]})`);
    }
  });
});
