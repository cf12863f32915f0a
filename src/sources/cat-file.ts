import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { HipaaGateError } from '../core/errors.js';

const HEAD_BYTES = 8000;

export interface BlobResult {
  size: number;
  /** Absent when the object is missing or larger than the limit (its bytes were discarded). */
  bytes?: Buffer;
  /** The first bytes of a blob over the limit, enough for git's binary test. */
  head?: Buffer;
  missing?: boolean;
}

/**
 * Read many blobs through ONE `git cat-file --batch` process (a process per file would cost more
 * than the whole pre-commit budget). The output is parsed as it streams, and blobs above
 * `maxSize` are discarded as they pass, so memory stays bounded by the limit.
 *
 * The process starts at once and waits for ids, so callers can open it before they know which
 * blobs they need and overlap its start-up with other work (the staged diff).
 */
export interface BlobReader {
  read(ids: string[], maxSize: number): Promise<BlobResult[]>;
  /** Let the process exit without reading anything (a reader that is dropped unused). */
  close(): void;
}

export function openBlobReader(cwd: string): BlobReader {
  const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  // Until read() attaches its handlers, a failed start must not become an unhandled error.
  child.on('error', () => {});
  child.stdin.on('error', () => {});
  return {
    read: (ids, maxSize) => readFrom(child, ids, maxSize),
    close: () => {
      // git exits at the end of its input; the output pipes must not keep this process alive.
      child.stdin.end();
      child.stdout.resume();
      child.stderr.resume();
    },
  };
}

export function readBlobs(cwd: string, ids: string[], maxSize: number): Promise<BlobResult[]> {
  return openBlobReader(cwd).read(ids, maxSize);
}

function readFrom(child: ChildProcessWithoutNullStreams, ids: string[], maxSize: number): Promise<BlobResult[]> {
  return new Promise((resolvePromise, reject) => {
    const results: BlobResult[] = [];
    let header: Buffer = Buffer.alloc(0);
    let want = -1; // bytes of the current body still to come (+1 for its trailing LF)
    let body: Buffer[] | undefined;
    let head: Buffer[] = [];
    let headLen = 0;
    let size = 0;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      let pos = 0;
      while (pos < chunk.length) {
        if (want < 0) {
          const nl = chunk.indexOf(10, pos);
          if (nl === -1) {
            header = Buffer.concat([header, chunk.subarray(pos)]);
            return;
          }
          const line = Buffer.concat([header, chunk.subarray(pos, nl)]).toString('utf8');
          header = Buffer.alloc(0);
          pos = nl + 1;
          const m = /^\S+ \S+ (\d+)$/.exec(line);
          if (!m) {
            results.push({ size: 0, missing: true }); // "<id> missing"
            continue;
          }
          size = Number(m[1]);
          want = size + 1;
          body = size <= maxSize ? [] : undefined;
          head = [];
          headLen = 0;
        }
        const take = Math.min(want, chunk.length - pos);
        if (body) body.push(chunk.subarray(pos, pos + take));
        else if (headLen < HEAD_BYTES) {
          const piece = chunk.subarray(pos, pos + Math.min(take, HEAD_BYTES - headLen));
          head.push(piece);
          headLen += piece.length;
        }
        pos += take;
        want -= take;
        if (want === 0) {
          const full = body ? Buffer.concat(body) : undefined;
          results.push(full ? { size, bytes: full.subarray(0, size) } : { size, head: Buffer.concat(head).subarray(0, Math.min(size, HEAD_BYTES)) });
          want = -1;
          body = undefined;
        }
      }
    });
    child.on('error', (e) => reject(new HipaaGateError('E_GIT', `git cat-file: ${e.message}`, { cause: e })));
    child.on('close', (code) => {
      if (code !== 0 || results.length !== ids.length) {
        if (ids.length === 0 && results.length === 0) return resolvePromise([]);
        const first = stderr.split('\n').find((l) => l.trim()) ?? `exited with ${code}`;
        reject(new HipaaGateError('E_GIT', `git cat-file: ${first.trim()}`));
      } else {
        resolvePromise(results);
      }
    });
    child.stdin.end(ids.map((id) => `${id}\n`).join(''));
  });
}
