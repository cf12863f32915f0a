import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importSarifFiles, severityFromScore, maskTokens, loadMapping } from '../../src/sources/sarif-import.js';
import { toolFamily } from '../../src/sources/sarif-defaults.js';
import { resolveConfig } from '../../src/config/config.js';
import { HipaaGateError } from '../../src/core/errors.js';

const FX = resolve('test/fixtures/evidence/sarif');
const cfg = (mapping?: string) => resolveConfig(mapping ? { imports: { mapping } } : {}, undefined);
const root = '/repo';

describe('SARIF import', () => {
  it('maps Semgrep results: namespaced ids, level severity, CWE-based citations, masked snippet, tool suppression', async () => {
    const r = await importSarifFiles([join(FX, 'semgrep.sarif')], { root, config: cfg() });
    expect(r.findings).toHaveLength(2);
    const [sqli, log] = r.findings;
    expect(sqli).toMatchObject({
      ruleId: 'imported/semgrep/python.django.security.injection.sql.sql-injection-db-cursor-execute',
      category: 'imported', severity: 'high', hipaa: ['164.312(c)(1)', '164.308(a)(1)(ii)(B)'],
      location: { path: 'app/views.py', startLine: 42, startColumn: 5, endLine: 42, endColumn: 60 },
      remediation: 'Use parameterised queries.', helpUri: 'https://semgrep.dev/r/python.django.security.injection.sql',
    });
    // The snippet never survives unmasked.
    expect(sqli!.excerpt).toMatch(/^curs\*+$/);
    expect(JSON.stringify(r)).not.toContain('SELECT * FROM patients');
    expect(log).toMatchObject({ severity: 'medium', hipaa: ['164.312(a)(1)', '164.312(b)'], inlineAllow: { reason: 'suppressed in Semgrep OSS: test helper only' } });
    expect(r.rules.map((x) => x.id).sort()).toEqual(r.findings.map((f) => f.ruleId).sort());
    expect(r.rules[0]!.category).toBe('imported');
  });

  it('maps Trivy: security-severity score, CVE -> malicious-software protection with advisory for waivers, misconfig -> encryption', async () => {
    const r = await importSarifFiles([join(FX, 'trivy.sarif')], { root, config: cfg() });
    const [cve, mis] = r.findings;
    expect(cve).toMatchObject({ ruleId: 'imported/trivy/CVE-2021-23337', severity: 'high', hipaa: ['164.308(a)(5)(ii)(B)', '164.308(a)(1)(ii)(B)'], properties: { advisory: 'CVE-2021-23337', gitlab: 'dependency_scanning' } });
    expect(mis).toMatchObject({ ruleId: 'imported/trivy/AVD-AWS-0088', severity: 'high', hipaa: ['164.312(a)(2)(iv)'], location: { path: 'infra/s3.tf', startLine: 3, endLine: 9 } });
  });

  it('maps CodeQL (rule by index object) and applies the mapping file over the defaults', async () => {
    const r = await importSarifFiles([join(FX, 'codeql.sarif'), join(FX, 'sonarqube.sarif')], { root, config: cfg(join(FX, 'mapping.yml')) });
    const byRule = Object.fromEntries(r.findings.map((f) => [f.ruleId, f]));
    expect(byRule['imported/codeql/js/clear-text-logging']).toMatchObject({ severity: 'high', hipaa: ['164.312(a)(2)(iv)'] });
    expect(byRule['imported/codeql/js/unused-local-variable']).toMatchObject({ severity: 'info', hipaa: ['164.308(a)(1)(ii)(A)'] });
    expect(byRule['imported/sonarqube/java:S2068']).toMatchObject({ severity: 'critical', hipaa: ['164.312(d)', '164.312(a)(1)'], properties: { gitlab: 'secret_detection' } });
    // Without the mapping the defaults apply.
    const plain = await importSarifFiles([join(FX, 'sonarqube.sarif')], { root, config: cfg() });
    expect(plain.findings[0]!.severity).toBe('high');
  });

  it('records an unsuccessful conftest run as a gap but keeps its results', async () => {
    const r = await importSarifFiles([join(FX, 'conftest.sarif')], { root: resolve('.'), config: cfg() });
    expect(r.findings[0]).toMatchObject({ ruleId: 'imported/conftest/deny-privileged-containers', severity: 'medium', hipaa: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'] });
    expect(r.skipped).toEqual([{ path: 'test/fixtures/evidence/sarif/conftest.sarif', reason: 'error', detail: expect.stringMatching(/unsuccessful run/) }]);
  });

  it('masks secret snippets and token-like text in messages from secret scanners', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-imp-'));
    const token = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0'.repeat(2);
    const sarif = { version: '2.1.0', runs: [{ tool: { driver: { name: 'gitleaks' } }, results: [{ ruleId: 'github-pat', message: { text: `found ${token} in file` }, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///repo/ci/deploy.sh' }, region: { startLine: 3, snippet: { text: `TOKEN=${token}` } } } }] }] }] };
    writeFileSync(join(dir, 'gl.sarif'), JSON.stringify(sarif));
    const r = await importSarifFiles([join(dir, 'gl.sarif')], { root, config: cfg() });
    expect(JSON.stringify(r)).not.toContain(token);
    expect(r.findings[0]).toMatchObject({ location: { path: 'ci/deploy.sh' }, hipaa: ['164.312(d)', '164.312(a)(1)'], properties: { gitlab: 'secret_detection' } });
    expect(maskTokens('see package.json and a/b/c.d')).toBe('see package.json and a/b/c.d');
  });

  it('rejects malformed SARIF with the file named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-imp-'));
    const cases: Array<[string, RegExp]> = [
      ['{"version": "2.1.0", "runs": [', /not valid SARIF JSON/],
      ['{"version": "2.0.0", "runs": []}', /version is "2.0.0"/],
      ['{"version": "2.1.0"}', /"runs" is missing/],
      ['{"version": "2.1.0", "runs": [{"tool": {}}]}', /tool.driver.name/],
      ['{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [42]}]}', /results\[0\] is not an object/],
      ['[1,2]', /top level/],
    ];
    for (const [i, [text, re]] of cases.entries()) {
      const f = join(dir, `bad${i}.sarif`);
      writeFileSync(f, text);
      const err = await importSarifFiles([f], { root, config: cfg() }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HipaaGateError);
      expect((err as HipaaGateError).message).toMatch(re);
      expect((err as HipaaGateError).file).toBe(f);
    }
    await expect(importSarifFiles([join(dir, 'missing.sarif')], { root, config: cfg() })).rejects.toThrow(/not found/);
  });

  it('validates the mapping file with file and line in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-map-'));
    const f = join(dir, 'm.yml');
    writeFileSync(f, 'rules:\n  - id: "x*"\n    severity: urgent\n');
    expect(() => loadMapping(f)).toThrow(/severity/);
    try {
      loadMapping(f);
    } catch (e) {
      expect((e as HipaaGateError).line).toBe(2);
    }
    writeFileSync(f, 'rules:\n  - id: "x*"\n    hipaa: ["HIPAA"]\n');
    expect(() => loadMapping(f)).toThrow(/citations/);
    writeFileSync(f, 'nope: 1\n');
    expect(() => loadMapping(f)).toThrow(/"rules:"/);
  });

  it('scores and families', () => {
    expect([9.8, 7.0, 6.9, 4.0, 0.1, 0].map(severityFromScore)).toEqual(['critical', 'high', 'medium', 'medium', 'low', 'info']);
    expect(['Semgrep OSS', 'CodeQL', 'SonarQube Server', 'Trivy', 'My Custom Tool!'].map(toolFamily)).toEqual(['semgrep', 'codeql', 'sonarqube', 'trivy', 'my-custom-tool']);
  });
});
