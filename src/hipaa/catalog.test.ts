import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Artifact, RuleMeta, ScanResult } from '../core/types.js';
import { makeFinding } from '../core/finding.js';
import { HipaaGateError } from '../core/errors.js';
import { automation, catalog, controlById, controlStatuses, safeguardOf, validateCatalog } from './catalog.js';
import { controlMatrix } from './matrix.js';
import { readControlsFrom, toLastScan, writeLastScan } from './last-scan.js';
import { writeFileSync } from 'node:fs';

const rule: RuleMeta = { id: 'test/key', category: 'secret', title: 'Key', severity: 'high', hipaa: ['164.312(d)'], remediation: 'rotate' };
const iacRule: RuleMeta = { id: 'test/iac', category: 'iac', title: 'Encrypt', severity: 'high', hipaa: ['164.312(a)(2)(iv)'], remediation: 'encrypt' };
const artifact: Artifact = { path: 'a.ts', text: 'k = "value-abcdef-123456"\n', origin: { kind: 'worktree' }, size: 26 };
const aFinding = () => makeFinding(rule, artifact, { span: { start: 5, end: 24 }, value: 'value-abcdef-123456' });

describe('catalog data', () => {
  it('loads the 70 shipped controls and validates them', () => {
    const c = catalog();
    expect(c).toHaveLength(70);
    expect(c.filter((x) => x.id.startsWith('164.3')).length).toBe(65);
    expect(controlById('164.312(a)(2)(iv)')).toMatchObject({ title: 'Encryption and decryption', safeguard: 'technical', required: false });
    expect(controlById('164.312(b)')?.required).toBe(true);
  });

  it('is the same data as the shared source of facts', () => {
    const shipped = JSON.parse(readFileSync(new URL('./controls.json', import.meta.url), 'utf8'));
    const shared = JSON.parse(readFileSync('/work/shared/hipaa/controls.json', 'utf8'));
    expect(shipped).toEqual(shared);
  });

  it('rejects malformed catalog data with a clear message', () => {
    const good = { id: '164.312(b)', title: 'Audit controls', safeguard: 'technical', kind: 'standard', required: true, summary: 's', automatable: null };
    expect(validateCatalog([good])).toHaveLength(1);
    const bad = (v: unknown) => {
      try {
        validateCatalog(v);
      } catch (e) {
        expect(e).toBeInstanceOf(HipaaGateError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(bad({})).toBe('HIPAA catalog is invalid: expected a non-empty list of controls');
    expect(bad([{ ...good, id: '999.1' }])).toMatch(/entry 0 has an invalid id "999.1"/);
    expect(bad([good, good])).toMatch(/duplicate id 164\.312\(b\)/);
    expect(bad([{ ...good, safeguard: 'cyber' }])).toMatch(/safeguard must be one of/);
    expect(bad([{ ...good, required: 'yes' }])).toMatch(/required must be true or false/);
    expect(bad([{ ...good, extra: 1 }])).toMatch(/unknown key "extra"/);
    expect(bad([{ ...good, parent: '164.312(z)' }])).toMatch(/parent 164\.312\(z\) is not in the catalog/);
  });

  it('classifies automation from the catalog note', () => {
    expect(automation(controlById('164.312(a)(2)(iv)')!)).toBe('yes');
    expect(automation(controlById('164.308(a)(1)(ii)(C)')!)).toBe('none');
    expect(catalog().filter((c) => automation(c) === 'partial').length).toBe(35);
  });

  it('maps citations to safeguards, with a fallback by section', () => {
    expect(safeguardOf('164.312(d)')).toBe('technical');
    expect(safeguardOf('164.308(z)(9)')).toBe('administrative');
    expect(safeguardOf('164.310(q)')).toBe('physical');
  });
});

describe('controlStatuses', () => {
  it('failed when an unsuppressed finding cites it; passed when its rules ran clean; manual without rules; not-evaluated when its rules did not run', () => {
    const f = aFinding();
    const all = [rule, iacRule];
    const byId = (list: ReturnType<typeof controlStatuses>) => Object.fromEntries(list.map((c) => [c.id, [c.status, c.findings]]));
    const s = byId(controlStatuses([rule], [f], all));
    expect(s['164.312(d)']).toEqual(['failed', 1]);
    expect(s['164.312(a)(2)(iv)']).toEqual(['not-evaluated', 0]);
    expect(s['164.310(a)(1)']).toEqual(['manual', 0]);
    f.suppression = { kind: 'waiver', reason: 'ok' };
    expect(byId(controlStatuses([rule], [f], all))['164.312(d)']).toEqual(['passed', 0]);
  });
});

describe('controlStatuses with evaluated categories', () => {
  it('rules of a category that saw no artifact do not make a control passed', () => {
    const s = controlStatuses([rule, iacRule], [], [rule, iacRule], new Set(['secret']));
    expect(s.find((c) => c.id === '164.312(d)')!.status).toBe('passed');
    expect(s.find((c) => c.id === '164.312(a)(2)(iv)')!.status).toBe('not-evaluated');
    expect(controlStatuses([rule, iacRule], []).find((c) => c.id === '164.312(a)(2)(iv)')!.status).toBe('passed');
  });
});

describe('controls matrix', () => {
  it('without a scan: controls with rules are not evaluated, the others need a manual attestation', () => {
    const rows = controlMatrix([rule, iacRule]);
    const d = rows.find((r) => r.id === '164.312(d)')!;
    expect(d).toMatchObject({ status: 'not-evaluated', rules: ['test/key'], required: true, automation: expect.any(String) });
    expect(rows.find((r) => r.id === '164.308(a)(1)(ii)(C)')).toMatchObject({ status: 'manual', rules: [] });
  });

  it('takes passed/failed from the last scan, and keeps not-evaluated for rules the scan did not run', () => {
    const last = controlStatuses([rule], [aFinding()], [rule]);
    const rows = controlMatrix([rule, iacRule], last);
    expect(rows.find((r) => r.id === '164.312(d)')).toMatchObject({ status: 'failed', findings: 1 });
    // The last scan had no IaC rules (status manual there); now IaC rules exist but have not run.
    expect(rows.find((r) => r.id === '164.312(a)(2)(iv)')!.status).toBe('not-evaluated');
  });
});

describe('last-scan record', () => {
  function result(mode: ScanResult['target']['mode'] = 'worktree'): ScanResult {
    const f = aFinding();
    f.fingerprint = 'f'.repeat(32);
    return {
      schemaVersion: '1.0.0',
      tool: { name: 'hipaa-gate', version: '0.1.0', rulesetDigest: 'a'.repeat(64) },
      configDigest: 'b'.repeat(64),
      target: { root: '/r', mode, commit: 'c'.repeat(40) },
      startedAt: '2026-03-01T00:00:00.000Z',
      finishedAt: '2026-03-01T00:00:01.000Z',
      stats: { filesScanned: 1, bytesScanned: 26, filesSkipped: 0, durationMs: 1000, timings: {} },
      rules: [rule],
      findings: [f],
      skipped: [],
      controls: controlStatuses([rule], [f]),
      gate: { passed: false, summary: 'gate failed: 1 finding at or above high', failOn: 'high', blocking: [f.fingerprint], warnings: [], reasons: [] },
    };
  }

  it('holds statuses and counts, never findings, excerpts, paths or values', () => {
    const text = JSON.stringify(toLastScan(result()));
    expect(text).not.toContain('value-abcdef-123456');
    expect(text).not.toContain('a.ts');
    expect(text).not.toContain('excerpt');
    expect(text).not.toContain('valueHash');
    expect(toLastScan(result()).counts).toMatchObject({ findings: 1, blocking: 1, suppressed: 0, bySeverity: { high: 1, critical: 0 } });
  });

  it('is written for working-tree scans only, git-ignored, and read back by the controls command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-last-'));
    expect(writeLastScan(dir, result('staged'))).toBeUndefined();
    const file = writeLastScan(dir, result())!;
    expect(readFileSync(join(dir, '.hipaa-gate', '.gitignore'), 'utf8')).toContain('last-scan.json');
    const back = readControlsFrom(file);
    expect(back.controls.find((c) => c.id === '164.312(d)')!.status).toBe('failed');
    expect(back.summary).toBe('gate failed: 1 finding at or above high');
  });

  it('a file that is not a report is a clear error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-last-'));
    const f = join(dir, 'x.json');
    writeFileSync(f, '{"controls": [{"id": "164.312(d)", "status": "great"}]}');
    expect(() => readControlsFrom(f)).toThrowError(/not a hipaa-gate JSON report/);
    writeFileSync(f, '{');
    expect(() => readControlsFrom(f)).toThrowError(/not valid JSON/);
    expect(() => readControlsFrom(join(dir, 'missing.json'))).toThrowError(/report not found/);
  });
});
