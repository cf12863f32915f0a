import { execFile, execFileSync, spawn } from 'node:child_process';
import { HipaaGateError } from './errors.js';

/** Run git synchronously and return stdout; throws E_GIT with git's own first error line. */
export function git(cwd: string, args: string[], opts: { input?: string | Buffer; maxBuffer?: number } = {}): string {
  try {
    return execFileSync('git', args, {
      cwd,
      input: opts.input,
      maxBuffer: opts.maxBuffer ?? 256 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (e) {
    throw gitError(args, (e as { stderr?: string }).stderr, e as Error);
  }
}

/** E_GIT with git's own first error line (or the spawn error's message when git said nothing). */
function gitError(args: string[], stderr: string | undefined, cause: Error): HipaaGateError {
  const first = (stderr ?? cause.message).split('\n').find((l) => l.trim()) ?? 'git failed';
  return new HipaaGateError('E_GIT', `git ${args[0]}: ${first.trim()}`, { cause });
}

/** git's stdout as bytes, without blocking the thread: git runs while this process does other work. */
export function gitBufferAsync(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 512 * 1024 * 1024, encoding: 'buffer' }, (err, stdout, stderr) =>
      err ? reject(gitError(args, stderr?.toString() || undefined, err)) : resolve(stdout),
    );
  });
}

/** Like `git`, but returns undefined instead of throwing (for optional facts such as HEAD). */
export function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args).trim();
  } catch {
    return undefined;
  }
}

/**
 * Like `tryGit`, without blocking the thread: for facts needed only at the end of a scan, so git
 * runs while the scan does instead of before or after it.
 */
export function tryGitAsync(cwd: string, args: string[]): Promise<string | undefined> {
  return gitBufferAsync(cwd, args).then(
    (out) => out.toString('utf8').trim(),
    () => undefined,
  );
}

/** Spawn git with stdout as a stream (for `git log -p` over a long history). */
export function gitStream(cwd: string, args: string[]) {
  return spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}
