import { describe, expect, it, beforeAll } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attestRun } from '../../src/evidence/attest.js';
import { exportBundle, verifyBundleFiles } from '../../src/evidence/bundle.js';
import { keyIdOf } from '../../src/evidence/keys.js';
import { readZip } from '../../src/evidence/zip.js';
import { resolveConfig } from '../../src/config/config.js';
import type { ScanResult } from '../../src/core/types.js';
import { sampleConfig, sampleResult } from '../fixtures/evidence/sample.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const env = { HIPAA_GATE_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
const keys = new Map([[keyIdOf(publicKey), publicKey]]);

function run(day: string, failing: boolean, over: Partial<ScanResult> = {}): ScanResult {
  const base = sampleResult({ startedAt: `${day}T10:00:00.000Z`, finishedAt: `${day}T10:00:02.000Z`, ...over });
  if (!failing) {
    base.controls = base.controls.map((c) => (c.status === 'failed' ? { ...c, status: 'passed' as const, findings: 0 } : c));
    base.gate = { ...base.gate, passed: true, summary: 'gate passed', blocking: [] };
  }
  return base;
}

describe('auditor bundle', () => {
  let root: string;
  let ledger: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'hg-bundle-'));
    const later = resolveConfig({ waivers: [{ advisory: 'GHSA-35jh-r3h4-6jhm', reason: 'not reachable from PHI paths', approved_by: 'security@example.org', expires: '2099-06-30' }] }, undefined);
    const inventory = { packages: [{ ref: 'npm:lodash@4.17.20', name: 'lodash', version: '4.17.20', ecosystem: 'npm', purl: 'pkg:npm/lodash@4.17.20', direct: true, dev: false, path: 'package-lock.json', line: 1 }] };
    const plan: Array<[string, boolean, ReturnType<typeof sampleConfig>, Partial<ScanResult>]> = [
      ['2025-12-20', true, sampleConfig(), {}],
      ['2026-01-05', true, sampleConfig(), {}],
      ['2026-01-20', false, later, { inventory }],
      ['2026-02-10', false, later, {}],
    ];
    for (const [day, failing, config, over] of plan) {
      const r = await attestRun(run(day, failing, { target: { root, mode: 'worktree' }, ...over }), { root, config, env, log: () => {} });
      ledger = r.ledger;
    }
  });

  it('covers only the period, classifies controls as fixed/evidenced/manual, and keeps waiver history', async () => {
    const { zip, summary } = await exportBundle({ ledger, keys, since: new Date('2026-01-01T00:00:00Z'), until: new Date('2026-01-31T23:59:59Z'), now: new Date('2026-03-01T00:00:00Z') });
    expect(summary).toMatchObject({ runs: 2, passed: 1, failed: 1, fromSeq: 1, toSeq: 2, sboms: 1, warnings: [] });
    const files = readZip(zip);
    const text = (n: string) => Buffer.from(files[n]!).toString();
    const matrix = JSON.parse(text('control-matrix.json')).controls as Array<{ id: string; class: string; runs: number; failed: number; fixedAt?: string }>;
    expect(matrix.find((c) => c.id === '164.312(a)(1)')).toMatchObject({ class: 'fixed', runs: 2, failed: 1, fixedAt: '2026-01-20T10:00:00.000Z' });
    expect(matrix.find((c) => c.id === '164.312(b)')).toMatchObject({ class: 'evidenced', runs: 2, failed: 0 });
    expect(matrix.find((c) => c.id === '164.308(a)(1)(ii)(C)')).toMatchObject({ class: 'manual', runs: 0 });
    expect(text('control-matrix.csv').split('\n')[0]).toBe('citation,title,safeguard,specification,class,runs_evaluated,passed,failed,first_failed,last_failed,fixed_at,last_status');
    const waivers = JSON.parse(text('waivers.json'));
    expect(waivers).toHaveLength(1);
    expect(waivers[0].versions.map((v: { expires: string; runs: number }) => [v.expires, v.runs])).toEqual([['2099-01-01', 1], ['2099-06-30', 1]]);
    // Segment = the entry before the period (anchor, #0) + the two runs.
    expect(text('ledger/segment.jsonl').trim().split('\n')).toHaveLength(3);
    expect(Object.keys(files).filter((n) => n.startsWith('attestations/')).sort()).toEqual(['attestations/000001.intoto.dsse.json', 'attestations/000002.intoto.dsse.json']);
    expect(Object.keys(files).filter((n) => n.startsWith('sboms/'))).toHaveLength(1);
    expect(JSON.parse(text(Object.keys(files).find((n) => n.startsWith('sboms/'))!)).bomFormat).toBe('CycloneDX');
    expect(text('report.html')).toContain('gate passed');
    expect(verifyBundleFiles(files, keys)).toMatchObject({ runs: 2, usedBundledKeys: false });
  });

  it('catches altered, added, removed and swapped files, and a foreign key', async () => {
    const { zip } = await exportBundle({ ledger, keys, since: new Date('2025-01-01'), until: new Date('2026-12-31') });
    const good = readZip(zip);
    const tamper = (f: (x: Record<string, Uint8Array>) => void) => {
      const copy = { ...good };
      f(copy);
      return () => verifyBundleFiles(copy, keys);
    };
    expect(tamper((x) => (x['waivers.md'] = Buffer.from('# nothing to see')))).toThrow(/waivers\.md does not match its sha256/);
    expect(tamper((x) => (x['extra.txt'] = Buffer.from('x')))).toThrow(/not listed/);
    expect(tamper((x) => delete x['control-matrix.csv'])).toThrow(/listed in MANIFEST\.sha256 but missing/);
    expect(tamper((x) => {
      const a = x['attestations/000001.intoto.dsse.json']!;
      x['attestations/000001.intoto.dsse.json'] = x['attestations/000002.intoto.dsse.json']!;
      x['attestations/000002.intoto.dsse.json'] = a;
    })).toThrow(/does not match its sha256/);
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(() => verifyBundleFiles(good, new Map([[keyIdOf(other), other]]))).toThrow(/unknown key/);
    // A flipped byte in the archive itself.
    const bad = Buffer.from(zip);
    bad[200] ^= 0x55;
    expect(() => verifyBundleFiles(readZip(bad), keys)).toThrow();
  });
});
