/**
 * Rule metadata and CSV coverage: every built-in rule is well-formed, and the rules cover the
 * statically checkable rows of the shared HIPAA mapping (AWS Config HIPAA pack + Azure/GCP lists).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/scanners/iac/rules/index.js';
import { HIPAA_MAP } from '../../src/scanners/iac/rules/types.js';
import { sharedDir } from './checkov-harness.js';

describe('built-in IaC rules', () => {
  it('have unique, namespaced ids, citations, a severity and a remediation with a snippet', () => {
    const ids = BUILTIN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of BUILTIN_RULES) {
      expect(r.id).toMatch(/^iac\/(aws|azure|gcp|k8s|docker)\/[a-z0-9-]+$/);
      expect(r.meta.hipaa.length, r.id).toBeGreaterThan(0);
      for (const c of r.meta.hipaa) expect(c, r.id).toMatch(/^164\.(308|310|312|316)\(/);
      expect(r.meta.hipaa.some((c) => c.startsWith('164.314(b)')), r.id).toBe(false);
      expect(r.types.length, r.id).toBeGreaterThan(0);
      // A corrected snippet: Terraform/CloudFormation/YAML/Dockerfile syntax, not prose only.
      expect(r.meta.remediation, r.id).toMatch(/[={}:]|^(FROM|USER|RUN|HEALTHCHECK)\b/m);
    }
  });

  it('ships at least one rule per platform the issue names', () => {
    for (const p of ['aws', 'azure', 'gcp', 'k8s', 'docker']) expect(BUILTIN_RULES.some((r) => r.id.startsWith(`iac/${p}/`)), p).toBe(true);
    for (const id of ['iac/k8s/ingress-without-tls', 'iac/k8s/secret-in-env', 'iac/k8s/privileged-container', 'iac/k8s/host-access', 'iac/k8s/run-as-root', 'iac/k8s/missing-network-policy', 'iac/k8s/missing-resource-limits', 'iac/docker/root-user', 'iac/docker/secret-in-env', 'iac/docker/unpinned-base-image', 'iac/docker/add-from-url', 'iac/docker/missing-healthcheck']) {
      expect(BUILTIN_RULES.some((r) => r.id === id), id).toBe(true);
    }
  });

  it('every rule has valid and invalid cases in test/iac/rules', () => {
    const dir = join(import.meta.dirname, 'rules');
    const text = ['aws-s3', 'aws-rds', 'aws-ec2', 'aws-network', 'aws-elb', 'aws-audit', 'aws-iam', 'aws-datastores', 'aws-compute', 'azure', 'gcp', 'k8s', 'docker'].map((f) => readFileSync(join(dir, `${f}.test.ts`), 'utf8')).join('\n');
    const missing = BUILTIN_RULES.map((r) => r.id).filter((id) => !text.includes(`id: '${id}'`));
    expect(missing).toEqual([]);
  });
});

const shared = sharedDir();

describe.skipIf(!shared)('HIPAA CSV coverage', () => {
  const covered = new Set(BUILTIN_RULES.flatMap((r) => r.csv ?? []));

  it('covers >= 90% of the AWS rows marked statically checkable, and reports partial rows', () => {
    const rows = Object.entries(HIPAA_MAP.aws);
    const yes = rows.filter(([, e]) => e.checkable === 'yes');
    const partial = rows.filter(([, e]) => e.checkable === 'partial');
    const yesHit = yes.filter(([k]) => covered.has(`aws:${k}`));
    const partialHit = partial.filter(([k]) => covered.has(`aws:${k}`));
    console.log(`AWS checkable: ${yesHit.length}/${yes.length}; partial: ${partialHit.length}/${partial.length}; missing: ${yes.filter(([k]) => !covered.has(`aws:${k}`)).map(([k]) => k).join(', ') || 'none'}`);
    expect(yesHit.length / yes.length).toBeGreaterThanOrEqual(0.9);
  });

  it('covers every Azure and GCP control', () => {
    for (const cloud of ['azure', 'gcp'] as const) {
      const missing = Object.keys(HIPAA_MAP[cloud]).filter((k) => !covered.has(`${cloud}:${k}`));
      expect(missing, cloud).toEqual([]);
    }
  });

  it('the bundled mapping matches the shared CSVs (citations minus 164.314(b))', () => {
    const csv = readFileSync(join(shared!, 'hipaa', 'aws-hipaa-rules.csv'), 'utf8');
    // Simple check on a few rows: the CSV is quoted CSV, so compare via the citation column of known rows.
    for (const rule of ['s3-bucket-versioning-enabled', 'rds-storage-encrypted', 'vpc-flow-logs-enabled']) {
      const line = csv.split('\n').find((l) => l.startsWith(`${rule},`))!;
      const cites = line.split(',')[1]!.split(';').filter((c) => !c.startsWith('164.314(b)'));
      expect(HIPAA_MAP.aws[rule]!.hipaa).toEqual(cites);
    }
  });
});
