import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Artifact, Finding, Inventory, RuleMeta, ScanResult, Skipped, ScanTarget } from '../core/types.js';
import { SEVERITY_RANK } from '../core/types.js';
import { HipaaGateError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
import { byCodeUnit } from '../core/order.js';
import { tryGitAsync } from '../core/git.js';
import { VERSION } from '../core/version.js';
import { loadConfig, scannerEnabled, type ResolvedConfig, type Threshold } from '../config/config.js';
import { loadScanners, SCANNER_NAMES } from '../scanners/index.js';
import type { FileScanner, ProjectScanner, Scanner } from '../scanners/types.js';
import { selectSource, type SourceSelection } from '../sources/index.js';
import type { FileEntry } from '../sources/types.js';
import { isSkipped, readFileArtifact } from '../sources/read.js';
import { applyPolicy } from '../policy/gate.js';
import { readBaseline, type Baseline } from '../policy/baseline.js';
import { controlStatuses } from '../hipaa/catalog.js';
import { assignFingerprints, fingerprintKey, keyValueHashes } from './fingerprint.js';
import { createStreamingExecutor, type StreamingExecutor } from './pool.js';
import type { ExecutorOutput } from './executor.js';

export const REPORT_SCHEMA_VERSION = '1.0.0';

export interface ScanOptions {
  /** Directory to scan (default: cwd). For stdin, used to find the config. */
  root?: string;
  source?: SourceSelection;
  /** Extra artifacts to scan besides (or instead of) the source: image layers, imported files. */
  configPath?: string;
  config?: ResolvedConfig;
  baselinePath?: string;
  strict?: boolean;
  failOn?: Threshold;
  /** Limit to these scanners (default: all enabled in config). */
  scanners?: string[];
  /** Clock for waiver expiry and report times (tests inject one). */
  now?: Date;
  /** Worker threads for file scanning: 0 = on this thread; default chosen by scan size. */
  workers?: number;
  onProgress?: (p: { files: number; bytes: number }) => void;
  /** Hooks for later pipeline stages (image source, SARIF import) to add findings or gaps. */
  extraFindings?: Finding[];
  extraSkipped?: Skipped[];
  extraRules?: RuleMeta[];
}

/** sources -> scanners -> findings -> policy. Rendering is the caller's (see report/). */
export async function scan(opts: ScanOptions = {}): Promise<ScanResult> {
  const started = opts.now ?? new Date();
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const root = resolve(opts.root ?? process.cwd());
  const mode = opts.source?.mode ?? 'worktree';
  if (mode !== 'stdin') {
    if (!existsSync(root)) throw new HipaaGateError('E_PATH', 'path does not exist', { file: opts.root ?? root });
    if (!statSync(root).isDirectory()) throw new HipaaGateError('E_PATH', 'not a directory (pass a directory, or - for standard input)', { file: opts.root ?? root });
  }
  const config = opts.config ?? loadConfig(existsSync(root) ? root : process.cwd(), opts.configPath);
  const baseline = loadBaselineFor(root, opts.baselinePath ?? config.baseline);

  // Created before the scanners load: a source that starts work at once (staged: git diff and the
  // blob reader) overlaps it with their modules' compilation. wantsBytes is only asked later.
  let scanners: Scanner[] = [];
  const wantsBytes = (p: string) => scanners.some((s) => s.wantsBytes?.(p) ?? false);
  const source = selectSource(opts.source ?? { mode: 'worktree' }, { root, exclude: config.exclude, maxFileSize: config.maxFileSize, wantsBytes });
  // Repository facts for the report and the fingerprint key, read by git while the scan runs.
  const target = describeTarget(root, mode);
  // The key walks the history to its root commits (seconds on a large repository). A long scan
  // overlaps that walk; a pre-commit run, short and usually clean, starts it at its first finding.
  let fpKey = mode === 'staged' ? undefined : fingerprintKey(root);
  const names = (opts.scanners ?? SCANNER_NAMES).filter((n) => scannerEnabled(config, n));
  try {
    scanners = await loadScanners(names);
  } catch (e) {
    source.close?.();
    throw e;
  }
  const fileScanners = scanners.filter((s): s is FileScanner => s.kind === 'file');
  const projectScanners = scanners.filter((s): s is ProjectScanner => s.kind === 'project');
  const nowIso = started.toISOString();
  timings.setupMs = performance.now() - t0;

  const findings: Finding[] = [...(opts.extraFindings ?? [])];
  const skipped: Skipped[] = [...(opts.extraSkipped ?? [])];
  let filesScanned = 0;
  let bytesScanned = 0;

  const tScan = performance.now();
  const entries: Array<FileEntry | Artifact> = [];
  // Files are scanned while the walk goes on: the executor gets each entry as the source yields it.
  const executor: StreamingExecutor = createStreamingExecutor(
    { scanners: fileScanners, root, now: nowIso, options: config.scanners, scannerNames: fileScanners.map((s) => s.name) },
    { workers: opts.workers },
  );
  const tFiles = tScan;
  const outputs: Array<Promise<Finding[]>> = [];
  // A failed worker rejects every queued file; keep the first error and raise it once all settle.
  let failure: Error | undefined;
  const record = (e: FileEntry | Artifact, out: ExecutorOutput): Finding[] => {
    if (out.skipped) skipped.push(out.skipped);
    else if (out.bytes > 0 || fileScanners.some((s) => s.appliesTo(e.path, e.size))) {
      filesScanned++;
      bytesScanned += out.bytes;
    }
    skipped.push(...out.problems);
    opts.onProgress?.({ files: filesScanned, bytes: bytesScanned });
    // The first finding starts the key's history walk, which then runs while the rest is scanned.
    if (out.findings.length > 0) fpKey ??= fingerprintKey(root);
    return out.findings;
  };
  try {
    try {
      for await (const e of source) {
        if (e.kind === 'skipped') {
          skipped.push(e.skipped);
          continue;
        }
        const item = e.kind === 'file' ? e : e.artifact;
        entries.push(item);
        outputs.push(executor.run(item).then((out) => record(item, out), (err: Error) => ((failure ??= err), [])));
      }
    } finally {
      executor.end();
      timings.sourceMs = performance.now() - tScan;
    }
    // In source order, so findings come out the same however the workers interleave.
    for (const o of await Promise.all(outputs)) findings.push(...o);
    if (failure) throw failure;
  } finally {
    await executor.close();
  }
  timings.fileScanMs = performance.now() - tFiles;

  // After the file pass, not beside it: started while the workers were still scanning, the project
  // scanners took CPU from them and the scan took as long (measured on the bench corpus).
  const project = await runProjectPhase(entries, { fileScanners, projectScanners, root, nowIso, config, opts });
  findings.push(...project.findings);
  // A file both passes skipped (binary, unreadable) is listed once.
  const skippedPaths = new Set(skipped.map((s) => s.path));
  for (const s of project.readSkips) if (!skippedPaths.has(s.path)) skipped.push(s);
  skipped.push(...project.problems);
  Object.assign(timings, project.timings);
  const { evaluated, inventory } = project;

  if (findings.length > 0) keyValueHashes(findings, (await (fpKey ??= fingerprintKey(root))).key);
  assignFingerprints(findings);
  findings.sort(compareFindings);

  const gate = applyPolicy({ findings, skipped, config, now: started, baseline, strict: opts.strict, failOn: opts.failOn });
  const rules = collectRules(scanners, config, opts.extraRules);
  const finished = new Date(started.getTime() + (performance.now() - t0));
  timings.totalMs = performance.now() - t0;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'hipaa-gate', version: VERSION, rulesetDigest: rulesetDigest(rules) },
    configDigest: config.digest,
    target: { ...(await target), ...(mode === 'image' && opts.source?.image ? { image: opts.source.image } : {}) },
    startedAt: nowIso,
    finishedAt: finished.toISOString(),
    stats: { filesScanned, bytesScanned, filesSkipped: skipped.length, durationMs: Math.round(timings.totalMs), timings: roundAll(timings) },
    rules,
    findings,
    skipped,
    controls: controlStatuses(rules, findings, rules, evaluated),
    gate,
    ...(inventory ? { inventory } : {}),
  };
}

interface ProjectPhase {
  findings: Finding[];
  /** Files the project scanners could not read. */
  readSkips: Skipped[];
  /** What the project scanners reported they could not scan. */
  problems: Skipped[];
  inventory?: Inventory;
  /** Categories that had something to look at: only their rules can mark a control passed. */
  evaluated: Set<string>;
  timings: Record<string, number>;
}

/** The project scanners over the entries they apply to, in registry order. */
async function runProjectPhase(
  entries: Array<FileEntry | Artifact>,
  ctx: { fileScanners: FileScanner[]; projectScanners: ProjectScanner[]; root: string; nowIso: string; config: ResolvedConfig; opts: ScanOptions },
): Promise<ProjectPhase> {
  const { fileScanners, projectScanners, root, nowIso, config, opts } = ctx;
  const tProject = performance.now();
  const out: ProjectPhase = { findings: [], readSkips: [], problems: [], evaluated: new Set((opts.extraFindings ?? []).map((f) => f.category)), timings: {} };
  for (const r of opts.extraRules ?? []) out.evaluated.add(r.category);
  const projectInputs = new Map<ProjectScanner, Artifact[]>(projectScanners.map((s) => [s, []]));
  for (const e of entries) {
    for (const s of fileScanners) if (!out.evaluated.has(s.category) && s.appliesTo(e.path, e.size)) out.evaluated.add(s.category);
    const wanting = projectScanners.filter((s) => s.appliesTo(e.path, e.size));
    if (wanting.length === 0) continue;
    const a = 'kind' in e ? readFileArtifact(e.abs, e.path, e.origin, { wantsBytes: (p) => wanting.some((s) => s.wantsBytes?.(p) ?? false) }) : e;
    if (isSkipped(a)) {
      out.readSkips.push(a);
      continue;
    }
    for (const s of wanting) projectInputs.get(s)!.push(a);
  }
  for (const [s, artifacts] of projectInputs) {
    if (artifacts.length === 0) continue;
    out.evaluated.add(s.category);
    const t = performance.now();
    try {
      const found = await s.scanProject(artifacts, { root, now: nowIso, options: config.scanners[s.name] ?? {}, problem: (p) => out.problems.push(p) });
      if (Array.isArray(found)) out.findings.push(...found);
      else {
        out.findings.push(...found.findings);
        if (found.inventory) out.inventory = { packages: [...(out.inventory?.packages ?? []), ...found.inventory.packages] };
      }
    } catch (e) {
      if (e instanceof HipaaGateError) throw e;
      out.problems.push({ path: artifacts[0]!.path, reason: 'error', detail: `${s.name} scanner failed: ${(e as Error).message}` });
    }
    out.timings[`${s.name}Ms`] = performance.now() - t;
  }
  out.timings.projectScanMs = performance.now() - tProject;
  return out;
}

function loadBaselineFor(root: string, path: string | undefined): Baseline | undefined {
  if (!path) return undefined;
  return readBaseline(isAbsolute(path) ? path : resolve(root, path));
}

/**
 * The rules are plain objects built by this code (and the config) in a fixed key order, so native
 * JSON is already deterministic; sorting keys of 500+ rules in JavaScript cost ~15 ms of every
 * pre-commit run.
 */
function rulesetDigest(rules: RuleMeta[]): string {
  return sha256Hex(JSON.stringify(rules));
}

function collectRules(scanners: Scanner[], config: ResolvedConfig, extra: RuleMeta[] = []): RuleMeta[] {
  const all = [...scanners.flatMap((s) => s.rules(config.scanners[s.name] ?? {})), ...extra];
  const seen = new Set<string>();
  return all.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true))).sort((a, b) => byCodeUnit(a.id, b.id));
}

async function describeTarget(root: string, mode: ScanTarget['mode']): Promise<ScanTarget> {
  // One git process for both (each costs the main thread ~10 ms of fork): the commit, then the
  // full ref name HEAD points to, or "HEAD" when detached.
  const both = await tryGitAsync(root, ['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD']);
  let commit: string | undefined;
  let branch: string | undefined;
  const [sha, ref] = both?.split('\n') ?? [];
  if (sha && /^[0-9a-f]{40,64}$/.test(sha)) {
    commit = sha;
    if (ref?.startsWith('refs/heads/')) branch = ref.slice('refs/heads/'.length);
  } else {
    // No commit yet (the first commit's pre-commit run): the branch is unborn but named.
    branch = await tryGitAsync(root, ['symbolic-ref', '--short', '-q', 'HEAD']);
  }
  return { root, mode, ...(commit ? { commit } : {}), ...(branch ? { branch } : {}) };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    byCodeUnit(a.location.path, b.location.path) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    byCodeUnit(a.ruleId, b.ruleId)
  );
}

function roundAll(t: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}
