/** The built CLI: rules list/test, iac export, and a scan of the sample stack. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const FIX = join(ROOT, 'test', 'fixtures', 'iac');
const run = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

beforeAll(() => {
  if (!existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
}, 180_000);

describe('hipaa-gate rules', () => {
  it('lists every IaC rule with citations, as JSON', () => {
    const r = run(['rules', 'list', '--category', 'iac', '--json']);
    expect(r.status).toBe(0);
    const rules = JSON.parse(r.stdout) as Array<{ id: string; hipaa: string[]; category: string }>;
    expect(rules.length).toBeGreaterThan(150);
    expect(rules.every((x) => x.category === 'iac' && x.hipaa.length > 0)).toBe(true);
    expect(rules.map((x) => x.id)).toContain('iac/aws/s3-bucket-encryption');
  });

  it('rejects an unknown category', () => {
    const r = run(['rules', 'list', '--category', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown category/);
  });

  it('rules test runs custom rule cases; a failing case exits 1, a compile error exits 2 with file:line', () => {
    const ok = run(['rules', 'test', join(FIX, 'custom-rules')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/2 rules, \d+ passed, 0 failed/);
    const dir = mkdtempSync(join(tmpdir(), 'hg-rules-'));
    writeFileSync(join(dir, 'r.yaml'), 'id: iac/custom/a\ntitle: A\nseverity: low\nhipaa: ["164.312(b)"]\nremediation: x\ncondition: "false"\ntests:\n  valid: []\n  invalid: ["resource \\"aws_sns_topic\\" \\"t\\" {}"]\n');
    const bad = run(['rules', 'test', dir]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/FAIL iac\/custom\/a invalid #0/);
    writeFileSync(join(dir, 'r.yaml'), 'id: iac/custom/a\ntitle: A\nseverity: low\nhipaa: ["164.312(b)"]\nremediation: x\ncondition: "resource.type =="\n');
    const broken = run(['rules', 'test', dir]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/r\.yaml:6: condition does not compile/);
  });
});

describe('hipaa-gate iac export', () => {
  it('writes the normalized model as JSON for OPA/conftest', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hg-exp-')), 'model.json');
    const r = run(['iac', 'export', join(FIX, 'sample'), '-o', out]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { schema: string; resources: Array<{ address: string; file: string; line: number; attributes: Record<string, unknown> }> };
    expect(doc.schema).toBe('hipaa-gate/iac-model@1');
    const bucket = doc.resources.find((x) => x.address === 'aws_s3_bucket.records')!;
    expect(bucket).toMatchObject({ file: 'terraform/main.tf', line: 10, attributes: { bucket: 'clinic-records-prod' } });
    expect(doc.resources.map((x) => x.address)).toEqual(expect.arrayContaining(['Deployment/clinic/portal', 'AWS::S3::Bucket.TrailBucket', 'Dockerfile']));
  });
});

describe('hipaa-gate scan (iac)', () => {
  it('blocks the sample stack with cited findings, cross-resource ones and custom rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-scan-'));
    cpSync(FIX, dir, { recursive: true });
    const r = run(['scan', join(dir, 'sample'), '--scanners', 'iac', '--format', 'json', '--no-progress'], dir);
    expect(r.status).toBe(1);
    const res = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; location: { path: string; startLine: number; resource?: string }; hipaa: string[] }>; rules: Array<{ id: string }> };
    const at = (id: string) => res.findings.filter((f) => f.ruleId === id).map((f) => `${f.location.path}:${f.location.startLine} ${f.location.resource}`);
    expect(at('iac/aws/database-security-group-open')).toEqual(['terraform/main.tf:26 aws_db_instance.ehr']);
    expect(at('iac/aws/database-kms-key-rotation')).toEqual(['terraform/main.tf:25 aws_db_instance.ehr']);
    expect(at('iac/aws/cloudtrail-bucket-protected')).toEqual(['stack.yaml:7 AWS::CloudTrail::Trail.Trail']);
    expect(at('iac/k8s/privileged-container')).toEqual(['k8s/portal.yaml:14 Deployment/clinic/portal']);
    expect(at('iac/docker/add-from-url')).toEqual(['Dockerfile:2 Dockerfile']);
    expect(at('iac/custom/phi-bucket-owner')).toEqual(['terraform/main.tf:10 aws_s3_bucket.records']);
    expect(res.rules.map((x) => x.id)).toContain('iac/custom/clinic-replicas');
    expect(res.findings.every((f) => f.hipaa.length > 0)).toBe(true);
  });
});
