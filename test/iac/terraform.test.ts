/** Terraform: the HCL parser (against the tree-sitter grammar as oracle), evaluation, modules, plan JSON. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHclFast } from '../../src/scanners/iac/terraform/hcl-parser.js';
import { loadModel } from '../../src/scanners/iac/load.js';
import { lineOf, type IacResource } from '../../src/scanners/iac/model.js';
import { hclParser, parseHcl } from './tree-sitter-hcl.js';
import { sharedDir } from './checkov-harness.js';

const load = (files: Record<string, string>) => loadModel(Object.entries(files).map(([path, text]) => ({ path, text })));
const byAddr = (rs: IacResource[], a: string) => rs.find((r) => r.address === a);
const strip = (x: unknown): unknown => (Array.isArray(x) ? x.map(strip) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'text').map(([k, v]) => [k, strip(v)])) : x);

describe('HCL parser', () => {
  it('gives block, attribute and nested lines', () => {
    const r = parseHclFast('# c\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n\n  versioning {\n    enabled = true\n  }\n}\n');
    expect(r.errors).toEqual([]);
    const b = r.body.blocks[0]!;
    expect([b.type, b.labels, b.line, b.endLine]).toEqual(['resource', ['aws_s3_bucket', 'b'], 2, 8]);
    expect(b.body.attrs[0]!.line).toBe(3);
    expect(b.body.blocks[0]!.line).toBe(5);
    expect(b.body.blocks[0]!.body.attrs[0]!.line).toBe(6);
  });

  it('parses operators with precedence, conditionals, for expressions, splats, heredocs and templates', () => {
    const src = 'a = 1 + 2 * 3 == 7 && !false ? "y${var.x}" : "n"\nb = [for s in var.l : upper(s) if s != ""]\nc = { for k, v in var.m : k => v... }\nd = aws_instance.i[*].id\ne = <<-EOT\n    hi ${var.n}\n    there\n  EOT\nf = -1.5e2\ng = x.0.y\n';
    const r = parseHclFast(src);
    expect(r.errors).toEqual([]);
    expect(r.body.attrs.map((a) => a.expr.k)).toEqual(['cond', 'for', 'for', 'splat', 'tmpl', 'lit', 'attr']);
  });

  it('reports a syntax error with its line and keeps parsing the rest of the file', () => {
    const r = parseHclFast('resource "a_b" "ok1" {\n  x = 1\n}\nresource "a_b" "bad" {\n  x = = 2\n}\nresource "a_b" "ok2" {\n  y = 2\n}\n');
    expect(r.errors[0]!.line).toBe(5);
    expect(r.body.blocks.map((b) => b.labels[1])).toContain('ok2');
  });

  it.skipIf(!sharedDir())('matches the tree-sitter HCL grammar on every Checkov Terraform fixture', async () => {
    const p = await hclParser();
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
    const files = walk(join(sharedDir()!, 'benchmarks', 'iac-checkov')).filter((f) => f.endsWith('.tf'));
    expect(files.length).toBeGreaterThan(60);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const ours = parseHclFast(text);
      const ts = parseHcl(p, text);
      // tree-sitter's heredoc text drops the final newline and the first line's leading blanks; HCL keeps both.
      const norm = (b: unknown) => JSON.stringify(strip(b)).replace(/\\n"/g, '"').replace(/"v":" +/g, '"v":"');
      expect(norm(ours.body), f).toBe(norm(ts.body));
      expect(ours.errors.length, f).toBe(ts.errors.length);
    }
  });
});

describe('Terraform evaluation', () => {
  it('resolves variable defaults, terraform.tfvars, locals, functions, count and for_each', async () => {
    const m = await load({
      'infra/main.tf': `variable "env" { default = "dev" }
variable "enc" {}
variable "names" { default = ["a", "b"] }
locals {
  prefix = "phi-\${var.env}"
  tags   = merge({ team = "x" }, { env = upper(var.env) })
}
resource "aws_s3_bucket" "b" {
  count  = length(var.names)
  bucket = "\${local.prefix}-\${var.names[count.index]}"
  tags   = local.tags
}
resource "aws_db_instance" "db" {
  for_each          = toset(var.names)
  identifier        = each.key
  storage_encrypted = var.enc
}
`,
      'infra/terraform.tfvars': 'env = "prod"\nenc = true\n',
    });
    expect(m.problems).toEqual([]);
    const b1 = byAddr(m.resources, 'aws_s3_bucket.b[1]')!;
    expect(b1.attributes.bucket).toBe('phi-prod-b');
    expect(b1.attributes.tags).toEqual({ team: 'x', env: 'PROD' });
    expect(byAddr(m.resources, 'aws_db_instance.db["a"]')!.attributes.storage_encrypted).toBe(true);
    expect(lineOf(b1, 'bucket')).toBe(10);
  });

  it('keeps unresolved values as ${expr} and records references for joins', async () => {
    const m = await load({ 'main.tf': 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b.id\n  x = var.undeclared\n}\n' });
    const r = m.resources[0]!;
    expect(r.attributes.bucket).toBe('${aws_s3_bucket.b.id}');
    expect(r.attributes.x).toBe('${var.undeclared}');
    expect(r.references).toEqual(['aws_s3_bucket.b']);
  });

  it('expands dynamic blocks', async () => {
    const m = await load({ 'main.tf': 'variable "ports" { default = [22, 443] }\nresource "aws_security_group" "s" {\n  dynamic "ingress" {\n    for_each = var.ports\n    content {\n      from_port = ingress.value\n      to_port   = ingress.value\n    }\n  }\n}\n' });
    expect(m.resources[0]!.attributes.ingress).toEqual([{ from_port: 22, to_port: 22 }, { from_port: 443, to_port: 443 }]);
  });

  it('evaluates local modules with inputs, prefixes addresses, and reports module cycles', async () => {
    const m = await load({
      'root/main.tf': 'module "store" {\n  source = "../modules/store"\n  encrypted = false\n}\n',
      'modules/store/main.tf': 'variable "encrypted" { default = true }\nresource "aws_ebs_volume" "v" {\n  encrypted = var.encrypted\n}\n',
    });
    const v = byAddr(m.resources, 'module.store.aws_ebs_volume.v')!;
    expect(v.attributes.encrypted).toBe(false);
    expect(v.file).toBe('modules/store/main.tf');
    const cyc = await load({ 'a/main.tf': 'module "b" { source = "../b" }\n', 'b/main.tf': 'module "a" { source = "../a" }\nresource "aws_ebs_volume" "v" {}\n' });
    expect(cyc.problems.some((p) => /module cycle/.test(p.message))).toBe(true);
    expect(cyc.resources.length).toBeGreaterThan(0);
  });

  it('reads terraform show -json plans with exact values and config references', async () => {
    const plan = { format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', values: { bucket: 'phi-prod', acl: 'private' } }, { address: 'aws_s3_bucket_versioning.v', mode: 'managed', type: 'aws_s3_bucket_versioning', name: 'v', values: { bucket: 'phi-prod', versioning_configuration: [{ status: 'Enabled' }] } }] } }, configuration: { root_module: { resources: [{ address: 'aws_s3_bucket_versioning.v', expressions: { bucket: { references: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] } } }] } } };
    const m = await load({ 'plan.json': JSON.stringify(plan, null, 2) });
    expect(m.resources.map((r) => [r.platform, r.address])).toEqual([['terraform-plan', 'aws_s3_bucket.b'], ['terraform-plan', 'aws_s3_bucket_versioning.v']]);
    expect(m.resources[1]!.references).toEqual(['aws_s3_bucket.b']);
    expect(m.resources[0]!.line).toBeGreaterThan(1);
  });

  it('reads Terraform JSON syntax with interpolations kept as references', async () => {
    const m = await load({ 'main.tf.json': JSON.stringify({ resource: { aws_ebs_volume: { v: { encrypted: false, kms_key_id: '${aws_kms_key.k.arn}' } } } }, null, 2) });
    const v = m.resources[0]!;
    expect([v.address, v.attributes.encrypted, v.references]).toEqual(['aws_ebs_volume.v', false, ['aws_kms_key.k']]);
    expect(v.line).toBe(4);
  });
});
