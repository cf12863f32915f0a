import { describe, expect, it, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { run, repoWithKey } from './helpers.js';

const FX = resolve('test/fixtures/evidence/sarif');
const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

describe('evidence CLI', () => {
  let dir: string;
  let ledger: string;
  beforeAll(() => {
    dir = repoWithKey();
    ledger = join(dir, '.hipaa-gate', 'ledger.jsonl');
    for (let i = 0; i < 3; i++) {
      const r = run(['scan', '.', '--no-progress', '--scanners', 'secrets', '--format', 'json', '-o', join(dir, '..', `${dir.split('/').pop()}-${i}.json`), ...(i === 2 ? ['--import', join(FX, 'semgrep.sarif')] : [])], { cwd: dir });
      expect(r.stderr).toMatch(new RegExp(`attestation recorded: .*entry #${i}`));
    }
  });

  it('keygen writes a 0600 private key that is git-ignored and refuses to overwrite it', () => {
    const key = join(dir, '.hipaa-gate', 'signing.key');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, '.hipaa-gate', '.gitignore'), 'utf8')).toBe('signing.key\n');
    const before = readFileSync(key);
    const r = run(['evidence', 'keygen'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to overwrite/);
    expect(readFileSync(key)).toEqual(before);
  });

  it('each scan --attest appends a signed in-toto statement about the commit whose report digest matches the JSON report', () => {
    const lines = readFileSync(ledger, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    const last = JSON.parse(lines[2]!);
    const statement = JSON.parse(Buffer.from(last.envelope.payload, 'base64').toString());
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    const tree = execFileSync('git', ['rev-parse', 'HEAD^{tree}'], { cwd: dir, encoding: 'utf8' }).trim();
    expect(last.envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://hipaa-gate.dev/attestation/scan/v1');
    expect(statement.subject).toEqual([expect.objectContaining({ digest: { gitCommit: head } }), expect.objectContaining({ digest: { gitTree: tree } })]);
    expect(statement.predicate.waivers).toEqual([expect.objectContaining({ rule: 'imported/semgrep/*', reason: 'reviewed with the privacy office', approvedBy: 'privacy@example.org', expires: '2099-12-31', applied: 1 })]);
    expect(statement.predicate.counts.byCategory.imported).toMatchObject({ total: 2, suppressed: 2 });
    const report = readFileSync(join(dir, '..', `${dir.split('/').pop()}-2.json`), 'utf8');
    expect(statement.predicate.report.digest.sha256).toBe(sha(report));
    // The private key never appears in any output.
    const pem = readFileSync(join(dir, '.hipaa-gate', 'signing.key'), 'utf8').split('\n')[1]!;
    expect(readFileSync(ledger, 'utf8')).not.toContain(pem);
    expect(report).not.toContain(pem);
  });

  it('verify passes on the intact ledger and names the line of a tampered one (exit 1)', () => {
    const ok = run(['evidence', 'verify'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ledger OK: .*\n\s+3 entries \(#0\.\.#2\), 3 attestations/);
    const copy = join(dir, 'tampered.jsonl');
    const text = readFileSync(ledger, 'utf8');
    const i = text.indexOf('"time":"', text.indexOf('\n') + 1) + 10;
    writeFileSync(copy, text.slice(0, i) + (text[i] === '1' ? '2' : '1') + text.slice(i + 1));
    const bad = run(['evidence', 'verify', '--ledger', copy], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/ledger INVALID: .*tampered\.jsonl:2 \(entry #1\): Merkle tree does not match/);
    writeFileSync(copy, text.slice(0, text.length - 30));
    expect(run(['evidence', 'verify', '--ledger', copy], { cwd: dir }).stderr).toMatch(/:3: the last entry is incomplete/);
  });

  it('rejects a ledger checked against the wrong key, and a ledger re-signed with another key', () => {
    const other = mkdtempSync(join(tmpdir(), 'hg-k2-'));
    expect(run(['evidence', 'keygen', '-o', join(other, 'k2')], { cwd: other }).code).toBe(0);
    writeFileSync(join(other, '.hipaa-gate.yml'), 'version: 1\n');
    const r = run(['evidence', 'verify', '-C', other, '--ledger', ledger, '--pubkey', join(other, 'k2.pub')], { cwd: other });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/:1 \(entry #0\): signed by unknown key/);
    const none = run(['evidence', 'verify', '-C', other, '--ledger', ledger], { cwd: other });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no public key to verify with/);
  });

  it('prints an inclusion proof that verifies offline, and rejects a forged one', () => {
    const p = run(['evidence', 'verify', '--proof', '1'], { cwd: dir });
    expect(p.code).toBe(0);
    const proofFile = join(dir, 'proof.json');
    writeFileSync(proofFile, p.stdout);
    const pub = join(dir, '.hipaa-gate', 'signing.pub');
    const ok = run(['evidence', 'verify-proof', proofFile, '--pubkey', pub], { cwd: dir });
    expect(ok.stdout).toMatch(/proof OK: entry #1 is in the ledger of 3 entries/);
    const proof = JSON.parse(p.stdout);
    proof.leaf = proof.leaf.replace('"seq":1', '"seq":1 ');
    writeFileSync(proofFile, JSON.stringify(proof));
    const bad = run(['evidence', 'verify-proof', proofFile, '--pubkey', pub], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/proof INVALID/);
  });

  it('exports an auditor bundle that verifies, and detects a corrupted or altered bundle', () => {
    const zip = join(dir, 'bundle.zip');
    const r = run(['evidence', 'export', '--since', '2000-01-01', '--until', '2999-12-31', '-o', zip], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/3 attested runs \(0 passed, 3 failed\)|3 attested runs \(3 passed, 0 failed\)/);
    const files = unzipSync(readFileSync(zip));
    const names = Object.keys(files);
    for (const n of ['report.html', 'control-matrix.csv', 'control-matrix.md', 'control-matrix.json', 'waivers.md', 'waivers.json', 'VERIFY.md', 'README.md', 'MANIFEST.sha256', 'ledger/segment.jsonl', 'ledger/segment.json']) expect(names).toContain(n);
    expect(names.filter((n) => n.startsWith('attestations/'))).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('keys/'))).toHaveLength(1);
    expect(names.some((n) => n.includes('signing.key'))).toBe(false);
    const waivers = JSON.parse(Buffer.from(files['waivers.json']!).toString());
    expect(waivers[0]).toMatchObject({ scope: { rule: 'imported/semgrep/*' }, status: 'active', versions: [{ approvedBy: 'privacy@example.org', runs: 3, applied: 1 }] });
    const matrix = JSON.parse(Buffer.from(files['control-matrix.json']!).toString());
    expect(matrix.runs).toBe(3);
    expect(matrix.controls.find((c: { id: string }) => c.id === '164.308(a)(1)(ii)(C)').class).toBe('manual');
    const pub = join(dir, '.hipaa-gate', 'signing.pub');
    const ok = run(['evidence', 'verify-bundle', zip, '--pubkey', pub], { cwd: dir });
    expect(ok.stdout).toMatch(/bundle OK: .*3 attestations verified/);

    const buf = readFileSync(zip);
    const corrupt = join(dir, 'corrupt.zip');
    const c = Buffer.from(buf);
    c[Math.floor(c.length / 3)] ^= 0xff;
    writeFileSync(corrupt, c);
    const bad = run(['evidence', 'verify-bundle', corrupt, '--pubkey', pub], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bundle INVALID: .*corrupt\.zip: /);
    writeFileSync(corrupt, buf.subarray(0, buf.length - 100));
    expect(run(['evidence', 'verify-bundle', corrupt, '--pubkey', pub], { cwd: dir }).stderr).toMatch(/not a readable zip|INVALID/);
  });

  it('refuses to prune inside the retention period and leaves the ledger untouched', () => {
    const before = readFileSync(ledger);
    const r = run(['evidence', 'prune', '--before', '2026-01-01'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to prune inside the retention period \(6 years/);
    expect(readFileSync(ledger)).toEqual(before);
  });

  it('scan --attest without any key fails clearly (exit 2) and writes no ledger and no report', () => {
    const bare = mkdtempSync(join(tmpdir(), 'hg-nokey-'));
    writeFileSync(join(bare, 'a.txt'), 'x\n');
    const r = run(['scan', '.', '--attest', '--no-progress', '--scanners', 'secrets', '--format', 'json', '-o', 'out.json'], { cwd: bare });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no signing key configured/);
    expect(existsSync(join(bare, '.hipaa-gate', 'ledger.jsonl'))).toBe(false);
    expect(existsSync(join(bare, 'out.json'))).toBe(false);
  });

  it('takes the key from HIPAA_GATE_SIGNING_KEY (base64 of the PEM, as a masked CI variable)', () => {
    const bare = mkdtempSync(join(tmpdir(), 'hg-envkey-'));
    writeFileSync(join(bare, 'a.txt'), 'x\n');
    const pem = readFileSync(join(dir, '.hipaa-gate', 'signing.key'));
    const r = run(['scan', '.', '--attest', '--no-progress', '--scanners', 'secrets', '--format', 'json', '-o', '-'], { cwd: bare, env: { HIPAA_GATE_SIGNING_KEY: pem.toString('base64') } });
    expect(r.stderr).toMatch(/attestation recorded/);
    expect(r.stdout).not.toContain(pem.toString('base64').slice(0, 40));
    const v = run(['evidence', 'verify', '-C', bare, '--pubkey', join(dir, '.hipaa-gate', 'signing.pub')], { cwd: bare });
    expect(v.code).toBe(0);
    const wrong = run(['evidence', 'verify', '-C', bare], { cwd: bare, env: { HIPAA_GATE_SIGNING_KEY: 'bm90IGEga2V5' } });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/environment variable HIPAA_GATE_SIGNING_KEY does not hold a readable private key/);
  });

  it('parallel processes appending at once never corrupt the ledger', async () => {
    const work = mkdtempSync(join(tmpdir(), 'hg-par-'));
    const file = join(work, 'ledger.jsonl');
    copyFileSync(join(dir, '.hipaa-gate', 'signing.key'), join(work, 'k.key'));
    const script = `
      import { appendEntry } from ${JSON.stringify(resolve('dist/evidence/ledger.js'))};
      import { findSigningKey } from ${JSON.stringify(resolve('dist/evidence/keys.js'))};
      import { signEnvelope } from ${JSON.stringify(resolve('dist/evidence/dsse.js'))};
      const key = findSigningKey({ root: ${JSON.stringify(work)}, keyFile: ${JSON.stringify(join(work, 'k.key'))}, env: {} });
      for (let i = 0; i < 8; i++) appendEntry(${JSON.stringify(file)}, { type: 'attestation', envelope: signEnvelope('application/vnd.in-toto+json', Buffer.from(JSON.stringify({ p: process.argv[2], i })), key) }, key);
    `;
    writeFileSync(join(work, 'append.mjs'), script);
    const N = 6;
    await Promise.all(Array.from({ length: N }, (_, p) => new Promise<void>((res, rej) => {
      const c = spawn(process.execPath, [join(work, 'append.mjs'), String(p)], { stdio: ['ignore', 'ignore', 'pipe'] });
      let e = '';
      c.stderr.on('data', (d) => (e += d));
      c.on('exit', (code) => (code === 0 ? res() : rej(new Error(e))));
    })));
    const v = run(['evidence', 'verify', '--ledger', file, '--pubkey', join(dir, '.hipaa-gate', 'signing.pub'), '--json'], { cwd: work });
    expect(v.code, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, size: N * 8, attestations: N * 8 });
    const payloads = readFileSync(file, 'utf8').trim().split('\n').map((l) => Buffer.from(JSON.parse(l).envelope.payload, 'base64').toString());
    expect(new Set(payloads).size).toBe(N * 8);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
