/**
 * The normalized resource model every IaC parser produces and every rule (built-in or CEL) reads.
 * It is also what `hipaa-gate iac export` writes, so OPA/conftest users evaluate the same input.
 *
 * Values are plain JSON. A value the parser could not resolve statically (a reference to another
 * resource's attribute, an input without a default, a pseudo parameter) is kept as the string
 * `${expression}`; `isUnknown` recognises it. Rules treat unknown values as "cannot tell" and pass,
 * as Checkov does, unless the rule is about the value being present at all.
 */

export type IacPlatform = 'terraform' | 'terraform-plan' | 'cloudformation' | 'kubernetes' | 'dockerfile';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export interface IacResource {
  platform: IacPlatform;
  /** `aws_s3_bucket`, `AWS::S3::Bucket`, `Deployment`, `Dockerfile`. */
  type: string;
  /** Terraform `module.m.aws_s3_bucket.b[0]`, CloudFormation `AWS::S3::Bucket.Logical`, k8s `Deployment/ns/name`. */
  address: string;
  /** Terraform/CloudFormation logical name (without module path or index). */
  name: string;
  /** Path relative to the scan root. */
  file: string;
  /** 1-based line of the resource's declaration. */
  line: number;
  endLine: number;
  attributes: JsonObject;
  /** Attribute path (`a.b.0.c`) -> 1-based line where it is written. */
  lines: Record<string, number>;
  /** Addresses (without index) of other resources this one refers to. */
  references: string[];
  /** Terraform module path (`module.a.module.b`), empty for the root. */
  module?: string;
  /**
   * The deployment unit references resolve within: Terraform root directory + module path,
   * the CloudFormation template file. Two stacks with the same addresses never join.
   */
  stack: string;
}

/** A problem while building the model; becomes an `iac/parse-error` finding. */
export interface ParseProblem {
  file: string;
  line: number;
  message: string;
}

export interface IacModel {
  resources: IacResource[];
  problems: ParseProblem[];
}

const UNKNOWN_RE = /^\$\{[\s\S]*\}$/;

export function isUnknown(v: unknown): boolean {
  return typeof v === 'string' && UNKNOWN_RE.test(v);
}

export function unknown(expr: string): string {
  return '${' + expr + '}';
}

function step(v: Json | undefined, key: string): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) {
    if (/^\d+$/.test(key)) return v[Number(key)];
    // Terraform blocks are lists; a path through a block list means its first element.
    return v.length > 0 ? step(v[0], key) : undefined;
  }
  if (typeof v === 'object') return v[key];
  return undefined;
}

/** Walk `a.b.c`, stepping into the first element of block lists. */
export function get(obj: Json | undefined, path: string): Json | undefined {
  let v = obj;
  for (const k of path.split('.')) {
    v = step(v, k);
    if (v === undefined) return undefined;
  }
  return Array.isArray(v) && v.length === 1 && typeof v[0] === 'object' && v[0] !== null && !Array.isArray(v[0]) ? v[0] : v;
}

/** Every value reachable at `path`, fanning out over all list elements on the way. */
export function getAll(obj: Json | undefined, path: string): Json[] {
  let cur: Json[] = obj === undefined ? [] : [obj];
  for (const k of path.split('.')) {
    const next: Json[] = [];
    for (const v of cur) {
      if (Array.isArray(v)) {
        if (/^\d+$/.test(k)) {
          const x = v[Number(k)];
          if (x !== undefined) next.push(x);
        } else for (const e of v) if (e && typeof e === 'object' && !Array.isArray(e) && e[k] !== undefined && e[k] !== null) next.push(e[k]!);
      } else if (v && typeof v === 'object' && v[k] !== undefined && v[k] !== null) next.push(v[k]!);
    }
    cur = next;
  }
  return cur.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** true/false for literal booleans (and the strings Terraform and CloudFormation accept); undefined when unknown or absent. */
export function asBool(v: Json | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  if (typeof v === 'number') return v !== 0;
  return undefined;
}

export function asNumber(v: Json | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  return undefined;
}

/** Present and not an empty string/list/null (unknown counts as present). */
export function isSet(v: Json | undefined): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

const DIGIT_SEG = /\.\d/;
const stripIdx = (p: string) => (DIGIT_SEG.test(p) ? p.replace(/\.\d+(?=\.|$)/g, '') : p);

/** Record where an attribute is written, under its full path and its index-free path. */
export function recordLine(lines: Record<string, number>, path: string, line: number): void {
  lines[path] ??= line;
  const s = stripIdx(path);
  if (s !== path) lines[s] ??= line;
}

/** Line of the deepest written prefix of `path`, else the resource's own line. */
export function lineOf(res: IacResource, path?: string): number {
  if (!path) return res.line;
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const p = parts.slice(0, n).join('.');
    const l = res.lines[p] ?? res.lines[stripIdx(p)];
    if (l !== undefined) return l;
  }
  return res.line;
}

/** Address without count/for_each index and without module path: what Checkov reports. */
export function baseAddress(res: IacResource): string {
  return `${res.type}.${res.name}`;
}
