/**
 * `redact` between two files on more than one core: the calling thread reads the input and cuts it
 * in the batches redactFile cuts, and a BatchPool (pool.ts) shares them with worker threads and
 * gives the outputs back in input order. The output is byte for byte redactFile's. Everything
 * stays synchronous, like redactFile, so a pipe is never left half written while a promise waits.
 */
import { fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { forEachBatch, redactFile, writeAll } from './batch.js';
import { BatchPool, canUseWorkers, type ParallelStats, type PoolTuning } from './pool.js';
import type { RedactOptions } from './redact.js';

export { canUseWorkers, type ParallelStats } from './pool.js';

/** Inputs smaller than this are redacted on the calling thread: a worker's start-up would not pay. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/** With a known input size: workers start when the rest would take longer than this on one thread. */
const START_AFTER_MS = 1000;
/** ... at the rate of the last this many bytes. */
const WINDOW_BYTES = 2 * 1024 * 1024;

/** How many worker threads a redaction of `bytes` bytes uses on this machine (0: none). */
export function workersFor(bytes: number): number {
  if (!canUseWorkers || bytes < PARALLEL_MIN_BYTES) return 0;
  return Math.min(availableParallelism() - 1, 3);
}

/**
 * `hipaa-gate redact < in > out`: redactFile, shared with worker threads when the input is a large
 * regular file and the machine has a core to spare (they start once the input proves long), or
 * with exactly `threads` workers from the start when that is given (0: none).
 */
export function redactBetweenFiles(inFd: number, outFd: number, options: RedactOptions = {}, threads?: number): ParallelStats | undefined {
  if (threads !== undefined) {
    if (threads > 0 && canUseWorkers) return redactFileParallel(inFd, outFd, options, threads);
    redactFile(inFd, outFd, options);
    return undefined;
  }
  let size = 0;
  try {
    size = fstatSync(inFd).size;
  } catch {
    // Not a descriptor that can be stat'ed: one thread.
  }
  const workers = workersFor(size);
  if (workers > 0) return redactFileParallel(inFd, outFd, options, workers, { size });
  redactFile(inFd, outFd, options);
  return undefined;
}

export interface ParallelTuning extends PoolTuning {
  /**
   * The input's size: the workers start only once the rest of the input, at the rate of the last
   * batches on this thread, would take longer than START_AFTER_MS. A log with few identifiers is
   * redacted faster than a worker warms up (on the benchmark VM a worker made a 32 MB sparse log
   * 20% slower and a dense one 10% faster). Without it, the workers start at once.
   */
  size?: number;
}

export function redactFileParallel(inFd: number, outFd: number, options: RedactOptions, workers: number, tuning: ParallelTuning = {}): ParallelStats {
  const pool = new BatchPool(options, workers, (out) => writeAll(outFd, out), tuning);
  if (tuning.size === undefined) pool.start();
  /** Bytes taken so far, and where the current measuring window began (bytes, ms). */
  let done = 0;
  let windowBytes = 0;
  let windowStart = performance.now();
  try {
    forEachBatch(inFd, (batch) => {
      done += batch.length;
      if (!pool.started && tuning.size !== undefined && done - windowBytes >= WINDOW_BYTES) {
        const now = performance.now();
        const msPerByte = (now - windowStart) / (done - windowBytes);
        // Not from the first window: it is mostly V8 compiling the recognizers.
        if (windowBytes > 0 && (tuning.size - done) * msPerByte > START_AFTER_MS) pool.start();
        windowBytes = done;
        windowStart = now;
      }
      pool.add(batch);
    });
    pool.finish();
    return pool.stats;
  } finally {
    pool.close();
  }
}
