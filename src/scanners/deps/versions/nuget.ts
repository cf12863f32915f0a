import { compareComponents, type Cmp } from './num.js';
import { comparePrerelease, parseSemverLike } from './semver-like.js';

/** NuGet: SemVer with up to four numeric parts, case-insensitive prerelease labels. */
export function compareNuGet(a: string, b: string): Cmp {
  const x = parseSemverLike(a, 4);
  const y = parseSemverLike(b, 4);
  return compareComponents(x.components, y.components) || comparePrerelease(x.build.toLowerCase(), y.build.toLowerCase());
}
