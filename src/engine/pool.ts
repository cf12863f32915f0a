import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Artifact } from '../core/types.js';
import type { FileEntry } from '../sources/types.js';
import { createInlineExecutor, type ExecutorOutput, type ExecutorSetup, type FileScanExecutor } from './executor.js';

export interface PoolSetup extends ExecutorSetup {
  /** Registry names, so each worker can load the same scanners itself. */
  scannerNames: string[];
}

/** Below these sizes the cost of starting workers (~40 ms each) outweighs the parallelism. */
const MIN_FILES_FOR_WORKERS = 400;
const MIN_BYTES_FOR_WORKERS = 8 * 1024 * 1024;
const BATCH = 32;

const workerUrl = new URL('./worker.js', import.meta.url);
/** Workers need compiled JavaScript; when running from TypeScript sources (tests), scan inline. */
const canUseWorkers = fileURLToPath(workerUrl).endsWith('.js') && import.meta.url.endsWith('.js');

export async function createExecutor(
  setup: PoolSetup,
  size: { entries: number; bytes: number; workers?: number },
): Promise<FileScanExecutor> {
  const wanted = size.workers ?? (size.entries >= MIN_FILES_FOR_WORKERS || size.bytes >= MIN_BYTES_FOR_WORKERS ? availableParallelism() : 0);
  if (wanted <= 0 || !canUseWorkers || setup.scanners.length === 0) return createInlineExecutor(setup);
  return createPool(setup, wanted);
}

interface Pending {
  item: FileEntry | Artifact;
  resolve: (o: ExecutorOutput) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  inFlight: Pending[] | undefined;
}

async function createPool(setup: PoolSetup, n: number): Promise<FileScanExecutor> {
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let failed: Error | undefined;
  const workerData = { root: setup.root, now: setup.now, options: setup.options, scannerNames: setup.scannerNames };

  const pump = () => {
    for (const slot of slots) {
      if (slot.inFlight || queue.length === 0) continue;
      const batch = queue.splice(0, BATCH);
      slot.inFlight = batch;
      slot.worker.postMessage(batch.map((p) => p.item));
    }
  };

  await Promise.all(
    Array.from({ length: n }, async () => {
      const worker = new Worker(workerUrl, { workerData });
      const slot: Slot = { worker, inFlight: undefined };
      await new Promise<void>((res, rej) => {
        worker.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? res() : rej(new Error(m.error))));
        worker.once('error', rej);
      });
      worker.on('message', (outs: ExecutorOutput[]) => {
        const batch = slot.inFlight ?? [];
        slot.inFlight = undefined;
        batch.forEach((p, i) => p.resolve(outs[i]!));
        pump();
      });
      worker.on('error', (e) => {
        failed = e;
        for (const p of [...(slot.inFlight ?? []), ...queue.splice(0)]) p.reject(e);
        slot.inFlight = undefined;
      });
      slots.push(slot);
    }),
  );

  return {
    run(item) {
      if (failed) return Promise.reject(failed);
      return new Promise<ExecutorOutput>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (queue.length === 1) setImmediate(pump);
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
