import { compareDigits, type Cmp } from './num.js';

/**
 * Debian (dpkg) ordering, as `dpkg --compare-versions`: [epoch:]upstream[-revision]; within each
 * part, alternating non-digit runs (`~` sorts before everything, even the end; letters before
 * other characters) and digit runs compared numerically. Ubuntu uses the same rules.
 */
export function compareDebian(a: string, b: string): Cmp {
  const x = parse(a);
  const y = parse(b);
  return compareDigits(x.epoch, y.epoch) || verrevcmp(x.upstream, y.upstream) || verrevcmp(x.revision, y.revision);
}

function parse(v: string): { epoch: string; upstream: string; revision: string } {
  let rest = v.trim();
  let epoch = '0';
  const colon = rest.indexOf(':');
  if (colon > 0 && /^[0-9]+$/.test(rest.slice(0, colon))) {
    epoch = rest.slice(0, colon);
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  if (dash >= 0) return { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) };
  return { epoch, upstream: rest, revision: '' };
}

function order(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c >= 48 && c <= 57) return 0;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return c;
  if (c === 126) return -1; // '~'
  return c + 256;
}

const isDigit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;

function verrevcmp(a: string, b: string): Cmp {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a, i)) || (j < b.length && !isDigit(b, j))) {
      const ac = order(a, i);
      const bc = order(b, j);
      if (ac !== bc) return ac < bc ? -1 : 1;
      i++;
      j++;
    }
    let da = '';
    let db = '';
    while (isDigit(a, i)) da += a[i++];
    while (isDigit(b, j)) db += b[j++];
    const d = compareDigits(da || '0', db || '0');
    if (d !== 0) return d;
  }
  return 0;
}
