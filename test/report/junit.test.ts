import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { renderJunit } from '../../src/report/junit.js';
import { RULES, config, finding, scanResult, waiver } from '../policy/helpers.js';

const XSD = readFileSync('/work/shared/schemas/junit/JUnit.xsd', 'utf8');

async function expectValid(xml: string) {
  const r = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [XSD] });
  expect(r.errors.map((e) => e.rawMessage)).toEqual([]);
  expect(r.valid).toBe(true);
}

function sample() {
  const list = [
    finding(RULES.key, { path: 'src/a.ts', line: 3 }),
    finding(RULES.ssn, { path: 'data/p.csv', line: 2, value: '000-12-3456' }),
    finding(RULES.bucket, { path: 'infra/main.tf' }),
    finding(RULES.vuln, { path: 'package-lock.json' }),
  ];
  return scanResult(list, {
    config: config({ waivers: [waiver({ rule: 'test/iac/open-bucket', line: 5 }), waiver({ rule: 'gone/rule', expires: '2026-01-01', line: 11 })] }),
    skipped: [
      { path: 'big.min.js', reason: 'too-large', detail: 'over 10 MB' },
      { path: 'logo.png', reason: 'binary', detail: 'binary <content> & "quotes"', expected: true },
    ],
  });
}

/** testsuite name -> [tests, failures, errors, skipped] from the XML attributes. */
function counts(xml: string) {
  return Object.fromEntries(
    [...xml.matchAll(/<testsuite name="([^"]+)"[^>]* tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/g)].map((m) => [m[1], m.slice(2, 6).map(Number)]),
  );
}

describe('junit', () => {
  it('validates against the Ant JUnit XSD', async () => {
    await expectValid(renderJunit(sample()));
    await expectValid(renderJunit(scanResult([])));
  });

  it('the XSD check rejects a broken document (so it means something)', async () => {
    const bad = renderJunit(scanResult([])).replace('<testsuite name', '<testsuite bogus="1" name');
    const r = await validateXML({ xml: [{ fileName: 'bad.xml', contents: bad }], schema: [XSD] });
    expect(r.valid).toBe(false);
  });

  it('one suite per category, failing testcases for blocking findings, skipped for suppressed, errors for gaps', () => {
    const xml = renderJunit(sample());
    expect(counts(xml)).toEqual({
      'hipaa-gate.secrets': [1, 1, 0, 0],
      'hipaa-gate.phi': [1, 1, 0, 0],
      'hipaa-gate.infrastructure-as-code': [1, 0, 0, 1],
      'hipaa-gate.dependencies': [1, 0, 0, 0],
      'hipaa-gate.coverage': [2, 0, 1, 1],
      'hipaa-gate.policy': [2, 2, 0, 0],
    });
    expect(xml).toContain('<testcase name="data/p.csv:2 test/fake-ssn" classname="hipaa-gate.phi.test/fake-ssn" time="0">');
    expect(xml).toMatch(/<skipped message="suppressed \(waiver \.hipaa-gate\.yml:5\): accepted risk">/);
    expect(xml).toContain('message="waiver for gone/rule (.hipaa-gate.yml:11) expired on 2026-01-01"');
  });

  it('escapes markup and strips characters XML cannot carry', async () => {
    const f = finding({ ...RULES.key, title: 'Key <in> "quotes" & \u0001 control' }, { path: 'a&b/<c>.ts' });
    const xml = renderJunit(scanResult([f]));
    await expectValid(xml);
    expect(xml).toContain('a&amp;b/&lt;c&gt;.ts');
    expect(xml).not.toContain('\u0001');
  });

  it('timestamps have no zone (the schema forbids it) and the gate verdict is a property', () => {
    const xml = renderJunit(sample());
    expect(xml).toMatch(/timestamp="2026-03-01T12:00:00"/);
    expect(xml).toMatch(/<property name="summary" value="gate failed: 2 findings at or above high; waiver/);
  });
});
