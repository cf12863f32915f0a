import { describe, expect, it } from 'vitest';
import { generate, runFamily } from '../../../testing/secret-samples.js';
import { base62, crc32, githubChecksumOk } from '../checksum.js';

/** A classic-format token with a valid checksum: 30 random base62 chars + base62(crc32(body)). */
function githubToken(prefix: string, seed: number): string {
  const body = generate('[A-Za-z0-9]{30}', seed);
  return `${prefix}${body}${base62(crc32(body), 6)}`;
}

function broken(token: string): string {
  const last = token.at(-1) === 'a' ? 'b' : 'a';
  return token.slice(0, -1) + last;
}

describe('GitHub token checksum', () => {
  it('accepts generated tokens and rejects a changed character', () => {
    const t = githubToken('ghp_', 1);
    expect(githubChecksumOk(t)).toBe(true);
    expect(githubChecksumOk(broken(t))).toBe(false);
  });
  it('crc32 matches the reference value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });
});

const classic = (prefix: string, id: string, seed: number) => ({
  [id]: {
    invalid: [
      { name: 'valid checksum: high confidence', code: `GITHUB_TOKEN=${githubToken(prefix, seed)}`, findings: [{ line: 1, column: 14, confidence: 'high' as const, excerpt: `${prefix}****************` }] },
      { name: 'checksum fails: reported with low confidence', code: `GITHUB_TOKEN=${broken(githubToken(prefix, seed))}`, findings: [{ confidence: 'low' as const }] },
    ],
    valid: [`token: ${prefix}${'x'.repeat(36)}`, `${prefix}${'0123456789'.repeat(4).slice(0, 36)}`],
  },
});

runFamily('github', {
  ...classic('ghp_', 'secret/github-pat', 11),
  ...classic('gho_', 'secret/github-oauth', 12),
  ...classic('ghs_', 'secret/github-app-token', 13),
  ...classic('ghr_', 'secret/github-refresh-token', 14),
  'secret/github-fine-grained-pat': { valid: [`github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`] },
});
