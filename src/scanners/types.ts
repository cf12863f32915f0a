import type { Artifact, Category, Finding, Inventory, RuleMeta, Skipped } from '../core/types.js';

/**
 * What a scanner sees besides the artifact. Plain data, so it can be sent to a worker thread.
 */
export interface ScannerContext {
  /** Absolute scan root (or cwd for stdin). */
  root: string;
  /** This scanner's section of the resolved config (`scanners.<name>`), already schema-validated. */
  options: Record<string, unknown>;
  /** ISO timestamp of the scan start; scanners must use it instead of Date.now() (testable clocks). */
  now: string;
  /** Report a part that could not be scanned (parse error, unsupported format). */
  problem(skipped: Skipped): void;
}

interface ScannerBase {
  /** Registry key: `secrets`, `phi`, `iac`, `deps`. */
  name: string;
  category: Category;
  /** Every rule this scanner can report (for SARIF rule tables, the controls matrix, docs). */
  rules(options?: Record<string, unknown>): RuleMeta[];
  /** Cheap gate on path and size before any byte is read (Trivy's `Required`). */
  appliesTo(path: string, size: number): boolean;
  /** Files this scanner parses as bytes even though they are binary (DICOM, images). */
  wantsBytes?(path: string): boolean;
}

/** Scans one artifact at a time; pure, runs in worker threads. */
export interface FileScanner extends ScannerBase {
  kind: 'file';
  /** Optional async set-up (load data files, compile rules) done once per thread. */
  init?(options: Record<string, unknown>): Promise<void> | void;
  scan(artifact: Artifact, ctx: ScannerContext): Finding[];
}

/**
 * Needs several artifacts at once (Terraform modules span files; lockfiles need a database).
 * Runs on the main thread after the file pass, over the artifacts its `appliesTo` accepted.
 */
export interface ProjectScanner extends ScannerBase {
  kind: 'project';
  scanProject(artifacts: Artifact[], ctx: ScannerContext): Promise<Finding[] | ProjectScanOutput>;
}

/** A project scanner may return more than findings: the deps scanner returns the package inventory. */
export interface ProjectScanOutput {
  findings: Finding[];
  inventory?: Inventory;
}

export type Scanner = FileScanner | ProjectScanner;
