import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifact, Skipped } from '../core/types.js';
import { GIT_ENV, collect, commitAll, gitIn, initRepo, removeDir, tempDir, write } from '../testing/git-fixture.js';
import { historySource, type HistoryOptions } from './history.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));

function repo(): string {
  const d = initRepo();
  dirs.push(d);
  return d;
}

async function history(root: string, extra: Partial<HistoryOptions> = {}) {
  const entries = await collect(historySource({ root, exclude: [], maxFileSize: 1e7, ...extra }));
  const artifacts: Artifact[] = [];
  const skipped: Skipped[] = [];
  for (const e of entries) {
    if (e.kind === 'artifact') artifacts.push(e.artifact);
    else if (e.kind === 'skipped') skipped.push(e.skipped);
  }
  return { artifacts, skipped };
}

const byCommit = (as: Artifact[], commit: string) => as.filter((a) => a.origin.commit === commit);

describe('historySource', () => {
  it('yields each commit\'s added lines per file with real line numbers, commit, author and date', async () => {
    const d = repo();
    write(d, { 'a.txt': 'one\ntwo\nthree\n' });
    const c1 = commitAll(d, 'first', '2024-01-01T10:00:00Z');
    write(d, { 'a.txt': 'one\nTWO\nthree\nfour\n', 'b.txt': 'bee\n' });
    const c2 = commitAll(d, 'second', '2024-02-01T10:00:00Z');
    const { artifacts, skipped } = await history(d);
    expect(skipped).toEqual([]);
    const [first] = byCommit(artifacts, c1);
    expect(first).toMatchObject({ path: 'a.txt', text: 'one\ntwo\nthree', lineNumbers: [1, 2, 3] });
    expect(first!.origin).toEqual({ kind: 'commit', commit: c1, author: 'Test Author <author@example.test>', date: '2024-01-01T10:00:00+00:00' });
    const second = byCommit(artifacts, c2);
    expect(second.map((a) => [a.path, a.text, a.lineNumbers])).toEqual([
      ['a.txt', 'TWO\nfour', [2, 4]],
      ['b.txt', 'bee', [1]],
    ]);
  });

  it('shows only the edited lines of a renamed file, nothing for deletions, one skip per binary path', async () => {
    const d = repo();
    const body = Array.from({ length: 20 }, (_, i) => `row ${i + 1} with enough text to be detected as a rename`).join('\n') + '\n';
    write(d, { 'old.txt': body, 'doomed.txt': 'x\n', 'pic.bin': new Uint8Array([0, 1, 2]) });
    commitAll(d, 'base');
    mkdirSync(join(d, 'new dir'));
    gitIn(d, 'mv', 'old.txt', 'new dir/new.txt');
    gitIn(d, 'rm', '-q', 'doomed.txt');
    write(d, { 'new dir/new.txt': body.replace('row 7 with', 'ROW 7 with'), 'pic.bin': new Uint8Array([0, 9, 9]) });
    const c2 = commitAll(d, 'move');
    const { artifacts, skipped } = await history(d);
    expect(byCommit(artifacts, c2).map((a) => [a.path, a.lineNumbers])).toEqual([['new dir/new.txt', [7]]]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ path: 'pic.bin', reason: 'binary', expected: true });
  });

  it('reports what a merge itself introduces, not what its branches already added', async () => {
    const d = repo();
    write(d, { 'm.txt': 'base\n' });
    commitAll(d, 'base');
    gitIn(d, 'checkout', '-q', '-b', 'feature');
    write(d, { 'm.txt': 'base\nfrom-feature\n' });
    commitAll(d, 'feature');
    gitIn(d, 'checkout', '-q', 'main');
    write(d, { 'm.txt': 'base\nfrom-main\n' });
    commitAll(d, 'main');
    try {
      gitIn(d, 'merge', '-q', 'feature');
    } catch {
      // the conflict is the point: its resolution adds a line neither side had
    }
    write(d, { 'm.txt': 'base\nfrom-main\nfrom-feature\nresolution-only\n' });
    const merge = commitAll(d, 'merge');
    const { artifacts } = await history(d);
    const m = byCommit(artifacts, merge);
    expect(m.map((a) => [a.path, a.text, a.lineNumbers])).toEqual([['m.txt', 'resolution-only', [4]]]);
    expect(artifacts.filter((a) => a.text.includes('from-feature'))).toHaveLength(1);
  });

  it('gives a clear empty result on a repository without commits', async () => {
    const d = repo();
    write(d, { 'staged-only.txt': 'x\n' });
    gitIn(d, 'add', '-A');
    const { artifacts, skipped } = await history(d);
    expect(artifacts).toEqual([]);
    expect(skipped).toEqual([expect.objectContaining({ path: '.', expected: true, detail: expect.stringContaining('no commits') })]);
  });

  it('works on a detached HEAD, and --since limits to REV..HEAD', async () => {
    const d = repo();
    write(d, { 'a.txt': '1\n' });
    const c1 = commitAll(d, 'c1');
    write(d, { 'a.txt': '1\n2\n' });
    const c2 = commitAll(d, 'c2');
    write(d, { 'a.txt': '1\n2\n3\n' });
    const c3 = commitAll(d, 'c3');
    gitIn(d, 'checkout', '-q', '--detach', c2);
    expect((await history(d)).artifacts.map((a) => a.origin.commit)).toEqual([c2, c1]);
    gitIn(d, 'checkout', '-q', 'main');
    expect((await history(d, { since: c1 })).artifacts.map((a) => a.origin.commit)).toEqual([c3, c2]);
    await expect(history(d, { since: 'no-such-rev' })).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('--all-branches reaches commits on other branches', async () => {
    const d = repo();
    write(d, { 'a.txt': '1\n' });
    commitAll(d, 'c1');
    gitIn(d, 'checkout', '-q', '-b', 'other');
    write(d, { 'other.txt': 'only on other\n' });
    const side = commitAll(d, 'side');
    gitIn(d, 'checkout', '-q', 'main');
    expect((await history(d)).artifacts.some((a) => a.origin.commit === side)).toBe(false);
    expect((await history(d, { allBranches: true })).artifacts.filter((a) => a.origin.commit === side).map((a) => a.path)).toEqual(['other.txt']);
  });

  it('in a shallow clone scans what is there and reports the boundary as not scanned', async () => {
    const d = repo();
    for (let i = 1; i <= 3; i++) {
      write(d, { 'a.txt': Array.from({ length: i }, (_, j) => `l${j}`).join('\n') + '\n' });
      commitAll(d, `c${i}`);
    }
    const clone = tempDir();
    dirs.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${d}`, join(clone, 'c')], { env: GIT_ENV, stdio: 'ignore' });
    const { artifacts, skipped } = await history(join(clone, 'c'));
    expect(new Set(artifacts.map((a) => a.origin.commit)).size).toBe(2);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.detail).toMatch(/^shallow clone/);
    expect(skipped[0]!.expected).toBeUndefined();
  });

  it('splits lines on LF only, keeps invalid UTF-8 (replaced) and skips fragments above the size limit', async () => {
    const d = repo();
    write(d, {
      'cr.txt': 'a\rb\nsecond\n',
      'bad.txt': Buffer.concat([Buffer.from('ok '), Buffer.from([0xff, 0xfe]), Buffer.from(' tail\nnext\n')]),
      'big.txt': 'y'.repeat(3000) + '\n',
    });
    commitAll(d, 'c');
    const { artifacts, skipped } = await history(d, { maxFileSize: 1000 });
    const cr = artifacts.find((a) => a.path === 'cr.txt')!;
    expect(cr.lineNumbers).toEqual([1, 2]);
    expect(cr.text).toBe('a\rb\nsecond');
    expect(artifacts.find((a) => a.path === 'bad.txt')!.text).toBe('ok \uFFFD\uFFFD tail\nnext');
    expect(skipped).toEqual([expect.objectContaining({ path: 'big.txt', reason: 'too-large' })]);
  });

  it('honours config excludes and stops git when the consumer stops early', async () => {
    const d = repo();
    for (let i = 0; i < 8; i++) {
      write(d, { [`f${i}.txt`]: `${i}\n`, [`vendor/v${i}.txt`]: 'v\n' });
      commitAll(d, `c${i}`);
    }
    const { artifacts } = await history(d, { exclude: ['vendor/'] });
    expect(artifacts).toHaveLength(8);
    expect(artifacts.every((a) => !a.path.startsWith('vendor/'))).toBe(true);
    let n = 0;
    for await (const _ of historySource({ root: d, exclude: [], maxFileSize: 1e7 })) if (++n === 2) break;
    expect(n).toBe(2);
  });

  it('fails with a one-line git error outside a repository', async () => {
    const d = tempDir();
    dirs.push(d);
    await expect(history(d)).rejects.toMatchObject({ code: 'E_GIT', message: expect.stringContaining('not a git repository') });
  });
});
