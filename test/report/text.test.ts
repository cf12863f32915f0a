import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/text.js';
import { RULES, config, finding, scanResult, waiver } from '../policy/helpers.js';

function sample() {
  return scanResult(
    [
      finding(RULES.key, { path: 'src/config.ts', line: 4, value: 'fakekey-abcdefghijklmnop' }),
      finding(RULES.ssn, { path: 'data/p.csv', line: 2, value: '000-12-3456', masked: '***-**-3456' }),
      finding(RULES.bucket, { path: 'infra/main.tf', line: 7 }),
      finding(RULES.vuln, { path: 'package-lock.json', line: 10 }),
    ],
    { config: config({ waivers: [waiver({ rule: 'test/iac/open-bucket', line: 6, expires: '2026-03-05' })] }), skipped: [{ path: 'big.js', reason: 'too-large', detail: 'over 10 MB' }] },
  );
}

describe('text report', () => {
  it('groups by safeguard with file:line, masked value, citations and the fix, and ends with the verdict', () => {
    const out = renderText(sample());
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('gate failed: 2 findings at or above high');
    expect(out).toContain('Technical safeguards (45 CFR 164.312): 2 findings');
    expect(out).toContain('Administrative safeguards (45 CFR 164.308): 1 finding');
    expect(out).toMatch(/CRITICAL data\/p\.csv:2 {2}test\/fake-ssn\n {11}Fake SSN: \*\*\*-\*\*-3456\n/);
    expect(out).toContain('HIPAA 164.312(a)(1) Access control; 164.312(d) Person or entity authentication');
    expect(out).toContain('fix: Revoke the key and load it from a secret manager.');
    expect(out).toMatch(/LOW {6}package-lock\.json:10 {2}test\/deps\/vulnerable \(below the fail threshold\)/);
    expect(out).not.toContain('fakekey-abcdefghijklmnop');
    expect(out).not.toContain('000-12-3456');
  });

  it('technical safeguards come first; suppressed findings are counted, not listed, unless asked', () => {
    const out = renderText(sample());
    expect(out.indexOf('Technical safeguards')).toBeLessThan(out.indexOf('Administrative safeguards'));
    expect(out).not.toContain('infra/main.tf');
    expect(out).toContain('1 suppressed finding(s) not shown (1 waiver); --show-suppressed lists them');
    const all = renderText(sample(), { showSuppressed: true });
    expect(all).toMatch(/infra\/main\.tf:7 {2}test\/iac\/open-bucket \(suppressed by waiver \.hipaa-gate\.yml:6: accepted risk\)/);
  });

  it('lists what was not scanned and the warnings before the verdict', () => {
    const out = renderText(sample());
    expect(out).toContain('Not scanned (1)\n  big.js  too-large: over 10 MB');
    expect(out).toContain('warning: waiver for test/iac/open-bucket (.hipaa-gate.yml:6) expires in 4 days (2026-03-05)');
    expect(out).toContain('warning: 1 file(s) or part(s) could not be scanned; use --strict to fail on this');
  });

  it('colour only when asked (the CLI asks on a TTY without NO_COLOR)', () => {
    expect(renderText(sample())).not.toMatch(/\x1b\[/);
    const coloured = renderText(sample(), { color: true });
    expect(coloured).toContain('\x1b[35mCRITICAL');
    expect(coloured).toContain('\x1b[31m\x1b[1mgate failed');
  });

  it('a passing scan says so in green', () => {
    const out = renderText(scanResult([finding(RULES.vuln)]), { color: true });
    expect(out.trimEnd().split('\n').at(-1)).toBe('\x1b[32mgate passed: no findings at or above high\x1b[0m');
  });

  it('escapes terminal control characters in file names (no screen rewriting)', () => {
    const out = renderText(scanResult([finding(RULES.key, { path: 'evil\x1b[2K\rgate passed.ts' })]));
    expect(out).not.toContain('\x1b');
    expect(out).toContain('evil\\x1b[2K\\x0dgate passed.ts:1');
  });
});

describe('text report fixes', () => {
  it('shows the first paragraph of a multi-line fix, indented, and not the rest', () => {
    const rule = { ...RULES.bucket, remediation: 'Attach a security group that admits only the app tier:\n  ingress { cidr_blocks = [var.app_cidr] }\n\nLonger background that is not shown.' };
    const out = renderText(scanResult([finding(rule, { severity: 'high' })], { rules: [rule] }));
    expect(out).toContain('           fix: Attach a security group that admits only the app tier:\n                  ingress { cidr_blocks = [var.app_cidr] }\n');
    expect(out).not.toContain('Longer background');
  });
});
