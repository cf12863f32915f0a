import semver from 'semver';
import { compareComponents, type Cmp } from './num.js';
import { comparePrerelease, parseSemverLike } from './semver-like.js';

// Matching compares the same few versions many times; parse each once.
const cache = new Map<string, semver.SemVer | null>();
function parsed(v: string): semver.SemVer | null {
  let p = cache.get(v);
  if (p === undefined) {
    p = semver.parse(v);
    if (cache.size > 200_000) cache.clear();
    cache.set(v, p);
  }
  return p;
}

/**
 * SemVer ordering for npm, crates.io, Go and Hex. Valid SemVer goes through the `semver` package;
 * what it rejects (a leading `v` is fine for it, but four components or 30-digit numbers are not)
 * falls back to the same precedence rules over arbitrary-length components.
 */
export function compareSemver(a: string, b: string): Cmp {
  const va = parsed(a);
  const vb = parsed(b);
  if (va && vb) return va.compare(vb);
  const x = parseSemverLike(a, 3);
  const y = parseSemverLike(b, 3);
  return compareComponents(x.components, y.components) || comparePrerelease(x.build, y.build);
}
