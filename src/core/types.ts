/**
 * The data model every stage shares: sources yield Artifacts, scanners turn them into Findings,
 * the policy stage decides, reports render a ScanResult. Nothing here knows about any one scanner.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Higher is worse; used for thresholds and sorting. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export const CATEGORIES = ['secret', 'phi', 'iac', 'deps', 'imported', 'scan'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Where an artifact came from. */
export interface Origin {
  kind: 'worktree' | 'staged' | 'commit' | 'stdin' | 'image' | 'import';
  commit?: string;
  author?: string;
  /** ISO-8601 */
  date?: string;
  /** Container image layer digest (sha256:...) */
  layer?: string;
  image?: string;
}

/** A unit of content to scan. */
export interface Artifact {
  /** Path relative to the scan root, forward slashes. `-` or `<stdin>` for piped text. */
  path: string;
  /** Decoded text (UTF-8, invalid sequences replaced). Empty for binary-only artifacts. */
  text: string;
  /** Raw bytes, only for formats scanners parse as binary (DICOM, images). */
  bytes?: Uint8Array;
  origin: Origin;
  /**
   * When `text` is a fragment (history: the added lines of a hunk), the real 1-based file line of
   * each fragment line. Absent means identity.
   */
  lineNumbers?: number[];
  /**
   * When set, only findings starting on these real 1-based lines are reported (staged mode scans
   * the whole staged blob for context but reports only what the change adds).
   */
  onlyLines?: ReadonlySet<number>;
  /** Size in bytes of the original content. */
  size: number;
}

/** Static metadata of a rule: data only, like ESLint's `meta`. */
export interface RuleMeta {
  /** Stable, namespaced: `secret/aws-access-key-id`, `phi/us-ssn`, `iac/aws/s3-bucket-encryption`. */
  id: string;
  category: Category;
  title: string;
  description?: string;
  severity: Severity;
  /** HIPAA citations, e.g. `164.312(a)(2)(iv)`. At least one. */
  hipaa: string[];
  remediation: string;
  helpUri?: string;
  tags?: string[];
}

export interface Location {
  path: string;
  /** 1-based */
  startLine: number;
  /** 1-based */
  startColumn: number;
  endLine: number;
  /** 1-based, exclusive */
  endColumn: number;
  commit?: string;
  author?: string;
  date?: string;
  layer?: string;
  image?: string;
  /** IaC resource address or package coordinate, when the finding is about a logical object. */
  resource?: string;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Suppression {
  /** `excluded`: the path matches a config `exclude` pattern (findings from sources that do not walk files). */
  kind: 'waiver' | 'inline' | 'baseline' | 'excluded';
  reason?: string;
  approvedBy?: string;
  expires?: string;
  /** For waivers: the config entry that matched (index in `waivers`). */
  waiver?: number;
  /** For waivers: where the waiver is written (`file:line`), so a reviewer can find it. */
  source?: string;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  title: string;
  message: string;
  location: Location;
  /** Masked excerpt of the match. Never the raw value. */
  excerpt: string;
  /** sha256 (hex) of the raw matched value; lets the same value be recognised without storing it. */
  valueHash: string;
  /** Stable identity across runs (set by the engine). */
  fingerprint: string;
  hipaa: string[];
  confidence: Confidence;
  remediation: string;
  helpUri?: string;
  /** `hipaa-gate:allow` on the finding's line or the line above (set by the engine). */
  inlineAllow?: { rule?: string; reason?: string };
  suppression?: Suppression;
  /** Scanner-specific structured data (package, advisory ids, resource type ...). Never raw secrets. */
  properties?: Record<string, unknown>;
}

/** Something that could not be (fully) scanned. A compliance gate fails closed on these under --strict. */
export interface Skipped {
  path: string;
  reason:
    | 'binary'
    | 'too-large'
    | 'unreadable'
    | 'symlink-outside-root'
    | 'symlink-loop'
    | 'parse-error'
    | 'timeout'
    | 'unsupported'
    | 'error';
  detail: string;
  line?: number;
  /** A binary skip is expected and not a gap in coverage; everything else is. */
  expected?: boolean;
}

export interface GateResult {
  passed: boolean;
  /** One line, e.g. "gate failed: 7 findings at or above high". */
  summary: string;
  /** `none`: only the per-category thresholds can fail the gate. */
  failOn: Severity | 'none';
  /** Findings that caused the failure (by fingerprint). */
  blocking: string[];
  warnings: string[];
  /** Why the gate failed besides findings: expired waivers, strict-mode gaps, stale data. */
  reasons: string[];
}

export interface ScanStats {
  filesScanned: number;
  bytesScanned: number;
  filesSkipped: number;
  durationMs: number;
  timings: Record<string, number>;
}

export interface ScanTarget {
  root: string;
  mode: 'worktree' | 'staged' | 'history' | 'stdin' | 'image' | 'import';
  commit?: string;
  branch?: string;
  image?: string;
}

export interface ControlStatus {
  id: string;
  title: string;
  safeguard: string;
  required: boolean;
  status: 'passed' | 'failed' | 'not-evaluated' | 'manual';
  rules: string[];
  findings: number;
}

/** A package in the software inventory (SBOM): from lockfiles, manifests, OS package databases. */
export interface InventoryItem {
  /** Unique key within the inventory, used by `dependsOn` (`ecosystem:name@version`). */
  ref: string;
  name: string;
  version: string;
  /** OSV ecosystem, e.g. `npm`, `PyPI`, `Debian:12`. */
  ecosystem: string;
  purl?: string;
  direct: boolean;
  dev: boolean;
  /** Lockfile or database path (relative to the scan root) and line of the entry. */
  path: string;
  line: number;
  layer?: string;
  dependsOn?: string[];
}

export interface Inventory {
  packages: InventoryItem[];
}

export interface ScanResult {
  schemaVersion: string;
  tool: { name: 'hipaa-gate'; version: string; rulesetDigest: string };
  configDigest: string;
  target: ScanTarget;
  startedAt: string;
  finishedAt: string;
  stats: ScanStats;
  rules: RuleMeta[];
  findings: Finding[];
  skipped: Skipped[];
  controls: ControlStatus[];
  gate: GateResult;
  /** Packages found by dependency scanning (for SBOM output); absent when none were scanned. */
  inventory?: Inventory;
}
