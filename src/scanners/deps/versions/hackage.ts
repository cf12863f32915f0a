import { compareComponents, type Cmp } from './num.js';
import { parseSemverLike } from './semver-like.js';

/** Hackage (Haskell PVP): dotted numbers; with equal values, more components is greater. */
export function compareHackage(a: string, b: string): Cmp {
  const x = parseSemverLike(a).components;
  const y = parseSemverLike(b).components;
  return compareComponents(x, y) || (x.length === y.length ? 0 : x.length > y.length ? 1 : -1);
}
