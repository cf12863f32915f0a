/** CloudFormation intrinsics, Kubernetes multi-document YAML, Dockerfiles, and bad input. */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/scanners/iac/load.js';
import { scanner } from '../../src/scanners/iac/index.js';
import { isDockerfilePath } from '../../src/scanners/iac/dockerfile/dockerfile.js';
import type { Artifact, Skipped } from '../../src/core/types.js';

const load = (files: Record<string, string>) => loadModel(Object.entries(files).map(([path, text]) => ({ path, text })));

describe('CloudFormation', () => {
  const tmpl = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: { Type: String, Default: prod }
  Enc: { Type: String, Default: "true" }
Mappings:
  Sizes: { prod: { Days: 35 } }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties: { EnableKeyRotation: true }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      DBInstanceIdentifier: !Sub "phi-\${Env}"
      StorageEncrypted: !If [IsProd, !Ref Enc, false]
      KmsKeyId: !GetAtt Key.Arn
      BackupRetentionPeriod: !FindInMap [Sizes, !Ref Env, Days]
      Tags: !If [NotProd, [{ Key: a, Value: b }], !Ref "AWS::NoValue"]
      Name: !Join ["-", [!Ref Env, !Select [1, !Split [",", "a,b,c"]]]]
      Az: !Select [0, !GetAZs ""]
      Data: !Base64 "x"
      Imp: !ImportValue shared-vpc
      Cidrs: !Cidr ["10.0.0.0/16", 2, 8]
      Both: !And [!Condition IsProd, !Or [true, false]]
`;
  it('resolves short-form intrinsics, parameters, mappings and conditions', async () => {
    const m = await load({ 'stack.yaml': tmpl });
    expect(m.problems).toEqual([]);
    const db = m.resources.find((r) => r.name === 'Db')!;
    expect(db.address).toBe('AWS::RDS::DBInstance.Db');
    expect(db.attributes.DBInstanceIdentifier).toBe('phi-prod');
    expect(db.attributes.StorageEncrypted).toBe('true');
    expect(db.attributes.KmsKeyId).toBe('${Key.Arn}');
    expect(db.attributes.BackupRetentionPeriod).toBe(35);
    expect('Tags' in db.attributes).toBe(false);
    expect(db.attributes.Name).toBe('prod-b');
    expect(db.attributes.Both).toBe(true);
    expect(db.references).toEqual(['Key']);
    expect(db.lines.StorageEncrypted).toBe(18);
  });

  it('reads JSON templates with lines', async () => {
    const json = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': '${AWS::StackName}-b' } } } } }, null, 2);
    const m = await load({ 't.json': json });
    expect(m.resources[0]!.attributes.BucketName).toBe('${AWS::StackName}-b');
    expect(m.resources[0]!.line).toBe(4);
  });
});

describe('Kubernetes', () => {
  it('reads every document of rendered output and List kinds', async () => {
    const m = await load({ 'rendered.yaml': '---\n# Source: chart/templates/a.yaml\napiVersion: v1\nkind: Service\nmetadata: { name: a, namespace: n }\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: { name: d }\n    spec: {}\n---\nnot: k8s\n' });
    expect(m.resources.map((r) => [r.address, r.line])).toEqual([['Service/n/a', 3], ['Deployment/default/d', 10]]);
  });
  it('leaves unrendered Helm templates alone', async () => {
    const m = await load({ 'chart/templates/d.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n' });
    expect(m).toEqual({ resources: [], problems: [] });
  });
});

describe('Dockerfile', () => {
  it('recognises Dockerfiles by name, not source files named after them', () => {
    for (const p of ['Dockerfile', 'svc/Dockerfile.prod', 'api.Dockerfile', 'Containerfile', 'dockerfile']) expect(isDockerfilePath(p), p).toBe(true);
    for (const p of ['src/dockerfile.ts', 'Dockerfile.md', 'Dockerfile.j2', '.dockerignore', 'docs/Dockerfile.txt']) expect(isDockerfilePath(p), p).toBe(false);
  });

  it('parses instructions with continuation lines and stages', async () => {
    const m = await load({ 'svc/Dockerfile.prod': 'FROM node:20 AS build\nENV A=1 \\\n    B=2\nFROM gcr.io/distroless/nodejs20@sha256:' + 'b'.repeat(64) + '\nUSER 1000\n' });
    const d = m.resources[0]!;
    expect(d.type).toBe('Dockerfile');
    const ins = d.attributes.instructions as Array<{ cmd: string; line: number; vars?: Array<{ name: string }> }>;
    expect(ins.map((i) => `${i.cmd}@${i.line}`)).toEqual(['FROM@1', 'ENV@2', 'FROM@4', 'USER@5']);
    expect(ins[1]!.vars!.map((v) => v.name)).toEqual(['A', 'B']);
    expect((d.attributes.stages as Array<{ digest: string | null }>)[1]!.digest).toMatch(/^sha256:/);
  });
});

describe('bad input', () => {
  const run = async (files: Record<string, string>) => {
    const problems: Skipped[] = [];
    const artifacts: Artifact[] = Object.entries(files).map(([path, text]) => ({ path, text, origin: { kind: 'worktree' }, size: text.length }));
    const findings = await scanner.scanProject(artifacts, { root: '/r', options: {}, now: '2026-01-01T00:00:00Z', problem: (p) => problems.push(p) });
    return { findings, problems };
  };

  it('malformed HCL, YAML and JSON become iac/parse-error findings with the line, and other files are still checked', async () => {
    const { findings, problems } = await run({
      'bad.tf': 'resource "aws_s3_bucket" "b" {\n  acl = "public-read"\n  x = \n}\n',
      'bad.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B: [unclosed\n',
      'bad-plan.json': '{ "format_version": "1.2", "planned_values": { ',
      'good.tf': 'resource "aws_db_instance" "db" {\n  publicly_accessible = true\n}\n',
    });
    const pe = findings.filter((f) => f.ruleId === 'iac/parse-error').map((f) => `${f.location.path}:${f.location.startLine}`);
    expect(pe).toContain('bad.tf:3');
    expect(pe.some((x) => x.startsWith('bad.yaml:'))).toBe(true);
    expect(pe.some((x) => x.startsWith('bad-plan.json:'))).toBe(true);
    expect(problems.every((p) => p.reason === 'parse-error')).toBe(true);
    expect(findings.some((f) => f.ruleId === 'iac/aws/rds-publicly-accessible' && f.location.path === 'good.tf' && f.location.startLine === 2)).toBe(true);
  });

  it('unknown resource types and undeclared module sources are reported, not fatal', async () => {
    const { findings } = await run({ 'main.tf': 'resource "Bad-Type" "x" {}\nmodule "m" { source = "./missing" }\n', 't.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  X: { Type: "Nope::Thing" }\n' });
    const msgs = findings.filter((f) => f.ruleId === 'iac/parse-error').map((f) => f.message);
    expect(msgs.some((m) => /unknown resource type "Bad-Type"/.test(m))).toBe(true);
    expect(msgs.some((m) => /unknown resource type "Nope::Thing"/.test(m))).toBe(true);
    expect(msgs.some((m) => /no Terraform files/.test(m))).toBe(true);
  });

  it('a 100,000-resource template finishes, checks a capped number and says so', async () => {
    let t = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
    for (let i = 0; i < 100_000; i++) t += `  B${i}:\n    Type: AWS::SNS::Topic\n`;
    const m = await load({ 'huge.yaml': t });
    expect(m.resources.length).toBe(50_000);
    expect(m.problems[0]!.message).toMatch(/100000 resources; only the first 50000/);
  }, 60_000);

  it('huge count values are capped and reported', async () => {
    const m = await load({ 'main.tf': 'resource "aws_sns_topic" "t" {\n  count = 100000\n}\n' });
    expect(m.resources.length).toBe(1000);
    expect(m.problems[0]).toMatchObject({ line: 2 });
  });

  it('alias bombs in YAML do not hang', async () => {
    let y = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) y += `a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]\n`;
    const m = await load({ 'bomb.yaml': y });
    expect(m.resources.length).toBe(1);
  });
});
