import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { renderSarif } from '../../src/report/sarif.js';
import { RULES, config, finding, scanResult, waiver } from '../policy/helpers.js';

const schema = JSON.parse(readFileSync('/work/shared/schemas/sarif/sarif-schema-2.1.0.json', 'utf8'));
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function valid(text: string) {
  const doc = JSON.parse(text);
  const ok = validate(doc);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return doc;
}

function sample() {
  const list = [
    finding(RULES.key, { path: 'src/config.ts', line: 4, value: 'fakekey-abcdefghijklmnop' }),
    finding(RULES.key, { path: 'src/config.ts', line: 9, value: 'fakekey-abcdefghijklmnop' }),
    finding(RULES.ssn, { path: 'data/patients 2024.csv', line: 2, value: '000-12-3456' }),
    finding(RULES.bucket, { path: 'infra/main.tf', line: 7, value: 'aws_s3_bucket.records', properties: { resource: 'aws_s3_bucket.records' } }),
    finding(RULES.vuln, { path: 'package-lock.json', value: 'left-pad@1.0.0' }),
  ];
  list[4]!.inlineAllow = { reason: 'dev only' };
  return scanResult(list, {
    config: config({ waivers: [waiver({ rule: 'test/iac/open-bucket', line: 3, reason: 'bucket holds no PHI' })] }),
    skipped: [
      { path: 'dist/big.js', reason: 'too-large', detail: 'larger than 10 MB' },
      { path: 'img/logo.png', reason: 'binary', detail: 'binary content', expected: true },
    ],
  });
}

describe('sarif', () => {
  it('is valid SARIF 2.1.0 (ajv against the OASIS schema)', () => {
    const doc = valid(renderSarif(sample()));
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs).toHaveLength(1);
    // The validator does reject a broken document (so the check above means something).
    doc.runs[0].results[0].level = 'critical';
    expect(validate(doc)).toBe(false);
  });

  it('rules carry security-severity, a level, and tags with the category and HIPAA citations', () => {
    const doc = valid(renderSarif(sample()));
    const rules = doc.runs[0].tool.driver.rules;
    const key = rules.find((r: { id: string }) => r.id === 'test/fake-key');
    expect(key.properties['security-severity']).toBe('8.0');
    expect(key.properties.tags).toEqual(['security', 'secret', 'hipaa-164.312(a)(1)', 'hipaa-164.312(d)']);
    expect(key.defaultConfiguration.level).toBe('error');
    expect(key.name).toBe('TestFakeKey');
    expect(key.helpUri).toBe('https://example.invalid/rules/fake-key');
    expect(key.help.text).toContain('Revoke the key');
    const ssn = rules.find((r: { id: string }) => r.id === 'test/fake-ssn');
    expect(ssn.properties['security-severity']).toBe('9.5');
    expect(rules.find((r: { id: string }) => r.id === 'test/deps/vulnerable').defaultConfiguration.level).toBe('note');
  });

  it('results point at their rule, the file and region, with masked messages and partial fingerprints', () => {
    const r = sample();
    const doc = valid(renderSarif(r));
    const results = doc.runs[0].results;
    expect(results).toHaveLength(5);
    const ssn = results.find((x: { ruleId: string }) => x.ruleId === 'test/fake-ssn');
    expect(doc.runs[0].tool.driver.rules[ssn.ruleIndex].id).toBe('test/fake-ssn');
    expect(ssn.level).toBe('error');
    expect(ssn.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'data/patients%202024.csv', uriBaseId: '%SRCROOT%' });
    expect(ssn.locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 10, endLine: 2, endColumn: 21 });
    expect(ssn.message.text).toBe(`Fake SSN: ${r.findings.find((f) => f.ruleId === 'test/fake-ssn')!.excerpt}`);
    expect(ssn.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
    expect(ssn.partialFingerprints['hipaaGate/v1']).toBe(r.findings.find((f) => f.ruleId === 'test/fake-ssn')!.fingerprint);
    // The same value twice in one file: same hash, numbered occurrences.
    const keys = results.filter((x: { ruleId: string }) => x.ruleId === 'test/fake-key');
    const lh = keys.map((k: { partialFingerprints: { primaryLocationLineHash: string } }) => k.partialFingerprints.primaryLocationLineHash).sort();
    expect(lh[0].split(':')[0]).toBe(lh[1].split(':')[0]);
    expect(lh.map((h: string) => h.split(':')[1])).toEqual(['1', '2']);
  });

  it('suppressed findings carry suppressions: inline -> inSource, waiver -> external with justification', () => {
    const doc = valid(renderSarif(sample()));
    const results = doc.runs[0].results;
    const dep = results.find((x: { ruleId: string }) => x.ruleId === 'test/deps/vulnerable');
    expect(dep.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'inline: dev only', properties: { kind: 'inline' } }]);
    const iac = results.find((x: { ruleId: string }) => x.ruleId === 'test/iac/open-bucket');
    expect(iac.suppressions[0].kind).toBe('external');
    expect(iac.suppressions[0].justification).toBe('waiver (.hipaa-gate.yml:3): bucket holds no PHI; approved by security@example.invalid; expires 2026-06-30');
    expect(results.find((x: { ruleId: string }) => x.ruleId === 'test/fake-ssn').suppressions).toBeUndefined();
  });

  it('skipped files become tool execution notifications; the gate and digests are recorded', () => {
    const doc = valid(renderSarif(sample()));
    const inv = doc.runs[0].invocations[0];
    expect(inv.toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => [n.level, n.message.text])).toEqual([
      ['warning', 'not scanned (too-large): larger than 10 MB'],
      ['note', 'not scanned (binary): binary content'],
    ]);
    expect(inv.properties.gate.summary).toMatch(/^gate failed: /);
    expect(doc.runs[0].properties.configDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.runs[0].properties.target.commit).toBe('a'.repeat(40));
  });

  it('includes stand-in rules for findings whose rule is not in the rule table (imported SARIF)', () => {
    const r = scanResult([finding(RULES.key)], { rules: [] });
    const doc = valid(renderSarif(r));
    expect(doc.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['test/fake-key']);
  });

  it('caps the results per run, most severe first, and says so', () => {
    const list = [
      ...Array.from({ length: 6 }, (_, i) => finding(RULES.vuln, { path: `p${i}/package-lock.json` })),
      finding(RULES.ssn, { path: 'z.csv' }),
      finding(RULES.key, { path: 'y.ts' }),
    ];
    const doc = valid(renderSarif(scanResult(list), { limits: { resultsPerRun: 3 } }));
    const results = doc.runs[0].results;
    expect(results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['test/fake-ssn', 'test/fake-key', 'test/deps/vulnerable']);
    expect(doc.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/3 of 8 findings included/);
  });

  it('shrinks the result list until the gzipped file fits the size limit', () => {
    const list = Array.from({ length: 400 }, (_, i) => finding(RULES.key, { path: `src/f${i}.ts`, value: `v${i}-${'q'.repeat(20)}` }));
    const full = renderSarif(scanResult(list));
    const limit = Math.floor(gzipSync(full).length / 2);
    const small = renderSarif(scanResult(list), { limits: { gzippedBytes: limit } });
    expect(gzipSync(small).length).toBeLessThanOrEqual(limit);
    const doc = valid(small);
    expect(doc.runs[0].results.length).toBeLessThan(400);
    expect(doc.runs[0].results.length).toBeGreaterThan(0);
    expect(doc.runs[0].invocations[0].toolExecutionNotifications[0].descriptor.id).toBe('hipaa-gate/results-truncated');
  });

  it('caps rule tags at GitHub\'s 20 per rule', () => {
    const many = { ...RULES.key, hipaa: Array.from({ length: 30 }, (_, i) => `164.312(${i})`) };
    const doc = valid(renderSarif(scanResult([finding(many)], { rules: [many] })));
    expect(doc.runs[0].tool.driver.rules[0].properties.tags).toHaveLength(20);
  });

  it('an empty scan is still a valid run', () => {
    const doc = valid(renderSarif(scanResult([])));
    expect(doc.runs[0].results).toEqual([]);
  });
});

describe('sarif helpUri', () => {
  it('only absolute URIs go in helpUri (the schema requires a URI); relative doc links stay in the help text', () => {
    const rel = { ...RULES.key, helpUri: 'docs/rules/test-fake-key.md' };
    const doc = valid(renderSarif(scanResult([finding(rel)], { rules: [rel] })));
    const r = doc.runs[0].tool.driver.rules[0];
    expect(r.helpUri).toBeUndefined();
    expect(r.help.text).toContain('More information: docs/rules/test-fake-key.md');
  });
});
