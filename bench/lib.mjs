// Shared helpers for `npm run bench`: locating the repo and corpus, running a child process with
// wall time and peak RSS, and listing the files a scan walks.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const benchDir = join(repoRoot, '.bench');
export const cliPath = join(repoRoot, 'dist', 'cli', 'main.js');

const TIME = '/usr/bin/time';
/** GNU time reports the child's peak RSS (worker threads included: they share the process). */
export const hasGnuTime = existsSync(TIME) && spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident');

/**
 * Run a command to completion. Returns exit status, wall milliseconds (including process start-up),
 * CPU seconds (user + system, all threads), peak RSS in MB, and captured output. `stdinFile` feeds a file as standard input;
 * `stdoutFile` sends standard output to a file (as `cmd < in > out` does) instead of capturing it.
 */
export async function measure(cmd, args, { cwd = repoRoot, env = process.env, stdinFile, stdoutFile, captureStdout = true } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'hg-bench-'));
  const timeOut = join(tmp, 'time.txt');
  const [file, argv] = hasGnuTime ? [TIME, ['-v', '-o', timeOut, cmd, ...args]] : [cmd, args];
  const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const stdout = stdoutFile ? openSync(stdoutFile, 'w') : captureStdout ? 'pipe' : 'ignore';
  const t0 = performance.now();
  const child = spawn(file, argv, { cwd, env, stdio: [stdin, stdout, 'pipe'] });
  let hwmKb = 0;
  // Without GNU time, poll the high-water mark the kernel keeps for the process.
  const poll = hasGnuTime ? undefined : setInterval(() => (hwmKb = Math.max(hwmKb, readHwm(child.pid))), 20);
  const out = [];
  const err = [];
  child.stdout?.on('data', (b) => out.push(b));
  child.stderr.on('data', (b) => err.push(b));
  const status = await new Promise((res) => child.on('close', (code) => res(code)));
  const wallMs = performance.now() - t0;
  for (const fd of [stdin, stdout]) if (typeof fd === 'number') closeSync(fd);
  if (poll) clearInterval(poll);
  let stderr = Buffer.concat(err).toString('utf8');
  if (hasGnuTime && existsSync(timeOut)) {
    const t = readFileSync(timeOut, 'utf8');
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(t);
    if (m) hwmKb = Number(m[1]);
    const code = /Exit status: (\d+)/.exec(t);
    const user = /User time \(seconds\): ([\d.]+)/.exec(t);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(t);
    const cpuS = user && sys ? Number(user[1]) + Number(sys[1]) : undefined;
    rmSync(tmp, { recursive: true, force: true });
    return { status: code ? Number(code[1]) : status, wallMs, cpuS, peakRssMB: hwmKb / 1024, stdout: Buffer.concat(out).toString('utf8'), stderr };
  }
  rmSync(tmp, { recursive: true, force: true });
  return { status, wallMs, cpuS: undefined, peakRssMB: hwmKb ? hwmKb / 1024 : undefined, stdout: Buffer.concat(out).toString('utf8'), stderr };
}

function readHwm(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The corpus script lives in the shared folder beside the repo (`../shared/bench`). */
export function findCorpusScript() {
  const candidates = [process.env.HG_CORPUS_SCRIPT, join(repoRoot, '..', 'shared', 'bench', 'make-corpus.sh'), '/work/shared/bench/make-corpus.sh'];
  return candidates.find((p) => p && existsSync(p));
}

/** Make the corpus once into .bench/corpus; later runs reuse it (delete .bench/corpus to rebuild). */
export function ensureCorpus(log) {
  const dest = join(benchDir, 'corpus');
  const marker = join(dest, 'corpus.txt');
  if (existsSync(marker) && existsSync(join(dest, 'src'))) {
    ownRepository(dest);
    return { dir: join(dest, 'src'), line: readFileSync(marker, 'utf8').trim(), reused: true };
  }
  const script = findCorpusScript();
  if (!script) throw new Error('make-corpus.sh not found (set HG_CORPUS_SCRIPT or put the shared folder beside the repo)');
  // make-corpus.sh prints its summary line last; keep it as the marker of a finished corpus.
  if (existsSync(join(dest, 'src')) && !existsSync(marker)) log(`corpus at ${dest} has no marker; rebuilding`);
  log(`building corpus with ${script} (npm ci of pinned packages; about a minute)`);
  const r = spawnSync('bash', [script, dest], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`make-corpus.sh failed (exit ${r.status})`);
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  writeFileSync(marker, `${line}\n`);
  ownRepository(dest);
  return { dir: join(dest, 'src'), line, reused: false };
}

/**
 * .bench/ is gitignored in this repository, and the walker honours ignore files from the repository
 * top down, as git does; an empty repository of its own makes the corpus its own top.
 */
function ownRepository(dir) {
  if (existsSync(join(dir, '.git'))) return;
  const r = spawnSync('git', ['init', '-q', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git init ${dir}: ${r.stderr.trim()}`);
}

/** The files hipaa-gate's own walker yields for a root (same ignore rules), with their sizes. */
export async function walkFiles(root) {
  const { worktreeSource } = await import(pathToFileURL(join(repoRoot, 'dist', 'sources', 'worktree.js')).href);
  const files = [];
  for await (const e of worktreeSource({ root, exclude: [], maxFileSize: Number.MAX_SAFE_INTEGER })) {
    if (e.kind === 'file') files.push({ abs: e.abs, path: e.path, size: e.size });
  }
  return files;
}

/** Import a generator module from dist/ if it exists; undefined when that scanner has none yet. */
export async function optionalModule(rel) {
  const p = join(repoRoot, 'dist', rel);
  if (!existsSync(p)) return undefined;
  return import(pathToFileURL(p).href);
}

export const mb = (bytes) => bytes / 1e6;
export const rate = (amount, ms) => (ms > 0 ? amount / (ms / 1000) : 0);
export const round = (x, d = 1) => (x === undefined || Number.isNaN(x) ? undefined : Math.round(x * 10 ** d) / 10 ** d);
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const fileSize = (p) => statSync(p).size;

/** First line of a failed child's stderr: enough to say why a case is unavailable. */
export function why(r) {
  const line = r.stderr.split('\n').find((l) => l.trim() && !/^\s*at /.test(l)) ?? `exit ${r.status}`;
  return line.trim().slice(0, 200);
}
