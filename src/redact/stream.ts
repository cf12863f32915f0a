/**
 * Streaming redaction for pipes: input is cut at line ends and redacted in batches of whole lines,
 * so memory stays bounded and every output line matches an input line. A live pipe
 * (`tail -f app.log | hipaa-gate redact`) must not wait for a full batch: when input pauses, the
 * complete lines received so far are redacted and written.
 *
 * Batches are cut on bytes, not characters: a newline byte never sits inside a UTF-8 sequence, so
 * each batch decodes on its own and no string is ever concatenated piece by piece.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { redact, type RedactOptions } from './redact.js';

/**
 * Bytes per batch, kept under V8's large-object threshold (128 KiB, and a two-byte string needs
 * twice the characters' count): a batch string, its line selection and its redacted copy are then
 * ordinary young-generation objects. Larger strings each get fresh pages from the kernel, and on the
 * benchmark machine those page faults cost more than decoding and redacting the text.
 */
export const BATCH = 60 * 1024;
/** A line longer than this is redacted in pieces rather than buffered without bound. */
export const MAX_LINE = 4 * 1024 * 1024;
/** How long input may pause before the complete lines received so far are written. */
const IDLE_MS = 50;

/**
 * Cuts a byte stream into batches of whole lines: each batch ends after the last newline within
 * its first BATCH bytes, or after the line that crosses them. `push` returns the batches that are
 * ready; `lines` the complete lines held so far (for a pause); `end` the rest.
 */
export class LineBatcher {
  private chunks: Buffer[] = [];
  private size = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size < BATCH) return [];
    let buf = this.take();
    const ready: Buffer[] = [];
    while (buf.length >= BATCH) {
      let cut = buf.lastIndexOf(10, BATCH - 1);
      if (cut === -1) cut = buf.indexOf(10, BATCH);
      if (cut !== -1 && cut < MAX_LINE) {
        ready.push(buf.subarray(0, cut + 1));
        buf = buf.subarray(cut + 1);
        continue;
      }
      if (buf.length <= MAX_LINE) break;
      // One enormous line: cut it at a character boundary, never inside a UTF-8 sequence.
      const at = completeChars(buf.subarray(0, MAX_LINE));
      ready.push(buf.subarray(0, at));
      buf = buf.subarray(at);
    }
    this.keep(buf);
    return ready;
  }

  lines(): Buffer | undefined {
    if (this.size === 0) return undefined;
    const buf = this.take();
    const cut = buf.lastIndexOf(10);
    this.keep(buf.subarray(cut + 1));
    return cut === -1 ? undefined : buf.subarray(0, cut + 1);
  }

  end(): Buffer | undefined {
    if (this.size === 0) return undefined;
    const buf = this.take();
    this.chunks = [];
    this.size = 0;
    return buf;
  }

  /** Bytes held for a line that has not ended yet. */
  pending(): boolean {
    return this.size > 0;
  }

  private take(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
  }

  private keep(rest: Buffer): void {
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
  }
}

/** The length of `buf` without a UTF-8 sequence cut off at its end (continuation bytes are 10xxxxxx). */
export function completeChars(buf: Buffer): number {
  let i = buf.length - 1;
  while (i >= 0 && i > buf.length - 4 && (buf[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return buf.length;
  const lead = buf[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i >= need ? buf.length : i;
}

export function createRedactStream(options: RedactOptions = {}): Transform {
  const batcher = new LineBatcher();
  let idle: NodeJS.Timeout | undefined;
  const run = (b: Buffer): string => redact(b.toString('utf8'), options);
  const stream: Transform = new Transform({
    transform(chunk: Buffer | string, _enc: BufferEncoding, cb: TransformCallback) {
      clearTimeout(idle);
      const ready = batcher.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      if (batcher.pending()) idle = setTimeout(flushLines, IDLE_MS);
      if (ready.length === 0) return cb();
      // One string per batch: joining them would build the large strings BATCH avoids.
      for (let i = 0; i < ready.length - 1; i++) stream.push(run(ready[i]!));
      cb(null, run(ready[ready.length - 1]!));
    },
    flush(cb: TransformCallback) {
      clearTimeout(idle);
      const rest = batcher.end();
      cb(null, rest ? run(rest) : undefined);
    },
    destroy(err, cb) {
      clearTimeout(idle);
      cb(err);
    },
  });
  function flushLines(): void {
    if (stream.destroyed) return;
    const ready = batcher.lines();
    if (ready) stream.push(run(ready));
  }
  return stream;
}
