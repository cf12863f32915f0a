import { parentPort, workerData } from 'node:worker_threads';
import type { Artifact } from '../core/types.js';
import type { FileEntry } from '../sources/types.js';
import { loadScanners } from '../scanners/index.js';
import type { FileScanner } from '../scanners/types.js';
import { contextFactory, scanEntry, type ExecutorSetup } from './executor.js';

interface Data {
  root: string;
  now: string;
  options: Record<string, Record<string, unknown>>;
  scannerNames: string[];
}

async function main() {
  const data = workerData as Data;
  const scanners = (await loadScanners(data.scannerNames)).filter((s): s is FileScanner => s.kind === 'file');
  for (const s of scanners) await s.init?.(data.options[s.name] ?? {});
  const setup: ExecutorSetup = { scanners, root: data.root, now: data.now, options: data.options };
  const ctxFor = contextFactory(setup);
  parentPort!.on('message', (batch: Array<FileEntry | Artifact>) => {
    parentPort!.postMessage(batch.map((item) => scanEntry(item, setup, ctxFor)));
  });
  parentPort!.postMessage({ ready: true });
}

main().catch((e: Error) => parentPort!.postMessage({ error: e.message }));
