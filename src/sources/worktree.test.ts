import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Skipped } from '../core/types.js';
import { GIT_ENV, collect, gitIn, initRepo, removeDir, tempDir, write } from '../testing/git-fixture.js';
import { worktreeSource } from './worktree.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

async function walk(root: string, extra: { exclude?: string[]; maxFileSize?: number } = {}) {
  const entries = await collect(worktreeSource({ root, exclude: extra.exclude ?? [], maxFileSize: extra.maxFileSize ?? 1e7 }));
  const files = entries.flatMap((e) => (e.kind === 'file' ? [e.path] : [])).sort();
  const skipped = new Map<string, Skipped>(entries.flatMap((e) => (e.kind === 'skipped' ? [[e.skipped.path, e.skipped] as const] : [])));
  return { files, skipped };
}

/** What git itself would consider part of the tree, with no personal ignore file in play. */
function gitView(cwd: string): string[] {
  const home = tempDir('hg-home-');
  dirs.push(home);
  const out = execFileSync('git', ['ls-files', '-z', '--others', '--exclude-standard', '--cached'], {
    cwd,
    env: { ...GIT_ENV, HOME: home, XDG_CONFIG_HOME: home },
    encoding: 'utf8',
  });
  return out.split('\0').filter(Boolean).sort();
}

/** A tree that exercises the corners of gitignore semantics. */
function trickyRepo(): string {
  const d = initRepo();
  dirs.push(d);
  write(d, {
    '.gitignore': ['*.log', '!keep.log', 'build/', '/root-only.txt', 'docs/**/*.tmp', '\\#hash.txt', 'cache/', '!cache/back.txt', '**/temp', 'space name.txt', '# a comment', '', 'dir-pattern/'].join('\n') + '\n',
    'a.log': 'x', 'keep.log': 'x', 'root-only.txt': 'x', 'sub/root-only.txt': 'x', '#hash.txt': 'x', 'space name.txt': 'x',
    'build/out.js': 'x', 'sub/build': 'file named like an ignored dir', 'src/build/gen.js': 'x',
    'docs/a/b/c.tmp': 'x', 'docs/c.tmp': 'x', 'docs/readme.md': 'x', 'other/c.tmp': 'x',
    'cache/back.txt': 'x', 'cache/other.txt': 'x', 'x/y/temp/z.txt': 'x', 'temp': 'file named temp',
    'dir-pattern': 'a file, not a directory',
    'sub/.gitignore': '!*.log\nlocal/\n/anchored.txt\n',
    'sub/debug.log': 'x', 'sub/local/l.txt': 'x', 'sub/anchored.txt': 'x', 'sub/deeper/anchored.txt': 'x',
    'sub/deep/.gitignore': '*.txt\n!keep.txt\n',
    'sub/deep/drop.txt': 'x', 'sub/deep/keep.txt': 'x', 'sub/deep/code.ts': 'x',
    'notes/secret-notes.md': 'x', 'notes/public.md': 'x',
    'crlf/.gitignore': 'skip-me.txt\r\n!keep-me.txt\r\n*.cr\r\n',
    'crlf/skip-me.txt': 'x', 'crlf/keep-me.txt': 'x', 'crlf/x.cr': 'x',
    'more/.gitignore': ['a/**/b.txt', 'trailing.txt   ', 'only/*', '!only/keep/', '**/logs/', '*.[oa]', 'esc\\ space.txt', '/nested/deeper/*.md'].join('\n') + '\n',
    'more/a/b.txt': 'x', 'more/a/x/y/b.txt': 'x', 'more/c/a/b.txt': 'x', 'more/trailing.txt': 'x',
    'more/only/drop.txt': 'x', 'more/only/keep/k.txt': 'x', 'more/x/logs/l.txt': 'x', 'more/logs': 'a file named logs',
    'more/lib.o': 'x', 'more/lib.a': 'x', 'more/lib.c': 'x', 'more/esc space.txt': 'x',
    'more/nested/deeper/r.md': 'x', 'more/nested/deeper/sub/r.md': 'x',
    'forced.log': 'tracked although ignored',
    'build/forced/kept.js': 'tracked inside an ignored directory',
  });
  write(d, { '.git/info/exclude': 'secret-notes.md\n' });
  gitIn(d, 'add', '-f', 'forced.log', 'build/forced/kept.js');
  return d;
}

describe('worktreeSource ignore rules', () => {
  it('lists exactly what git ls-files --others --exclude-standard --cached lists', async () => {
    const d = trickyRepo();
    const { files } = await walk(d);
    expect(files).toEqual(gitView(d));
    // Spot checks, so a bug shared with git's view of this tree would still show.
    expect(files).toContain('keep.log');
    expect(files).toContain('sub/debug.log');
    expect(files).toContain('forced.log');
    expect(files).toContain('build/forced/kept.js');
    expect(files).not.toContain('cache/back.txt');
    expect(files).not.toContain('notes/secret-notes.md');
  });

  it('from a subdirectory, applies the ignore files above it as git does', async () => {
    const d = trickyRepo();
    const { files } = await walk(join(d, 'sub'));
    expect(files).toEqual(gitView(join(d, 'sub')));
    expect(files).toContain('deeper/anchored.txt');
    expect(files).not.toContain('anchored.txt');
  });

  it('scans a directory git ignores when it is named as the scan root', async () => {
    const d = trickyRepo();
    write(d, { 'build/.gitignore': '*.map\n', 'build/out.js.map': 'x' });
    expect((await walk(join(d, 'build'))).files).toEqual(['.gitignore', 'forced/kept.js', 'out.js']);
  });

  it('.hipaa-gateignore and config excludes drop files, tracked ones included', async () => {
    const d = trickyRepo();
    write(d, { '.hipaa-gateignore': 'docs/\nforced.log\n', 'sub/.hipaa-gateignore': '*.ts\n' });
    const { files } = await walk(d, { exclude: ['notes/**', 'keep.log'] });
    const expected = gitView(d).filter((f) => !/^(docs\/|notes\/)|^forced\.log$|^keep\.log$|^sub\/.*\.ts$/.test(f));
    expect(files).toEqual(expected);
    expect(files).toContain('sub/.hipaa-gateignore');
    expect(files).not.toContain('sub/deep/code.ts');
  });

  it('honours .gitignore outside a git repository too', async () => {
    const d = tempDir();
    dirs.push(d);
    write(d, { '.gitignore': 'node_modules/\n*.min.js\n', 'node_modules/x/index.js': 'x', 'app.min.js': 'x', 'app.js': 'x' });
    expect((await walk(d)).files).toEqual(['.gitignore', 'app.js']);
  });
});

describe('worktreeSource hostile trees', () => {
  it('never follows links: inside targets are scanned in place, outside, loops and dangling ones are reported', async () => {
    const d = tempDir();
    const outside = tempDir();
    dirs.push(d, outside);
    write(d, { 'real/file.txt': 'x' });
    write(outside, { 'secret.txt': 'x' });
    symlinkSync(join(d, 'real'), join(d, 'alias'));
    symlinkSync('file.txt', join(d, 'real', 'same.txt'));
    symlinkSync(outside, join(d, 'out-dir'));
    symlinkSync(join(outside, 'secret.txt'), join(d, 'out-file'));
    symlinkSync('loop-b', join(d, 'loop-a'));
    symlinkSync('loop-a', join(d, 'loop-b'));
    symlinkSync('..', join(d, 'real', 'up'));
    symlinkSync('missing-target', join(d, 'dangling'));
    const { files, skipped } = await walk(d);
    expect(files).toEqual(['real/file.txt']);
    expect(skipped.get('out-dir')?.reason).toBe('symlink-outside-root');
    expect(skipped.get('out-file')?.reason).toBe('symlink-outside-root');
    expect(skipped.get('loop-a')?.reason).toBe('symlink-loop');
    expect(skipped.get('dangling')).toMatchObject({ reason: 'unreadable', detail: expect.stringContaining('broken symbolic link') });
    expect(skipped.has('alias')).toBe(false);
    expect(skipped.has('real/up')).toBe(false);
  });

  it('reports files above max_file_size and special files without reading them', async () => {
    const d = tempDir();
    dirs.push(d);
    write(d, { 'big.txt': 'z'.repeat(2048), 'small.txt': 'z', 'big.bin': Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(4090)]) });
    execFileSync('mkfifo', [join(d, 'pipe')]);
    const { files, skipped } = await walk(d, { maxFileSize: 1024 });
    expect(files).toEqual(['small.txt']);
    expect(skipped.get('big.txt')).toMatchObject({ reason: 'too-large', detail: '2048 bytes exceeds max_file_size 1024' });
    // A large binary asset is an expected binary skip (does not fail --strict), decided from its head.
    expect(skipped.get('big.bin')).toMatchObject({ reason: 'binary', expected: true, detail: expect.stringContaining('4096 bytes') });
    // A FIFO would block a reader forever; it holds nothing git would commit.
    expect(skipped.get('pipe')).toMatchObject({ reason: 'unreadable', expected: true, detail: expect.stringContaining('named pipe') });
  });

  it('reports a directory it cannot list (skipped when running as root, which can read anything)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip();
    const d = tempDir();
    dirs.push(d);
    write(d, { 'locked/a.txt': 'x' });
    execFileSync('chmod', ['000', join(d, 'locked')]);
    try {
      const { skipped } = await walk(d);
      expect(skipped.get('locked')?.reason).toBe('unreadable');
    } finally {
      execFileSync('chmod', ['755', join(d, 'locked')]);
    }
  });

  it('skips .git whether it is a directory or a worktree pointer file', async () => {
    const d = tempDir();
    dirs.push(d);
    mkdirSync(join(d, 'a', '.git'), { recursive: true });
    write(d, { 'a/.git/config': 'x', 'b/.git': 'gitdir: elsewhere', 'b/c.txt': 'x' });
    expect((await walk(d)).files).toEqual(['b/c.txt']);
  });
});

describe('worktreeSource and the event loop', () => {
  it('lets the event loop run during a long walk, so a worker pool fed by it is not starved', async () => {
    const d = tempDir('hg-walk-');
    dirs.push(d);
    const files: Record<string, string> = {};
    for (let i = 0; i < 700; i++) files[`f/${String(i).padStart(4, '0')}.txt`] = 'x';
    write(d, files);
    // A macrotask queued before the walk: it runs only when the walk gives the loop a turn.
    let turns = 0;
    let seenAt: number | undefined;
    const tick = () => {
      turns++;
      if (turns < 1000) setImmediate(tick);
    };
    setImmediate(tick);
    let n = 0;
    for await (const e of worktreeSource({ root: d, exclude: [], maxFileSize: 1e7 })) {
      if (e.kind !== 'file') continue;
      n++;
      if (seenAt === undefined && turns > 0) seenAt = n;
    }
    expect(n).toBe(700);
    // The first break comes after a few hundred files, and there are more before the end.
    expect(seenAt).toBeDefined();
    expect(seenAt!).toBeLessThan(700);
    expect(turns).toBeGreaterThanOrEqual(2);
  });
});
