import semver from 'semver';
import { compareComponents, type Cmp } from './num.js';
import { comparePrerelease, parseSemverLike } from './semver-like.js';

/**
 * SemVer ordering for npm, crates.io, Go and Hex. Valid SemVer goes through the `semver` package;
 * what it rejects (a leading `v` is fine for it, but four components or 30-digit numbers are not)
 * falls back to the same precedence rules over arbitrary-length components.
 */
export function compareSemver(a: string, b: string): Cmp {
  const va = semver.valid(a);
  const vb = semver.valid(b);
  if (va && vb) return semver.compare(va, vb);
  const x = parseSemverLike(a, 3);
  const y = parseSemverLike(b, 3);
  return compareComponents(x.components, y.components) || comparePrerelease(x.build, y.build);
}
