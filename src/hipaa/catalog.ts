import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ControlStatus, Finding, RuleMeta } from '../core/types.js';

/** One entry of the Security Rule catalog (data in controls.json, facts of 45 CFR Part 164). */
export interface Control {
  id: string;
  title: string;
  safeguard: 'administrative' | 'physical' | 'technical' | 'organizational' | 'documentation' | 'privacy' | 'breach';
  kind: 'standard' | 'implementation';
  required: boolean;
  summary: string;
  automatable: string;
  parent?: string;
  identifiers?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
let cached: Control[] | undefined;

/** The catalog, loaded once. The JSON sits beside this module in src/ and is copied to dist/. */
export function catalog(): Control[] {
  if (!cached) {
    const file = [resolve(here, 'controls.json'), resolve(here, '..', '..', 'src', 'hipaa', 'controls.json')].find((p) => {
      try {
        readFileSync(p);
        return true;
      } catch {
        return false;
      }
    });
    if (!file) throw new Error('HIPAA catalog controls.json is missing from the package');
    cached = JSON.parse(readFileSync(file, 'utf8')) as Control[];
  }
  return cached;
}

export function controlById(id: string): Control | undefined {
  return catalog().find((c) => c.id === id);
}

/** `164.312(a)(2)(iv)` -> `technical`; citations outside the catalog fall back to their section. */
export function safeguardOf(citation: string): string {
  const c = controlById(citation);
  if (c) return c.safeguard;
  if (citation.startsWith('164.308')) return 'administrative';
  if (citation.startsWith('164.310')) return 'physical';
  if (citation.startsWith('164.312')) return 'technical';
  if (citation.startsWith('164.314')) return 'organizational';
  if (citation.startsWith('164.316')) return 'documentation';
  return 'privacy';
}

/**
 * Status of each control after a scan: failed if an unsuppressed finding cites it, passed if some
 * enabled rule evidences it and none failed, manual if no rule can evidence it, not-evaluated if
 * rules exist but none of them ran.
 */
export function controlStatuses(rulesRun: RuleMeta[], findings: Finding[], allRules: RuleMeta[] = rulesRun): ControlStatus[] {
  const runIds = new Set(rulesRun.map((r) => r.id));
  const failing = new Map<string, number>();
  for (const f of findings) {
    if (f.suppression) continue;
    for (const c of f.hipaa) failing.set(c, (failing.get(c) ?? 0) + 1);
  }
  return catalog().map((c) => {
    const rules = allRules.filter((r) => r.hipaa.includes(c.id)).map((r) => r.id).sort();
    const ran = rules.filter((r) => runIds.has(r));
    const n = failing.get(c.id) ?? 0;
    const status: ControlStatus['status'] = n > 0 ? 'failed' : ran.length > 0 ? 'passed' : rules.length > 0 ? 'not-evaluated' : 'manual';
    return { id: c.id, title: c.title, safeguard: c.safeguard, required: c.required, status, rules, findings: n };
  });
}
