/** Policy as code: YAML rules with CEL conditions, their own cases, and compile errors with file:line. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HipaaGateError } from '../../src/core/errors.js';
import { loadCustomRules, parseRuleFile } from '../../src/scanners/iac/custom/load.js';
import { testCustomRule } from '../../src/scanners/iac/custom/tester.js';
import { loadModel } from '../../src/scanners/iac/load.js';
import { runRules } from '../../src/scanners/iac/evaluate.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'iac', 'custom-rules');
const rule = (extra: string) => `id: iac/custom/x\ntitle: X\nseverity: high\nhipaa: ["164.312(a)(1)"]\nremediation: fix it\n${extra}`;

function compileError(text: string): HipaaGateError {
  try {
    parseRuleFile(text, 'rules/x.yaml');
  } catch (e) {
    if (e instanceof HipaaGateError) return e;
    throw e;
  }
  throw new Error('expected a compile error');
}

describe('custom CEL rules', () => {
  it('load with built-in metadata and pass their own valid/invalid cases', async () => {
    const rules = loadCustomRules([FIX], process.cwd());
    expect(rules.map((r) => r.id)).toEqual(['iac/custom/phi-bucket-owner', 'iac/custom/clinic-replicas']);
    expect(rules[0]!.meta).toMatchObject({ category: 'iac', severity: 'medium', hipaa: ['164.308(a)(2)', '164.312(a)(1)'] });
    for (const r of rules) {
      const results = await testCustomRule(r);
      expect(results.filter((x) => !x.ok)).toEqual([]);
      expect(results.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('evaluate over the normalized model, including cross-resource `resources`', async () => {
    const [r] = parseRuleFile(rule('resource_types: [aws_db_instance]\ncondition: "!resources.exists(x, x.type == \\"aws_backup_selection\\")"'), 'x.yaml');
    const without = await loadModel([{ path: 'main.tf', text: 'resource "aws_db_instance" "d" {}\n' }]);
    const withSel = await loadModel([{ path: 'main.tf', text: 'resource "aws_db_instance" "d" {}\nresource "aws_backup_selection" "s" {}\n' }]);
    expect(runRules(without, [r!]).length).toBe(1);
    expect(runRules(withSel, [r!]).length).toBe(0);
  });

  it('a case that does not hold is reported as failed', async () => {
    const [r] = parseRuleFile(rule('condition: "true"\ntests:\n  valid: ["resource \\"aws_sns_topic\\" \\"t\\" {}"]\n  invalid: ["resource \\"aws_sns_topic\\" \\"t\\" {}"]\n'), 'x.yaml');
    const res = await testCustomRule(r!);
    expect(res.map((x) => [x.kind, x.ok])).toEqual([['valid', false], ['invalid', true]]);
  });

  it('a condition that does not compile names the file and the line', () => {
    const e = compileError(rule('resource_types: [aws_s3_bucket]\ncondition: |\n  resource.type == "a" &&\n  resource.attributes.x ==\n'));
    expect(e.code).toBe('E_RULE');
    expect(e.file).toBe('rules/x.yaml');
    expect(e.line).toBeGreaterThanOrEqual(8);
    expect(e.message).toMatch(/condition does not compile/);
  });

  it('bad metadata is an error on the offending key', () => {
    expect(compileError('id: not-namespaced\ntitle: X\n').line).toBe(1);
    const e = compileError(rule('condition: "true"\nhipaa_typo: 1\n'));
    expect([e.line, e.message]).toEqual([7, expect.stringMatching(/unknown key "hipaa_typo"/)]);
    expect(compileError(rule('condition: "true"').replace('severity: high', 'severity: huge')).line).toBe(3);
  });

  it('duplicate ids across files are rejected', () => {
    expect(() => loadCustomRules([FIX, FIX], process.cwd())).toThrow(/duplicate custom rule id/);
  });
});
