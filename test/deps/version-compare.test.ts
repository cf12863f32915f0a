import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparatorFor, type VersionCompare } from '../../src/scanners/deps/versions/index.js';
import { sharedDir } from './shared.js';

const shared = sharedDir();
const dir = shared ? join(shared, 'benchmarks', 'version-compare') : '';

/** Which vector files exercise which ecosystem (per the files' PROVENANCE.md). */
const FILES: Array<[string, string[]]> = [
  ['semver-versions.txt', ['npm', 'crates.io', 'Go', 'Hex']],
  ['pypi-versions.txt', ['PyPI']],
  ['pypi-versions-generated.txt', ['PyPI']],
  ['maven-versions.txt', ['Maven']],
  ['maven-versions-generated.txt', ['Maven']],
  ['rubygems-versions.txt', ['RubyGems']],
  ['rubygems-versions-generated.txt', ['RubyGems']],
  ['packagist-versions.txt', ['Packagist']],
  ['packagist-versions-generated.txt', ['Packagist']],
  ['nuget-versions.txt', ['NuGet']],
  ['debian-versions.txt', ['Debian', 'Ubuntu']],
  ['debian-versions-generated.txt', ['Debian']],
  ['alpine-versions.txt', ['Alpine']],
  ['alpine-versions-generated.txt', ['Alpine']],
  ['redhat-versions.txt', ['Red Hat']],
  ['pub-versions.txt', ['Pub']],
  ['cran-versions.txt', ['CRAN']],
  ['cran-versions-generated.txt', ['CRAN']],
  ['hackage-versions.txt', ['Hackage']],
];

function vectors(file: string): Array<{ a: string; op: string; b: string; line: number }> {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter(({ text }) => text && !text.startsWith('# ') && !text.startsWith('//'))
    .map(({ text, line }) => {
      const m = /^(\S+) ([<=>]) (\S+)$/.exec(text);
      if (!m) throw new Error(`${file}:${line}: unreadable vector`);
      return { a: m[1]!, op: m[2]!, b: m[3]!, line };
    });
}

const want = { '<': -1, '=': 0, '>': 1 } as const;

describe.skipIf(!shared || !existsSync(dir))('version ordering vectors (osv-scalibr)', () => {
  let total = 0;
  for (const [file, ecosystems] of FILES) {
    for (const eco of ecosystems) {
      it(`${eco}: every vector in ${file}`, () => {
        const cmp = comparatorFor(eco) as VersionCompare;
        const failures: string[] = [];
        const vs = vectors(file);
        for (const { a, op, b, line } of vs) {
          const w = want[op as keyof typeof want];
          // Both directions: an ordering must be antisymmetric.
          if (cmp(a, b) !== w || cmp(b, a) !== -w) failures.push(`${file}:${line}: ${a} ${op} ${b} (got ${cmp(a, b)} / ${cmp(b, a)})`);
        }
        total += vs.length;
        expect(failures.slice(0, 20)).toEqual([]);
        expect(vs.length).toBeGreaterThan(5);
      });
    }
  }
  it('counted', () => {
    console.log(`version-compare: ${total} vectors checked in both directions`);
  });
});
