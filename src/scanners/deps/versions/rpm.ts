import { type Cmp } from './num.js';

/** RPM ordering (`rpmvercmp`), over epoch, version and release; Red Hat, Rocky, AlmaLinux, SUSE. */
export function compareRpm(a: string, b: string): Cmp {
  const x = parse(a);
  const y = parse(b);
  return rpmvercmp(x.epoch, y.epoch) || rpmvercmp(x.version, y.version) || rpmvercmp(x.release, y.release);
}

function parse(v: string): { epoch: string; version: string; release: string } {
  let epoch = '0';
  let rest = v;
  const colon = v.indexOf(':');
  if (colon >= 0 && /^[0-9]*$/.test(v.slice(0, colon))) {
    epoch = v.slice(0, colon) || '0';
    rest = v.slice(colon + 1);
  }
  const dash = rest.indexOf('-');
  if (dash < 0) return { epoch, version: rest, release: '' };
  return { epoch, version: rest.slice(0, dash), release: rest.slice(dash) };
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isSeparator = (c: string) => !isDigit(c) && !isAlpha(c) && c !== '~' && c !== '^';

function rpmvercmp(a: string, b: string): Cmp {
  if (a === '' && b !== '') return -1;
  if (a !== '' && b === '') return 1;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isSeparator(a[i]!)) i++;
    while (j < b.length && isSeparator(b[j]!)) j++;
    // `~` sorts before anything, even the end of the string (pre-releases).
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    // `^` sorts after the end of the string but before anything else (post-release snapshots).
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(a[i]);
    const want = numeric ? isDigit : isAlpha;
    let sa = '';
    let sb = '';
    while (i < a.length && want(a[i])) sa += a[i++];
    while (j < b.length && want(b[j])) sb += b[j++];
    if (sb === '') return numeric ? 1 : -1;
    if (numeric) {
      sa = sa.replace(/^0+/, '');
      sb = sb.replace(/^0+/, '');
      if (sa.length !== sb.length) return sa.length > sb.length ? 1 : -1;
    }
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  const ra = a.length - i;
  const rb = b.length - j;
  return ra === rb ? 0 : ra > rb ? 1 : -1;
}
