import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import { DEFAULT_MAX_FILE_SIZE, isRealDate, loadConfig, parseConfig, parseSize, scannerEnabled } from './config.js';

/** Parse and return the one-line error the CLI would print (file:line: message). */
function errorOf(text: string): string {
  try {
    parseConfig(text, '.hipaa-gate.yml');
  } catch (e) {
    expect(e).toBeInstanceOf(HipaaGateError);
    expect((e as HipaaGateError).code).toBe('E_CONFIG');
    expect((e as HipaaGateError).exitCode).toBe(2);
    return (e as HipaaGateError).oneLine();
  }
  throw new Error('expected a config error');
}

describe('parseConfig: valid input', () => {
  it('an empty file gives the defaults', () => {
    const c = parseConfig('', '.hipaa-gate.yml');
    expect(c.failOn).toBe('high');
    expect(c.strict).toBe(false);
    expect(c.maxFileSize).toBe(DEFAULT_MAX_FILE_SIZE);
    expect(c.exclude).toEqual([]);
    expect(c.waivers).toEqual([]);
    expect(c.file).toBe('.hipaa-gate.yml');
  });

  it('a file of only comments gives the defaults, with the same digest as no file', () => {
    const c = parseConfig('# nothing configured yet\n\n', 'x.yml');
    expect(c.failOn).toBe('high');
    expect(c.digest).toBe(parseConfig('').digest);
  });

  it('reads every top-level key', () => {
    const c = parseConfig(
      [
        'version: 1',
        'fail_on: medium',
        'strict: true',
        'max_file_size: 2MB',
        'exclude: ["vendor/**", "*.min.js"]',
        'thresholds:',
        '  phi: { fail_on: low, max_findings: 2 }',
        'scanners:',
        '  deps: { enabled: false }',
        'baseline: .hipaa-gate-baseline.json',
        'evidence: { attest: true, ledger: .hipaa-gate/ledger.jsonl }',
        'waivers:',
        '  - rule: secret/generic-api-key',
        '    path: "test/**"',
        '    reason: fabricated fixtures',
        '    approved_by: security@example.org',
        '    expires: 2026-12-31',
      ].join('\n'),
    );
    expect(c.failOn).toBe('medium');
    expect(c.strict).toBe(true);
    expect(c.maxFileSize).toBe(2_000_000);
    expect(c.exclude).toEqual(['vendor/**', '*.min.js']);
    expect(c.thresholds.phi).toEqual({ fail_on: 'low', max_findings: 2 });
    expect(scannerEnabled(c, 'deps')).toBe(false);
    expect(scannerEnabled(c, 'secrets')).toBe(true);
    expect(c.baseline).toBe('.hipaa-gate-baseline.json');
    expect(c.evidence.attest).toBe(true);
    expect(c.waivers).toHaveLength(1);
    expect(c.waivers[0]).toMatchObject({ rule: 'secret/generic-api-key', path: 'test/**', expires: '2026-12-31', line: 13 });
  });

  it('the digest changes with the policy but not with comments or key order', () => {
    const a = parseConfig('fail_on: high\nstrict: true\n');
    const b = parseConfig('# comment\nstrict: true\nfail_on: high\n');
    const c = parseConfig('fail_on: medium\nstrict: true\n');
    expect(a.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(a.digest).toBe(b.digest);
    expect(a.digest).not.toBe(c.digest);
  });

  it('a waiver line does not change the digest (moving a waiver is not a policy change)', () => {
    const w = 'waivers:\n  - fingerprint: 0123456789abcdef\n    reason: accepted risk\n    approved_by: ciso\n    expires: 2027-01-01\n';
    expect(parseConfig(w).digest).toBe(parseConfig(`\n\n${w}`).digest);
  });
});

describe('parseConfig: errors name the file, the line and the key path', () => {
  it('unknown top-level key', () => {
    expect(errorOf('fail_on: high\nfial_on: low\n')).toBe('.hipaa-gate.yml:2: unknown key "fial_on"');
  });

  it('unknown nested key, with its dotted path and its own line', () => {
    const text = ['fail_on: high', 'scanners:', '  secrets:', '    enabled: true', '    disable_rules: []', '', '    foo: 1', ''].join('\n');
    expect(errorOf(text)).toBe('.hipaa-gate.yml:7: unknown key "scanners.secrets.foo"');
  });

  it('unknown key inside a list item', () => {
    const text = ['waivers:', '  - rule: phi/us-ssn', '    reason: test data', '    approved_by: a', '    expires: 2026-01-01', '    owner: b'].join('\n');
    expect(errorOf(text)).toBe('.hipaa-gate.yml:6: unknown key "waivers.0.owner"');
  });

  it('unknown scanner', () => {
    expect(errorOf('scanners:\n  antivirus: {}\n')).toBe('.hipaa-gate.yml:2: unknown key "scanners.antivirus"');
  });

  it('bad enum value lists the allowed values', () => {
    expect(errorOf('fail_on: severe\n')).toBe('.hipaa-gate.yml:1: "fail_on" must be one of critical, high, medium, low, info, none');
    expect(errorOf('thresholds:\n  iac:\n    fail_on: urgent\n')).toMatch(/^\.hipaa-gate\.yml:3: "thresholds\.iac\.fail_on" must be one of /);
  });

  it('wrong types', () => {
    expect(errorOf('strict: "yes"\n')).toBe('.hipaa-gate.yml:1: "strict" must be a boolean');
    expect(errorOf('exclude: vendor/\n')).toBe('.hipaa-gate.yml:1: "exclude" must be a list');
    expect(errorOf('thresholds:\n  phi:\n    max_findings: 1.5\n')).toBe('.hipaa-gate.yml:3: "thresholds.phi.max_findings" must be a whole number');
    expect(errorOf('scanners: [secrets]\n')).toBe('.hipaa-gate.yml:1: "scanners" must be a mapping');
  });

  it('inline_allow takes any, with-reason or never', () => {
    expect(parseConfig('inline_allow: with-reason\n').inlineAllow).toBe('with-reason');
    expect(parseConfig('').inlineAllow).toBe('any');
    expect(errorOf('inline_allow: sometimes\n')).toBe('.hipaa-gate.yml:1: "inline_allow" must be one of any, with-reason, never');
  });

  it('an invalid size', () => {
    expect(errorOf('max_file_size: 10 parsecs\n')).toBe('.hipaa-gate.yml:1: "max_file_size" must be a byte count or a size such as 512KB or 10MB');
    expect(errorOf('max_file_size: 0\n')).toMatch(/"max_file_size" must be a byte count/);
  });

  it('unsupported version', () => {
    expect(errorOf('version: 2\n')).toBe('.hipaa-gate.yml:1: "version" must be 1');
  });

  it('a waiver without reason names the missing key, not an anyOf branch', () => {
    const text = ['fail_on: high', 'waivers:', '  - rule: phi/us-ssn', '    approved_by: a', '    expires: 2026-01-01'].join('\n');
    expect(errorOf(text)).toBe('.hipaa-gate.yml:3: "waivers.0" is missing required key "reason"');
  });

  it('a waiver that names nothing to match', () => {
    const text = ['waivers:', '  - path: "src/**"', '    reason: legacy code', '    approved_by: a', '    expires: 2026-01-01'].join('\n');
    expect(errorOf(text)).toBe('.hipaa-gate.yml:2: "waivers.0" needs one of: fingerprint, rule, advisory');
  });

  it('an expiry that is not a date', () => {
    const text = ['waivers:', '  - rule: phi/us-ssn', '    reason: fixtures', '    approved_by: a', '    expires: next year'].join('\n');
    expect(errorOf(text)).toBe('.hipaa-gate.yml:5: "waivers.0.expires" must be a date written YYYY-MM-DD');
  });

  it('an expiry that is shaped like a date but does not exist (2026-02-30)', () => {
    const text = ['fail_on: high', 'waivers:', '  - rule: phi/us-ssn', '    reason: fixtures', '    approved_by: a', '    expires: 2026-02-30'].join('\n');
    expect(errorOf(text)).toBe('.hipaa-gate.yml:3: waiver expiry "2026-02-30" is not a real date (YYYY-MM-DD)');
  });

  it('invalid YAML, with its line', () => {
    expect(errorOf('fail_on: high\nexclude: [a, b\nstrict: true\n')).toMatch(/^\.hipaa-gate\.yml:3: invalid YAML: Flow sequence/);
    expect(errorOf('fail_on: high\nstrict: true\n\tfoo: 1\n')).toBe('.hipaa-gate.yml:3: invalid YAML: Tabs are not allowed as indentation');
  });

  it('duplicate keys are an error, at the second occurrence', () => {
    expect(errorOf('fail_on: high\nstrict: true\nfail_on: low\n')).toMatch(/^\.hipaa-gate\.yml:3: invalid YAML: .*unique/i);
  });

  it('a document that is not a mapping', () => {
    expect(errorOf('- fail_on\n- high\n')).toBe('.hipaa-gate.yml:1: the config must be a mapping of keys');
    expect(errorOf('just a string\n')).toBe('.hipaa-gate.yml:1: the config must be a mapping of keys');
  });

  it('the error is one line even when the YAML parser message has several', () => {
    expect(errorOf('a: "unterminated\n')).not.toContain('\n');
  });
});

describe('loadConfig', () => {
  it('finds .hipaa-gate.yml or .hipaa-gate.yaml in the root, else defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-config-'));
    expect(loadConfig(dir).file).toBeUndefined();
    writeFileSync(join(dir, '.hipaa-gate.yaml'), 'fail_on: low\n');
    const c = loadConfig(dir);
    expect(c.failOn).toBe('low');
    expect(c.file).toBe(join(dir, '.hipaa-gate.yaml'));
  });

  it('an explicit path that does not exist is an error naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-config-'));
    expect(() => loadConfig(dir, join(dir, 'nope.yml'))).toThrowError(/config file not found/);
  });

  it('errors from a found file carry its full path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-config-'));
    writeFileSync(join(dir, '.hipaa-gate.yml'), 'fail_on: high\nbogus: 1\n');
    try {
      loadConfig(dir);
      expect.unreachable();
    } catch (e) {
      expect((e as HipaaGateError).oneLine()).toBe(`${join(dir, '.hipaa-gate.yml')}:2: unknown key "bogus"`);
    }
  });
});

describe('helpers', () => {
  it('parseSize', () => {
    expect(parseSize(undefined, 7)).toBe(7);
    expect(parseSize(123, 7)).toBe(123);
    expect(parseSize('1.5 MiB', 0)).toBe(1_572_864);
    expect(parseSize('10MB', 0)).toBe(10_000_000);
    expect(() => parseSize('ten', 0)).toThrow(/invalid size/);
  });

  it('isRealDate', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-04-31')).toBe(false);
    expect(isRealDate('2026-4-30')).toBe(false);
  });
});
