import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PARSERS } from '../../src/scanners/deps/lockfiles/index.js';
import type { LockfileParser } from '../../src/scanners/deps/lockfiles/types.js';
import { sharedDir } from './shared.js';

/**
 * OSV-Scalibr's lockfile fixtures with the inventories its tests expect (see the suite's
 * PROVENANCE.md). A fixture matches when the multiset of (name, version, ecosystem) is equal.
 */
const shared = sharedDir();
const dir = shared ? join(shared, 'benchmarks', 'lockfiles-osv') : '';

const FORMAT_PARSER: Record<string, string> = {
  'package-lock.json': 'package-lock',
  'yarn.lock': 'yarn-lock',
  'pnpm-lock.yaml': 'pnpm-lock',
  'requirements.txt': 'requirements',
  'poetry.lock': 'poetry-lock',
  'Pipfile.lock': 'pipfile-lock',
  'uv.lock': 'uv-lock',
  'go.mod': 'go-mod',
  'Cargo.lock': 'cargo-lock',
  'Gemfile.lock': 'gemfile-lock',
  'composer.lock': 'composer-lock',
  'pom.xml': 'pom-xml',
  'gradle.lockfile': 'gradle-lockfile',
  'packages.lock.json': 'nuget-lock',
  'pubspec.lock': 'pubspec-lock',
  'mix.lock': 'mix-lock',
};

function expectedFiles(root: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(root)) {
    const p = join(root, e);
    if (statSync(p).isDirectory()) out.push(...expectedFiles(p));
    else if (e.endsWith('.expected.json')) out.push(p);
  }
  return out;
}

type Row = { name: string; version: string; ecosystem: string };

/**
 * Errata: four uv.lock expectations lost the packages that scalibr's uvlock_test.go builds with its
 * `inventory(t, name, version, loc)` helper (only struct literals were transcribed). The corrected
 * lists are that test's WantInventory; names-outside-package-block follows the TOML itself.
 */
const ERRATA: Record<string, string[]> = {
  'uv.lock/one-package.lock': ['emoji|2.14.0'],
  'uv.lock/two-packages.lock': ['emoji|2.14.0', 'protobuf|4.25.5'],
  'uv.lock/names-outside-package-block.lock': ['first-pkg|1.0.0', 'second-pkg|2.0.0'],
  'uv.lock/grouped-packages.lock': ['black|24.10.0', 'click|8.1.7', 'colorama|0.4.6', 'emoji|2.14.0', 'flake8|7.1.1', 'mccabe|0.7.0', 'mypy-extensions|1.0.0', 'packaging|24.2', 'pathspec|0.12.1', 'platformdirs|4.3.6', 'pycodestyle|2.12.1', 'pyflakes|3.2.0', 'tomli|2.2.1', 'typing-extensions|4.12.2'],
};
const key = (r: Row) => `${r.ecosystem}|${r.name}|${r.version}`;

function run(parser: LockfileParser, fixture: string): string[] {
  const text = readFileSync(fixture, 'utf8');
  const base = dirname(fixture);
  const pkgs = parser.parse(text, {
    path: relative(dir, fixture),
    readRelative: (rel) => {
      const p = resolve(base, rel);
      return p.startsWith(dir) && existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;
    },
  });
  return pkgs.map((p) => key({ name: p.name, version: p.version, ecosystem: parser.ecosystem })).sort();
}

const rates: Record<string, { ok: number; raw: number; total: number; misses: string[] }> = {};

describe.skipIf(!shared || !existsSync(dir))('lockfile inventories vs osv-scalibr expectations', () => {
  for (const [format, parserId] of Object.entries(FORMAT_PARSER)) {
    it(`${format}`, () => {
      const parser = PARSERS.find((p) => p.id === parserId)!;
      const r = (rates[format] = { ok: 0, raw: 0, total: 0, misses: [] as string[] });
      for (const exp of expectedFiles(join(dir, format))) {
        const fixture = exp.slice(0, -'.expected.json'.length);
        const raw = (JSON.parse(readFileSync(exp, 'utf8')) as Row[]).map(key).sort();
        const fix = ERRATA[relative(dir, fixture)];
        const want = fix ? fix.map((nv) => `${parser.ecosystem}|${nv}`).sort() : raw;
        let got: string[];
        try {
          got = run(parser, fixture);
        } catch (e) {
          got = [`ERROR ${(e as Error).message}`];
        }
        r.total++;
        if (JSON.stringify(got) === JSON.stringify(raw)) r.raw++;
        if (JSON.stringify(got) === JSON.stringify(want)) r.ok++;
        else r.misses.push(`${relative(dir, fixture)}\n   want ${JSON.stringify(want)}\n   got  ${JSON.stringify(got)}`);
      }
      expect(r.total).toBeGreaterThan(0);
      expect(r.misses).toEqual([]);
    });
  }
  afterAll(() => {
    let ok = 0;
    let raw = 0;
    let total = 0;
    for (const [f, r] of Object.entries(rates)) {
      ok += r.ok;
      raw += r.raw;
      total += r.total;
      console.log(`${f.padEnd(20)} ${r.ok}/${r.total} exact (${((100 * r.ok) / r.total).toFixed(0)}%)${r.raw !== r.ok ? `; ${r.raw}/${r.total} against the uncorrected expectations` : ''}`);
      if (process.env.LOCKFILE_SHOW_MISSES) for (const m of r.misses) console.log(`  MISS ${m}`);
    }
    console.log(`lockfiles total: ${ok}/${total} exact (${((100 * ok) / total).toFixed(1)}%); uncorrected ${raw}/${total}`);
  });
});
