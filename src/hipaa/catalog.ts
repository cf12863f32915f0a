import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ControlStatus, Finding, RuleMeta } from '../core/types.js';
import { HipaaGateError } from '../core/errors.js';

/** One entry of the Security Rule catalog (data in controls.json, facts of 45 CFR Part 164). */
export interface Control {
  id: string;
  title: string;
  safeguard: 'administrative' | 'physical' | 'technical' | 'organizational' | 'documentation' | 'privacy' | 'breach';
  kind: 'standard' | 'implementation';
  /** true: required; false: addressable. */
  required: boolean;
  summary: string;
  /** How far a tool can evidence it ("Yes: ...", "Partial: ...", "Not ..."); null when it cannot. */
  automatable: string | null;
  parent?: string;
  identifiers?: string[];
}

const SAFEGUARDS = ['administrative', 'physical', 'technical', 'organizational', 'documentation', 'privacy', 'breach'];

/**
 * Shape check of the catalog data at load: a broken data file must stop the tool with a clear
 * message rather than mislabel controls in a compliance report.
 */
export function validateCatalog(data: unknown, file = 'controls.json'): Control[] {
  const fail = (msg: string): never => {
    throw new HipaaGateError('E_INTERNAL', `HIPAA catalog is invalid: ${msg}`, { file });
  };
  if (!Array.isArray(data) || data.length === 0) fail('expected a non-empty list of controls');
  const ids = new Set<string>();
  (data as unknown[]).forEach((c, i) => {
    const at = `entry ${i}`;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return fail(`${at} is not an object`);
    const o = c as Record<string, unknown>;
    const known = new Set(['id', 'title', 'safeguard', 'kind', 'required', 'summary', 'automatable', 'parent', 'identifiers']);
    for (const k of Object.keys(o)) if (!known.has(k)) fail(`${at} has unknown key "${k}"`);
    if (typeof o.id !== 'string' || !/^164\.\d{3}(\([a-z0-9]+\))*$/i.test(o.id)) fail(`${at} has an invalid id ${JSON.stringify(o.id)}`);
    const id = o.id as string;
    if (ids.has(id)) fail(`duplicate id ${id}`);
    ids.add(id);
    if (typeof o.title !== 'string' || o.title === '') fail(`${id}: title must be a non-empty string`);
    if (typeof o.safeguard !== 'string' || !SAFEGUARDS.includes(o.safeguard)) fail(`${id}: safeguard must be one of ${SAFEGUARDS.join(', ')}`);
    if (o.kind !== 'standard' && o.kind !== 'implementation') fail(`${id}: kind must be standard or implementation`);
    if (typeof o.required !== 'boolean') fail(`${id}: required must be true or false`);
    if (typeof o.summary !== 'string') fail(`${id}: summary must be a string`);
    if (o.automatable !== null && typeof o.automatable !== 'string') fail(`${id}: automatable must be a string or null`);
    if (o.parent !== undefined && typeof o.parent !== 'string') fail(`${id}: parent must be a string`);
    if (o.identifiers !== undefined && !(Array.isArray(o.identifiers) && o.identifiers.every((x) => typeof x === 'string'))) fail(`${id}: identifiers must be a list of strings`);
  });
  for (const c of data as Control[]) if (c.parent && !ids.has(c.parent)) fail(`${c.id}: parent ${c.parent} is not in the catalog`);
  return data as Control[];
}

/** yes / partial / none, from the catalog's `automatable` note. */
export function automation(c: Control): 'yes' | 'partial' | 'none' {
  if (!c.automatable) return 'none';
  if (/^yes\b/i.test(c.automatable)) return 'yes';
  if (/^partial\b/i.test(c.automatable)) return 'partial';
  return 'none';
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
    if (!file) throw new HipaaGateError('E_INTERNAL', 'HIPAA catalog controls.json is missing from the package');
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new HipaaGateError('E_INTERNAL', `HIPAA catalog is not valid JSON: ${(e as Error).message}`, { file, cause: e });
    }
    cached = validateCatalog(data, file);
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
 * rule that ran evidences it and none failed, manual if no rule can evidence it, not-evaluated if
 * rules exist but none of them ran. When `evaluated` (categories that had at least one artifact to
 * look at) is given, a rule only counts as evidence if its category saw something: IaC rules that
 * ran over a repository without any Terraform do not make a control "passed".
 */
export function controlStatuses(
  rulesRun: RuleMeta[],
  findings: Finding[],
  allRules: RuleMeta[] = rulesRun,
  evaluated?: ReadonlySet<string>,
): ControlStatus[] {
  const runIds = new Set(rulesRun.filter((r) => !evaluated || evaluated.has(r.category)).map((r) => r.id));
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
