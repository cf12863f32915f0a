import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Artifact } from '../core/types.js';
import type { FileEntry } from '../sources/types.js';
import { createInlineExecutor, type ExecutorOutput, type ExecutorSetup, type FileScanExecutor } from './executor.js';
import type { WorkerData, WorkerReply, WorkerRequest } from './worker.js';

export interface PoolSetup extends ExecutorSetup {
  /** Registry names, so each worker can load the same scanners itself. */
  scannerNames: string[];
  /**
   * Extra scanner modules (file: URLs exporting `scanner`) loaded in each worker besides the registry
   * ones; the same scanner objects must be in `scanners` for the main thread.
   */
  scannerModules?: string[];
}

/** Below these sizes the cost of starting workers (~40 ms each) outweighs the parallelism. */
export const MIN_FILES_FOR_WORKERS = 400;
export const MIN_BYTES_FOR_WORKERS = 8 * 1024 * 1024;
/** A batch is cut at this many files or bytes, whichever comes first. */
const BATCH_FILES = 64;
const BATCH_BYTES = 2 * 1024 * 1024;
/** Batches queued per worker, so a worker never waits for the main thread between two batches. */
const IN_FLIGHT = 2;
/**
 * Each worker's young generation (V8's default grows to 48 MB). A file's strings die with the file,
 * so a small nursery holds them as well, and every page it does not grow into is a first-touch page
 * fault saved (16.7 us each on the benchmark VM): on the 259 MB corpus, 10,000 fewer faults and
 * 50 MB less peak RSS, at the same CPU time (docs/bench.md).
 */
const YOUNG_GENERATION_MB = 12;

const workerUrl = new URL('./worker.js', import.meta.url);
/** Workers need compiled JavaScript; when running from TypeScript sources (tests), scan inline. */
const canUseWorkers = fileURLToPath(workerUrl).endsWith('.js') && import.meta.url.endsWith('.js');

type Item = FileEntry | Artifact;

export async function createExecutor(
  setup: PoolSetup,
  size: { entries: number; bytes: number; workers?: number },
): Promise<FileScanExecutor> {
  const wanted = size.workers ?? (size.entries >= MIN_FILES_FOR_WORKERS || size.bytes >= MIN_BYTES_FOR_WORKERS ? availableParallelism() : 0);
  if (wanted <= 0 || !canUseWorkers || setup.scanners.length === 0) return createInlineExecutor(setup);
  return createPool(setup, wanted);
}

/** An executor fed while the source is still walking; `end()` says no more items will come. */
export interface StreamingExecutor extends FileScanExecutor {
  end(): void;
}

/**
 * Decides inline versus worker pool from the first entries instead of the whole list, so files are
 * scanned while the walk goes on. With `workers` given the choice is made at once; otherwise entries
 * are held until they pass the worker threshold (pool) or the source ends below it (inline).
 */
export function createStreamingExecutor(setup: PoolSetup, opts: { workers?: number } = {}): StreamingExecutor {
  const held: Array<{ item: Item; resolve: (o: ExecutorOutput) => void; reject: (e: Error) => void }> = [];
  let heldBytes = 0;
  let ended = false;
  let target: FileScanExecutor | undefined;
  let deciding: Promise<FileScanExecutor | undefined> | undefined;

  const decide = () => {
    if (deciding) return;
    const big = held.length >= MIN_FILES_FOR_WORKERS || heldBytes >= MIN_BYTES_FOR_WORKERS;
    if (opts.workers === undefined && !big && !ended) return;
    if (ended && held.length === 0) {
      deciding = Promise.resolve(undefined);
      return;
    }
    const workers = opts.workers ?? (big ? undefined : 0);
    deciding = createExecutor(setup, { entries: held.length, bytes: heldBytes, workers }).then(
      (ex) => {
        target = ex;
        for (const h of held.splice(0)) ex.run(h.item).then(h.resolve, h.reject);
        return ex;
      },
      (e: Error) => {
        for (const h of held.splice(0)) h.reject(e);
        throw e;
      },
    );
  };

  return {
    run(item) {
      if (target) return target.run(item);
      return new Promise<ExecutorOutput>((resolve, reject) => {
        held.push({ item, resolve, reject });
        heldBytes += item.size;
        decide();
      });
    },
    end() {
      ended = true;
      decide();
    },
    async close() {
      const ex = await deciding?.catch(() => undefined);
      await ex?.close();
    },
  };
}

interface Pending {
  item: Item;
  resolve: (o: ExecutorOutput) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Batches posted and not answered yet, oldest first (a worker answers in order). */
  inFlight: Pending[][];
}

async function createPool(setup: PoolSetup, n: number): Promise<FileScanExecutor> {
  // Loaded here: a small (pre-commit) scan never starts workers and need not load their module.
  const { Worker } = await import('node:worker_threads');
  const queue: Pending[] = [];
  let head = 0;
  const slots: Slot[] = [];
  let failed: Error | undefined;
  let pumpScheduled = false;
  const data: WorkerData = {
    root: setup.root,
    now: setup.now,
    options: setup.options,
    scannerNames: setup.scannerNames,
    scannerModules: setup.scannerModules ?? [],
  };

  const fail = (e: Error) => {
    failed ??= e;
    for (const s of slots) for (const b of s.inFlight.splice(0)) for (const p of b) p.reject(failed);
    for (const p of queue.splice(0)) p.reject(failed);
    head = 0;
  };

  const cutBatch = (): Pending[] => {
    // Near the end of the queue, smaller batches keep every worker busy until the last file.
    const fair = Math.ceil((queue.length - head) / (slots.length * IN_FLIGHT));
    const maxFiles = Math.max(1, Math.min(BATCH_FILES, fair));
    const batch: Pending[] = [];
    let bytes = 0;
    while (head < queue.length && batch.length < maxFiles && (batch.length === 0 || bytes < BATCH_BYTES)) {
      const p = queue[head++]!;
      batch.push(p);
      bytes += p.item.size;
    }
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
    return batch;
  };

  const pump = () => {
    pumpScheduled = false;
    if (failed) return;
    for (let more = true; more; ) {
      more = false;
      for (const slot of slots) {
        if (slot.inFlight.length >= IN_FLIGHT || head >= queue.length) continue;
        const batch = cutBatch();
        slot.inFlight.push(batch);
        const req: WorkerRequest = { items: batch.map((p) => p.item) };
        slot.worker.postMessage(req);
        more = true;
      }
    }
  };

  for (let i = 0; i < n; i++) {
    const worker = new Worker(workerUrl, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, inFlight: [] };
    worker.on('message', (m: WorkerReply) => {
      if ('error' in m) return fail(new Error(`scanner worker failed to start: ${m.error}`));
      if (!('outs' in m)) return;
      const batch = slot.inFlight.shift() ?? [];
      for (let j = 0; j < batch.length; j++) {
        const o = m.outs[j]!;
        batch[j]!.resolve(typeof o === 'number' ? { findings: [], problems: [], bytes: o } : o);
      }
      pump();
    });
    worker.on('error', (e) => fail(e));
    worker.on('exit', (code) => {
      if (slot.inFlight.length > 0) fail(new Error(`scanner worker exited (code ${code}) with files in flight`));
    });
    slots.push(slot);
  }

  return {
    run(item) {
      if (failed) return Promise.reject(failed);
      return new Promise<ExecutorOutput>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Coalesce: entries arriving in one tick go out in as few messages as possible.
        if (!pumpScheduled) {
          pumpScheduled = true;
          setImmediate(pump);
        }
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
