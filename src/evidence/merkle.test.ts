import { describe, expect, it } from 'vitest';
import { appendLeaf, EMPTY_ROOT, inclusionPath, leafHash, merkleRoot, rootFromPeaks, verifyInclusion } from './merkle.js';

// RFC 6962 test vectors used by the Certificate Transparency implementations.
const INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 Merkle tree', () => {
  const leaves = INPUTS.map((d) => leafHash(d));

  it('matches the published roots for trees of 1..8 leaves', () => {
    for (let n = 1; n <= 8; n++) expect(merkleRoot(leaves.slice(0, n))).toBe(ROOTS[n - 1]);
    expect(merkleRoot([])).toBe(EMPTY_ROOT);
    expect(EMPTY_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('the incremental peaks give the same root as the recursive definition for every size up to 130', () => {
    const many = Array.from({ length: 130 }, (_, i) => leafHash(`entry ${i}`));
    let peaks: string[] = [];
    for (let n = 0; n < many.length; n++) {
      peaks = appendLeaf(peaks, n, many[n]!);
      expect(peaks.length).toBe((n + 1).toString(2).replace(/0/g, '').length);
      expect(rootFromPeaks(peaks)).toBe(merkleRoot(many.slice(0, n + 1)));
    }
  });

  it('inclusion proofs verify for every leaf of every tree up to 33 leaves, and fail when anything is off', () => {
    const many = Array.from({ length: 33 }, (_, i) => leafHash(`e${i}`));
    for (let n = 1; n <= many.length; n++) {
      const root = merkleRoot(many.slice(0, n));
      for (let m = 0; m < n; m++) {
        const path = inclusionPath(m, 0, n, (i) => many[i]);
        expect(verifyInclusion(m, n, many[m]!, path, root)).toBe(true);
        expect(verifyInclusion(m, n, leafHash('other'), path, root)).toBe(false);
        if (n > 1) expect(verifyInclusion((m + 1) % n, n, many[m]!, path, root)).toBe(false);
        if (path.length) expect(verifyInclusion(m, n, many[m]!, [...path.slice(0, -1), leafHash('x')], root)).toBe(false);
        // (A path can fit a different size too; the signed tree head binds size and root together.)
        expect(verifyInclusion(m, n, many[m]!, path, leafHash('wrong root'))).toBe(false);
      }
    }
    expect(verifyInclusion(3, 3, many[3]!, [], many[3]!)).toBe(false);
  });

  it('builds proofs from kept peaks when the leaves before an anchor are gone', () => {
    const many = Array.from({ length: 21 }, (_, i) => leafHash(`p${i}`));
    const anchorSize = 11;
    let peaks: string[] = [];
    for (let n = 0; n < anchorSize; n++) peaks = appendLeaf(peaks, n, many[n]!);
    // The anchor's peaks cover [0,8), [8,10), [10,11).
    const byRange: Record<string, string | undefined> = { '0:8': peaks[0], '8:10': peaks[1], '10:11': peaks[2] };
    const known = (lo: number, hi: number) => byRange[`${lo}:${hi}`];
    const leaf = (i: number) => (i >= anchorSize ? many[i] : undefined);
    const root = merkleRoot(many);
    for (let m = anchorSize; m < many.length; m++) {
      expect(verifyInclusion(m, many.length, many[m]!, inclusionPath(m, 0, many.length, leaf, known), root)).toBe(true);
    }
    expect(() => inclusionPath(3, 0, many.length, leaf, known)).toThrow(/pruned/);
  });
});
