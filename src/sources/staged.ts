import type { Skipped } from '../core/types.js';
import { HipaaGateError } from '../core/errors.js';
import { gitBufferAsync, tryGit } from '../core/git.js';
import type { Source, SourceEntry, SourceOptions } from './types.js';
import { openBlobReader, type BlobReader } from './cat-file.js';
import { HunkCursor, headerPath, parseHunkHeader, plusPath, unquoteGitPath } from './git-diff.js';
import { toolPathFilter } from './ignore-rules.js';
import { isBinary, isSkipped, toArtifact } from './read.js';

/**
 * One `git diff --cached` gives both the raw records (status, mode, staged blob id, exact path, NUL
 * separated) and the -U0 patch (which lines the change adds). Paths are relative to the scan root
 * (`--relative`), and every option a user's git config could change is pinned.
 */
const DIFF_ARGS = [
  '-c', 'core.quotePath=false',
  'diff', '--cached', '--raw', '-z', '--no-abbrev', '-p', '-U0', '-M',
  '--no-color', '--no-ext-diff', '--no-textconv', '--relative', '--src-prefix=a/', '--dst-prefix=b/',
  '--ignore-submodules=none', '--diff-filter=ACMRT',
];

export interface RawEntry {
  status: string;
  mode: string;
  id: string;
  path: string;
}

export interface StagedDiff {
  entries: RawEntry[];
  /** Real 1-based line numbers the change adds, per new path. */
  added: Map<string, Set<number>>;
  /** Paths git's diff treats as binary (by content, or by a `-diff`/`binary` attribute). */
  binary: Set<string>;
}

/**
 * The staged change (pre-commit mode): the blobs in the index, not the working tree, so what is
 * scanned is exactly what will be committed. Findings are kept only on the lines the change adds
 * (`onlyLines`); the whole blob is still given to scanners for context. On a repository without
 * commits git diffs the index against the empty tree, so every line counts as added.
 *
 * Unlike the other sources, git starts when this is called, not when it is first iterated: `scan`
 * creates the source before it loads the scanners, so the diff and the blob reader run in their own
 * processes while this one compiles scanner modules (the synchronous diff held a pre-commit run
 * 35-47 ms). `close()` ends the blob reader when the source is dropped without being read.
 */
export function stagedSource(opts: SourceOptions): Source {
  const blobReader = openBlobReader(opts.root);
  const diffBytes = stagedDiffBytes(opts.root);
  // Until iteration awaits it, a failed diff must not become an unhandled rejection.
  diffBytes.catch(() => {});
  let started = false;
  return {
    [Symbol.asyncIterator]() {
      started = true;
      return readStaged(opts, blobReader, diffBytes)[Symbol.asyncIterator]();
    },
    close() {
      if (!started) blobReader.close();
    },
  };
}

async function* readStaged(opts: SourceOptions, blobReader: BlobReader, diffBytes: Promise<Buffer>): AsyncGenerator<SourceEntry> {
  // However the reading ends (a failed diff, a consumer that stops early), git cat-file must not be
  // left waiting for ids: after a read it has exited and this is a no-op.
  try {
    yield* stagedEntries(opts, blobReader, parseStagedDiff(await diffBytes));
  } finally {
    blobReader.close();
  }
}

async function* stagedEntries(opts: SourceOptions, blobReader: BlobReader, diff: StagedDiff): AsyncGenerator<SourceEntry> {
  const excluded = toolPathFilter(opts.root, opts.exclude);
  const wanted: RawEntry[] = [];
  for (const e of diff.entries) {
    if (e.mode === '160000') {
      yield skip(e.path, 'unsupported', 'submodule: its content is committed in its own repository; scan it there', true);
    } else if (e.mode === '120000' || excluded(e.path)) {
      continue; // a symbolic link's blob is its target path, not content
    } else if (diff.binary.has(e.path) || (diff.added.get(e.path)?.size ?? 0) > 0) {
      wanted.push(e);
    }
    // Otherwise nothing was added (pure rename, mode change, emptied file): nothing to report.
  }
  const blobs = await blobReader.read(wanted.map((e) => e.id), opts.maxFileSize);
  for (let i = 0; i < wanted.length; i++) {
    const e = wanted[i]!;
    const blob = blobs[i]!;
    if (blob.missing) {
      yield skip(e.path, 'unreadable', `staged blob ${e.id.slice(0, 12)} is missing from the object store`);
      continue;
    }
    if (!blob.bytes) {
      const binary = blob.head && !(opts.wantsBytes?.(e.path) ?? false) && isBinary(blob.head);
      yield binary
        ? skip(e.path, 'binary', `binary content (NUL byte), ${blob.size} bytes; not scanned as text`, true)
        : skip(e.path, 'too-large', `${blob.size} bytes exceeds max_file_size ${opts.maxFileSize}`);
      continue;
    }
    const a = toArtifact(e.path, blob.bytes, { kind: 'staged' }, { wantsBytes: opts.wantsBytes });
    if (isSkipped(a)) {
      yield { kind: 'skipped', skipped: a };
      continue;
    }
    // A text file the diff called binary (gitattributes `-diff`) has no line list: scan all of it.
    const added = diff.binary.has(e.path) || a.text === '' ? undefined : diff.added.get(e.path);
    yield { kind: 'artifact', artifact: added ? { ...a, onlyLines: added } : a };
  }
}

async function stagedDiffBytes(root: string): Promise<Buffer> {
  try {
    return await gitBufferAsync(root, DIFF_ARGS);
  } catch (e) {
    // Outside a repository `git diff` turns into --no-index and complains about --cached instead.
    if (tryGit(root, ['rev-parse', '--git-dir']) === undefined) {
      throw new HipaaGateError('E_GIT', 'not a git repository (--staged needs one)', { file: root, cause: e });
    }
    throw e;
  }
}

export function parseStagedDiff(buf: Buffer): StagedDiff {
  const entries: RawEntry[] = [];
  let pos = 0;
  const field = (): string => {
    const end = buf.indexOf(0, pos);
    const s = buf.toString('utf8', pos, end === -1 ? buf.length : end);
    pos = end === -1 ? buf.length : end + 1;
    return s;
  };
  while (pos < buf.length && buf[pos] === 0x3a /* ':' */) {
    const meta = field().slice(1).split(' ');
    const status = meta[4] ?? '';
    let path = field();
    if (status.startsWith('R') || status.startsWith('C')) path = field();
    entries.push({ status: status[0] ?? '', mode: meta[1] ?? '', id: meta[3] ?? '', path });
  }
  if (buf[pos] === 0) pos++;
  const { added, binary } = parsePatch(buf.toString('utf8', pos));
  return { entries, added, binary };
}

/** Added lines per file from a -U0 patch. Header lines are only read outside hunk bodies. */
export function parsePatch(patch: string): { added: Map<string, Set<number>>; binary: Set<string> } {
  const added = new Map<string, Set<number>>();
  const binary = new Set<string>();
  const cursor = new HunkCursor();
  let path: string | undefined;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ')) {
      path = headerPath(line);
      inHunk = false;
    } else if (line.startsWith('@@')) {
      // Body lines start with + - space or backslash, never @, so this is always a new hunk.
      const h = parseHunkHeader(line);
      inHunk = h !== undefined;
      if (h) cursor.start(h);
    } else if (inHunk) {
      const n = cursor.advance(line);
      if (n !== undefined && path !== undefined) getSet(added, path).add(n);
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      path = unquoteGitPath(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('+++ ')) {
      path = plusPath(line) ?? undefined;
    } else if (line.startsWith('Binary files ')) {
      if (path !== undefined) binary.add(path);
    }
  }
  return { added, binary };
}

function getSet(m: Map<string, Set<number>>, k: string): Set<number> {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  return s;
}

function skip(path: string, reason: Skipped['reason'], detail: string, expected = false): SourceEntry {
  return { kind: 'skipped', skipped: { path, reason, detail, ...(expected ? { expected } : {}) } };
}
