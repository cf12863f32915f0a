import type { Artifact, Skipped } from '../core/types.js';
import type { FileScanner, ScannerContext } from '../scanners/types.js';
import type { FileEntry } from '../sources/types.js';
import { isSkipped, readFileArtifact } from '../sources/read.js';
import { runFileScanners, type FileScanOutput } from './run-file.js';

export interface ExecutorOutput extends FileScanOutput {
  /** Set when the file itself could not be scanned (binary, unreadable). */
  skipped?: Skipped;
  bytes: number;
}

/** Runs the file scanners over entries; the inline one here, a worker pool for large scans. */
export interface FileScanExecutor {
  run(item: FileEntry | Artifact): Promise<ExecutorOutput>;
  close(): Promise<void>;
}

export interface ExecutorSetup {
  scanners: FileScanner[];
  root: string;
  now: string;
  options: Record<string, Record<string, unknown>>;
}

export function contextFactory(setup: Pick<ExecutorSetup, 'root' | 'now' | 'options'>) {
  return (s: FileScanner): Omit<ScannerContext, 'problem'> => ({ root: setup.root, now: setup.now, options: setup.options[s.name] ?? {} });
}

/** Scan one entry on the calling thread. Shared by the inline executor and the worker threads. */
export function scanEntry(item: FileEntry | Artifact, setup: ExecutorSetup, ctxFor = contextFactory(setup)): ExecutorOutput {
  const applicable = setup.scanners.filter((s) => s.appliesTo(item.path, item.size));
  if (applicable.length === 0) return { findings: [], problems: [], bytes: 0 };
  let artifact: Artifact;
  if ('kind' in item && item.kind === 'file') {
    const wantsBytes = (p: string) => applicable.some((s) => s.wantsBytes?.(p) ?? false);
    const a = readFileArtifact(item.abs, item.path, item.origin, { wantsBytes });
    if (isSkipped(a)) return { findings: [], problems: [], skipped: a, bytes: 0 };
    artifact = a;
  } else {
    artifact = item as Artifact;
  }
  const out = runFileScanners(artifact, applicable, ctxFor);
  return { ...out, bytes: artifact.size };
}

export async function createInlineExecutor(setup: ExecutorSetup): Promise<FileScanExecutor> {
  for (const s of setup.scanners) await s.init?.(setup.options[s.name] ?? {});
  const ctxFor = contextFactory(setup);
  return {
    run: async (item) => scanEntry(item, setup, ctxFor),
    close: async () => {},
  };
}
