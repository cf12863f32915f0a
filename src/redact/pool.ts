/**
 * Batches shared between the calling thread and worker threads, and given back in input order.
 *
 * Batches and their outputs travel through slots of shared memory (slots.ts), and a slot's state
 * word is the only signal (Atomics.wait / notify, or waitAsync in a stream): no message, no event
 * loop turn and no allocation per batch. Each worker takes its slots in a fixed round, and the
 * calling thread fills them in the same round, so a worker never searches for work. A batch no
 * worker has room for is redacted on the calling thread. `emit` receives every output in input
 * order, as a view that is valid only during the call.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BATCH, BatchRedactor } from './batch.js';
import type { RedactOptions } from './redact.js';
import { DONE, FAILED, FREE, RUNNING, slotLayout, STOP, SUBMITTED, type RedactWorkerData } from './slots.js';

/** Slots per worker: one being redacted, one waiting, one being written. */
const SLOTS = 3;
/** A slot holds a batch of up to this many bytes (a longer batch, from a long line, stays local). */
const DEFAULT_SLOT_IN = 2 * BATCH;
/** Room for a slot's output: masks can be longer than short values (`a@b.co`). */
const DEFAULT_SLOT_OUT = 4 * BATCH;
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

type WaitAsync = (a: Int32Array, i: number, v: number, ms: number) => { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
/** Atomics.waitAsync: in Node since 16, in TypeScript's lib only from ES2024 (this project builds with ES2023). */
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync.bind(Atomics);

const workerUrl = new URL('./redact-worker.js', import.meta.url);
/** Workers need compiled JavaScript; from TypeScript sources (tests) everything runs on one thread. */
export const canUseWorkers = fileURLToPath(workerUrl).endsWith('.js') && import.meta.url.endsWith('.js');

/** Who redacted how many batches, and how many workers were found not running (their batches were redone). */
export interface ParallelStats {
  local: number;
  workers: number[];
  lost: number;
}

/** Slot sizes and the worker module, changeable for tests. */
export interface PoolTuning {
  slotIn?: number;
  slotOut?: number;
  workerUrl?: URL;
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
  /** Batches this worker redacted; whether it is taken as not running; a wait for it timed out. */
  batches: number;
  lost: boolean;
  suspect: boolean;
}

/** Where a batch's output is: a worker's slot, or a copy held by the calling thread. */
type Pending = { lane: Lane; slot: number } | { copy: Buffer; len: number };

export class BatchPool {
  readonly stats: ParallelStats = { local: 0, workers: [], lost: 0 };
  /** Milliseconds the calling thread has spent redacting. */
  localMs = 0;
  private readonly lanes: Lane[] = [];
  private readonly local: BatchRedactor;
  private readonly pending = new Map<number, Pending>();
  /** Copies of the calling thread's outputs that wait for an earlier batch, for reuse. */
  private readonly spare: Buffer[] = [];
  private readonly slotIn: number;
  private readonly slotOut: number;
  private nextSeq = 0;
  private nextWrite = 0;

  constructor(
    private readonly options: RedactOptions,
    private readonly workers: number,
    private readonly emit: (out: Buffer) => void,
    private readonly tuning: PoolTuning = {},
  ) {
    this.local = new BatchRedactor(options);
    this.slotIn = tuning.slotIn ?? DEFAULT_SLOT_IN;
    this.slotOut = tuning.slotOut ?? DEFAULT_SLOT_OUT;
  }

  get started(): boolean {
    return this.lanes.length > 0;
  }

  /** Batches given but not yet emitted. */
  get size(): number {
    return this.pending.size;
  }

  start(): void {
    if (this.started) return;
    for (let i = 0; i < this.workers; i++) {
      const layout = slotLayout(SLOTS, this.slotIn, this.slotOut);
      const data: RedactWorkerData = { ...layout, options: this.options };
      const worker = new Worker(this.tuning.workerUrl ?? workerUrl, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.unref();
      // A worker that dies cannot say so while this thread waits: the timeouts report it.
      worker.on('error', () => undefined);
      this.lanes.push({
        worker,
        state: new Int32Array(layout.control, 0, layout.slots),
        lens: new Int32Array(layout.control, 4 * layout.slots, layout.slots),
        input: Buffer.from(layout.input),
        output: Buffer.from(layout.output),
        next: 0,
        seqs: new Array<number>(SLOTS).fill(-1),
        batches: 0,
        lost: false,
        suspect: false,
      });
    }
  }

  /** Takes a batch (copied if a worker gets it) and emits whatever is ready in order. */
  add(batch: Buffer): void {
    this.drain();
    const seq = this.nextSeq++;
    if (batch.length <= this.slotIn) {
      for (const lane of this.lanes) {
        const slot = lane.next;
        if (lane.lost || lane.seqs[slot] !== -1) continue;
        batch.copy(lane.input, slot * this.slotIn);
        lane.lens[slot] = batch.length;
        lane.seqs[slot] = seq;
        this.pending.set(seq, { lane, slot });
        Atomics.store(lane.state, slot, SUBMITTED);
        Atomics.notify(lane.state, slot);
        lane.next = (slot + 1) % SLOTS;
        return;
      }
    }
    // Far ahead of a worker (one still starting): wait for it rather than hold more copies.
    while (this.pending.size >= MAX_PENDING) this.waitNext();
    const t = performance.now();
    const out = this.local.run(batch);
    this.localMs += performance.now() - t;
    this.stats.local++;
    if (seq === this.nextWrite) {
      this.nextWrite++;
      this.emit(out);
      this.drain();
      return;
    }
    let copy = this.spare.pop();
    if (!copy || copy.length < out.length) copy = Buffer.allocUnsafeSlow(Math.max(out.length, 2 * BATCH));
    out.copy(copy);
    this.pending.set(seq, { copy, len: out.length });
  }

  /** Emits every output that is ready and next in order, without waiting; true when none is left. */
  drain(): boolean {
    this.emitReady(false);
    return this.pending.size === 0;
  }

  /** Waits for the next output in order, then emits it and whatever is ready after it. */
  waitNext(): void {
    this.emitReady(true);
  }

  /** Waits for every batch given so far and emits them all. */
  finish(): void {
    while (this.pending.size > 0) this.emitReady(true);
    this.stats.workers = this.lanes.map((l) => l.batches);
  }

  /**
   * Resolves once the next output in order can be emitted: false when a worker answered, true
   * when the wait timed out (then waitNext() takes the batch back or reports the worker). For a
   * stream, which must not block between chunks of a live pipe.
   */
  async nextReady(): Promise<boolean> {
    const p = this.pending.get(this.nextWrite);
    if (!p || 'copy' in p) return false;
    const { lane, slot } = p;
    const s = Atomics.load(lane.state, slot);
    if (s !== SUBMITTED && s !== RUNNING) return false;
    const r = waitAsync(lane.state, slot, s, s === SUBMITTED ? START_MS : STALL_MS);
    if ((r.async ? await r.value : r.value) !== 'timed-out' || Atomics.load(lane.state, slot) !== s) return false;
    lane.suspect = true;
    return true;
  }

  /** Stops the workers (they return from their loop; terminate() in case one is stuck). */
  close(): void {
    for (const lane of this.lanes) {
      for (let slot = 0; slot < SLOTS; slot++) {
        Atomics.store(lane.state, slot, STOP);
        Atomics.notify(lane.state, slot);
      }
      void lane.worker.terminate();
    }
  }

  private emitReady(wait: boolean): void {
    for (let p = this.pending.get(this.nextWrite); p !== undefined; p = this.pending.get(this.nextWrite)) {
      if ('copy' in p) {
        this.emit(p.copy.subarray(0, p.len));
        this.spare.push(p.copy);
      } else {
        const { lane, slot } = p;
        let s = Atomics.load(lane.state, slot);
        if (s === SUBMITTED || s === RUNNING) {
          if (!wait) return;
          s = this.awaitSlot(lane, slot);
        }
        const { slotIn, slotOut } = this;
        const len = lane.lens[slot]!;
        if (s === STOP) {
          // Taken back from a worker that is not running: redacted here.
          this.emit(this.local.run(lane.input.subarray(slot * slotIn, slot * slotIn + len)));
          this.stats.local++;
        } else {
          if (s === FAILED) throw new Error(`redact worker failed: ${lane.output.toString('utf8', slot * slotOut, slot * slotOut + len)}`);
          if (s !== DONE) throw new Error(`redact worker left a slot in state ${s}`);
          // A slot whose output did not fit comes back as its input: redacted here instead.
          this.emit(len >= 0 ? lane.output.subarray(slot * slotOut, slot * slotOut + len) : this.local.run(lane.input.subarray(slot * slotIn, slot * slotIn - len - 1)));
          lane.batches++;
          Atomics.store(lane.state, slot, FREE);
        }
        lane.seqs[slot] = -1;
      }
      this.pending.delete(this.nextWrite++);
      wait = false;
    }
  }

  /**
   * Waits until a worker has answered for `slot`. A batch no worker took up within START_MS is
   * taken back (the worker could not start, or died between batches) and that worker gets no more;
   * one being redacted is waited for up to STALL_MS.
   */
  private awaitSlot(lane: Lane, slot: number): number {
    for (;;) {
      const s = Atomics.load(lane.state, slot);
      if (s === SUBMITTED) {
        const gaveUp = lane.lost || lane.suspect || Atomics.wait(lane.state, slot, s, START_MS) === 'timed-out';
        if (gaveUp && Atomics.compareExchange(lane.state, slot, SUBMITTED, STOP) === SUBMITTED) {
          if (!lane.lost) this.stats.lost++;
          lane.lost = true;
          return STOP;
        }
      } else if (s === RUNNING) {
        if (Atomics.wait(lane.state, slot, s, STALL_MS) === 'timed-out' && Atomics.load(lane.state, slot) === RUNNING) throw new Error(`redact worker stopped answering for ${STALL_MS / 1000} s`);
      } else {
        return s;
      }
    }
  }
}
