import { compareDigits, isDigits, type Cmp } from './num.js';

/**
 * Packagist (Composer / PHP version_compare): `-_+` become `.`, letter/digit boundaries get a `.`;
 * special forms order dev < alpha < beta < RC < (number) < patch.
 */
function components(v: string): string[] {
  return v
    .replace(/^[vV]/, '')
    .replace(/[-_+]/g, '.')
    .replace(/([^\d.])(\d)/g, '$1.$2')
    .replace(/(\d)([^\d.])/g, '$1.$2')
    .split('.');
}

function weight(s: string): number {
  if (s.startsWith('RC')) return 3;
  const specials = ['dev', 'a', 'b', 'rc', '#', 'p'];
  const i = specials.findIndex((p) => s.startsWith(p));
  return i < 0 ? 0 : i;
}

const INT64_MAX = 9223372036854775807n;
/** PHP/Go integer parsing: digits that fit a signed 64-bit integer. */
const isSmallInt = (s: string) => isDigits(s) && BigInt(s) <= INT64_MAX;

function compareLists(a: string[], b: string[]): Cmp {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const an = isDigits(a[i]!);
    const bn = isDigits(b[i]!);
    let d: number;
    if (an && bn) d = compareDigits(a[i]!, b[i]!);
    else d = weight(an ? '#' : a[i]!) - weight(bn ? '#' : b[i]!);
    if (d !== 0) return d > 0 ? 1 : -1;
  }
  if (a.length > b.length) return isSmallInt(a[b.length]!) ? 1 : compareLists(a.slice(b.length), ['#']);
  if (a.length < b.length) return isSmallInt(b[a.length]!) ? -1 : compareLists(['#'], b.slice(a.length));
  return 0;
}

export function comparePackagist(a: string, b: string): Cmp {
  return compareLists(components(a), components(b));
}
