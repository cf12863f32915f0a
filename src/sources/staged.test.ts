import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import type { Artifact, Skipped } from '../core/types.js';
import { collect, commitAll, gitIn, initRepo, removeDir, tempDir, write } from '../testing/git-fixture.js';
import { parsePatch, stagedSource } from './staged.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function repo(): string {
  const d = initRepo();
  dirs.push(d);
  return d;
}

async function staged(root: string, extra: { exclude?: string[]; maxFileSize?: number; wantsBytes?: (p: string) => boolean } = {}) {
  const entries = await collect(stagedSource({ root, exclude: extra.exclude ?? [], maxFileSize: extra.maxFileSize ?? 1e7, wantsBytes: extra.wantsBytes }));
  const artifacts = new Map<string, Artifact>();
  const skipped = new Map<string, Skipped>();
  for (const e of entries) {
    if (e.kind === 'artifact') artifacts.set(e.artifact.path, e.artifact);
    else if (e.kind === 'skipped') skipped.set(e.skipped.path, e.skipped);
    else throw new Error(`staged source must not yield worktree files (${e.path})`);
  }
  return { artifacts, skipped };
}

const lines = (a: Artifact | undefined) => [...(a?.onlyLines ?? [])].sort((x, y) => x - y);

describe('stagedSource', () => {
  it('on a repository without commits, every line of a staged file is added', async () => {
    const d = repo();
    write(d, { 'a.txt': 'one\ntwo\nthree\n' });
    gitIn(d, 'add', 'a.txt');
    const { artifacts } = await staged(d);
    const a = artifacts.get('a.txt')!;
    expect(a.origin).toEqual({ kind: 'staged' });
    expect(a.text).toBe('one\ntwo\nthree\n');
    expect(lines(a)).toEqual([1, 2, 3]);
  });

  it('reads the index, not the working tree, and keeps only the added lines of each hunk', async () => {
    const d = repo();
    write(d, { 'app.ts': ['a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n') + '\n' });
    commitAll(d, 'base');
    write(d, { 'app.ts': ['a', 'NEW1', 'b', 'c', 'd', 'e', 'F', 'g', 'NEW2'].join('\n') + '\n' });
    gitIn(d, 'add', 'app.ts');
    write(d, { 'app.ts': 'unstaged content only\n', 'untracked.txt': 'not staged\n' });
    const { artifacts } = await staged(d);
    expect([...artifacts.keys()]).toEqual(['app.ts']);
    const a = artifacts.get('app.ts')!;
    expect(a.text.split('\n')[1]).toBe('NEW1');
    expect(lines(a)).toEqual([2, 7, 9]);
  });

  it('a renamed and edited file is reported under its new name with only the edited lines', async () => {
    const d = repo();
    const body = Array.from({ length: 20 }, (_, i) => `line ${i + 1} of a file long enough for rename detection`).join('\n') + '\n';
    write(d, { 'old/name.txt': body, 'gone.txt': 'bye\n', 'moved-only.txt': body.replace(/line/g, 'row') });
    commitAll(d, 'base');
    gitIn(d, 'mv', 'old/name.txt', 'new name.txt');
    gitIn(d, 'mv', 'moved-only.txt', 'moved-only-2.txt');
    gitIn(d, 'rm', '-q', 'gone.txt');
    writeFileSync(join(d, 'new name.txt'), body.replace('line 5 of', 'line FIVE of'));
    gitIn(d, 'add', '-A');
    const { artifacts, skipped } = await staged(d);
    expect([...artifacts.keys()]).toEqual(['new name.txt']);
    expect(lines(artifacts.get('new name.txt'))).toEqual([5]);
    expect(skipped.size).toBe(0);
  });

  it('handles names with quotes, spaces and non-ASCII characters exactly', async () => {
    const d = repo();
    const name = 'dir with space/qu"ote é.txt';
    write(d, { [name]: 'x\n' });
    gitIn(d, 'add', '-A');
    const { artifacts } = await staged(d);
    expect([...artifacts.keys()]).toEqual([name]);
    expect(lines(artifacts.get(name))).toEqual([1]);
  });

  it('reports binary blobs as skipped, but hands them over as bytes when a scanner wants them', async () => {
    const d = repo();
    write(d, { 'img.bin': new Uint8Array([1, 2, 0, 3, 4]), 'scan.dcm': new Uint8Array([0, 0, 68, 73, 67, 77]) });
    gitIn(d, 'add', '-A');
    const { artifacts, skipped } = await staged(d, { wantsBytes: (p) => p.endsWith('.dcm') });
    expect(skipped.get('img.bin')).toMatchObject({ reason: 'binary', expected: true });
    const dcm = artifacts.get('scan.dcm')!;
    expect(dcm.text).toBe('');
    expect([...dcm.bytes!]).toEqual([0, 0, 68, 73, 67, 77]);
  });

  it('scans a text file that gitattributes hides from diffs (-diff) in full', async () => {
    const d = repo();
    write(d, { '.gitattributes': '*.env -diff\n', 'prod.env': 'A=1\nB=2\n' });
    gitIn(d, 'add', '-A');
    const { artifacts } = await staged(d);
    const env = artifacts.get('prod.env')!;
    expect(env.text).toBe('A=1\nB=2\n');
    expect(env.onlyLines).toBeUndefined();
  });

  it('reports submodules as skipped and ignores symbolic links', async () => {
    const d = repo();
    write(d, { 'real.txt': 'content\n' });
    const head = commitAll(d, 'base');
    gitIn(d, 'update-index', '--add', '--cacheinfo', `160000,${head},vendor/lib`);
    symlinkSync('real.txt', join(d, 'link.txt'));
    gitIn(d, 'add', 'link.txt');
    const { artifacts, skipped } = await staged(d);
    expect(artifacts.size).toBe(0);
    expect(skipped.get('vendor/lib')).toMatchObject({ reason: 'unsupported', expected: true });
    expect(skipped.has('link.txt')).toBe(false);
  });

  it('skips blobs above max_file_size without reading them whole', async () => {
    const d = repo();
    write(d, { 'big.txt': 'x'.repeat(5000) + '\n', 'small.txt': 'ok\n', 'big.bin': Buffer.concat([Buffer.alloc(3000, 0x41), Buffer.alloc(3000)]) });
    gitIn(d, 'add', '-A');
    const { artifacts, skipped } = await staged(d, { maxFileSize: 1000 });
    expect(skipped.get('big.bin')).toMatchObject({ reason: 'binary', expected: true, detail: expect.stringContaining('6000 bytes') });
    expect(skipped.get('big.txt')).toMatchObject({ reason: 'too-large' });
    expect(skipped.get('big.txt')!.detail).toContain('5001 bytes');
    expect(artifacts.get('small.txt')?.text).toBe('ok\n');
  });

  it('applies config excludes and .hipaa-gateignore, but not .gitignore (a staged file is tracked)', async () => {
    const d = repo();
    write(d, {
      '.gitignore': 'forced.log\n',
      '.hipaa-gateignore': 'fixtures/\n',
      'fixtures/sample.txt': 'x\n',
      'docs/a.md': 'x\n',
      'forced.log': 'x\n',
      'src/keep.ts': 'x\n',
    });
    gitIn(d, 'add', '-A');
    gitIn(d, 'add', '-f', 'forced.log');
    const { artifacts } = await staged(d, { exclude: ['docs/**'] });
    expect([...artifacts.keys()].sort()).toEqual(['.gitignore', '.hipaa-gateignore', 'forced.log', 'src/keep.ts']);
  });

  it('from a subdirectory, scans only that directory with paths relative to it', async () => {
    const d = repo();
    write(d, { 'top.txt': 'x\n', 'pkg/a/b.txt': 'y\n' });
    gitIn(d, 'add', '-A');
    const { artifacts } = await staged(join(d, 'pkg'));
    expect([...artifacts.keys()]).toEqual(['a/b.txt']);
  });

  it('fails with a git error outside a repository', async () => {
    const d = tempDir();
    dirs.push(d);
    await expect(staged(d)).rejects.toBeInstanceOf(HipaaGateError);
    await expect(staged(d)).rejects.toMatchObject({ code: 'E_GIT' });
  });
});

/** `git cat-file --batch` processes whose working directory is `dir` (Linux /proc). */
function blobReadersIn(dir: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd === 'git\0cat-file\0--batch\0' && realpathSync(`/proc/${pid}/cwd`) === realpathSync(dir)) pids.push(Number(pid));
    } catch {
      // the process ended while it was being looked at
    }
  }
  return pids;
}

describe.runIf(process.platform === 'linux')('stagedSource started before it is read', () => {
  it('starts git when it is created, and close() ends its blob reader if it is never read', async () => {
    const d = repo();
    write(d, { 'a.txt': 'one\n' });
    gitIn(d, 'add', 'a.txt');
    const read = stagedSource({ root: d, exclude: [], maxFileSize: 1e7 });
    const dropped = stagedSource({ root: d, exclude: [], maxFileSize: 1e7 });
    expect(blobReadersIn(d).length).toBe(2);
    const entries = await collect(read);
    expect(entries.map((e) => (e.kind === 'artifact' ? e.artifact.path : e.kind))).toEqual(['a.txt']);
    dropped.close!();
    for (let i = 0; i < 50 && blobReadersIn(d).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(blobReadersIn(d)).toEqual([]);
  });

  it('ends its blob reader when the consumer stops before any blob was read', async () => {
    const d = repo();
    write(d, { 'real.txt': 'content\n' });
    const head = commitAll(d, 'base');
    // A submodule is reported before the blobs are read: stopping there leaves cat-file unread.
    gitIn(d, 'update-index', '--add', '--cacheinfo', `160000,${head},vendor/lib`);
    write(d, { 'more.txt': 'more\n' });
    gitIn(d, 'add', 'more.txt');
    for await (const e of stagedSource({ root: d, exclude: [], maxFileSize: 1e7 })) {
      expect(e).toMatchObject({ kind: 'skipped', skipped: { path: 'vendor/lib' } });
      break;
    }
    for (let i = 0; i < 50 && blobReadersIn(d).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(blobReadersIn(d)).toEqual([]);
  });
});

describe('parsePatch', () => {
  it('does not mistake an added line that looks like a header for one', () => {
    const patch = [
      'diff --git a/x.md b/x.md',
      '--- a/x.md',
      '+++ b/x.md',
      '@@ -3,0 +4,3 @@ ctx',
      '+++ not a header',
      '+diff --git looks like one',
      '+Binary files are not here',
      '@@ -10 +12 @@',
      '+last',
      '\\ No newline at end of file',
    ].join('\n');
    const { added, binary } = parsePatch(patch);
    expect([...added.get('x.md')!]).toEqual([4, 5, 6, 12]);
    expect(binary.size).toBe(0);
  });
});
