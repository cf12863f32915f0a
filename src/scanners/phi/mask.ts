/** Per-kind masks: keep the shape so a reader can tell what was there, never who. */
import { ASCII_RE, isAsciiAlnum, maskShape } from '../../core/mask.js';

/** `Jane Garcia` -> `J*** G*****` (first letter of each word). */
export const maskName = (v: string): string => maskShape(v, { visibleHeadPerWord: 1 });

/** Keep the last four digits of long numbers (`***-**-1120`), nothing of short ones. */
export const maskTail4 = (v: string): string => maskShape(v, { visibleTail: alnumCount(v) >= 8 ? 4 : 0 });

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Letters and digits in `v` (`redact` masks thousands of values a second: ASCII is counted in a loop). */
function alnumCount(v: string): number {
  if (!ASCII_RE.test(v)) return v.replace(/[^\p{L}\p{N}]/gu, '').length;
  let n = 0;
  for (let i = 0; i < v.length; i++) if (isAsciiAlnum(v.charCodeAt(i))) n++;
  return n;
}

export const maskAll = (v: string): string => maskShape(v);

/** Dates keep the year only (Safe Harbor allows the year): `**\/**\/1961`, `1961-**-**`. */
export function maskDate(v: string): string {
  if (/^\d{8,14}$/.test(v)) return v.slice(0, 4) + '*'.repeat(v.length - 4);
  if (ASCII_RE.test(v)) return maskDateAscii(v);
  let kept = false;
  return v.replace(/\d{4}|[\p{L}\p{N}]/gu, (m) => {
    if (m.length === 4 && !kept) {
      kept = true;
      return m;
    }
    return '*'.repeat(m.length);
  });
}

/** maskDate for ASCII: the first run of four digits (the first four of a longer run) is kept. */
function maskDateAscii(v: string): string {
  let out = '';
  let kept = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!kept && isDigit(c) && isDigit(v.charCodeAt(i + 1)) && isDigit(v.charCodeAt(i + 2)) && isDigit(v.charCodeAt(i + 3))) {
      kept = true;
      out += v.slice(i, i + 4);
      i += 3;
    } else out += isAsciiAlnum(c) ? '*' : v[i];
  }
  return out;
}

/** `jane.garcia@mail.com` -> `j****@****.com`. */
export function maskEmail(v: string): string {
  const at = v.lastIndexOf('@');
  if (at <= 0) return maskAll(v);
  const domain = v.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot) : '';
  return `${v[0]}****@****${tld}`;
}

/** ZIP: the first three digits are allowed by Safe Harbor for populous areas; mask the rest. */
export function maskZip(v: string): string {
  let n = 0;
  return v.replace(/\d/g, (d) => (++n <= 3 ? d : '*'));
}

/** URLs keep scheme and host (a portal's host names no one); the path and query are masked. */
export function maskUrl(v: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#\s]+)(.*)$/i.exec(v);
  if (!m) return maskAll(v);
  return m[1] + m[2]!.replace(/[\p{L}\p{N}]/gu, '*');
}
