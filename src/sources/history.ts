import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Origin, Skipped } from '../core/types.js';
import { HipaaGateError } from '../core/errors.js';
import { git, gitStream, tryGit } from '../core/git.js';
import type { Source, SourceEntry, SourceOptions } from './types.js';
import { HunkCursor, LineSplitter, headerPath, isLongLine, parseHunkHeader, plusPath, unquoteGitPath, type LongLine } from './git-diff.js';
import { toolPathFilter } from './ignore-rules.js';

export interface HistoryOptions extends SourceOptions {
  /** Only commits not reachable from REV (`REV..HEAD`). */
  since?: string;
  /** Every ref (`--all`): branches, tags, remotes, stashes. */
  allBranches?: boolean;
}

/** Starts a commit header; cannot begin a diff line (those start with a letter, @, + - space or \). */
const RS = '\x1e';
const US = '\x1f';

/**
 * Merges are diffed with `--cc` (dense combined diff): only lines that match NO parent are shown,
 * i.e. what the merge itself introduced (a conflict resolution, an "evil merge"). Lines that came
 * from a branch were already reported at the branch commit that added them, so `-m` (a full diff
 * per parent, as gitleaks' `--full-history -m` would give) only repeats findings under the merge's
 * id. Renames (-M) show just the edited lines of a moved file, not its whole content again.
 */
function logArgs(o: HistoryOptions): string[] {
  const range = o.allBranches ? ['--all', ...(o.since ? [`^${o.since}`] : [])] : [o.since ? `${o.since}..HEAD` : 'HEAD'];
  return [
    '-c', 'core.quotePath=false',
    'log', '-p', '-U0', '--cc', '-M', '--no-color', '--no-ext-diff', '--no-textconv', '--relative',
    '--src-prefix=a/', '--dst-prefix=b/', `--format=${RS}%H${US}%aN <%aE>${US}%aI`,
    ...range, '--',
  ];
}

/**
 * Every commit's added lines from ONE streaming `git log -p` process, parsed line by line as the
 * bytes arrive: one fragment per file per commit, with the real line number of each fragment line
 * and the commit, author and date as origin. Memory is bounded by max_file_size per fragment.
 */
export async function* historySource(o: HistoryOptions): Source {
  const state = checkRepository(o);
  for (const s of state.notes) yield { kind: 'skipped', skipped: s };
  if (!state.hasCommits) return;

  const child = gitStream(o.root, logArgs(o));
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number>((res) => child.on('close', (code) => res(code ?? 1)));
  const spawnError = new Promise<never>((_, rej) => child.on('error', (e) => rej(new HipaaGateError('E_GIT', `git log: ${e.message}`, { cause: e }))));
  spawnError.catch(() => {});
  const parser = new LogParser(o, toolPathFilter(o.root, o.exclude));
  const splitter = new LineSplitter(o.maxFileSize);
  let finished = false;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      for (const line of splitter.push(chunk)) yield* parser.line(line);
    }
    for (const line of splitter.end()) yield* parser.line(line);
    yield* parser.flush();
    const code = await Promise.race([exited, spawnError]);
    finished = true;
    if (code !== 0) {
      const first = stderr.split('\n').find((l) => l.trim()) ?? `exited with ${code}`;
      throw new HipaaGateError('E_GIT', `git log: ${first.trim()}`);
    }
  } finally {
    // The consumer may stop early (an error downstream); do not leave git writing to a dead pipe.
    if (!finished && child.exitCode === null) child.kill();
  }
}

interface RepoState {
  hasCommits: boolean;
  notes: Skipped[];
}

/** Fail with a one-line error on a bad repository or revision; note a shallow boundary. */
function checkRepository(o: HistoryOptions): RepoState {
  const info = tryGit(o.root, ['rev-parse', '--is-shallow-repository', '--git-path', 'shallow']);
  if (info === undefined) throw new HipaaGateError('E_GIT', 'not a git repository (--history needs one)', { file: o.root });
  const notes: Skipped[] = [];
  if (o.since && !tryGit(o.root, ['rev-parse', '--verify', '-q', `${o.since}^{commit}`])) {
    throw new HipaaGateError('E_USAGE', `--since: unknown revision "${o.since}"`);
  }
  const head = tryGit(o.root, ['rev-parse', '--verify', '-q', 'HEAD']);
  const anyRef = o.allBranches ? git(o.root, ['for-each-ref', '--count=1', '--format=%(refname)']).trim() : '';
  if (!head && !anyRef) {
    notes.push({ path: '.', reason: 'unsupported', detail: 'the repository has no commits yet: no history to scan', expected: true });
    return { hasCommits: false, notes };
  }
  const [shallow, shallowFile] = info.split('\n');
  if (shallow === 'true' && shallowFile) {
    const file = isAbsolute(shallowFile) ? shallowFile : resolve(o.root, shallowFile);
    const bounds = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    const list = bounds.slice(0, 5).map((c) => c.slice(0, 12)).join(', ') + (bounds.length > 5 ? ', ...' : '');
    notes.push({
      path: '.',
      reason: 'unsupported',
      detail: `shallow clone: history behind ${list || 'the boundary'} was not fetched and is not scanned; the boundary commit's whole tree is scanned as added (git fetch --unshallow for all of it)`,
    });
  }
  return { hasCommits: true, notes };
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Incremental parser of `git log -p -U0 --cc` output; yields one fragment per file per commit. */
class LogParser {
  private origin: Origin | undefined;
  private path: string | undefined;
  private inHunk = false;
  private readonly cursor = new HunkCursor();
  private lines: string[] = [];
  private numbers: number[] = [];
  private bytes = 0;
  private tooLarge = false;
  private readonly binarySeen = new Set<string>();

  constructor(
    private readonly o: HistoryOptions,
    private readonly excluded: (p: string) => boolean,
  ) {}

  *line(raw: Buffer | LongLine): Generator<SourceEntry> {
    if (isLongLine(raw)) {
      // A line longer than max_file_size: only an added line can be that long in a diff.
      if (this.inHunk && this.path && this.cursor.advance(raw.head.toString('latin1')) !== undefined) this.tooLarge = true;
      this.bytes += raw.length;
      return;
    }
    const first = raw[0];
    if (first === 0x1e) {
      yield* this.flush();
      const [commit = '', author = '', date = ''] = decoder.decode(raw.subarray(1)).split(US);
      this.origin = { kind: 'commit', commit, author, date };
      this.path = undefined;
      this.inHunk = false;
      return;
    }
    const line = decoder.decode(raw);
    if (line.startsWith('diff --git ') || line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      yield* this.flush();
      this.path = headerPath(line);
      this.inHunk = false;
    } else if (line.startsWith('@@')) {
      const h = parseHunkHeader(line);
      this.inHunk = h !== undefined;
      if (h) this.cursor.start(h);
    } else if (this.inHunk) {
      const n = this.cursor.advance(line);
      if (n === undefined || this.path === undefined || this.tooLarge) return;
      const text = line.slice(this.cursor.columns);
      this.bytes += Buffer.byteLength(text) + 1;
      if (this.bytes > this.o.maxFileSize) {
        this.tooLarge = true;
        this.lines = [];
        this.numbers = [];
        return;
      }
      this.lines.push(text);
      this.numbers.push(n);
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      this.path = unquoteGitPath(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('+++ ')) {
      this.path = plusPath(line) ?? undefined;
    } else if (line.startsWith('Binary files ') && this.path && this.origin) {
      // One entry per path: a binary asset changed in 200 commits is one gap, not 200.
      if (!this.binarySeen.has(this.path) && !this.excluded(this.path)) {
        this.binarySeen.add(this.path);
        yield skip(this.path, 'binary', `binary content in history (first seen in ${this.origin.commit?.slice(0, 12)}); not scanned as text`, true);
      }
    }
  }

  *flush(): Generator<SourceEntry> {
    const { path, origin } = this;
    if (path && origin && (this.lines.length > 0 || this.tooLarge) && !this.excluded(path)) {
      if (this.tooLarge) {
        yield skip(path, 'too-large', `lines added in commit ${origin.commit?.slice(0, 12)} exceed max_file_size ${this.o.maxFileSize}`);
      } else {
        const text = this.lines.join('\n');
        yield { kind: 'artifact', artifact: { path, text, origin, lineNumbers: this.numbers, size: Buffer.byteLength(text) } };
      }
    }
    this.lines = [];
    this.numbers = [];
    this.bytes = 0;
    this.tooLarge = false;
  }
}

function skip(path: string, reason: Skipped['reason'], detail: string, expected = false): SourceEntry {
  return { kind: 'skipped', skipped: { path, reason, detail, ...(expected ? { expected } : {}) } };
}
