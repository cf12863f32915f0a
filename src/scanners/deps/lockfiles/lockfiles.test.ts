import { describe, expect, it } from 'vitest';
import { HipaaGateError } from '../../../core/errors.js';
import { purlFor } from '../inventory.js';
import { PARSERS, parserFor } from './index.js';
import { isDepsFile, LOCKFILE_NAMES } from './names.js';

const parse = (path: string, text: string, files: Record<string, string> = {}) => {
  const p = parserFor(path)!;
  return p.parse(text, { path, readRelative: (rel) => files[rel] });
};

describe('lockfile parsers: lines, direct and dev flags', () => {
  it('yarn v1: header line, dependency names', () => {
    const text = '# yarn lockfile v1\n\n"@scope/a@^1.0.0", "@scope/a@^1.1.0":\n  version "1.2.0"\n  dependencies:\n    b "^2"\n\nb@^2:\n  version "2.0.1"\n';
    expect(parse('yarn.lock', text)).toEqual([
      { name: '@scope/a', version: '1.2.0', line: 3, deps: ['b'] },
      { name: 'b', version: '2.0.1', line: 8, deps: [] },
    ]);
  });
  it('pnpm v9: importers decide direct and dev', () => {
    const text = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1\n        version: 1.0.0\n    devDependencies:\n      t:\n        specifier: ^2\n        version: 2.0.0\npackages:\n  a@1.0.0:\n    resolution: {integrity: x}\n  t@2.0.0:\n    resolution: {integrity: y}\n  c@3.0.0:\n    resolution: {integrity: z}\n";
    expect(parse('pnpm-lock.yaml', text).map(({ name, line, direct, dev }) => ({ name, line, direct, dev }))).toEqual([
      { name: 'a', line: 13, direct: true, dev: false },
      { name: 't', line: 15, direct: true, dev: true },
      { name: 'c', line: 17, direct: false, dev: false },
    ]);
  });
  it('requirements: includes are relative to the including file and keep their own lines', () => {
    const got = parse('svc/requirements.txt', '-r common/base.txt\ndjango==4.2.1\n', { 'common/base.txt': '# base\nrequests==2.31.0 --hash=sha256:abc\n' });
    expect(got).toEqual([
      { name: 'requests', version: '2.31.0', line: 2, direct: true },
      { name: 'django', version: '4.2.1', line: 2, direct: true },
    ]);
  });
  it('go.mod: indirect requirements are transitive; stdlib comes from the toolchain', () => {
    const got = parse('go.mod', 'module m\n\ngo 1.22\ntoolchain go1.22.3\n\nrequire (\n\tgithub.com/a/b v1.2.3\n\tgolang.org/x/c v0.1.0 // indirect\n)\n');
    expect(got.map(({ name, version, line, direct }) => ({ name, version, line, direct }))).toEqual([
      { name: 'github.com/a/b', version: '1.2.3', line: 7, direct: true },
      { name: 'golang.org/x/c', version: '0.1.0', line: 8, direct: false },
      { name: 'stdlib', version: '1.22.3', line: 1, direct: true },
    ]);
  });
  it('poetry: dev category and groups', () => {
    const got = parse('poetry.lock', '[[package]]\nname = "pytest"\nversion = "8.0.0"\ncategory = "dev"\n\n[[package]]\nname = "flask"\nversion = "3.0.0"\ngroups = ["main"]\n');
    expect(got.map(({ name, line, dev }) => ({ name, line, dev }))).toEqual([
      { name: 'pytest', line: 1, dev: true },
      { name: 'flask', line: 6, dev: false },
    ]);
  });
  it('Gemfile.lock: DEPENDENCIES marks direct gems', () => {
    const got = parse('Gemfile.lock', 'GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (2.2.3)\n    rails (7.0.0-x86_64-linux)\n      rack (>= 2)\n\nDEPENDENCIES\n  rails\n');
    expect(got).toEqual([
      { name: 'rack', version: '2.2.3', line: 4, deps: [], direct: false },
      { name: 'rails', version: '7.0.0', line: 5, deps: ['rack'], direct: true },
    ]);
  });
});

describe('lockfile parsers: bad input names the file and line', () => {
  const fails = (path: string, text: string) => {
    try {
      parse(path, text);
    } catch (e) {
      expect(e).toBeInstanceOf(HipaaGateError);
      return { message: (e as HipaaGateError).message, line: (e as HipaaGateError).line, file: (e as HipaaGateError).file };
    }
    throw new Error('expected a parse error');
  };
  it('invalid JSON, unknown lockfile versions, broken TOML/YAML/XML', () => {
    expect(fails('package-lock.json', '{\n  "lockfileVersion": 3,\n  "packages": {,\n}')).toMatchObject({ file: 'package-lock.json', line: 3 });
    expect(fails('package-lock.json', '{"lockfileVersion": 7}')).toMatchObject({ message: 'unsupported lockfileVersion 7' });
    expect(fails('pnpm-lock.yaml', "lockfileVersion: '11.0'\n")).toMatchObject({ message: 'unsupported lockfileVersion 11.0' });
    expect(fails('Cargo.lock', '[[package]]\nname = "a"\nversion = \n')).toMatchObject({ file: 'Cargo.lock', line: 3 });
    expect(fails('pom.xml', '<project>\n<dependencies>\n</project>\n')).toMatchObject({ file: 'pom.xml' });
    expect(fails('go.mod', 'module m\nfrobnicate x\n')).toMatchObject({ line: 2, message: 'unknown go.mod directive "frobnicate"' });
  });
});

describe('purls', () => {
  it.each([
    ['npm', '@babel/core', '7.0.0', 'pkg:npm/%40babel/core@7.0.0'],
    ['PyPI', 'Django_Rest.Framework', '3.0', 'pkg:pypi/django-rest-framework@3.0'],
    ['Go', 'github.com/gin-gonic/gin', '1.9.1', 'pkg:golang/github.com/gin-gonic/gin@1.9.1'],
    ['Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1', 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'],
    ['Packagist', 'symfony/http-kernel', '6.0.0', 'pkg:composer/symfony/http-kernel@6.0.0'],
    ['Alpine:v3.19', 'busybox', '1.36.1-r15', 'pkg:apk/alpine/busybox@1.36.1-r15?distro=alpine-v3.19'],
    ['crates.io', 'serde', '1.0.0', 'pkg:cargo/serde@1.0.0'],
  ])('%s %s', (eco, name, version, want) => {
    expect(purlFor(eco, name, version)).toBe(want);
  });
});

describe('deps file names (kept apart from the parsers)', () => {
  it('every parser matches with its own entry of LOCKFILE_NAMES, and every entry belongs to a parser', () => {
    expect(Object.keys(LOCKFILE_NAMES).sort()).toEqual(PARSERS.map((p) => p.id).sort());
    for (const p of PARSERS) expect(p.matches).toBe(LOCKFILE_NAMES[p.id as keyof typeof LOCKFILE_NAMES]);
  });
  it('isDepsFile: lockfiles, manifests, OS package databases and os-release, nothing else', () => {
    const yes = ['yarn.lock', 'web/package-lock.json', 'requirements-dev.txt', 'svc/go.mod', 'lib/apk/db/installed', 'var/lib/dpkg/status', 'etc/os-release', 'img/usr/lib/os-release'];
    const no = ['src/app.js', 'yarn.lock.bak', 'var/lib/dpkg/status.d/x.md5sums', 'README.md', 'etc/os-release.d/x'];
    for (const p of yes) expect([p, isDepsFile(p)]).toEqual([p, true]);
    for (const p of no) expect([p, isDepsFile(p)]).toEqual([p, false]);
    for (const p of [...yes, ...no]) if (!/os-release$/.test(p)) expect([p, isDepsFile(p)]).toEqual([p, parserFor(p) !== undefined]);
  });
});
