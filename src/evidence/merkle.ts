import { createHash } from 'node:crypto';

/**
 * RFC 6962 (Certificate Transparency) Merkle tree hashing. Leaves and interior nodes use different
 * prefixes so a leaf can never be passed off as a node (second-preimage resistance).
 */
export function leafHash(data: Uint8Array | string): string {
  return createHash('sha256').update(Buffer.from([0])).update(data).digest('hex');
}

export function nodeHash(left: string, right: string): string {
  return createHash('sha256').update(Buffer.from([1])).update(Buffer.from(left, 'hex')).update(Buffer.from(right, 'hex')).digest('hex');
}

export const EMPTY_ROOT = createHash('sha256').digest('hex');

/** Largest power of two strictly smaller than n (n > 1): RFC 6962's split point. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Reference MTH(D[n]) straight from RFC 6962 section 2.1; used to check the incremental form. */
export function merkleRoot(leaves: string[]): string {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/**
 * Peaks: the roots of the perfect subtrees that make up a tree of `size` leaves, largest first
 * (one per set bit of size). Appending needs only these, so each ledger entry stores them and an
 * append reads just the last line.
 */
export function appendLeaf(peaks: readonly string[], size: number, leaf: string): string[] {
  const out = [...peaks, leaf];
  for (let n = size; n & 1; n >>= 1) {
    const right = out.pop()!;
    const left = out.pop()!;
    out.push(nodeHash(left, right));
  }
  return out;
}

/** Folding the peaks right to left gives exactly the RFC 6962 root of the whole tree. */
export function rootFromPeaks(peaks: readonly string[]): string {
  if (peaks.length === 0) return EMPTY_ROOT;
  let acc = peaks[peaks.length - 1]!;
  for (let i = peaks.length - 2; i >= 0; i--) acc = nodeHash(peaks[i]!, acc);
  return acc;
}

export function peakCount(size: number): number {
  let c = 0;
  for (let n = size; n > 0; n = Math.floor(n / 2)) c += n & 1;
  return c;
}

/**
 * Hash of the subtree over leaves [lo, hi). `known` answers for ranges whose leaves are gone
 * (pruned): their aligned perfect subtrees are exactly the peaks kept in the anchor entry.
 */
export type SubtreeLookup = (lo: number, hi: number) => string | undefined;

export function subtreeHash(lo: number, hi: number, leaf: (i: number) => string | undefined, known?: SubtreeLookup): string {
  const k = known?.(lo, hi);
  if (k) return k;
  if (hi - lo === 1) {
    const h = leaf(lo);
    if (!h) throw new Error(`leaf ${lo} is not available (pruned)`);
    return h;
  }
  const mid = lo + splitPoint(hi - lo);
  return nodeHash(subtreeHash(lo, mid, leaf, known), subtreeHash(mid, hi, leaf, known));
}

/** RFC 6962 PATH(m, D[lo:hi]): the audit path proving leaf m is in the tree. */
export function inclusionPath(m: number, lo: number, hi: number, leaf: (i: number) => string | undefined, known?: SubtreeLookup): string[] {
  if (hi - lo <= 1) return [];
  const mid = lo + splitPoint(hi - lo);
  if (m < mid) return [...inclusionPath(m, lo, mid, leaf, known), subtreeHash(mid, hi, leaf, known)];
  return [...inclusionPath(m, mid, hi, leaf, known), subtreeHash(lo, mid, leaf, known)];
}

/** RFC 9162 section 2.1.3.2: verify an inclusion proof. */
export function verifyInclusion(index: number, size: number, leaf: string, path: readonly string[], root: string): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      r = nodeHash(p, r);
      if (!(fn & 1)) {
        while (!(fn & 1) && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r === root;
}
