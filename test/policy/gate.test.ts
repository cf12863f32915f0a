import { describe, expect, it } from 'vitest';
import { applyPolicy } from '../../src/policy/gate.js';
import type { Finding, Skipped } from '../../src/core/types.js';
import { RULES, config, finding, findings, waiver } from './helpers.js';

const NOW = new Date('2026-03-01T12:00:00Z');

function gate(list: Finding[], cfg = config(), extra: Partial<Parameters<typeof applyPolicy>[0]> = {}) {
  return applyPolicy({ findings: list, skipped: [], config: cfg, now: NOW, ...extra });
}

describe('fail_on', () => {
  it('blocks findings at or above the threshold (default high) and writes the one-line verdict', () => {
    const list = findings(
      ...Array.from({ length: 6 }, (_, i) => finding(RULES.key, { path: `src/k${i}.ts` })),
      finding(RULES.ssn),
      finding(RULES.bucket),
      finding(RULES.vuln),
    );
    const g = gate(list);
    expect(g.passed).toBe(false);
    expect(g.summary).toBe('gate failed: 7 findings at or above high');
    expect(g.blocking).toHaveLength(7);
    expect(new Set(g.blocking)).toEqual(new Set(list.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.fingerprint)));
    expect(g.failOn).toBe('high');
  });

  it('passes when everything is below the threshold', () => {
    const g = gate(findings(finding(RULES.bucket), finding(RULES.vuln)));
    expect(g).toMatchObject({ passed: true, summary: 'gate passed: no findings at or above high', blocking: [], reasons: [] });
  });

  it('singular wording for one finding', () => {
    expect(gate(findings(finding(RULES.key))).summary).toBe('gate failed: 1 finding at or above high');
  });

  it('the config threshold applies, and the CLI --fail-on overrides it', () => {
    const list = findings(finding(RULES.bucket));
    expect(gate(list, config({ fail_on: 'medium' })).passed).toBe(false);
    expect(gate(list, config({ fail_on: 'medium' }), { failOn: 'critical' }).passed).toBe(true);
    expect(gate(list, config({ fail_on: 'critical' }), { failOn: 'low' }).summary).toBe('gate failed: 1 finding at or above low');
  });

  it('fail_on none never fails on findings unless a category threshold says so', () => {
    const list = findings(finding(RULES.ssn), finding(RULES.bucket));
    const g = gate(list, config({ fail_on: 'none' }));
    expect(g.passed).toBe(true);
    expect(g.failOn).toBe('none');
    const g2 = gate(list, config({ fail_on: 'none', thresholds: { iac: { fail_on: 'medium' } } }));
    expect(g2.passed).toBe(false);
    expect(g2.summary).toBe('gate failed: 1 finding at or above the category thresholds');
    expect(g2.blocking).toEqual([list[1]!.fingerprint]);
  });
});

describe('per-category thresholds', () => {
  it('a category fail_on replaces the global one for that category only', () => {
    const list = findings(finding(RULES.key), finding(RULES.vuln), finding(RULES.ssn));
    const g = gate(list, config({ thresholds: { secret: { fail_on: 'critical' }, deps: { fail_on: 'low' } } }));
    // secret high no longer blocks; deps low now does; phi critical still does under the global high.
    expect(new Set(g.blocking)).toEqual(new Set([list[1]!.fingerprint, list[2]!.fingerprint]));
  });

  it('max_findings tolerates up to N findings with a warning, and blocks them all above N', () => {
    const cfg = config({ thresholds: { phi: { max_findings: 2 } } });
    const two = findings(finding(RULES.ssn, { path: 'a.csv' }), finding(RULES.ssn, { path: 'b.csv' }));
    const g = gate(two, cfg);
    expect(g.passed).toBe(true);
    expect(g.warnings).toContain('2 phi finding(s) tolerated by thresholds.phi.max_findings=2');
    const three = findings(...['a.csv', 'b.csv', 'c.csv'].map((p) => finding(RULES.ssn, { path: p })));
    const g3 = gate(three, cfg);
    expect(g3.passed).toBe(false);
    expect(g3.blocking).toHaveLength(3);
  });

  it('max_findings counts only findings at or above that category threshold', () => {
    const cfg = config({ thresholds: { iac: { fail_on: 'high', max_findings: 0 } } });
    expect(gate(findings(finding(RULES.bucket), finding(RULES.bucket, { path: 'x.tf' })), cfg).passed).toBe(true);
  });
});

describe('excludes', () => {
  it('findings in excluded paths are kept but suppressed, using .gitignore syntax', () => {
    const list = findings(finding(RULES.key, { path: 'vendor/lib/a.js' }), finding(RULES.key, { path: 'docs/example.min.js' }), finding(RULES.key, { path: 'src/a.ts' }));
    const g = gate(list, config({ exclude: ['vendor/', '*.min.js'] }));
    expect(list.map((f) => f.suppression?.kind)).toEqual(['excluded', 'excluded', undefined]);
    expect(g.blocking).toEqual([list[2]!.fingerprint]);
  });
});

describe('waivers', () => {
  it('by fingerprint: exactly that finding, with reason, approver, expiry and the config line', () => {
    const list = findings(finding(RULES.key, { path: 'src/a.ts' }), finding(RULES.key, { path: 'src/b.ts' }));
    const cfg = config({ waivers: [waiver({ fingerprint: list[0]!.fingerprint, line: 9 })] });
    const g = gate(list, cfg);
    expect(list[0]!.suppression).toEqual({
      kind: 'waiver',
      reason: 'accepted risk',
      approvedBy: 'security@example.invalid',
      expires: '2026-06-30',
      waiver: 0,
      source: '.hipaa-gate.yml:9',
    });
    expect(list[1]!.suppression).toBeUndefined();
    expect(g.blocking).toEqual([list[1]!.fingerprint]);
  });

  it('by rule and path glob', () => {
    const list = findings(finding(RULES.key, { path: 'test/fixtures/a.env' }), finding(RULES.key, { path: 'src/a.ts' }), finding(RULES.ssn, { path: 'test/fixtures/p.csv' }));
    gate(list, config({ waivers: [waiver({ rule: 'test/fake-key', path: 'test/**' })] }));
    expect(list.map((f) => f.suppression?.kind)).toEqual(['waiver', undefined, undefined]);
  });

  it('by rule glob across all paths', () => {
    const list = findings(finding(RULES.bucket, { path: 'infra/a.tf' }), finding(RULES.key));
    gate(list, config({ waivers: [waiver({ rule: 'test/iac/*' })] }));
    expect(list.map((f) => f.suppression?.kind)).toEqual(['waiver', undefined]);
  });

  it('by advisory id, matching aliases case-insensitively', () => {
    const list = findings(
      finding(RULES.vuln, { properties: { advisory: 'GHSA-aaaa-bbbb-cccc', aliases: ['CVE-2021-0001'] } }),
      finding(RULES.vuln, { path: 'b/package-lock.json', properties: { advisory: 'GHSA-dddd-eeee-ffff' } }),
    );
    gate(list, config({ waivers: [waiver({ advisory: 'cve-2021-0001' })] }));
    expect(list.map((f) => f.suppression?.kind)).toEqual(['waiver', undefined]);
  });

  it('an expired waiver fails the gate with its file:line and no longer suppresses', () => {
    const list = findings(finding(RULES.bucket));
    const cfg = config({ waivers: [waiver({ rule: 'test/iac/open-bucket', expires: '2026-02-28', line: 12 })] }, 'policy/.hipaa-gate.yml');
    const g = gate(list, cfg);
    expect(g.passed).toBe(false);
    expect(list[0]!.suppression).toBeUndefined();
    expect(g.reasons).toEqual(['waiver for test/iac/open-bucket (policy/.hipaa-gate.yml:12) expired on 2026-02-28; it would still suppress 1 finding(s)']);
    expect(g.summary).toBe('gate failed: waiver for test/iac/open-bucket (policy/.hipaa-gate.yml:12) expired on 2026-02-28; it would still suppress 1 finding(s)');
  });

  it('an expired waiver fails the gate even when it matches nothing', () => {
    const g = gate([], config({ waivers: [waiver({ fingerprint: 'deadbeefdeadbeef', expires: '2025-12-31', line: 4 })] }));
    expect(g.passed).toBe(false);
    expect(g.reasons).toEqual(['waiver for fingerprint deadbeefdead (.hipaa-gate.yml:4) expired on 2025-12-31']);
  });

  it('is valid through its expiry day (UTC) and expired the day after, by the injected clock', () => {
    const cfg = config({ waivers: [waiver({ rule: 'test/fake-key', expires: '2026-03-01' })] });
    const late = applyPolicy({ findings: findings(finding(RULES.key)), skipped: [], config: cfg, now: new Date('2026-03-01T23:59:59Z') });
    expect(late.passed).toBe(true);
    expect(late.warnings).toContain('waiver for test/fake-key expires today (2026-03-01)');
    const next = applyPolicy({ findings: findings(finding(RULES.key)), skipped: [], config: cfg, now: new Date('2026-03-02T00:00:00Z') });
    expect(next.passed).toBe(false);
  });

  it('warns when a waiver expires within 14 days, not before', () => {
    const warnsAt = (expires: string) => gate([], config({ waivers: [waiver({ rule: 'x/y', expires })] })).warnings;
    expect(warnsAt('2026-03-15')).toEqual(['waiver for x/y expires in 14 days (2026-03-15)']);
    expect(warnsAt('2026-03-02')).toEqual(['waiver for x/y expires in 1 day (2026-03-02)']);
    expect(warnsAt('2026-03-16')).toEqual([]);
    expect(gate([], config({ waivers: [waiver({ rule: 'x/y', expires: '2026-03-15' })] })).passed).toBe(true);
  });

  it('an active waiver suppresses even when an earlier expired one also matches; the expired one still fails the gate', () => {
    const list = findings(finding(RULES.key));
    const cfg = config({ waivers: [waiver({ rule: 'test/fake-key', expires: '2026-01-01' }), waiver({ rule: 'test/fake-key', expires: '2026-12-31', reason: 'renewed' })] });
    const g = gate(list, cfg);
    expect(list[0]!.suppression).toMatchObject({ kind: 'waiver', reason: 'renewed', waiver: 1 });
    expect(g.blocking).toEqual([]);
    expect(g.passed).toBe(false);
    expect(g.reasons[0]).toMatch(/expired on 2026-01-01/);
  });
});

describe('inline allows and baseline', () => {
  it('an inline allow suppresses with its reason (or says none was given)', () => {
    const list = findings(finding(RULES.key, { path: 'a.ts' }), finding(RULES.key, { path: 'b.ts' }));
    list[0]!.inlineAllow = { reason: 'fabricated test key' };
    list[1]!.inlineAllow = { rule: 'test/fake-key' };
    const g = gate(list);
    expect(list[0]!.suppression).toEqual({ kind: 'inline', reason: 'fabricated test key' });
    expect(list[1]!.suppression).toEqual({ kind: 'inline', reason: 'hipaa-gate:allow comment (no reason given)' });
    expect(g.summary).toBe('gate passed: no findings at or above high (2 suppressed)');
  });

  it('inline_allow: with-reason ignores bare markers, never ignores all of them, with a warning', () => {
    const make = () => {
      const list = findings(finding(RULES.key, { path: 'a.ts' }), finding(RULES.key, { path: 'b.ts' }));
      list[0]!.inlineAllow = { reason: 'documented sample' };
      list[1]!.inlineAllow = {};
      return list;
    };
    const withReason = make();
    const g = gate(withReason, config({ inline_allow: 'with-reason' }));
    expect(withReason.map((f) => f.suppression?.kind)).toEqual(['inline', undefined]);
    expect(g.blocking).toEqual([withReason[1]!.fingerprint]);
    expect(g.warnings).toContain('1 hipaa-gate:allow comment(s) ignored: inline_allow is with-reason and they give no reason');
    const never = make();
    const g2 = gate(never, config({ inline_allow: 'never' }));
    expect(g2.blocking).toHaveLength(2);
    expect(g2.warnings).toContain('2 hipaa-gate:allow comment(s) ignored: inline_allow is never');
  });

  it('only findings missing from the baseline fail the gate', () => {
    const old = findings(finding(RULES.key, { path: 'legacy/a.ts', value: 'legacy-value-1' }));
    const baseline = { version: 1 as const, createdAt: '', updatedAt: '', findings: [{ fingerprint: old[0]!.fingerprint, ruleId: 'test/fake-key', path: 'legacy/a.ts', line: 1 }] };
    const now = findings(finding(RULES.key, { path: 'legacy/a.ts', value: 'legacy-value-1', line: 40 }), finding(RULES.key, { path: 'src/new.ts' }));
    const g = gate(now, config(), { baseline });
    expect(now[0]!.suppression).toEqual({ kind: 'baseline', reason: 'present in the baseline' });
    expect(g.blocking).toEqual([now[1]!.fingerprint]);
  });

  it('keeps a suppression set upstream (imported SARIF)', () => {
    const list = findings(finding(RULES.key));
    list[0]!.suppression = { kind: 'inline', reason: 'suppressed in the imported SARIF' };
    expect(gate(list).passed).toBe(true);
    expect(list[0]!.suppression.reason).toBe('suppressed in the imported SARIF');
  });

  it('precedence: exclude, then inline, then waiver, then baseline', () => {
    const list = findings(finding(RULES.key, { path: 'vendor/x.ts' }));
    list[0]!.inlineAllow = {};
    gate(list, config({ exclude: ['vendor/'], waivers: [waiver({ rule: 'test/fake-key' })] }));
    expect(list[0]!.suppression?.kind).toBe('excluded');
  });
});

describe('coverage gaps and --strict', () => {
  const gaps: Skipped[] = [
    { path: 'big.min.js', reason: 'too-large', detail: 'over 10 MB' },
    { path: 'logo.png', reason: 'binary', detail: 'binary content', expected: true },
  ];

  it('warns without --strict, fails with it; expected skips (binary) never count', () => {
    const loose = applyPolicy({ findings: [], skipped: gaps, config: config(), now: NOW });
    expect(loose.passed).toBe(true);
    expect(loose.warnings).toContain('1 file(s) or part(s) could not be scanned; use --strict to fail on this');
    const strict = applyPolicy({ findings: [], skipped: gaps, config: config(), now: NOW, strict: true });
    expect(strict.passed).toBe(false);
    expect(strict.summary).toBe('gate failed: 1 file(s) or part(s) could not be scanned (--strict)');
    expect(applyPolicy({ findings: [], skipped: [gaps[1]!], config: config({ strict: true }), now: NOW }).passed).toBe(true);
  });

  it('strict can come from the config file', () => {
    expect(applyPolicy({ findings: [], skipped: gaps, config: config({ strict: true }), now: NOW }).passed).toBe(false);
  });

  it('extra reasons from scanners fail the gate and appear in the verdict', () => {
    const g = applyPolicy({ findings: [], skipped: [], config: config(), now: NOW, extraReasons: ['vulnerability database is 40 days old (--strict)'] });
    expect(g.summary).toBe('gate failed: vulnerability database is 40 days old (--strict)');
  });
});
