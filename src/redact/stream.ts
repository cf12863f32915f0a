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
import { BATCH, completeChars, MAX_LINE } from './batch.js';
import { BatchPool, canUseWorkers } from './pool.js';
import { redact, type RedactOptions } from './redact.js';

export { BATCH, BatchRedactor, completeChars, forEachBatch, MAX_LINE, redactFile, writeAll } from './batch.js';

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

export interface RedactStreamOptions {
  /**
   * Worker threads to share a long stream with (default 0). They start once this thread has spent
   * START_AFTER_MS redacting (a short stream is done before a worker would warm up), and the
   * output stays in input order, byte for byte what one thread writes.
   */
  threads?: number;
  /** How long this thread redacts alone before the workers start (default 2000 ms; 0: at once). */
  startAfterMs?: number;
  /** @internal The worker module (tests). */
  workerUrl?: URL;
}

/**
 * With threads: workers start after this thread has been busy redacting this long. The size of a
 * pipe is not known, and a worker that joins a stream about to end costs more than it brings: on
 * the benchmark VM, starting after 1 s made a 32 MB dense log 15% slower and a 128 MB one 18% faster.
 */
const START_AFTER_MS = 2000;

export function createRedactStream(options: RedactOptions = {}, streamOptions: RedactStreamOptions = {}): Transform {
  const batcher = new LineBatcher();
  let idle: NodeJS.Timeout | undefined;
  const threads = streamOptions.threads ?? 0;
  // Bytes the pool emits are views of memory it reuses: pushed as copies.
  const pool = threads > 0 && canUseWorkers ? new BatchPool(options, threads, (out) => stream.push(Buffer.from(out)), streamOptions.workerUrl ? { workerUrl: streamOptions.workerUrl } : {}) : undefined;
  const startAfter = streamOptions.startAfterMs ?? START_AFTER_MS;
  /** A wait for a worker's answer is under way (a live pipe must not wait for the next chunk to see it). */
  let waiting = false;
  const run = (b: Buffer): void => {
    if (!pool) {
      stream.push(redact(b.toString('utf8'), options));
      return;
    }
    if (!pool.started && pool.localMs >= startAfter) pool.start();
    pool.add(b);
    watch();
  };
  const watch = (): void => {
    if (!pool || waiting || pool.size === 0 || stream.destroyed) return;
    waiting = true;
    pool.nextReady().then(
      (timedOut) => {
        waiting = false;
        if (stream.destroyed) return;
        try {
          // A worker that did not answer in time: waitNext takes its batch back or reports it.
          if (timedOut) pool.waitNext();
          else pool.drain();
        } catch (e) {
          stream.destroy(e as Error);
          return;
        }
        watch();
      },
      (e: unknown) => stream.destroy(e as Error),
    );
  };
  const stream: Transform = new Transform({
    transform(chunk: Buffer | string, _enc: BufferEncoding, cb: TransformCallback) {
      clearTimeout(idle);
      const ready = batcher.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      if (batcher.pending()) idle = setTimeout(flushLines, IDLE_MS);
      try {
        // One string per batch: joining them would build the large strings BATCH avoids.
        for (const b of ready) run(b);
      } catch (e) {
        return cb(e as Error);
      }
      cb();
    },
    flush(cb: TransformCallback) {
      clearTimeout(idle);
      const rest = batcher.end();
      try {
        if (rest) run(rest);
        pool?.finish();
      } catch (e) {
        return cb(e as Error);
      } finally {
        pool?.close();
      }
      cb();
    },
    destroy(err, cb) {
      clearTimeout(idle);
      pool?.close();
      cb(err);
    },
  });
  function flushLines(): void {
    if (stream.destroyed) return;
    const ready = batcher.lines();
    if (!ready) return;
    try {
      run(ready);
    } catch (e) {
      stream.destroy(e as Error);
    }
  }
  return stream;
}
