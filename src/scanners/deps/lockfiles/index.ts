import type { LockfileParser } from './types.js';
import { parser as apkInstalled } from './apk-installed.js';
import { parser as cargoLock } from './cargo-lock.js';
import { parser as composerLock } from './composer-lock.js';
import { parser as dpkgStatus } from './dpkg-status.js';
import { parser as gemfileLock } from './gemfile-lock.js';
import { parser as goMod } from './go-mod.js';
import { parser as gradleLockfile } from './gradle-lockfile.js';
import { parser as mixLock } from './mix-lock.js';
import { parser as nugetLock } from './nuget-lock.js';
import { parser as packageLock } from './package-lock.js';
import { parser as pipfileLock } from './pipfile-lock.js';
import { parser as pnpmLock } from './pnpm-lock.js';
import { parser as poetryLock } from './poetry-lock.js';
import { parser as pomXml } from './pom-xml.js';
import { parser as pubspecLock } from './pubspec-lock.js';
import { parser as requirements } from './requirements.js';
import { parser as uvLock } from './uv-lock.js';
import { parser as yarnLock } from './yarn-lock.js';

export type { LockfileParser, ParseContext } from './types.js';

/** Every lockfile/manifest parser. Sorted by id; each declares the file names it reads. */
export const PARSERS: LockfileParser[] = [
  apkInstalled,
  cargoLock,
  composerLock,
  dpkgStatus,
  gemfileLock,
  goMod,
  gradleLockfile,
  mixLock,
  nugetLock,
  packageLock,
  pipfileLock,
  pnpmLock,
  poetryLock,
  pomXml,
  pubspecLock,
  requirements,
  uvLock,
  yarnLock,
];

export function parserFor(path: string): LockfileParser | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return PARSERS.find((p) => p.matches(base, path));
}
