import { existsSync, readFileSync } from 'node:fs';
import type { Finding } from '../core/types.js';
import { HipaaGateError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic.js';
import { byCodeUnit } from '../core/order.js';

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  path: string;
  line: number;
}

export interface Baseline {
  version: 1;
  createdAt: string;
  updatedAt: string;
  findings: BaselineEntry[];
}

export function readBaseline(file: string): Baseline {
  if (!existsSync(file)) throw new HipaaGateError('E_CONFIG', 'baseline file not found', { file });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new HipaaGateError('E_CONFIG', `baseline is not valid JSON: ${(e as Error).message}`, { file, cause: e });
  }
  const b = data as Partial<Baseline>;
  if (b?.version !== 1 || !Array.isArray(b.findings) || b.findings.some((f) => typeof f?.fingerprint !== 'string')) {
    throw new HipaaGateError('E_CONFIG', 'not a hipaa-gate baseline (expected {version: 1, findings: [{fingerprint}]})', { file });
  }
  return b as Baseline;
}

/**
 * Create or update a baseline from the findings of a scan. Entries are sorted by place so the file
 * diffs well in review; an update keeps the original creation time and drops fixed findings.
 */
export function writeBaseline(file: string, findings: Finding[], now: Date, previous?: Baseline): Baseline {
  const entries = findings
    // Waived, inline-allowed and excluded findings are already accounted for by the policy; a
    // baseline only records the legacy debt, so it must not outlive a waiver's expiry.
    .filter((f) => !f.suppression || f.suppression.kind === 'baseline')
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, path: f.location.path, line: f.location.startLine }))
    .sort((a, b) => byCodeUnit(a.path, b.path) || a.line - b.line || byCodeUnit(a.ruleId, b.ruleId));
  const b: Baseline = {
    version: 1,
    createdAt: previous?.createdAt ?? now.toISOString(),
    updatedAt: now.toISOString(),
    findings: entries,
  };
  writeFileAtomic(file, JSON.stringify(b, null, 2) + '\n');
  return b;
}
