/**
 * Batches of whole lines and their redaction, shared by the stream (stream.ts), the file-to-file
 * path and the worker threads (parallel.ts, pool.ts, redact-worker.ts).
 *
 * Batches are cut on bytes, not characters: a newline byte never sits inside a UTF-8 sequence, so
 * each batch decodes on its own and no string is ever concatenated piece by piece.
 */
import { isAscii } from 'node:buffer';
import { readSync, writeSync } from 'node:fs';
import { redact, redactions, type RedactOptions } from './redact.js';

/**
 * Bytes per batch, kept under V8's large-object threshold (128 KiB, and a two-byte string needs
 * twice the characters' count): a batch string, its line selection and its redacted copy are then
 * ordinary young-generation objects. Larger strings each get fresh pages from the kernel, and on the
 * benchmark machine those page faults cost more than decoding and redacting the text.
 */
export const BATCH = 60 * 1024;
/** A line longer than this is redacted in pieces rather than buffered without bound. */
export const MAX_LINE = 4 * 1024 * 1024;
/** The length of `buf` without a UTF-8 sequence cut off at its end (continuation bytes are 10xxxxxx). */
export function completeChars(buf: Buffer): number {
  let i = buf.length - 1;
  while (i >= 0 && i > buf.length - 4 && (buf[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return buf.length;
  const lead = buf[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return buf.length - i >= need ? buf.length : i;
}

/** Bytes read at a time by `forEachBatch` (the buffer grows only for a line longer than this). */
const READ_SIZE = 1024 * 1024;

/**
 * `hipaa-gate redact < app.log > clean.log`: with files on both ends nothing ever waits, so the
 * stream machinery is skipped. One buffer is read into and reused (on the benchmark VM every page
 * touched for the first time costs ~17 us, and a stream takes fresh memory for every read and every
 * output chunk), batches are cut exactly where LineBatcher cuts them, and each redacted batch is
 * written at once. The output is byte for byte the stream's. A large input on a machine with more
 * than one core is shared with worker threads (parallel.ts), in the same batches and order.
 */
export function redactFile(inFd: number, outFd: number, options: RedactOptions = {}): void {
  const redactor = new BatchRedactor(options);
  forEachBatch(inFd, (batch) => writeAll(outFd, redactor.run(batch)));
}

export function writeAll(fd: number, b: Uint8Array): void {
  for (let off = 0; off < b.length; ) off += writeSync(fd, b, off, b.length - off);
}

/**
 * Redacts one batch of whole lines given as bytes, into a buffer it reuses: the result is valid
 * until the next call.
 */
export class BatchRedactor {
  private out = Buffer.allocUnsafeSlow(3 * BATCH);

  constructor(private readonly options: RedactOptions) {}

  run(batch: Buffer): Buffer {
    if (isAscii(batch)) {
      // ASCII (most logs): a character offset is a byte offset, so the input bytes are copied
      // around the masks, and never decoded into one string and encoded back.
      const rs = redactions(batch.toString('latin1'), this.options);
      let need = batch.length;
      for (const r of rs) need += Math.max(0, Buffer.byteLength(r.mask) - (r.end - r.start));
      if (need > this.out.length) this.out = Buffer.allocUnsafeSlow(need);
      const out = this.out;
      let o = 0;
      let last = 0;
      for (const r of rs) {
        o += batch.copy(out, o, last, r.start);
        o += out.write(r.mask, o);
        last = r.end;
      }
      o += batch.copy(out, o, last);
      return out.subarray(0, o);
    }
    const text = redact(batch.toString('utf8'), this.options);
    // A masked value is never longer in bytes than the value (masks are ASCII), but `*` can stand
    // for a multi-byte letter, so size from the string rather than from the input.
    const need = Buffer.byteLength(text);
    if (need > this.out.length) this.out = Buffer.allocUnsafeSlow(need);
    return this.out.subarray(0, this.out.write(text, 0));
  }
}

/**
 * Reads `inFd` to its end and calls `each` with every batch, cut exactly where LineBatcher cuts
 * them. A batch is a view of the read buffer, valid only during the call.
 */
export function forEachBatch(inFd: number, each: (batch: Buffer) => void): void {
  let buf = Buffer.allocUnsafeSlow(READ_SIZE);
  let have = 0;
  for (;;) {
    if (have === buf.length) {
      const bigger = Buffer.allocUnsafeSlow(buf.length * 2);
      buf.copy(bigger, 0, 0, have);
      buf = bigger;
    }
    const n = readSync(inFd, buf, have, buf.length - have, null);
    have += n;
    const view = buf.subarray(0, have);
    let start = 0;
    while (have - start >= BATCH) {
      // LineBatcher.push, over [start, have): the last newline in the first BATCH bytes, or the first after.
      let cut = view.lastIndexOf(10, start + BATCH - 1);
      if (cut < start) cut = view.indexOf(10, start + BATCH);
      if (cut !== -1 && cut - start < MAX_LINE) {
        each(view.subarray(start, cut + 1));
        start = cut + 1;
        continue;
      }
      if (have - start <= MAX_LINE) break;
      const at = completeChars(view.subarray(start, start + MAX_LINE));
      each(view.subarray(start, start + at));
      start += at;
    }
    if (n === 0) {
      // LineBatcher.end: whatever is held, as one batch.
      if (have > start) each(view.subarray(start, have));
      return;
    }
    buf.copyWithin(0, start, have);
    have -= start;
  }
}
