import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { HipaaGateError } from '../core/errors.js';

export interface LockOptions {
  /** Give up after this long (default 30 s). */
  timeoutMs?: number;
  /** A lock older than this whose holder cannot be confirmed alive is stale (default 60 s). */
  staleMs?: number;
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function holderAlive(lockFile: string): boolean {
  try {
    const [pid, host] = readFileSync(lockFile, 'utf8').split('\n');
    // A lock from another machine (shared volume) cannot be probed; only its age can retire it.
    if (host !== hostId()) return true;
    process.kill(Number(pid), 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function hostId(): string {
  return hostname();
}

/**
 * Run `fn` holding `<file>.lock`, created with O_EXCL so exactly one process wins. A lock left by
 * a crashed process (holder gone, or older than staleMs) is broken; waiting is bounded.
 */
export function withFileLock<T>(file: string, fn: () => T, opts: LockOptions = {}): T {
  const lockFile = `${file}.lock`;
  const timeout = opts.timeoutMs ?? 30_000;
  const stale = opts.staleMs ?? 60_000;
  const start = Date.now();
  let delay = 2;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(lockFile, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n${hostId()}\n${new Date().toISOString()}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if (fd !== undefined) closeSync(fd);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new HipaaGateError('E_IO', `cannot create lock file: ${(e as Error).message}`, { file: lockFile, cause: e });
    }
    try {
      const age = Date.now() - statSync(lockFile).mtimeMs;
      if (age > stale || (age > 1000 && !holderAlive(lockFile))) {
        rmSync(lockFile, { force: true });
        continue;
      }
    } catch {
      continue; // released between our attempts
    }
    if (Date.now() - start > timeout) {
      throw new HipaaGateError('E_IO', `timed out after ${timeout} ms waiting for the ledger lock (remove it if no hipaa-gate process is running)`, { file: lockFile });
    }
    sleepSync(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
  try {
    return fn();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
