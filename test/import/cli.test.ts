import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../evidence/helpers.js';

const FX = resolve('test/fixtures/evidence/sarif');

describe('scan --import (built CLI)', () => {
  it('malformed SARIF: clear error naming the file, exit 2, no report written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-impcli-'));
    writeFileSync(join(dir, 'bad.sarif'), '{"version":"2.1.0","runs":[{"tool":');
    const r = run(['scan', '.', '--no-progress', '--scanners', 'secrets', '--import', 'bad.sarif', '--format', 'json', '-o', 'out.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hipaa-gate: error: .*bad\.sarif(:1)?: not valid SARIF JSON/);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('imported findings go through the same gate, waivers and every report format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-impcli-'));
    writeFileSync(join(dir, '.hipaa-gate.yml'), 'waivers:\n  - advisory: CVE-2021-23337\n    reason: fixed upstream next sprint\n    approved_by: cso@example.org\n    expires: "2099-01-01"\n');
    const r = run(
      ['scan', '.', '--no-progress', '--scanners', 'secrets', '--import', join(FX, 'trivy.sarif'), '--import', join(FX, 'codeql.sarif'),
        '-f', 'json', '-o', 'r.json', '-f', 'gitlab', '-o', 'gl/', '-f', 'html', '-o', 'r.html', '-f', 'markdown', '-o', 'r.md'],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    const byRule = Object.fromEntries(json.findings.map((f: { ruleId: string }) => [f.ruleId, f]));
    expect(byRule['imported/trivy/CVE-2021-23337'].suppression).toMatchObject({ kind: 'waiver', approvedBy: 'cso@example.org' });
    expect(byRule['imported/trivy/AVD-AWS-0088'].suppression).toBeUndefined();
    expect(json.gate.summary).toMatch(/gate failed: 2 findings at or above high/);
    expect(json.rules.map((x: { id: string }) => x.id)).toContain('imported/codeql/js/clear-text-logging');
    expect(json.controls.find((c: { id: string }) => c.id === '164.312(a)(2)(iv)').status).toBe('failed');
    expect(readdirSync(join(dir, 'gl')).sort()).toEqual(['gl-container-scanning-report.json', 'gl-dependency-scanning-report.json', 'gl-sast-report.json', 'gl-secret-detection-report.json']);
    const sast = JSON.parse(readFileSync(join(dir, 'gl', 'gl-sast-report.json'), 'utf8'));
    expect(sast.vulnerabilities.map((v: { identifiers: Array<{ value: string }> }) => v.identifiers[0]!.value).sort()).toEqual(['imported/codeql/js/clear-text-logging', 'imported/codeql/js/unused-local-variable', 'imported/trivy/AVD-AWS-0088']);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('gate failed: 2 findings at or above high');
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^## hipaa-gate: FAILED/);
  });
});
