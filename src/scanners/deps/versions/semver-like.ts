import { compareDigits, compareStrings, isDigits, type Cmp } from './num.js';

/**
 * A version shaped like SemVer but with any number of numeric components and an optional leading
 * `v`, as OSV data and lockfiles actually contain them. `build` is everything after the numeric
 * components (prerelease and build metadata, with the separator).
 */
export interface SemverLike {
  components: string[];
  build: string;
}

export function parseSemverLike(input: string, maxComponents = Infinity): SemverLike {
  const s = input.startsWith('v') ? input.slice(1) : input;
  const components: string[] = [];
  let current = '';
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (c >= '0' && c <= '9') {
      current += c;
      continue;
    }
    if (current !== '') components.push(current);
    current = '';
    if (c !== '.') break;
  }
  let build = i < s.length ? s.slice(i) : '';
  if (i >= s.length && current !== '') components.push(current);
  if (components.length > maxComponents) {
    // Extra numeric parts are part of the build string (1.1.3.4.5 has build ".4.5").
    build = components.slice(maxComponents).map((c) => `.${c}`).join('') + build;
    components.length = maxComponents;
  }
  return { components, build };
}

/** SemVer 2.0.0 precedence of prerelease strings (build metadata after `+` ignored). */
export function comparePrerelease(a: string, b: string): Cmp {
  a = a.split('+')[0]!.replace(/^-/, '');
  b = b.split('+')[0]!.replace(/^-/, '');
  if (a === '' && b !== '') return 1;
  if (a !== '' && b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    const xn = isDigits(x);
    const yn = isDigits(y);
    let d: Cmp;
    if (xn && yn) d = compareDigits(x, y);
    else if (!xn && !yn) d = compareStrings(x, y);
    else d = xn ? -1 : 1;
    if (d !== 0) return d;
  }
  return pa.length === pb.length ? 0 : pa.length > pb.length ? 1 : -1;
}
