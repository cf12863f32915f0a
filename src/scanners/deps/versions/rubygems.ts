import { compareDigits, compareStrings, isDigits, type Cmp } from './num.js';

/**
 * RubyGems (Gem::Version): segments split on `.` and letter/digit boundaries; a string segment
 * makes the version a prerelease (sorts below numbers); trailing zeros are insignificant.
 */
function segments(v: string): string[] {
  let canon = '';
  let prevDigit = true;
  let check = false;
  for (const c of v) {
    if (c === '.') {
      check = false;
      canon += '.';
      continue;
    }
    const digit = c >= '0' && c <= '9';
    if (check && prevDigit !== digit) canon += '.';
    canon += c;
    prevDigit = digit;
    check = true;
  }
  const segs = canon.split('.');
  const numbers: string[] = [];
  const rest: string[] = [];
  for (const s of segs) (rest.length > 0 || !isDigits(s) ? rest : numbers).push(s);
  return [...dropTrailingZeros(numbers), ...dropTrailingZeros(rest)];
}

function dropTrailingZeros(segs: string[]): string[] {
  let n = segs.length;
  while (n > 0 && segs[n - 1] === '0') n--;
  return segs.slice(0, n);
}

export function compareRubyGems(a: string, b: string): Cmp {
  const x = segments(a);
  const y = segments(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const sa = x[i] ?? '0';
    const sb = y[i] ?? '0';
    const an = isDigits(sa);
    const bn = isDigits(sb);
    let d: Cmp;
    if (an && bn) d = compareDigits(sa, sb);
    else if (!an && !bn) d = compareStrings(sa, sb);
    else d = an ? 1 : -1;
    if (d !== 0) return d;
  }
  return 0;
}
