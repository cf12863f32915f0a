import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { sign, verify } from 'node:crypto';
import { HipaaGateError } from '../core/errors.js';
import { sha256Hex, stableStringify } from '../core/hash.js';
import { pae, strictBase64, verifyEnvelope, type Envelope, type KeyRing } from './dsse.js';
import type { SigningKey } from './keys.js';
import { appendLeaf, leafHash, peakCount, rootFromPeaks } from './merkle.js';
import { withFileLock } from './lock.js';

export const LEDGER_VERSION = 1;
export const GENESIS = '0'.repeat(64);
/** DSSE payload type of the signed tree head each entry carries. */
export const HEAD_PAYLOAD_TYPE = 'application/vnd.hipaa-gate.ledger-head.v1+json';

export type EntryType = 'attestation' | 'prune';

/**
 * One ledger line (canonical JSON, keys sorted, no spaces). `prev` is sha256 of the previous line,
 * `peaks`/`root` the RFC 6962 tree over all entries up to and including this one, `head` a
 * signature over (v, seq, time, type, prev, root): so every byte of the line is covered by a hash
 * or a signature.
 */
export interface LedgerEntry {
  v: number;
  seq: number;
  time: string;
  type: EntryType;
  prev: string;
  envelope?: Envelope;
  data?: Record<string, unknown>;
  peaks: string[];
  root: string;
  head: { keyid: string; sig: string };
}

export function entryLine(e: LedgerEntry): string {
  return stableStringify(e);
}

export function entryHash(e: LedgerEntry): string {
  return sha256Hex(entryLine(e));
}

export function leafDataOf(e: Pick<LedgerEntry, 'v' | 'seq' | 'time' | 'type' | 'prev' | 'envelope' | 'data'>): string {
  return stableStringify({ v: e.v, seq: e.seq, time: e.time, type: e.type, prev: e.prev, envelope: e.envelope, data: e.data });
}

export function headPayload(e: Pick<LedgerEntry, 'v' | 'seq' | 'time' | 'type' | 'prev' | 'root'>): Buffer {
  return Buffer.from(stableStringify({ v: e.v, seq: e.seq, time: e.time, type: e.type, prev: e.prev, root: e.root }));
}

/** Build the next entry after `last` (undefined for the first entry). */
export function makeEntry(last: LedgerEntry | undefined, body: { type: EntryType; envelope?: Envelope; data?: Record<string, unknown>; time: string }, key: SigningKey): LedgerEntry {
  const seq = last ? last.seq + 1 : 0;
  const base = { v: LEDGER_VERSION, seq, time: body.time, type: body.type, prev: last ? entryHash(last) : GENESIS, envelope: body.envelope, data: body.data };
  const peaks = appendLeaf(last?.peaks ?? [], seq, leafHash(leafDataOf(base)));
  const root = rootFromPeaks(peaks);
  const sig = sign(null, pae(HEAD_PAYLOAD_TYPE, headPayload({ ...base, root })), key.privateKey).toString('base64');
  const e: LedgerEntry = { ...base, peaks, root, head: { keyid: key.keyid, sig } };
  if (!e.envelope) delete e.envelope;
  if (!e.data) delete e.data;
  return e;
}

const HEX64 = /^[0-9a-f]{64}$/;
const KEYS = new Set(['v', 'seq', 'time', 'type', 'prev', 'envelope', 'data', 'peaks', 'root', 'head']);

/** Structural check of one parsed line; returns the reason it is malformed, or undefined. */
function shapeProblem(o: unknown): string | undefined {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return 'not a JSON object';
  const e = o as Record<string, unknown>;
  for (const k of Object.keys(e)) if (!KEYS.has(k)) return `unexpected field "${k}"`;
  if (e.v !== LEDGER_VERSION) return `unsupported ledger version ${JSON.stringify(e.v)}`;
  if (!Number.isSafeInteger(e.seq) || (e.seq as number) < 0) return 'seq is not a whole number';
  if (typeof e.time !== 'string' || Number.isNaN(Date.parse(e.time))) return 'time is not a date';
  if (e.type !== 'attestation' && e.type !== 'prune') return `unknown entry type ${JSON.stringify(e.type)}`;
  if (typeof e.prev !== 'string' || !HEX64.test(e.prev)) return 'prev is not a sha256 hex digest';
  if (typeof e.root !== 'string' || !HEX64.test(e.root)) return 'root is not a sha256 hex digest';
  if (!Array.isArray(e.peaks) || !e.peaks.every((p) => typeof p === 'string' && HEX64.test(p))) return 'peaks are malformed';
  if (e.peaks.length !== peakCount((e.seq as number) + 1)) return 'wrong number of Merkle peaks for this position';
  const h = e.head as Record<string, unknown> | undefined;
  if (!h || typeof h !== 'object' || typeof h.keyid !== 'string' || typeof h.sig !== 'string' || Object.keys(h).length !== 2) return 'head signature is malformed';
  if (e.type === 'attestation' && (!e.envelope || e.data !== undefined)) return 'attestation entry without an envelope';
  if (e.type === 'prune' && (!e.data || typeof e.data !== 'object' || e.envelope !== undefined)) return 'prune entry without data';
  return undefined;
}

function verifyHead(e: LedgerEntry, keys: KeyRing): string | undefined {
  const key = keys.get(e.head.keyid);
  if (!key) return `signed by unknown key ${e.head.keyid.slice(0, 16)} (not among the trusted public keys)`;
  let sig: Buffer;
  try {
    sig = strictBase64(e.head.sig, 'head signature');
  } catch (err) {
    return (err as Error).message;
  }
  if (sig.length !== 64 || !verify(null, pae(HEAD_PAYLOAD_TYPE, headPayload(e)), key, sig)) return 'the signature over the tree head does not verify (entry altered or forged)';
  return undefined;
}

export interface VerifiedEntry {
  line: number;
  entry: LedgerEntry;
  hash: string;
  /** The decoded in-toto statement of attestation entries. */
  statement?: Record<string, unknown>;
  /** True for the first line of a pruned ledger (earlier entries were removed by a recorded prune). */
  anchor?: boolean;
}

export interface LedgerProblem {
  line: number;
  seq?: number;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: VerifiedEntry[];
  /** Tree size (number of entries ever appended, pruned ones included). */
  size: number;
  root: string;
  problem?: LedgerProblem;
}

export interface VerifyOptions {
  /** Expected tree size from a trusted record (catches removal of entries from the end). */
  expectSize?: number;
  expectRoot?: string;
  /** A ledger segment (auditor bundle): its first entry is an anchor trusted by signature, no prune record needed. */
  segment?: boolean;
}

/** Verify a whole ledger text; stops at the first bad entry and says why. */
export function verifyLedgerText(text: string, keys: KeyRing, opts: VerifyOptions = {}): VerifyReport {
  const entries: VerifiedEntry[] = [];
  const fail = (line: number, reason: string, seq?: number): VerifyReport => ({ ok: false, entries, size: entries.length ? entries.at(-1)!.entry.seq + 1 : 0, root: entries.at(-1)?.entry.root ?? '', problem: { line, reason, ...(seq === undefined ? {} : { seq }) } });
  if (text.length === 0) return finish();
  const lines = text.split('\n');
  if (lines.at(-1) !== '') return fail(lines.length, 'the last entry is incomplete (no line end): the ledger was truncated or a write was interrupted');
  lines.pop();
  let prev: LedgerEntry | undefined;
  let prevHash = GENESIS;
  const prunes: Array<{ anchorSeq: unknown; anchorHash: unknown }> = [];
  for (let i = 0; i < lines.length; i++) {
    const ln = i + 1;
    const line = lines[i]!;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      return fail(ln, line.trim() === '' ? 'empty line' : 'not valid JSON (truncated or edited)');
    }
    const shape = shapeProblem(obj);
    if (shape) return fail(ln, shape);
    const e = obj as LedgerEntry;
    if (stableStringify(e) !== line) return fail(ln, 'not in canonical form (the line was edited)', e.seq);
    let anchor = false;
    if (i === 0 && e.seq > 0) {
      // A pruned ledger starts at its anchor: trusted through its signature, checked against a prune record below.
      anchor = true;
      if (rootFromPeaks(e.peaks) !== e.root) return fail(ln, 'Merkle root does not match its peaks', e.seq);
    } else {
      const want = prev ? prev.seq + 1 : 0;
      if (e.seq !== want) return fail(ln, `sequence number ${e.seq} where ${want} was expected (an entry was removed, inserted or reordered)`, e.seq);
      if (e.prev !== prevHash) return fail(ln, 'does not chain to the previous entry (prev hash mismatch: an entry was altered, removed or reordered)', e.seq);
      const peaks = appendLeaf(prev?.peaks ?? [], e.seq, leafHash(leafDataOf(e)));
      if (peaks.some((p, j) => p !== e.peaks[j])) return fail(ln, 'Merkle tree does not match the recomputed one (entry content altered)', e.seq);
      if (rootFromPeaks(peaks) !== e.root) return fail(ln, 'Merkle root does not match the recomputed tree', e.seq);
    }
    const headErr = verifyHead(e, keys);
    if (headErr) return fail(ln, headErr, e.seq);
    let statement: Record<string, unknown> | undefined;
    if (e.envelope) {
      try {
        const payload = verifyEnvelope(e.envelope, keys);
        statement = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
      } catch (err) {
        return fail(ln, `attestation: ${(err as Error).message}`, e.seq);
      }
    }
    if (e.type === 'prune') prunes.push({ anchorSeq: e.data!.anchorSeq, anchorHash: e.data!.anchorHash });
    const hash = sha256Hex(line);
    entries.push({ line: ln, entry: e, hash, ...(statement ? { statement } : {}), ...(anchor ? { anchor } : {}) });
    prev = e;
    prevHash = hash;
  }
  const first = entries[0];
  if (first?.anchor && !opts.segment && !prunes.some((p) => p.anchorSeq === first.entry.seq && p.anchorHash === first.hash)) {
    return fail(1, `the ledger starts at entry ${first.entry.seq} but no signed prune record covers the removal of entries 0..${first.entry.seq - 1}`, first.entry.seq);
  }
  return finish();

  function finish(): VerifyReport {
    const last = entries.at(-1)?.entry;
    const size = last ? last.seq + 1 : 0;
    const root = last?.root ?? '';
    if (opts.expectSize !== undefined && size !== opts.expectSize) {
      return { ok: false, entries, size, root, problem: { line: entries.length, reason: `the ledger holds ${size} entries but ${opts.expectSize} were expected (entries removed from the end?)` } };
    }
    if (opts.expectRoot !== undefined && !entries.some((v) => v.entry.root === opts.expectRoot)) {
      return { ok: false, entries, size, root, problem: { line: entries.length, reason: `no entry has the expected root ${opts.expectRoot.slice(0, 16)}...` } };
    }
    return { ok: true, entries, size, root };
  }
}

export function readLedgerText(file: string): string {
  if (!existsSync(file)) throw new HipaaGateError('E_EVIDENCE', 'ledger not found', { file });
  return readFileSync(file, 'utf8');
}

/** Read only the last line: appends stay O(entry size) however long the ledger grows. */
export function readTail(file: string): { last?: LedgerEntry; size: number } {
  if (!existsSync(file)) return { size: 0 };
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return { size: 0 };
    let chunk = 64 * 1024;
    for (;;) {
      const start = Math.max(0, size - chunk);
      const buf = Buffer.alloc(size - start);
      readSync(fd, buf, 0, buf.length, start);
      if (buf[buf.length - 1] !== 0x0a) throw new HipaaGateError('E_EVIDENCE', 'the ledger ends with an incomplete entry (interrupted write?); run "hipaa-gate evidence verify" and restore the ledger from a good copy before appending', { file });
      const nl = buf.lastIndexOf(0x0a, buf.length - 2);
      if (nl >= 0 || start === 0) {
        const line = buf.subarray(nl + 1, buf.length - 1).toString('utf8');
        let e: LedgerEntry;
        try {
          e = JSON.parse(line) as LedgerEntry;
        } catch {
          throw new HipaaGateError('E_EVIDENCE', 'the last ledger entry is not valid JSON; refusing to append to a damaged ledger', { file });
        }
        const shape = shapeProblem(e);
        if (shape || stableStringify(e) !== line || rootFromPeaks(e.peaks) !== e.root) {
          throw new HipaaGateError('E_EVIDENCE', `the last ledger entry is damaged (${shape ?? 'altered'}); refusing to append`, { file });
        }
        return { last: e, size };
      }
      chunk *= 4;
    }
  } finally {
    closeSync(fd);
  }
}

/** Append one entry under the ledger lock, fsync'd before the lock is released. */
export function appendEntry(file: string, body: { type: EntryType; envelope?: Envelope; data?: Record<string, unknown>; time?: string }, key: SigningKey): LedgerEntry {
  return withFileLock(file, () => {
    const { last } = readTail(file);
    const entry = makeEntry(last, { ...body, time: body.time ?? new Date().toISOString() }, key);
    const fd = openSync(file, 'a', 0o644);
    try {
      writeSync(fd, entryLine(entry) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return entry;
  });
}
