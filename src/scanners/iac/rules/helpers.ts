/** Small predicates shared by the rule files, so each rule stays data plus a few lines. */
import { asBool, asNumber, get, getAll, isSet, isUnknown, type IacResource, type Json } from '../model.js';
import type { ModelIndex } from './context.js';
import type { CheckResult, Violation } from './types.js';

export { asBool, asNumber, get, getAll, isSet, isUnknown };

export const isTf = (r: IacResource) => r.platform === 'terraform' || r.platform === 'terraform-plan';
export const isCfn = (r: IacResource) => r.platform === 'cloudformation';

export const at = (r: IacResource, path: string): Json | undefined => get(r.attributes, path);

export function v(message: string, path?: string): Violation {
  return { message, ...(path ? { path } : {}) };
}

/** Per-platform checks in one rule: Terraform (and plan JSON) vs CloudFormation. */
export function byPlatform(fns: {
  tf?: (r: IacResource, m: ModelIndex) => CheckResult;
  cfn?: (r: IacResource, m: ModelIndex) => CheckResult;
}): (r: IacResource, m: ModelIndex) => CheckResult {
  return (r, m) => (isTf(r) ? fns.tf?.(r, m) : isCfn(r) ? fns.cfn?.(r, m) : undefined);
}

/**
 * The attribute must be literally true. Absent -> `absent` decides (the provider default);
 * unknown (a variable without default, a reference) passes.
 */
export function mustBeTrue(r: IacResource, path: string, message: string, absent: 'fail' | 'pass' = 'fail'): CheckResult {
  const x = at(r, path);
  if (x === undefined || x === null) return absent === 'fail' ? v(message, path) : undefined;
  if (isUnknown(x)) return undefined;
  return asBool(x) === true ? undefined : asBool(x) === false ? v(message, path) : undefined;
}

/** The attribute must not be literally true (public access flags). Absent passes unless told. */
export function mustNotBeTrue(r: IacResource, path: string, message: string, absent: 'fail' | 'pass' = 'pass'): CheckResult {
  const x = at(r, path);
  if (x === undefined || x === null) return absent === 'fail' ? v(message, path) : undefined;
  return asBool(x) === true ? v(message, path) : undefined;
}

/** The attribute must be present and non-empty (a KMS key, a log destination). Unknown counts as set. */
export function mustBeSet(r: IacResource, path: string, message: string): CheckResult {
  return isSet(at(r, path)) ? undefined : v(message, path);
}

/** A number at least `min`; absent uses `dflt` (undefined = fail). */
export function atLeast(r: IacResource, path: string, min: number, message: string, dflt?: number): CheckResult {
  const x = at(r, path);
  if (isUnknown(x)) return undefined;
  const n = x === undefined || x === null ? dflt : asNumber(x);
  return n !== undefined && n >= min ? undefined : v(message, path);
}

export function lower(x: Json | undefined): string | undefined {
  return typeof x === 'string' ? x.toLowerCase() : undefined;
}

/** Is the value the open internet (CIDR or Azure/GCP wildcard)? */
export function isWorld(x: Json | undefined): boolean {
  if (Array.isArray(x)) return x.some(isWorld);
  return typeof x === 'string' && ['0.0.0.0/0', '::/0', '*', 'internet', 'any', '0.0.0.0'].includes(x.trim().toLowerCase());
}

/** Parse an IAM/KMS policy held as JSON text or an object. */
export function policyDoc(x: Json | undefined): { Statement?: Json } | undefined {
  if (typeof x === 'string') {
    if (isUnknown(x)) return undefined;
    try {
      // Hand-written heredoc policies often carry trailing commas that AWS itself rejects; read through them.
      const p = JSON.parse(x.replace(/,(\s*[\]}])/g, '$1')) as Json;
      return p && typeof p === 'object' && !Array.isArray(p) ? (p as { Statement?: Json }) : undefined;
    } catch {
      return undefined;
    }
  }
  return x && typeof x === 'object' && !Array.isArray(x) ? (x as { Statement?: Json }) : undefined;
}

export function statements(doc: { Statement?: Json } | undefined): Array<Record<string, Json>> {
  const s = doc?.Statement;
  const list = Array.isArray(s) ? s : s && typeof s === 'object' ? [s] : [];
  return list.filter((x): x is Record<string, Json> => !!x && typeof x === 'object' && !Array.isArray(x));
}

export const asList = (x: Json | undefined): Json[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);

/** Port range covers `port`. Accepts numbers, strings and `from`/`to` pairs; -1 or "*" means all. */
export function coversPort(from: Json | undefined, to: Json | undefined, port: number, protocol?: Json): boolean {
  const p = lower(typeof protocol === 'number' ? String(protocol) : protocol);
  if (p !== undefined && !isUnknown(p) && !['-1', 'all', 'tcp', '6', '*'].includes(p)) return false;
  const f = asNumber(from);
  const t = asNumber(to ?? from);
  if (p === '-1' || p === 'all') return true;
  if (f === undefined || t === undefined) return false;
  if (f === -1 || (f === 0 && t === 0 && p === '-1')) return true;
  return f <= port && port <= t;
}
