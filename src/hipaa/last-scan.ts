import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlStatus, ScanResult, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { HipaaGateError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic.js';

/**
 * The compact record of the last full working-tree scan, read by `hipaa-gate controls`. It holds
 * statuses and counts only: no findings, no excerpts, no paths, so it can never carry a value.
 */
export interface LastScan {
  kind: 'hipaa-gate/last-scan';
  version: 1;
  tool: { version: string; rulesetDigest: string };
  configDigest: string;
  startedAt: string;
  target: { mode: ScanResult['target']['mode']; commit?: string; branch?: string };
  gate: { passed: boolean; summary: string };
  counts: { findings: number; blocking: number; suppressed: number; skipped: number; bySeverity: Record<Severity, number> };
  controls: ControlStatus[];
}

export const LAST_SCAN_DIR = '.hipaa-gate';
export const LAST_SCAN_FILE = 'last-scan.json';

export function lastScanPath(root: string): string {
  return join(root, LAST_SCAN_DIR, LAST_SCAN_FILE);
}

export function toLastScan(r: ScanResult): LastScan {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, r.findings.filter((f) => !f.suppression && f.severity === s).length])) as Record<Severity, number>;
  const t = r.target;
  return {
    kind: 'hipaa-gate/last-scan',
    version: 1,
    tool: { version: r.tool.version, rulesetDigest: r.tool.rulesetDigest },
    configDigest: r.configDigest,
    startedAt: r.startedAt,
    target: { mode: t.mode, ...(t.commit ? { commit: t.commit } : {}), ...(t.branch ? { branch: t.branch } : {}) },
    // The summary is built by the gate from counts, waiver descriptions and file:line references only.
    gate: { passed: r.gate.passed, summary: r.gate.summary },
    counts: {
      findings: r.findings.length,
      blocking: r.gate.blocking.length,
      suppressed: r.findings.filter((f) => f.suppression).length,
      skipped: r.skipped.length,
      bySeverity,
    },
    // Rule lists are left out (the controls command lists the rules of the installed scanners).
    controls: r.controls.map(({ id, title, safeguard, required, status, findings }) => ({ id, title, safeguard, required, status, rules: [], findings })),
  };
}

/**
 * Record a full working-tree scan under `<root>/.hipaa-gate/`. A partial scan (staged change,
 * history, stdin) says nothing about the state of the controls, so it is not recorded. The
 * directory gets a .gitignore entry so the record never shows up as an untracked file.
 */
export function writeLastScan(root: string, r: ScanResult): string | undefined {
  if (r.target.mode !== 'worktree') return undefined;
  const file = lastScanPath(root);
  writeFileAtomic(file, JSON.stringify(toLastScan(r), null, 2) + '\n');
  const ignore = join(root, LAST_SCAN_DIR, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, `# written by hipaa-gate scan\n${LAST_SCAN_FILE}\n.gitignore\n`);
  return file;
}

/** Read control statuses from a last-scan record or from a full JSON report (`--format json`). */
export function readControlsFrom(file: string): { controls: ControlStatus[]; startedAt?: string; summary?: string; mode?: string } {
  if (!existsSync(file)) throw new HipaaGateError('E_PATH', 'report not found', { file });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new HipaaGateError('E_PARSE', `not valid JSON: ${(e as Error).message}`, { file, cause: e });
  }
  const d = data as { controls?: unknown; startedAt?: string; gate?: { summary?: string }; target?: { mode?: string } };
  const ok =
    Array.isArray(d?.controls) &&
    d.controls.every((c: { id?: unknown; status?: unknown }) => typeof c?.id === 'string' && ['passed', 'failed', 'not-evaluated', 'manual'].includes(c?.status as string));
  if (!ok) throw new HipaaGateError('E_PARSE', 'not a hipaa-gate JSON report or last-scan file (no valid "controls" list)', { file });
  return { controls: d.controls as ControlStatus[], startedAt: d.startedAt, summary: d.gate?.summary, mode: d.target?.mode };
}
