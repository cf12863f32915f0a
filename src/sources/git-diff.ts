/**
 * Pieces shared by the staged and history sources for reading git's unified (and combined) diff
 * output: path unquoting, hunk headers, added-line tracking, and a byte-level line splitter that
 * splits on LF only (a stray CR inside a line must not shift line numbers).
 */

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undo git's C-style quoting of a path (`"dir/a\"b\303\251"`); unquoted input is returned as is. */
export function unquoteGitPath(s: string): string {
  if (!(s.length >= 2 && s.startsWith('"') && s.endsWith('"'))) return s;
  const bytes: number[] = [];
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The new-side path of a `+++ b/path` line, or null for `/dev/null` (a deletion). git appends a
 * tab after names containing spaces, for patch(1); it is not part of the name.
 */
export function plusPath(line: string): string | null {
  let p = line.slice(4);
  if (p.endsWith('\t')) p = p.slice(0, -1);
  if (p === '/dev/null') return null;
  p = unquoteGitPath(p);
  return p.startsWith('b/') ? p.slice(2) : p;
}

/**
 * Path from a `diff --git a/X b/X` header, for blocks without a `+++` line (binary files, pure
 * renames). Unquoted names with spaces are ambiguous in general, but when both sides are equal
 * (no rename) the split point is the middle.
 */
export function headerPath(line: string): string | undefined {
  const rest = line.replace(/^diff --(?:git|cc|combined) /, '');
  if (rest.startsWith('"')) {
    const tokens = rest.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
    const last = tokens[tokens.length - 1];
    return last ? unquoteGitPath(last).replace(/^b\//, '') : undefined;
  }
  if (!rest.startsWith('a/')) return rest || undefined; // --cc headers carry the bare path
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(half, half + 3) === ' b/' && rest.slice(2, half) === rest.slice(half + 3)) return rest.slice(half + 3);
  const m = / b\/(.*)$/.exec(rest);
  return m?.[1];
}

/**
 * Start line on the new side and the number of parent columns, from `@@ -a,b +c,d @@` (one parent)
 * or `@@@ -a,b -c,d +e,f @@@` (a combined diff of a merge, one column per parent).
 */
export function parseHunkHeader(line: string): { start: number; parents: number } | undefined {
  const m = /^(@{2,}) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? @{2,}/.exec(line);
  if (!m) return undefined;
  return { start: Number(m[2]), parents: m[1]!.length - 1 };
}

/**
 * Tracks the new-side line number through a hunk body. With one parent, `+` lines are added and
 * `-` lines do not advance. In a combined diff, a line is in the result unless some column is `-`,
 * and it is new to the merge itself (a conflict resolution, an "evil merge") only when every
 * column is `+`: lines that came from one side were already seen in that side's own commit.
 */
export class HunkCursor {
  private line = 0;
  private parents = 1;

  start(header: { start: number; parents: number }): void {
    this.line = header.start;
    this.parents = header.parents;
  }

  /** Returns the new-side line number when `body` is an added line, else undefined. */
  advance(body: string): number | undefined {
    if (body.startsWith('\\')) return undefined; // "\ No newline at end of file"
    const cols = body.slice(0, this.parents);
    if (cols.includes('-')) return undefined;
    const n = this.line++;
    return /^\++$/.test(cols) && cols.length === this.parents ? n : undefined;
  }

  get columns(): number {
    return this.parents;
  }
}

/** A line too long to keep: only its first bytes survive, enough to classify it. */
export interface LongLine {
  overflow: true;
  head: Buffer;
  length: number;
}

/**
 * Splits a byte stream into LF-terminated lines without decoding (so multi-byte characters split
 * across chunks survive). Lines longer than `maxLine` are not accumulated: the caller gets a
 * LongLine with the first bytes, which bounds memory on a 50 MB minified line in a diff.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partLen = 0;
  private overflowHead: Buffer | undefined;

  constructor(private readonly maxLine: number) {}

  *push(chunk: Buffer): Generator<Buffer | LongLine> {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
      yield this.finish(chunk.subarray(from, nl));
      from = nl + 1;
    }
    if (from < chunk.length) this.keep(chunk.subarray(from));
  }

  *end(): Generator<Buffer | LongLine> {
    if (this.partLen > 0 || this.overflowHead) yield this.finish(Buffer.alloc(0));
  }

  private keep(piece: Buffer): void {
    this.partLen += piece.length;
    if (this.overflowHead) return;
    if (this.partLen > this.maxLine) {
      this.overflowHead = Buffer.concat([...this.parts, piece]).subarray(0, 64);
      this.parts = [];
      return;
    }
    this.parts.push(Buffer.from(piece));
  }

  private finish(tail: Buffer): Buffer | LongLine {
    let out: Buffer | LongLine;
    if (this.overflowHead || this.partLen + tail.length > this.maxLine) {
      const head = this.overflowHead ?? Buffer.concat([...this.parts, tail]).subarray(0, 64);
      out = { overflow: true, head, length: this.partLen + tail.length };
    } else {
      out = this.parts.length === 0 ? tail : Buffer.concat([...this.parts, tail]);
    }
    this.parts = [];
    this.partLen = 0;
    this.overflowHead = undefined;
    return out;
  }
}

export function isLongLine(x: Buffer | LongLine): x is LongLine {
  return (x as LongLine).overflow === true;
}
