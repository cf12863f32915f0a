import { verify } from 'node:crypto';
import { stableStringify } from '../core/hash.js';
import { pae, strictBase64, verifyEnvelope, type KeyRing } from './dsse.js';
import { HEAD_PAYLOAD_TYPE, headPayload, leafDataOf, type LedgerEntry, type VerifyReport } from './ledger.js';
import { inclusionPath, leafHash, verifyInclusion } from './merkle.js';

export const PROOF_FORMAT = 'hipaa-gate-inclusion-proof/v1';

/** A self-contained proof that one run is in the ledger whose latest signed head is `head`. */
export interface InclusionProof {
  format: typeof PROOF_FORMAT;
  seq: number;
  treeSize: number;
  /** The exact bytes hashed into the leaf (canonical JSON of the entry without peaks/root/head). */
  leaf: string;
  leafHash: string;
  auditPath: string[];
  head: { v: number; seq: number; time: string; type: string; prev: string; root: string; keyid: string; sig: string };
}

/** [lo, hi) of each peak of a tree with `size` leaves, largest first. */
export function peakRanges(size: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let lo = 0;
  for (let bit = 2 ** Math.floor(Math.log2(Math.max(size, 1))); bit >= 1; bit /= 2) {
    if (size & bit) {
      out.push([lo, lo + bit]);
      lo += bit;
    }
  }
  return out;
}

export function buildProof(report: VerifyReport, seq: number): InclusionProof {
  const list = report.entries;
  const first = list[0];
  if (!first) throw new Error('the ledger is empty');
  const last = list.at(-1)!.entry;
  const bySeq = new Map(list.map((v) => [v.entry.seq, v.entry]));
  const target = bySeq.get(seq);
  if (!target || (first.anchor && seq === first.entry.seq)) {
    throw new Error(`entry ${seq} is not in this ledger (it holds ${first.anchor ? first.entry.seq + 1 : first.entry.seq}..${last.seq})`);
  }
  const known = new Map<string, string>();
  if (first.anchor) peakRanges(first.entry.seq + 1).forEach(([lo, hi], i) => known.set(`${lo}:${hi}`, first.entry.peaks[i]!));
  const leaves = new Map<number, string>();
  for (const v of list) if (!v.anchor) leaves.set(v.entry.seq, leafHash(leafDataOf(v.entry)));
  const size = last.seq + 1;
  const leaf = leafDataOf(target);
  return {
    format: PROOF_FORMAT,
    seq,
    treeSize: size,
    leaf,
    leafHash: leafHash(leaf),
    auditPath: inclusionPath(seq, 0, size, (i) => leaves.get(i), (lo, hi) => known.get(`${lo}:${hi}`)),
    head: { v: last.v, seq: last.seq, time: last.time, type: last.type, prev: last.prev, root: last.root, keyid: last.head.keyid, sig: last.head.sig },
  };
}

export interface ProofCheck {
  seq: number;
  treeSize: number;
  root: string;
  statement?: Record<string, unknown>;
}

/** Verify a proof offline: leaf bytes -> audit path -> root -> signed head, and the run's own envelope. */
export function verifyProof(p: InclusionProof, keys: KeyRing): ProofCheck {
  if (!p || p.format !== PROOF_FORMAT) throw new Error(`not a ${PROOF_FORMAT} document`);
  if (leafHash(p.leaf) !== p.leafHash) throw new Error('the leaf does not hash to leafHash');
  let leaf: Partial<LedgerEntry>;
  try {
    leaf = JSON.parse(p.leaf) as Partial<LedgerEntry>;
  } catch {
    throw new Error('the leaf is not JSON');
  }
  if (stableStringify(leaf) !== p.leaf || leafDataOf(leaf as LedgerEntry) !== p.leaf) throw new Error('the leaf is not a canonical ledger entry');
  if (leaf.seq !== p.seq) throw new Error(`the leaf is entry ${String(leaf.seq)}, not ${p.seq}`);
  if (p.head.seq !== p.treeSize - 1) throw new Error('the signed head is not for this tree size');
  if (!Array.isArray(p.auditPath) || !verifyInclusion(p.seq, p.treeSize, p.leafHash, p.auditPath, p.head.root)) throw new Error('the audit path does not lead to the signed root');
  const key = keys.get(p.head.keyid);
  if (!key) throw new Error(`the head is signed by unknown key ${String(p.head.keyid).slice(0, 16)}`);
  const sig = strictBase64(p.head.sig, 'head signature');
  if (!verify(null, pae(HEAD_PAYLOAD_TYPE, headPayload(p.head as Parameters<typeof headPayload>[0])), key, sig)) throw new Error('the signature over the tree head does not verify');
  let statement: Record<string, unknown> | undefined;
  if (leaf.envelope) statement = JSON.parse(verifyEnvelope(leaf.envelope, keys).toString('utf8')) as Record<string, unknown>;
  return { seq: p.seq, treeSize: p.treeSize, root: p.head.root, ...(statement ? { statement } : {}) };
}
