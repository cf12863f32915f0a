/**
 * `redact` between two files on more than one core: the calling thread reads the input and cuts it
 * in the batches redactFile cuts, hands batches to worker threads while they have room and redacts
 * the others itself, and writes every batch's output in input order. The output is byte for byte
 * redactFile's.
 *
 * Batches and their outputs travel through slots of shared memory, and a slot's state word is the
 * only signal (Atomics.wait / notify): no message, no event loop turn and no allocation per batch.
 * Everything on the calling thread stays synchronous, like redactFile, so a pipe is never left half
 * written while a promise waits. Each worker takes its slots in a fixed round, and the calling
 * thread fills them in the same round, so a worker never searches for work.
 */
import { fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RedactOptions } from './redact.js';
import { BATCH, BatchRedactor, forEachBatch, redactFile, writeAll } from './stream.js';
import { DONE, FAILED, FREE, RUNNING, slotLayout, STOP, SUBMITTED, type RedactWorkerData } from './slots.js';

/** Inputs smaller than this are redacted on the calling thread: a worker's start-up would not pay. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/** Slots per worker: one being redacted, one waiting, one being written. */
const SLOTS = 3;
/** A slot holds a batch of up to this many bytes (a longer batch, from a long line, stays local). */
const DEFAULT_SLOT_IN = 2 * BATCH;
/** Room for a slot's output: masks can be longer than short values (`a@b.co`). */
const DEFAULT_SLOT_OUT = 4 * BATCH;
/** With a known input size: workers start when the rest would take longer than this on one thread. */
const START_AFTER_MS = 1000;
/** ... at the rate of the last this many bytes. */
const WINDOW_BYTES = 2 * 1024 * 1024;
/** Batches written out of order at most, waiting for an earlier one (each held copy is ~120 KiB). */
const MAX_PENDING = 32;
/** A batch no worker has taken up for this long is taken back (the worker is not running). */
const START_MS = 5_000;
/** A worker that has not answered for this long is taken as stuck (it cannot report a crash here). */
const STALL_MS = 60_000;
/**
 * A worker's young generation, as the scan's pool sets it: a batch's strings die with the batch.
 * On 128 MB of dense log, 12 MB and 48 MB ran within 3% of each other (4 MB was 10% slower).
 */
const YOUNG_GENERATION_MB = 12;

const workerUrl = new URL('./redact-worker.js', import.meta.url);
/** Workers need compiled JavaScript; from TypeScript sources (tests) everything runs on one thread. */
export const canUseWorkers = fileURLToPath(workerUrl).endsWith('.js') && import.meta.url.endsWith('.js');

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
    size = 0;
  }
  const workers = workersFor(size);
  if (workers > 0) return redactFileParallel(inFd, outFd, options, workers, { size });
  redactFile(inFd, outFd, options);
  return undefined;
}

interface Lane {
  worker: Worker;
  state: Int32Array;
  lens: Int32Array;
  input: Buffer;
  output: Buffer;
  /** The slot the next batch goes into, and the sequence number each slot holds. */
  next: number;
  seqs: number[];
  /** Batches this worker redacted; whether it is taken as not running. */
  batches: number;
  lost: boolean;
}

/** Who redacted how many batches, and how many workers were found not running (their batches were redone). */
export interface ParallelStats {
  local: number;
  workers: number[];
  lost: number;
}

/** Where a batch's output is: a worker's slot, or a copy held by the calling thread. */
type Pending = { lane: Lane; slot: number } | { copy: Buffer; len: number };

export interface ParallelTuning {
  /**
   * The input's size: the workers start only once the rest of the input, at the rate of the last
   * batches on this thread, would take longer than START_AFTER_MS. A log with few identifiers is
   * redacted faster than a worker warms up (on the benchmark VM a worker made a 32 MB sparse log
   * 20% slower and a dense one 10% faster). Without it, the workers start at once.
   */
  size?: number;
  /** Slot sizes and the worker module, changeable for tests. */
  slotIn?: number;
  slotOut?: number;
  workerUrl?: URL;
}

export function redactFileParallel(inFd: number, outFd: number, options: RedactOptions, workers: number, tuning: ParallelTuning = {}): ParallelStats {
  const slotIn = tuning.slotIn ?? DEFAULT_SLOT_IN;
  const slotOut = tuning.slotOut ?? DEFAULT_SLOT_OUT;
  const lanes: Lane[] = [];
  const start = (): void => {
    for (let i = 0; i < workers; i++) {
      const layout = slotLayout(SLOTS, slotIn, slotOut);
      const data: RedactWorkerData = { ...layout, options };
      const worker = new Worker(tuning.workerUrl ?? workerUrl, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.unref();
      // A worker that dies cannot say so here (this thread never yields): the stall timeout reports it.
      worker.on('error', () => undefined);
      const view = slotViews(layout);
      lanes.push({ worker, ...view, next: 0, seqs: new Array<number>(SLOTS).fill(-1), batches: 0, lost: false });
    }
  };
  if (tuning.size === undefined) start();
  /** Bytes taken so far, and where the current measuring window began (bytes, ms). */
  let done = 0;
  let windowBytes = 0;
  let windowStart = performance.now();
  const local = new BatchRedactor(options);
  const stats: ParallelStats = { local: 0, workers: [], lost: 0 };
  const pending = new Map<number, Pending>();
  /** Copies of the calling thread's outputs that wait for an earlier batch, for reuse. */
  const spare: Buffer[] = [];
  let nextSeq = 0;
  let nextWrite = 0;

  /**
   * Waits until a worker has answered for `slot`. A batch no worker took up within START_MS is
   * taken back (the worker could not start, or died between batches) and that worker gets no more;
   * one being redacted is waited for up to STALL_MS.
   */
  const awaitSlot = (lane: Lane, slot: number): number => {
    for (;;) {
      const s = Atomics.load(lane.state, slot);
      if (s === SUBMITTED) {
        if ((lane.lost || Atomics.wait(lane.state, slot, s, START_MS) === 'timed-out') && Atomics.compareExchange(lane.state, slot, SUBMITTED, STOP) === SUBMITTED) {
          if (!lane.lost) stats.lost++;
          lane.lost = true;
          return STOP;
        }
      } else if (s === RUNNING) {
        if (Atomics.wait(lane.state, slot, s, STALL_MS) === 'timed-out' && Atomics.load(lane.state, slot) === RUNNING) throw new Error(`redact worker stopped answering for ${STALL_MS / 1000} s`);
      } else {
        return s;
      }
    }
  };

  /** Writes every output that is ready and next in order; with `wait`, waits for the next one. */
  const writeReady = (wait: boolean): void => {
    for (let p = pending.get(nextWrite); p !== undefined; p = pending.get(nextWrite)) {
      if ('copy' in p) {
        writeAll(outFd, p.copy.subarray(0, p.len));
        spare.push(p.copy);
      } else {
        const { lane, slot } = p;
        let s = Atomics.load(lane.state, slot);
        if (s === SUBMITTED || s === RUNNING) {
          if (!wait) return;
          s = awaitSlot(lane, slot);
        }
        if (s === STOP) {
          // Taken back from a worker that is not running: redacted here.
          writeAll(outFd, local.run(lane.input.subarray(slot * slotIn, slot * slotIn + lane.lens[slot]!)));
          stats.local++;
          lane.seqs[slot] = -1;
          pending.delete(nextWrite++);
          wait = false;
          continue;
        }
        const len = lane.lens[slot]!;
        if (s === FAILED) throw new Error(`redact worker failed: ${lane.output.toString('utf8', slot * slotOut, slot * slotOut + len)}`);
        if (s !== DONE) throw new Error(`redact worker left a slot in state ${s}`);
        // A slot whose output did not fit comes back as its input: redacted here instead.
        writeAll(outFd, len >= 0 ? lane.output.subarray(slot * slotOut, slot * slotOut + len) : local.run(lane.input.subarray(slot * slotIn, slot * slotIn - len - 1)));
        lane.seqs[slot] = -1;
        lane.batches++;
        Atomics.store(lane.state, slot, FREE);
      }
      pending.delete(nextWrite++);
      wait = false;
    }
  };

  try {
    forEachBatch(inFd, (batch) => {
      writeReady(false);
      done += batch.length;
      if (lanes.length === 0 && tuning.size !== undefined && done - windowBytes >= WINDOW_BYTES) {
        const now = performance.now();
        const msPerByte = (now - windowStart) / (done - windowBytes);
        // Not from the first window: it is mostly V8 compiling the recognizers.
        if (windowBytes > 0 && (tuning.size - done) * msPerByte > START_AFTER_MS) start();
        windowBytes = done;
        windowStart = now;
      }
      const seq = nextSeq++;
      if (batch.length <= slotIn) {
        for (const lane of lanes) {
          const slot = lane.next;
          if (lane.lost || lane.seqs[slot] !== -1) continue;
          batch.copy(lane.input, slot * slotIn);
          lane.lens[slot] = batch.length;
          lane.seqs[slot] = seq;
          pending.set(seq, { lane, slot });
          Atomics.store(lane.state, slot, SUBMITTED);
          Atomics.notify(lane.state, slot);
          lane.next = (slot + 1) % SLOTS;
          return;
        }
      }
      // Far ahead of a worker (one still starting): wait for it rather than hold more copies.
      while (pending.size >= MAX_PENDING) writeReady(true);
      const out = local.run(batch);
      stats.local++;
      if (seq === nextWrite) {
        writeAll(outFd, out);
        nextWrite++;
        return;
      }
      let copy = spare.pop();
      if (!copy || copy.length < out.length) copy = Buffer.allocUnsafeSlow(Math.max(out.length, 2 * BATCH));
      out.copy(copy);
      pending.set(seq, { copy, len: out.length });
    });
    while (nextWrite < nextSeq) writeReady(true);
    stats.workers = lanes.map((l) => l.batches);
    return stats;
  } finally {
    for (const lane of lanes) {
      for (let slot = 0; slot < SLOTS; slot++) {
        Atomics.store(lane.state, slot, STOP);
        Atomics.notify(lane.state, slot);
      }
      void lane.worker.terminate();
    }
  }
}

function slotViews(layout: ReturnType<typeof slotLayout>): Pick<Lane, 'state' | 'lens' | 'input' | 'output'> {
  return {
    state: new Int32Array(layout.control, 0, layout.slots),
    lens: new Int32Array(layout.control, 4 * layout.slots, layout.slots),
    input: Buffer.from(layout.input),
    output: Buffer.from(layout.output),
  };
}
