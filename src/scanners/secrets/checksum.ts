/** Checksums that let a scanner tell a real token from a token-shaped string without any network call. */

import { crc32 } from '../../core/crc32.js';

export { crc32 };

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  while (v > 0) {
    out = B62[v % 62]! + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub's classic token format (ghp_/gho_/ghu_/ghs_/ghr_): 30 random base62 characters followed by
 * the base62-encoded CRC32 of those 30 characters, left-padded to 6.
 */
export function githubChecksumOk(token: string): boolean {
  const body = token.slice(token.indexOf('_') + 1);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}

/** npm granular/automation tokens (npm_ + 30 chars + base62 CRC32 of those 30 chars). */
export function npmChecksumOk(token: string): boolean {
  const body = token.slice(4);
  if (body.length !== 36) return false;
  return base62(crc32(body.slice(0, 30)), 6) === body.slice(30);
}
