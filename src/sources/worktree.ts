import { realpath } from 'node:fs/promises';
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Skipped } from '../core/types.js';
import { git, tryGit } from '../core/git.js';
import type { Source, SourceEntry, SourceOptions } from './types.js';
import { DIR_IGNORE_FILES, IgnoreStack } from './ignore-rules.js';
import { isBinary } from './read.js';

/** Never scanned: git's own store (a directory, or a file in linked worktrees and submodules). */
const GIT_DIR_NAME = '.git';

interface Walk {
  root: string;
  /** The scan root relative to the repository top, '' when they are the same or outside git. */
  prefix: string;
  /** Tracked files that match an ignore pattern (git keeps scanning them; so do we). */
  tracked: Set<string>;
  /** Every ancestor directory of a tracked-but-ignored file, so the walk can reach it. */
  trackedDirs: Set<string>;
  config: IgnoreStack;
  opts: SourceOptions;
  /** Files yielded since the walk last let the event loop run. */
  sinceBreak: number;
}

/**
 * The walk is synchronous (see lstatSync below) and its yields resolve as microtasks, so without a
 * break it would hold the event loop until the last directory: a worker pool fed by it could neither
 * post batches nor take results, and its workers sat idle for most of the walk (0.6-0.7 s each on the
 * 21,389-file bench corpus). Every this many files the walk waits one turn of the loop.
 */
const FILES_PER_BREAK = 256;

/**
 * Walk a working tree the way git sees it: nested .gitignore files (with negation), the ignore
 * files of directories above the scan root, .git/info/exclude, and tracked files that match an
 * ignore pattern (git never ignores those). On top: .hipaa-gateignore files and config excludes,
 * which apply to tracked files too. core.excludesFile is deliberately not read: it is personal,
 * and scanning more than a developer's own ignores is the safe direction.
 *
 * Symbolic links are never followed, like git, which stores a link rather than its target: a
 * target inside the root is scanned at its real path anyway, so following would scan it twice;
 * a target outside the root is reported as skipped. Loops therefore cannot recur.
 */
export async function* worktreeSource(opts: SourceOptions): Source {
  const root = await realpath(opts.root);
  const w: Walk = { root, prefix: '', tracked: new Set(), trackedDirs: new Set(), config: IgnoreStack.empty(), opts, sinceBreak: 0 };
  let stack = IgnoreStack.empty();
  const info = tryGit(root, ['rev-parse', '--show-toplevel', '--git-path', 'info/exclude']);
  const [top, excludeFile] = info?.split('\n') ?? [];
  if (top && excludeFile) {
    const realTop = await realpath(top).catch(() => top);
    w.prefix = relative(realTop, root).split(sep).join('/');
    if (w.prefix.startsWith('..')) w.prefix = '';
    const excludePath = isAbsolute(excludeFile) ? excludeFile : resolve(root, excludeFile);
    if (existsSync(excludePath)) stack = stack.withPatterns('', 'git', readFileSync(excludePath, 'utf8').split(/\r?\n/));
    stack = ancestorIgnores(realTop, w.prefix, stack);
    // A directory named explicitly is scanned even if git ignores it (`hipaa-gate scan dist/`
    // before publishing); only its own ignore files then apply.
    if (w.prefix && stack.ignores(w.prefix, true)) stack = IgnoreStack.empty();
    loadTrackedIgnored(root, w);
  }
  w.config = IgnoreStack.empty().withPatterns('', 'tool', opts.exclude);
  yield* walk(root, '', stack, w, false);
}

/** Ignore files between the repository top and the scan root apply inside the root as well. */
function ancestorIgnores(top: string, prefix: string, stack: IgnoreStack): IgnoreStack {
  if (!prefix) return stack;
  const parts = prefix.split('/');
  let s = stack.withDir(top, '', DIR_IGNORE_FILES);
  for (let i = 1; i < parts.length; i++) {
    const rel = parts.slice(0, i).join('/');
    s = s.withDir(join(top, rel), rel, DIR_IGNORE_FILES);
  }
  return s;
}

function loadTrackedIgnored(root: string, w: Walk): void {
  // Paths are relative to cwd (the scan root) and limited to it.
  const out = tryGitRaw(root, ['ls-files', '-z', '--cached', '--ignored', '--exclude-standard']);
  for (const p of out?.split('\0') ?? []) {
    if (!p) continue;
    w.tracked.add(p);
    for (let d = dirname(p); d !== '.' && d !== ''; d = dirname(d)) w.trackedDirs.add(d);
  }
}

function tryGitRaw(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args); // untrimmed: a file name may start with a space
  } catch {
    return undefined;
  }
}

/**
 * `forcedOnly`: inside a directory git ignores, only tracked files (and the way to them) count.
 */
async function* walk(abs: string, rel: string, parent: IgnoreStack, w: Walk, forcedOnly: boolean): AsyncGenerator<SourceEntry> {
  let dirents: Dirent[];
  try {
    dirents = readdirSync(abs, { withFileTypes: true }); // sync for the same reason as lstatSync below
  } catch (e) {
    yield skip(rel || '.', 'unreadable', `cannot list directory (${errCode(e)})`);
    return;
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Only open the ignore files the listing shows: a failed read per directory costs more.
  const present = DIR_IGNORE_FILES.filter(([name]) => dirents.some((d) => d.name === name && !d.isDirectory()));
  const dirTopRel = w.prefix ? (rel ? `${w.prefix}/${rel}` : w.prefix) : rel;
  const ignores = present.length ? parent.withDir(abs, dirTopRel, present) : parent;
  for (const d of dirents) {
    if (d.name === GIT_DIR_NAME) continue;
    const childAbs = join(abs, d.name);
    const childRel = rel ? `${rel}/${d.name}` : d.name;
    const topRel = w.prefix ? `${w.prefix}/${childRel}` : childRel;
    const isDir = d.isDirectory();
    if (w.config.ignores(childRel, isDir)) continue;
    const verdict = ignores.verdict(topRel, isDir);
    if (verdict.tool) continue;
    const gitIgnored = forcedOnly || verdict.any;
    if (isDir) {
      if (gitIgnored && !w.trackedDirs.has(childRel)) continue;
      yield* walk(childAbs, childRel, ignores, w, gitIgnored);
      continue;
    }
    if (gitIgnored && !w.tracked.has(childRel)) continue;
    if (d.isSymbolicLink()) {
      const s = await symlinkSkip(childAbs, childRel, w.root);
      if (s) yield s;
      continue;
    }
    if (!d.isFile()) {
      yield skip(childRel, 'unreadable', `not a regular file (${kindOf(d)}); not read`, true);
      continue;
    }
    let size: number;
    try {
      // Synchronous on purpose: an awaited lstat per file costs a thread-pool round trip (~100 us),
      // which made the walk, not the scanners, the bottleneck of large scans; lstatSync is ~5 us.
      size = lstatSync(childAbs).size;
    } catch (e) {
      yield skip(childRel, 'unreadable', `cannot stat (${errCode(e)})`);
      continue;
    }
    if (size > w.opts.maxFileSize) {
      // A large binary asset (video, archive) is an expected skip, not a coverage gap for --strict.
      const binary = !(w.opts.wantsBytes?.(childRel) ?? false) && startsBinary(childAbs);
      yield binary
        ? skip(childRel, 'binary', `binary content (NUL byte), ${size} bytes; not scanned as text`, true)
        : skip(childRel, 'too-large', `${size} bytes exceeds max_file_size ${w.opts.maxFileSize}`);
      continue;
    }
    yield { kind: 'file', abs: childAbs, path: childRel, size, origin: { kind: 'worktree' } };
    if (++w.sinceBreak >= FILES_PER_BREAK) {
      w.sinceBreak = 0;
      await new Promise(setImmediate);
    }
  }
}

/** Git's binary test on the first 8000 bytes, without reading the rest of a large file. */
function startsBinary(abs: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const buf = Buffer.alloc(8000);
    return isBinary(buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)));
  } catch {
    return false; // unreadable: report it as too large, which fails closed
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A link is reported only when its target is not scanned elsewhere: broken, looping or outside. */
async function symlinkSkip(abs: string, rel: string, root: string): Promise<SourceEntry | undefined> {
  let target: string;
  try {
    target = await realpath(abs);
  } catch (e) {
    const code = errCode(e);
    if (code === 'ELOOP') return skip(rel, 'symlink-loop', 'symbolic link loop; not followed');
    return skip(rel, 'unreadable', `broken symbolic link (${code})`);
  }
  if (target === root || target.startsWith(root + sep)) return undefined;
  return skip(rel, 'symlink-outside-root', 'symbolic link points outside the scan root; not followed');
}

function kindOf(d: Dirent): string {
  if (d.isFIFO()) return 'named pipe';
  if (d.isSocket()) return 'socket';
  if (d.isCharacterDevice() || d.isBlockDevice()) return 'device';
  return 'special file';
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? 'error';
}

function skip(path: string, reason: Skipped['reason'], detail: string, expected = false): SourceEntry {
  return { kind: 'skipped', skipped: { path, reason, detail, ...(expected ? { expected } : {}) } };
}
