import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/config.js';

export const DEFAULT_LEDGER = '.hipaa-gate/ledger.jsonl';
export const DEFAULT_RETENTION_YEARS = 6;

/** evidence.ledger (relative to the scan root) or .hipaa-gate/ledger.jsonl. */
export function ledgerPath(root: string, config: ResolvedConfig, override?: string): string {
  const p = override ?? config.evidence.ledger ?? DEFAULT_LEDGER;
  return isAbsolute(p) ? p : resolve(root, p);
}

/** Full JSON reports of attested runs, content-addressed beside the ledger. */
export function reportsDir(ledger: string): string {
  return join(dirname(ledger), 'reports');
}

export function reportPath(ledger: string, sha256: string): string {
  return join(reportsDir(ledger), `${sha256}.json`);
}
