import { describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStatement, subjectsFor, asScanStatement } from '../../src/evidence/statement.js';
import { attestStatement } from '../../src/evidence/attest.js';
import { verifyEnvelope } from '../../src/evidence/dsse.js';
import { keyIdOf } from '../../src/evidence/keys.js';
import { sampleConfig, sampleResult } from '../fixtures/evidence/sample.js';

describe('in-toto statement', () => {
  it('summarises counts, controls, gate and the waivers applied with reason, approver and expiry', () => {
    const s = buildStatement(sampleResult(), sampleConfig(), 'd'.repeat(64));
    expect(s._type).toBe('https://in-toto.io/Statement/v1');
    expect(s.predicate.counts).toMatchObject({ total: 4, blocking: 3, suppressed: 1, notScanned: 1 });
    expect(s.predicate.counts.byCategory.deps).toEqual({ total: 1, blocking: 0, suppressed: 1, bySeverity: { medium: 1 } });
    expect(s.predicate.counts.byCategory.secret).toEqual({ total: 1, blocking: 1, suppressed: 0, bySeverity: { critical: 1 } });
    expect(s.predicate.waivers).toEqual([{ index: 0, advisory: 'GHSA-35jh-r3h4-6jhm', reason: 'not reachable from PHI paths', approvedBy: 'security@example.org', expires: '2099-01-01', expired: false, applied: 1 }]);
    expect(s.predicate.controls).toContainEqual({ id: '164.312(a)(1)', status: 'failed', findings: 1 });
    expect(s.predicate.gate).toMatchObject({ passed: false, failOn: 'high' });
    expect(s.predicate.report.digest.sha256).toBe('d'.repeat(64));
    expect(asScanStatement(JSON.parse(JSON.stringify(s)))).toBeDefined();
    expect(asScanStatement({ ...s, predicateType: 'x' })).toBeUndefined();
  });

  it('subjects: image digest for image scans, the report digest when there is no git commit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hg-st-'));
    const tar = join(dir, 'app.tar');
    writeFileSync(tar, 'fake image tarball');
    const img = subjectsFor(sampleResult({ target: { root: dir, mode: 'image', image: tar } }), 'e'.repeat(64));
    expect(img).toEqual([{ name: 'app.tar', digest: { sha256: createHash('sha256').update('fake image tarball').digest('hex') } }]);
    const plain = subjectsFor(sampleResult({ target: { root: dir, mode: 'worktree' } }), 'e'.repeat(64));
    expect(plain[0]!.digest).toEqual({ sha256: 'e'.repeat(64) });
  });

  it('signs the statement so the envelope verifies and the digest is of the exact JSON report', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const key = { privateKey, publicKey, keyid: keyIdOf(publicKey), source: 't' };
    const { envelope, report, reportDigest } = attestStatement(sampleResult(), sampleConfig(), key);
    expect(reportDigest).toBe(createHash('sha256').update(report).digest('hex'));
    const payload = JSON.parse(verifyEnvelope(envelope, new Map([[key.keyid, publicKey]])).toString());
    expect(payload.predicate.report.digest.sha256).toBe(reportDigest);
    expect(JSON.stringify(envelope)).not.toContain(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().split('\n')[1]);
  });
});
