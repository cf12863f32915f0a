import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Skipped } from '../core/types.js';
import type { Source, SourceEntry, SourceOptions } from './types.js';
import { IgnoreStack } from './ignore-rules.js';

/** Files that always stay out: git's own store. */
const ALWAYS_SKIP_DIRS = new Set(['.git']);
const IGNORE_FILES = ['.gitignore', '.hipaa-gateignore'];

/**
 * Walk a working tree the way git sees it: nested .gitignore files (with negation),
 * .git/info/exclude, plus .hipaa-gateignore and config excludes. Symlinks are followed only while
 * they stay inside the root, and each real directory is entered once, so link loops end.
 */
export async function* worktreeSource(opts: SourceOptions): Source {
  const root = await realpath(opts.root);
  const rootPatterns = [...opts.exclude];
  const infoExclude = join(root, '.git', 'info', 'exclude');
  if (existsSync(infoExclude)) rootPatterns.push(...readFileSync(infoExclude, 'utf8').split(/\r?\n/));
  const seenDirs = new Set<string>([root]);
  yield* walk(root, '', IgnoreStack.root(rootPatterns).withDir(root, '', IGNORE_FILES), root, seenDirs, opts);
}

async function* walk(
  abs: string,
  rel: string,
  ignores: IgnoreStack,
  root: string,
  seenDirs: Set<string>,
  opts: SourceOptions,
): AsyncGenerator<SourceEntry> {
  let dirents;
  try {
    dirents = await readdir(abs, { withFileTypes: true });
  } catch (e) {
    yield skip(rel || '.', 'unreadable', `cannot list directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of dirents) {
    const childAbs = join(abs, d.name);
    const childRel = rel ? `${rel}/${d.name}` : d.name;
    let isDir = d.isDirectory();
    let isFile = d.isFile();
    if (d.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(childAbs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (ignores.ignores(childRel, false)) continue;
        yield skip(childRel, code === 'ELOOP' ? 'symlink-loop' : 'unreadable', code === 'ELOOP' ? 'symbolic link loop' : `broken symbolic link (${code ?? 'error'})`);
        continue;
      }
      if (target !== root && !target.startsWith(root + sep)) {
        if (!ignores.ignores(childRel, false)) {
          yield skip(childRel, 'symlink-outside-root', 'symbolic link points outside the scan root; not followed');
        }
        continue;
      }
      const st = await stat(childAbs).catch(() => undefined);
      isDir = st?.isDirectory() ?? false;
      isFile = st?.isFile() ?? false;
      if (isDir && seenDirs.has(target)) {
        if (!ignores.ignores(childRel, true)) yield skip(childRel, 'symlink-loop', `symbolic link to ${relative(root, target) || '.'} already scanned`, true);
        continue;
      }
      if (isDir) seenDirs.add(target);
    }
    if (isDir) {
      if (ALWAYS_SKIP_DIRS.has(d.name)) continue;
      if (ignores.ignores(childRel, true)) continue;
      if (!d.isSymbolicLink()) {
        const real = childAbs;
        if (seenDirs.has(real)) continue;
        seenDirs.add(real);
      }
      yield* walk(childAbs, childRel, ignores.withDir(childAbs, childRel, IGNORE_FILES), root, seenDirs, opts);
    } else if (isFile) {
      if (ignores.ignores(childRel, false)) continue;
      let size: number;
      try {
        size = (await lstat(childAbs)).isSymbolicLink() ? (await stat(childAbs)).size : (await lstat(childAbs)).size;
      } catch (e) {
        yield skip(childRel, 'unreadable', `cannot stat (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
      if (size > opts.maxFileSize) {
        yield skip(childRel, 'too-large', `${size} bytes exceeds max_file_size ${opts.maxFileSize}`);
        continue;
      }
      yield { kind: 'file', abs: childAbs, path: childRel, size, origin: { kind: 'worktree' } };
    }
  }
}

function skip(path: string, reason: Skipped['reason'], detail: string, expected = false): SourceEntry {
  return { kind: 'skipped', skipped: { path, reason, detail, ...(expected ? { expected } : {}) } };
}
