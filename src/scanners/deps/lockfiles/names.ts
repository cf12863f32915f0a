import { OS_RELEASE_PATHS } from './os-release.js';

/**
 * Which files each lockfile parser reads, by parser id. Kept apart from the parsers (which pull in
 * YAML, TOML and XML parsers and packageurl-js) so that telling whether a staged file is a deps
 * file loads none of them; the parsers use these same functions as their `matches`.
 */
export const LOCKFILE_NAMES = {
  'apk-installed': (_b: string, path: string) => /(^|\/)lib\/apk\/db\/installed$/.test(path),
  'cargo-lock': (b: string) => b === 'Cargo.lock',
  'composer-lock': (b: string) => b === 'composer.lock',
  'dpkg-status': (_b: string, path: string) => /(^|\/)var\/lib\/dpkg\/(status|status\.d\/[^/]+)$/.test(path) && !path.endsWith('.md5sums'),
  'gemfile-lock': (b: string) => b === 'Gemfile.lock' || b === 'gems.locked',
  'go-mod': (b: string) => b === 'go.mod',
  'gradle-lockfile': (b: string) => b === 'gradle.lockfile' || b === 'buildscript-gradle.lockfile',
  'mix-lock': (b: string) => b === 'mix.lock',
  'nuget-lock': (b: string) => b === 'packages.lock.json',
  'package-lock': (b: string) => b === 'package-lock.json' || b === 'npm-shrinkwrap.json',
  'pipfile-lock': (b: string) => b === 'Pipfile.lock',
  'pnpm-lock': (b: string) => b === 'pnpm-lock.yaml',
  'poetry-lock': (b: string) => b === 'poetry.lock',
  'pom-xml': (b: string) => b === 'pom.xml',
  'pubspec-lock': (b: string) => b === 'pubspec.lock',
  'requirements': (b: string) => /^requirements.*\.txt$/.test(b) || b.endsWith('.requirements.txt'),
  'uv-lock': (b: string) => b === 'uv.lock',
  'yarn-lock': (b: string) => b === 'yarn.lock',
} satisfies Record<string, (basename: string, path: string) => boolean>;

const MATCHERS: Array<(basename: string, path: string) => boolean> = Object.values(LOCKFILE_NAMES);

/** True for every file the deps scanner reads (lockfiles, manifests, OS package databases, os-release). */
export function isDepsFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return MATCHERS.some((m) => m(base, path)) || OS_RELEASE_PATHS.some((p) => path === p || path.endsWith(`/${p}`));
}
