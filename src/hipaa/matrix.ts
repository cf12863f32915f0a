import type { ControlStatus, RuleMeta } from '../core/types.js';
import { automation, catalog, type Control } from './catalog.js';

export interface MatrixRow {
  id: string;
  title: string;
  safeguard: Control['safeguard'];
  required: boolean;
  /** How far tooling can evidence the control at all (from the catalog). */
  automation: 'yes' | 'partial' | 'none';
  /** Rules that evidence it, from every scanner (enabled or not). */
  rules: string[];
  status: ControlStatus['status'];
  findings: number;
}

/**
 * The `hipaa-gate controls` matrix: every catalog control with the rules that evidence it and its
 * status in the last scan. Without a scan, or when the scan did not run any of the control's rules,
 * a control with rules is `not-evaluated`; a control no rule evidences needs a manual attestation.
 */
export function controlMatrix(allRules: RuleMeta[], last?: ControlStatus[]): MatrixRow[] {
  const lastById = new Map((last ?? []).map((c) => [c.id, c]));
  return catalog().map((c) => {
    const rules = [...new Set(allRules.filter((r) => r.hipaa.includes(c.id)).map((r) => r.id))].sort();
    const prev = lastById.get(c.id);
    let status: ControlStatus['status'];
    if (prev && (prev.status === 'passed' || prev.status === 'failed')) status = prev.status;
    else status = rules.length > 0 ? 'not-evaluated' : 'manual';
    return { id: c.id, title: c.title, safeguard: c.safeguard, required: c.required, automation: automation(c), rules, status, findings: prev?.findings ?? 0 };
  });
}
