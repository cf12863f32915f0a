import { describe, expect, it, beforeAll } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync, existsSync, utimesSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { signEnvelope, type KeyRing } from './dsse.js';
import { keyIdOf, type SigningKey } from './keys.js';
import { appendEntry, entryLine, makeEntry, verifyLedgerText, type LedgerEntry } from './ledger.js';
import { merkleRoot, leafHash } from './merkle.js';
import { leafDataOf } from './ledger.js';
import { pruneLedger, retentionCutoff } from './prune.js';
import { buildProof, verifyProof } from './proof.js';

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyid: keyIdOf(publicKey), source: 'test' };
}
const ring = (...ks: SigningKey[]): KeyRing => new Map(ks.map((k) => [k.keyid, k.publicKey]));

function buildLedger(key: SigningKey, n: number, startYear = 2026): string {
  let last: LedgerEntry | undefined;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const env = signEnvelope('application/vnd.in-toto+json', Buffer.from(JSON.stringify({ run: i })), key);
    last = makeEntry(last, { type: 'attestation', envelope: env, time: `${startYear + i}-01-01T00:00:00.000Z` }, key);
    lines.push(entryLine(last));
  }
  return lines.join('\n') + '\n';
}

const tmp = () => mkdtempSync(join(tmpdir(), 'hg-ledger-'));

describe('ledger verification', () => {
  const key = newKey();
  const keys = ring(key);

  it('accepts an intact ledger and its roots equal the RFC 6962 root over all entries', () => {
    const text = buildLedger(key, 5);
    const r = verifyLedgerText(text, keys);
    expect(r.ok).toBe(true);
    expect(r.size).toBe(5);
    const leaves = r.entries.map((v) => leafHash(leafDataOf(v.entry)));
    expect(r.root).toBe(merkleRoot(leaves));
    expect(r.entries[2]!.statement).toEqual({ run: 2 });
  });

  it('names the first bad entry for removal, reordering, duplication, truncation and foreign keys', () => {
    const lines = buildLedger(key, 4).split('\n').slice(0, -1);
    const check = (ls: string[], line: number, re: RegExp, text?: string) => {
      const r = verifyLedgerText(text ?? ls.join('\n') + '\n', keys);
      expect(r.ok).toBe(false);
      expect(r.problem!.line).toBe(line);
      expect(r.problem!.reason).toMatch(re);
    };
    check([lines[0]!, lines[2]!, lines[3]!], 2, /sequence number 2 where 1/);
    check([lines[0]!, lines[2]!, lines[1]!, lines[3]!], 2, /sequence/);
    check([lines[0]!, lines[1]!, lines[1]!, lines[2]!], 3, /sequence/);
    check([lines[1]!, lines[2]!], 1, /no signed prune record/);
    check([], 4, /incomplete/, lines.join('\n') + '\n'.slice(0, 0));
    check([], 5, /incomplete/, lines.join('\n') + '\n' + '{"v":1,"seq":4,');
    // Entirely re-signed by an attacker's key: chain is consistent, but the key is not trusted.
    const forged = buildLedger(newKey(), 4);
    const r = verifyLedgerText(forged, keys);
    expect(r.problem).toMatchObject({ line: 1, reason: expect.stringMatching(/unknown key/) });
    // Removing entries from the end needs a trusted size or root to notice.
    const short = lines.slice(0, 3).join('\n') + '\n';
    expect(verifyLedgerText(short, keys).ok).toBe(true);
    expect(verifyLedgerText(short, keys, { expectSize: 4 }).problem!.reason).toMatch(/4 were expected/);
    expect(verifyLedgerText(short, keys, { expectRoot: verifyLedgerText(lines.join('\n') + '\n', keys).root }).ok).toBe(false);
  });

  it('rejects an envelope from another key inside an entry whose head our key signed', () => {
    const other = newKey();
    const env = signEnvelope('application/vnd.in-toto+json', Buffer.from('{"run":1}'), other);
    const e = makeEntry(undefined, { type: 'attestation', envelope: env, time: '2026-01-01T00:00:00.000Z' }, key);
    const r = verifyLedgerText(entryLine(e) + '\n', keys);
    expect(r.problem).toMatchObject({ line: 1, seq: 0, reason: expect.stringMatching(/^attestation: signed by unknown key/) });
    // With both keys trusted it verifies: rotation is supported by passing several public keys.
    expect(verifyLedgerText(entryLine(e) + '\n', ring(key, other)).ok).toBe(true);
  });

  it('detects ANY single-byte change or deletion anywhere in a small ledger (exhaustive)', () => {
    const original = Buffer.from(buildLedger(key, 3));
    expect(verifyLedgerText(original.toString('latin1'), keys).ok).toBe(true);
    let undetected: string[] = [];
    for (let i = 0; i < original.length; i++) {
      const flipped = Buffer.from(original);
      flipped[i] = flipped[i]! ^ 0x01;
      // Decoded as UTF-8, as the CLI reads it (a broken sequence becomes U+FFFD).
      if (verifyLedgerText(flipped.toString('utf8'), keys).ok) undetected.push(`xor@${i}`);
      const other = Buffer.from(original);
      other[i] = other[i] === 0x41 ? 0x42 : 0x41;
      if (verifyLedgerText(other.toString('latin1'), keys).ok) undetected.push(`A@${i}`);
      const deleted = Buffer.concat([original.subarray(0, i), original.subarray(i + 1)]);
      if (verifyLedgerText(deleted.toString('latin1'), keys).ok) undetected.push(`del@${i}`);
    }
    expect(original.length).toBeGreaterThan(1500);
    expect(undetected).toEqual([]);
  });

  it('appends under a lock, fsyncs, chains, and refuses to extend a ledger with a torn last line', () => {
    const dir = tmp();
    const file = join(dir, 'ledger.jsonl');
    for (let i = 0; i < 3; i++) appendEntry(file, { type: 'attestation', envelope: signEnvelope('application/vnd.in-toto+json', Buffer.from(`{"n":${i}}`), key) }, key);
    expect(verifyLedgerText(readFileSync(file, 'utf8'), keys)).toMatchObject({ ok: true, size: 3 });
    expect(existsSync(`${file}.lock`)).toBe(false);
    appendFileSync(file, '{"v":1,"seq":3');
    const before = readFileSync(file);
    expect(() => appendEntry(file, { type: 'attestation', envelope: signEnvelope('t', Buffer.from('{}'), key) }, key)).toThrow(/incomplete entry/);
    expect(readFileSync(file)).toEqual(before);
  });

  it('breaks a stale lock left by a dead process', () => {
    const dir = tmp();
    const file = join(dir, 'ledger.jsonl');
    writeFileSync(`${file}.lock`, `999999999\n${hostname()}\n`);
    const old = new Date(Date.now() - 5000);
    utimesSync(`${file}.lock`, old, old);
    appendEntry(file, { type: 'attestation', envelope: signEnvelope('t', Buffer.from('{}'), key) }, key);
    expect(verifyLedgerText(readFileSync(file, 'utf8'), keys).size).toBe(1);
  });
});

describe('pruning and inclusion proofs', () => {
  const key = newKey();
  const keys = ring(key);
  let dir: string;
  beforeAll(() => {
    dir = tmp();
  });

  it('refuses to prune inside the retention period', () => {
    const file = join(dir, 'r.jsonl');
    writeFileSync(file, buildLedger(key, 3, 2010));
    const before = readFileSync(file);
    expect(() => pruneLedger({ file, before: new Date('2025-01-01'), now: new Date('2026-06-01'), retentionYears: 6, key, keys })).toThrow(/retention period.*2020-06-01/);
    expect(readFileSync(file)).toEqual(before);
    expect(retentionCutoff(new Date('2026-06-01T00:00:00Z'), 6).toISOString()).toBe('2020-06-01T00:00:00.000Z');
  });

  it('prunes old entries, records it, stays verifiable, and still proves inclusion of kept runs', () => {
    const file = join(dir, 'p.jsonl');
    writeFileSync(file, buildLedger(key, 12, 2005));
    const fullRoot = verifyLedgerText(readFileSync(file, 'utf8'), keys).root;
    const archive = join(dir, 'pruned.jsonl');
    const res = pruneLedger({ file, before: new Date('2011-06-01'), now: new Date('2026-06-01'), retentionYears: 6, key, keys, archive });
    // 2005..2011 are older than the cut (7 entries); the newest of them (2011, seq 6) stays as the anchor.
    expect(res).toMatchObject({ removed: 6, anchorSeq: 6 });
    expect(readFileSync(archive, 'utf8').split('\n').length - 1).toBe(6);
    const text = readFileSync(file, 'utf8');
    const r = verifyLedgerText(text, keys);
    expect(r.ok).toBe(true);
    expect(r.entries[0]!.anchor).toBe(true);
    expect(r.entries.at(-1)!.entry).toMatchObject({ type: 'prune', seq: 12, data: { anchorSeq: 6, rootBeforePrune: fullRoot } });
    // The anchor alone, without the prune record, is not accepted.
    const noRecord = text.split('\n').slice(0, -2).join('\n') + '\n';
    expect(verifyLedgerText(noRecord, keys).problem!.reason).toMatch(/no signed prune record/);
    // Removing more than was recorded is caught too.
    const tooMuch = text.split('\n').slice(1).join('\n');
    expect(verifyLedgerText(tooMuch, keys).ok).toBe(false);
    for (let seq = 7; seq <= 12; seq++) {
      const proof = buildProof(r, seq);
      expect(verifyProof(JSON.parse(JSON.stringify(proof)), keys).seq).toBe(seq);
    }
    expect(() => buildProof(r, 3)).toThrow(/not in this ledger/);
    const proof = buildProof(r, 8);
    expect(() => verifyProof({ ...proof, seq: 9 }, keys)).toThrow();
    expect(() => verifyProof({ ...proof, auditPath: proof.auditPath.slice(1) }, keys)).toThrow(/audit path/);
    expect(() => verifyProof(proof, ring(newKey()))).toThrow(/unknown key/);
    expect(() => verifyProof({ ...proof, head: { ...proof.head, time: '2030-01-01T00:00:00.000Z' } }, keys)).toThrow(/does not verify/);
  });

  it('detects any single-byte change in a pruned ledger as well', () => {
    const file = join(dir, 'x.jsonl');
    writeFileSync(file, buildLedger(key, 3, 2001));
    pruneLedger({ file, before: new Date('2003-01-01'), now: new Date('2026-01-01'), retentionYears: 6, key, keys });
    const original = readFileSync(file);
    expect(verifyLedgerText(original.toString('latin1'), keys).ok).toBe(true);
    const undetected: number[] = [];
    for (let i = 0; i < original.length; i++) {
      const b = Buffer.from(original);
      b[i] = b[i]! ^ 0x20;
      if (verifyLedgerText(b.toString('latin1'), keys).ok) undetected.push(i);
    }
    expect(undetected).toEqual([]);
  });
});
