import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Source, SourceEntry } from '../sources/types.js';

/** Git isolated from the machine's and user's config, with a fixed identity and clock. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...withoutGitVars(process.env),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.test',
  GIT_AUTHOR_DATE: '2024-01-02T03:04:05Z',
  GIT_COMMITTER_DATE: '2024-01-02T03:04:05Z',
};

export function tempDir(prefix = 'hg-src-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function initRepo(dir = tempDir()): string {
  gitIn(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  return dir;
}

/** Write files (creating directories); string or bytes. */
export function write(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [p, content] of Object.entries(files)) {
    const abs = join(root, p);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

export function commitAll(dir: string, message: string, date?: string): string {
  gitIn(dir, 'add', '-A');
  const env = date ? { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : GIT_ENV;
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: dir, env, stdio: 'ignore' });
  return gitIn(dir, 'rev-parse', 'HEAD').trim();
}

export async function collect(source: Source): Promise<SourceEntry[]> {
  const out: SourceEntry[] = [];
  for await (const e of source) out.push(e);
  return out;
}

/** An AWS-style access key id, built at run time so no literal key sits in the repository. */
export function fakeAwsKey(seed = 'QZ7M2NPLW4KRT6HV'): string {
  return ['AK', 'IA', seed.toUpperCase().replace(/[^A-Z2-7]/g, 'Q').padEnd(16, 'Q').slice(0, 16)].join('');
}

/** Variables git sets inside hooks; inherited, they would point the fixtures at the outer repo. */
function withoutGitVars(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const k of ['GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE', 'GIT_PREFIX', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete out[k];
  return out;
}

// Sources under test run git with process.env; when the suite itself runs inside a git hook these
// would make them read the outer repository instead of the fixture.
for (const k of ['GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE', 'GIT_PREFIX', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete process.env[k];
