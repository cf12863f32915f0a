import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { GITLAB_FILES, gitlabReport, gitlabTime, renderGitlabFiles, type GitlabKind } from '../../src/report/gitlab.js';
import { writeReport } from '../../src/report/index.js';
import { sampleFinding, sampleResult } from '../fixtures/evidence/sample.js';

const SCHEMAS = '/work/shared/schemas/gitlab';
function validator(kind: GitlabKind) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const meta = GITLAB_FILES[kind];
  return ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, meta.version, `${meta.schema}-report-format.json`), 'utf8')));
}

const withImage = () =>
  sampleResult({
    findings: [
      ...sampleResult().findings,
      sampleFinding({
        ruleId: 'deps/vulnerable-package', category: 'deps', severity: 'high', title: 'Vulnerable OS package', message: 'openssl 3.0.7-1 has CVE-2023-0286',
        location: { path: 'var/lib/dpkg/status', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, layer: 'sha256:' + 'd'.repeat(64), image: 'registry.example/app:1.0' },
        fingerprint: 'f5'.padEnd(64, '0'), excerpt: 'openssl@3.0.7-1', hipaa: ['164.308(a)(5)(ii)(B)'],
        properties: { package: 'openssl', version: '3.0.7-1', ecosystem: 'Debian:12', advisory: 'CVE-2023-0286' },
      }),
      sampleFinding({ ruleId: 'imported/trivy/CVE-2024-0001', category: 'imported', severity: 'low', fingerprint: 'f6'.padEnd(64, '0'), properties: { gitlab: 'dependency_scanning', package: 'left-pad', version: '1.0.0' } }),
    ],
  });

describe('GitLab security reports', () => {
  it('each of the four files validates against its GitLab schema and holds the right findings', () => {
    const r = withImage();
    const files = renderGitlabFiles(r);
    expect(files.map((f) => f.name)).toEqual(['gl-secret-detection-report.json', 'gl-sast-report.json', 'gl-dependency-scanning-report.json', 'gl-container-scanning-report.json']);
    const expected: Record<GitlabKind, string[]> = {
      secret_detection: ['secret/aws-access-key-id'],
      sast: ['iac/aws/s3-bucket-encryption', 'phi/us-ssn'],
      // The waived lodash finding is an accepted risk and stays out.
      dependency_scanning: ['imported/trivy/CVE-2024-0001'],
      container_scanning: ['deps/vulnerable-package'],
    };
    for (const kind of Object.keys(GITLAB_FILES) as GitlabKind[]) {
      const doc = JSON.parse(files.find((f) => f.name === GITLAB_FILES[kind].file)!.data as string);
      const validate = validator(kind);
      expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(doc.scan.type).toBe(kind);
      const ids = doc.vulnerabilities.map((v: { identifiers: Array<{ value: string }> }) => v.identifiers[0]!.value).sort();
      expect(ids).toEqual(expected[kind]);
    }
  });

  it('an empty run still gives valid reports, and ids are stable across runs', () => {
    for (const kind of Object.keys(GITLAB_FILES) as GitlabKind[]) {
      const doc = gitlabReport(sampleResult({ findings: [] }), kind);
      expect(validator(kind)(doc)).toBe(true);
    }
    const a = gitlabReport(sampleResult(), 'sast');
    const b = gitlabReport(sampleResult(), 'sast');
    expect((a.vulnerabilities as Array<{ id: string }>).map((v) => v.id)).toEqual((b.vulnerabilities as Array<{ id: string }>).map((v) => v.id));
    expect((a.vulnerabilities as Array<{ id: string }>)[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('uses GitLab time format, carries CVE identifiers and commit sha, and reports scan gaps', () => {
    expect(gitlabTime('2026-03-01T10:00:00.123Z')).toBe('2026-03-01T10:00:00');
    const dep = gitlabReport(withImage(), 'container_scanning') as { vulnerabilities: Array<{ identifiers: Array<{ type: string; value: string }>; location: Record<string, unknown> }> };
    expect(dep.vulnerabilities[0]!.identifiers.some((i) => i.type === 'cve' && i.value === 'CVE-2023-0286')).toBe(true);
    expect(dep.vulnerabilities[0]!.location).toMatchObject({ image: 'registry.example/app:1.0', operating_system: 'Debian:12' });
    const sec = gitlabReport(sampleResult({ target: { root: '/x', mode: 'worktree', commit: 'abc1234' } }), 'secret_detection') as { scan: { messages: unknown[] }; vulnerabilities: Array<{ location: { commit: { sha: string } } }> };
    expect(sec.vulnerabilities[0]!.location.commit.sha).toBe('abc1234');
    expect(sec.scan.messages).toHaveLength(1);
  });

  it('--output DIR/ writes all four files; an output named like one file writes just that report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-gl-'));
    await writeReport(withImage(), 'gitlab', join(dir, 'out') + '/');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(Object.values(GITLAB_FILES).map((f) => f.file).sort());
    await writeReport(withImage(), 'gitlab', join(dir, 'gl-secret-detection-report.json'));
    expect(JSON.parse(readFileSync(join(dir, 'gl-secret-detection-report.json'), 'utf8')).scan.type).toBe('secret_detection');
    await writeReport(withImage(), 'gitlab', join(dir, 'other.json'));
    expect(JSON.parse(readFileSync(join(dir, 'other.json'), 'utf8')).scan.type).toBe('sast');
  });
});
