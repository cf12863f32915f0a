import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { render } from '../../src/report/index.js';
import { scan, REPORT_SCHEMA_VERSION } from '../../src/engine/scan.js';
import { RULES, config, finding, scanResult, waiver } from '../policy/helpers.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(doc: unknown) {
  const ok = validate(doc);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
}

describe('json report', () => {
  it('is the ScanResult, valid against schemas/report.schema.json', async () => {
    const list = [finding(RULES.key, { commit: 'b'.repeat(40) }), finding(RULES.ssn), finding(RULES.bucket, { properties: { resource: 'aws_s3_bucket.x' } })];
    list[1]!.inlineAllow = { rule: 'test/fake-ssn', reason: 'synthetic' };
    const r = scanResult(list, {
      config: config({ waivers: [waiver({ rule: 'test/iac/open-bucket', line: 2 })] }),
      skipped: [{ path: 'a.bin', reason: 'binary', detail: 'binary', expected: true }, { path: 'x.yml', reason: 'parse-error', detail: 'bad YAML', line: 3 }],
    });
    const text = (await render(r, 'json')) as string;
    const doc = JSON.parse(text);
    expectValid(doc);
    expect(doc).toEqual(JSON.parse(JSON.stringify(r)));
    expect(doc.findings[1].suppression.kind).toBe('inline');
  });

  it('the schema rejects what it should (unknown fields, bad enums, a raw value field)', () => {
    const r = JSON.parse(JSON.stringify(scanResult([finding(RULES.key)])));
    expectValid(r);
    expect(validate({ ...r, extra: 1 })).toBe(false);
    const badSeverity = structuredClone(r);
    badSeverity.findings[0].severity = 'severe';
    expect(validate(badSeverity)).toBe(false);
    const rawValue = structuredClone(r);
    rawValue.findings[0].value = 'raw';
    expect(validate(rawValue)).toBe(false);
  });

  it('a real scan (engine, worktree source, git metadata) validates too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-json-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(dir, '.hipaa-gate.yml'), 'fail_on: medium\n');
    const r = await scan({ root: dir, workers: 0, scanners: [], now: new Date('2026-03-01T00:00:00Z'), extraFindings: [finding(RULES.bucket, { path: 'src/a.ts' })], extraRules: [RULES.bucket] });
    const doc = JSON.parse((await render(r, 'json')) as string);
    expectValid(doc);
    expect(doc.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(doc.tool.rulesetDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.gate.passed).toBe(false);
    expect(doc.controls.find((c: { id: string }) => c.id === '164.312(a)(2)(iv)').status).toBe('failed');
  });
});

describe('json report of the example app (every scanner)', () => {
  it('validates against the schema, so the schema keeps up with the model', async () => {
    const root = fileURLToPath(new URL('../../examples/clinic-app', import.meta.url));
    const r = await scan({ root, workers: 0, now: new Date('2026-03-01T00:00:00Z') });
    const doc = JSON.parse((await render(r, 'json')) as string);
    expectValid(doc);
    expect(doc.findings.length).toBeGreaterThan(0);
  });
});
