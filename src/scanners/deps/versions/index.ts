import type { Cmp } from './num.js';
import { compareAlpine } from './alpine.js';
import { compareCran } from './cran.js';
import { compareDebian } from './debian.js';
import { compareHackage } from './hackage.js';
import { compareMaven } from './maven.js';
import { compareNuGet } from './nuget.js';
import { comparePackagist } from './packagist.js';
import { comparePub } from './pub.js';
import { comparePyPI } from './pypi.js';
import { compareRpm } from './rpm.js';
import { compareRubyGems } from './rubygems.js';
import { compareSemver } from './semver.js';

export type { Cmp } from './num.js';
export type VersionCompare = (a: string, b: string) => Cmp;

/**
 * OSV ecosystem name (without the `:release` suffix) -> ordering. Sorted. Adding an ecosystem is
 * one comparator file and one line here.
 */
const COMPARATORS: Record<string, VersionCompare> = {
  AlmaLinux: compareRpm,
  Alpine: compareAlpine,
  Bitnami: compareSemver,
  CRAN: compareCran,
  'crates.io': compareSemver,
  Debian: compareDebian,
  Go: compareSemver,
  Hackage: compareHackage,
  Hex: compareSemver,
  Mageia: compareRpm,
  Maven: compareMaven,
  npm: compareSemver,
  NuGet: compareNuGet,
  openEuler: compareRpm,
  'openSUSE': compareRpm,
  Packagist: comparePackagist,
  Photon: compareRpm,
  Pub: comparePub,
  PyPI: comparePyPI,
  'Red Hat': compareRpm,
  'Rocky Linux': compareRpm,
  RubyGems: compareRubyGems,
  SUSE: compareRpm,
  SwiftURL: compareSemver,
  Ubuntu: compareDebian,
  Wolfi: compareAlpine,
};

/** `Debian:12` -> `Debian`; OSV qualifies distribution ecosystems with a release. */
export function baseEcosystem(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return i < 0 ? ecosystem : ecosystem.slice(0, i);
}

/** The ordering for an ecosystem, or undefined when it has none (ranges cannot be evaluated). */
export function comparatorFor(ecosystem: string): VersionCompare | undefined {
  return COMPARATORS[baseEcosystem(ecosystem)];
}

export const SUPPORTED_ECOSYSTEMS = Object.keys(COMPARATORS);
