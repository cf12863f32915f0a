import { parentPort, workerData } from 'node:worker_threads';
import type { Artifact } from '../core/types.js';
import type { FileEntry } from '../sources/types.js';
import { loadScanners } from '../scanners/index.js';
import type { FileScanner, Scanner } from '../scanners/types.js';
import { contextFactory, scanEntry, type ExecutorOutput, type ExecutorSetup } from './executor.js';

export interface WorkerData {
  root: string;
  now: string;
  options: Record<string, Record<string, unknown>>;
  scannerNames: string[];
  scannerModules: string[];
}

export interface WorkerRequest {
  items: Array<FileEntry | Artifact>;
}

/** Per item: a bare byte count when nothing was found (most files), else the full output. */
export type WorkerReply = { ready: true } | { error: string } | { outs: Array<ExecutorOutput | number> };

async function main() {
  const data = workerData as WorkerData;
  const loaded: Scanner[] = await loadScanners(data.scannerNames);
  for (const url of data.scannerModules) loaded.push(((await import(url)) as { scanner: Scanner }).scanner);
  const scanners = loaded.filter((s): s is FileScanner => s.kind === 'file');
  for (const s of scanners) await s.init?.(data.options[s.name] ?? {});
  const setup: ExecutorSetup = { scanners, root: data.root, now: data.now, options: data.options };
  const ctxFor = contextFactory(setup);
  parentPort!.on('message', (req: WorkerRequest) => {
    const outs = req.items.map((item): ExecutorOutput | number => {
      let out: ExecutorOutput;
      try {
        out = scanEntry(item, setup, ctxFor);
      } catch (e) {
        // One bad file must not take the worker (and every file queued on it) down.
        return { findings: [], problems: [], bytes: 0, skipped: { path: item.path, reason: 'error', detail: `scan failed: ${(e as Error).message}` } };
      }
      return out.findings.length === 0 && out.problems.length === 0 && !out.skipped ? out.bytes : out;
    });
    parentPort!.postMessage({ outs } satisfies WorkerReply);
  });
  parentPort!.postMessage({ ready: true } satisfies WorkerReply);
}

main().catch((e: Error) => parentPort!.postMessage({ error: e.message } satisfies WorkerReply));
