import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/config.js';
import { CONFIG_TEMPLATE } from '../../src/cli/init.js';
import { GIT_ENV, commitAll, fakeAwsKey, gitIn, initRepo, removeDir, tempDir, write } from '../../src/testing/git-fixture.js';
import { CLI, oneLine, runCli } from './run-cli.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function repo(): string {
  const d = initRepo();
  dirs.push(d);
  return d;
}

/** `git commit` as a user would run it, so git itself runs the installed hook. */
function commit(d: string, message: string) {
  return spawnSync('git', ['commit', '-q', '-m', message], { cwd: d, env: { ...GIT_ENV, NO_COLOR: '1' }, encoding: 'utf8' });
}

const mode = (f: string) => statSync(f).mode & 0o777;

describe('the installed bin', () => {
  // `npx hipaa-gate` and git hooks execute dist/cli/main.js directly: the build must leave it executable.
  it.skipIf(process.platform === 'win32')('is executable and runs through its shebang', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
    const r = spawnSync(CLI, ['--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('hipaa-gate init', () => {
  it('writes a commented config that the real loader accepts, and refuses to overwrite it', () => {
    const d = tempDir('hg-init-');
    dirs.push(d);
    const r = runCli(['init'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('wrote .hipaa-gate.yml');
    const text = readFileSync(join(d, '.hipaa-gate.yml'), 'utf8');
    expect(text).toBe(CONFIG_TEMPLATE);
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('#')).length).toBeGreaterThan(20);
    const cfg = parseConfig(text, '.hipaa-gate.yml');
    expect(cfg).toMatchObject({ failOn: 'high', strict: false, maxFileSize: 10_000_000 });
    // The commented-out examples are valid too, once uncommented.
    const uncommented = text.replace(/^# ?(?=(thresholds|waivers|baseline|evidence):)/gm, '').replace(/^#( {2,})/gm, '$1');
    expect(parseConfig(uncommented, 'uncommented.yml').waivers).toHaveLength(2);

    writeFileSync(join(d, '.hipaa-gate.yml'), 'fail_on: low\n');
    const again = runCli(['init'], { cwd: d });
    expect(again.code).toBe(2);
    expect(oneLine(again)).toBe('hipaa-gate: error: .hipaa-gate.yml: a config file already exists (use --force to overwrite it)');
    expect(readFileSync(join(d, '.hipaa-gate.yml'), 'utf8')).toBe('fail_on: low\n');
    expect(runCli(['init', '--force'], { cwd: d }).code).toBe(0);
    expect(readFileSync(join(d, '.hipaa-gate.yml'), 'utf8')).toBe(CONFIG_TEMPLATE);
  });

  it('a freshly initialised project scans and passes', () => {
    const d = tempDir('hg-init-');
    dirs.push(d);
    write(d, { 'src/app.ts': 'export const ok = true;\n' });
    runCli(['init'], { cwd: d });
    const r = runCli(['scan', '.', '--scanners', 'secrets', '--format', 'json'], { cwd: d });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).configDigest).toMatch(/^[0-9a-f]{16,}/);
  });
});

describe('hipaa-gate hook', () => {
  it('installs an executable pre-commit hook idempotently and uninstalls it', () => {
    const d = repo();
    const hook = join(d, '.git', 'hooks', 'pre-commit');
    const first = runCli(['hook', 'install'], { cwd: d });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('installed');
    expect(mode(hook)).toBe(0o755);
    const text = readFileSync(hook, 'utf8');
    expect(text).toContain('scan --staged');
    const second = runCli(['hook', 'install'], { cwd: d });
    expect(second.stdout).toContain('already installed');
    expect(readFileSync(hook, 'utf8')).toBe(text);
    expect(runCli(['hook', 'uninstall'], { cwd: d }).code).toBe(0);
    expect(existsSync(hook)).toBe(false);
    expect(runCli(['hook', 'uninstall'], { cwd: d }).stdout).toContain('no hipaa-gate pre-commit hook installed');
  });

  it('chains an existing hook (it runs first and can still block) and uninstall restores it byte for byte', () => {
    const d = repo();
    const hooks = join(d, '.git', 'hooks');
    const original = '#!/bin/sh\necho ran >> "$(git rev-parse --git-dir)/previous-hook-ran"\n[ ! -f BLOCK ]\n';
    writeFileSync(join(hooks, 'pre-commit'), original);
    chmodSync(join(hooks, 'pre-commit'), 0o750);
    expect(runCli(['hook', 'install'], { cwd: d }).stdout).toContain('runs first');
    write(d, { 'a.txt': 'fine\n' });
    gitIn(d, 'add', 'a.txt');
    const ok = commit(d, 'ok');
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(readFileSync(join(d, '.git', 'previous-hook-ran'), 'utf8')).toBe('ran\n');
    write(d, { BLOCK: '', 'b.txt': 'fine\n' });
    gitIn(d, 'add', 'b.txt');
    expect(commit(d, 'blocked by the previous hook').status).not.toBe(0);
    expect(runCli(['hook', 'uninstall'], { cwd: d }).stdout).toContain('restored');
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).toBe(original);
    expect(mode(join(hooks, 'pre-commit'))).toBe(0o750);
    expect(existsSync(join(hooks, 'pre-commit.hipaa-gate-previous'))).toBe(false);
  });

  it('keeps a symlinked hook (even a dangling one) as a link and restores it', () => {
    const d = repo();
    const hooks = join(d, '.git', 'hooks');
    symlinkSync('../../scripts/pre-commit', join(hooks, 'pre-commit'));
    runCli(['hook', 'install'], { cwd: d });
    expect(readlinkSync(join(hooks, 'pre-commit.hipaa-gate-previous'))).toBe('../../scripts/pre-commit');
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).toContain('hipaa-gate');
    runCli(['hook', 'uninstall'], { cwd: d });
    expect(readlinkSync(join(hooks, 'pre-commit'))).toBe('../../scripts/pre-commit');
  });

  it('blocks a commit that adds a key and lets a clean one through', () => {
    const d = repo();
    write(d, { '.hipaa-gate.yml': 'scanners:\n  phi:\n    enabled: false\n  iac:\n    enabled: false\n  deps:\n    enabled: false\n' });
    runCli(['hook', 'install'], { cwd: d });
    write(d, { 'clean.ts': 'export const a = 1;\n' });
    gitIn(d, 'add', '-A');
    const ok = commit(d, 'clean');
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    write(d, { 'leak.ts': `export const id = "${fakeAwsKey()}";\n` });
    gitIn(d, 'add', 'leak.ts');
    const blocked = commit(d, 'leak');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('leak.ts');
    expect(blocked.stdout + blocked.stderr).not.toContain(fakeAwsKey());
    expect(gitIn(d, 'log', '--format=%s').trim().split('\n')).toEqual(['clean']);
    // git commit -a stages into a temporary index (GIT_INDEX_FILE); the hook must read that one.
    gitIn(d, 'reset', '-q');
    write(d, { 'clean.ts': `export const a = 1;\nexport const id = "${fakeAwsKey()}";\n` });
    const all = spawnSync('git', ['commit', '-q', '-a', '-m', 'leak via -a'], { cwd: d, env: GIT_ENV, encoding: 'utf8' });
    expect(all.status).not.toBe(0);
    expect(all.stdout + all.stderr).toContain('clean.ts');
    expect(gitIn(d, 'log', '--format=%s').trim().split('\n')).toEqual(['clean']);
  });

  it('respects core.hooksPath, relative (to the top of the work tree) and absolute', () => {
    const d = repo();
    mkdirSync(join(d, 'sub'));
    gitIn(d, 'config', 'core.hooksPath', '.githooks');
    expect(runCli(['hook', 'install'], { cwd: join(d, 'sub') }).code).toBe(0);
    expect(existsSync(join(d, '.githooks', 'pre-commit'))).toBe(true);
    expect(existsSync(join(d, 'sub', '.githooks'))).toBe(false);
    const abs = tempDir('hg-hooks-');
    dirs.push(abs);
    gitIn(d, 'config', 'core.hooksPath', abs);
    runCli(['hook', 'install', '-C', d], { cwd: abs });
    expect(readFileSync(join(abs, 'pre-commit'), 'utf8')).toContain('hipaa-gate');
  });

  it('from a linked worktree installs into the shared hooks directory', () => {
    const d = repo();
    commitAll(d, 'base');
    const wt = join(tempDir('hg-wt-'), 'wt');
    dirs.push(join(wt, '..'));
    gitIn(d, 'worktree', 'add', '-q', wt);
    expect(runCli(['hook', 'install'], { cwd: wt }).code).toBe(0);
    expect(existsSync(join(d, '.git', 'hooks', 'pre-commit'))).toBe(true);
  });

  it('leaves a foreign hook alone on uninstall, and exits 2 with one line outside a repository', () => {
    const d = repo();
    const hook = join(d, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    expect(runCli(['hook', 'uninstall'], { cwd: d }).stdout).toContain('left untouched');
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nexit 0\n');
    const outside = tempDir('hg-nogit-');
    dirs.push(outside);
    const r = runCli(['hook', 'install'], { cwd: outside });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(/not a git repository/);
  });

  it('the hook script falls back to the CLI that installed it', () => {
    const d = repo();
    runCli(['hook', 'install'], { cwd: d });
    expect(readFileSync(join(d, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain(`'${CLI}' scan --staged`);
    // sh -n: the generated script is at least valid POSIX shell syntax.
    execFileSync('sh', ['-n', join(d, '.git', 'hooks', 'pre-commit')]);
  });
});
