import { compareComponents, compareStrings, type Cmp } from './num.js';
import { comparePrerelease, parseSemverLike } from './semver-like.js';

/** Pub (Dart): SemVer, except build metadata orders too (1.2.3+1 < 1.2.3+2), after prerelease. */
export function comparePub(a: string, b: string): Cmp {
  const x = parseSemverLike(a, 3);
  const y = parseSemverLike(b, 3);
  const d = compareComponents(x.components, y.components) || comparePrerelease(x.build, y.build);
  if (d !== 0) return d;
  const bx = x.build.includes('+') ? x.build.slice(x.build.indexOf('+') + 1) : '';
  const by = y.build.includes('+') ? y.build.slice(y.build.indexOf('+') + 1) : '';
  return compareStrings(bx, by);
}
