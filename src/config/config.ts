import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, isMap, isSeq, type Node as YamlNode, LineCounter } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { validate as generatedValidate } from './config-validator.generated.js';
import { HipaaGateError } from '../core/errors.js';
import { stableDigest } from '../core/hash.js';
import type { Category, Severity } from '../core/types.js';

export type Threshold = Severity | 'none';

export interface WaiverConfig {
  fingerprint?: string;
  rule?: string;
  path?: string;
  advisory?: string;
  reason: string;
  approved_by: string;
  expires: string;
  /** 1-based line in the config file, for messages. */
  line?: number;
}

export interface ResolvedConfig {
  /** The file it came from, or undefined for defaults. */
  file?: string;
  failOn: Threshold;
  strict: boolean;
  /** Which `hipaa-gate:allow` comments count: any, only with a reason, or none. */
  inlineAllow: 'any' | 'with-reason' | 'never';
  maxFileSize: number;
  exclude: string[];
  thresholds: Partial<Record<Category, { fail_on?: Threshold; max_findings?: number }>>;
  /** Per scanner section as written (validated); `enabled` defaults to true. */
  scanners: Record<string, Record<string, unknown>>;
  waivers: WaiverConfig[];
  baseline?: string;
  evidence: { attest?: boolean; ledger?: string; key_file?: string; retention_years?: number };
  imports: { mapping?: string };
  /** sha256 of the normalised config, recorded in every report. */
  digest: string;
}

export const CONFIG_FILENAMES = ['.hipaa-gate.yml', '.hipaa-gate.yaml'];
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const here = dirname(fileURLToPath(import.meta.url));
/** The schema ships in `schemas/` at the package root (one level above src/ and dist/). */
export const CONFIG_SCHEMA_PATH = resolve(here, '..', '..', 'schemas', 'config.schema.json');

/** The schema compiled ahead of time (scripts/gen-config-validator.mjs): no ajv at run time. */
const validator = generatedValidate as unknown as ValidateFunction;

export function parseSize(v: number | string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v === 'number') return v;
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/.exec(v.trim());
  if (!m) throw new HipaaGateError('E_CONFIG', `invalid size "${v}"`);
  const unit = m[2] ?? 'B';
  const mult: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };
  return Math.round(Number(m[1]) * mult[unit]!);
}

/** Find the config for a scan root: explicit path, else `.hipaa-gate.yml` in the root, else defaults. */
export function loadConfig(root: string, explicitPath?: string): ResolvedConfig {
  if (explicitPath) {
    if (!existsSync(explicitPath)) throw new HipaaGateError('E_CONFIG', `config file not found`, { file: explicitPath });
    return parseConfig(readFileSync(explicitPath, 'utf8'), explicitPath);
  }
  for (const name of CONFIG_FILENAMES) {
    const p = join(root, name);
    if (existsSync(p)) return parseConfig(readFileSync(p, 'utf8'), p);
  }
  return resolveConfig({}, undefined);
}

/** Parse and validate config text. Errors carry the file and the line of the offending key. */
export function parseConfig(text: string, file = '.hipaa-gate.yml'): ResolvedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    // prettyErrors is off (one-line messages), so the position comes from the line counter.
    const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
    throw new HipaaGateError('E_CONFIG', `invalid YAML: ${e.message.split('\n')[0]}`, { file, line });
  }
  const raw = (doc.toJS() ?? {}) as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new HipaaGateError('E_CONFIG', 'the config must be a mapping of keys', { file, line: 1 });
  }
  if (!validator(raw)) {
    const err = pickError(validator.errors ?? []);
    const path = errorPath(err);
    const node = findNode(doc.contents as YamlNode | null, path);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    throw new HipaaGateError('E_CONFIG', describe(err, path), { file, line });
  }
  const cfg = raw as Record<string, unknown>;
  const waivers = ((cfg.waivers as WaiverConfig[] | undefined) ?? []).map((w, i) => {
    const node = findNode(doc.contents as YamlNode | null, ['waivers', String(i)]);
    return { ...w, expires: String(w.expires), line: node?.range ? lineCounter.linePos(node.range[0]).line : undefined };
  });
  return resolveConfig({ ...cfg, waivers }, file);
}

export function resolveConfig(cfg: Record<string, unknown>, file: string | undefined): ResolvedConfig {
  const scanners = { ...((cfg.scanners as Record<string, Record<string, unknown>>) ?? {}) };
  const waivers = (cfg.waivers as WaiverConfig[] | undefined) ?? [];
  for (const w of waivers) {
    if (!isRealDate(w.expires)) {
      throw new HipaaGateError('E_CONFIG', `waiver expiry "${w.expires}" is not a real date (YYYY-MM-DD)`, { file, line: w.line });
    }
  }
  const resolved: Omit<ResolvedConfig, 'digest'> = {
    file,
    failOn: (cfg.fail_on as Threshold) ?? 'high',
    strict: (cfg.strict as boolean) ?? false,
    inlineAllow: (cfg.inline_allow as ResolvedConfig['inlineAllow']) ?? 'any',
    maxFileSize: parseSize(cfg.max_file_size as number | string | undefined, DEFAULT_MAX_FILE_SIZE),
    exclude: (cfg.exclude as string[]) ?? [],
    thresholds: (cfg.thresholds as ResolvedConfig['thresholds']) ?? {},
    scanners,
    waivers,
    baseline: cfg.baseline as string | undefined,
    evidence: (cfg.evidence as ResolvedConfig['evidence']) ?? {},
    imports: (cfg.imports as ResolvedConfig['imports']) ?? {},
  };
  const { file: _f, ...forDigest } = resolved;
  return { ...resolved, digest: stableDigest({ ...forDigest, waivers: waivers.map(({ line: _l, ...w }) => w) }) };
}

/** `2026-02-30` parses in JavaScript (as March 2nd); a waiver must name a day that exists. */
export function isRealDate(ymd: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function scannerEnabled(cfg: ResolvedConfig, name: string): boolean {
  return cfg.scanners[name]?.enabled !== false;
}

function pickError(errors: ErrorObject[]): ErrorObject {
  // Prefer the most specific error: unknown keys first, then the deepest path. Errors from inside
  // anyOf/oneOf branches describe one alternative only ("must have fingerprint"), which misleads;
  // the anyOf/oneOf error itself is reported instead.
  const unknown = errors.find((e) => e.keyword === 'additionalProperties');
  if (unknown) return unknown;
  const direct = errors.filter((e) => !/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath));
  const pool = direct.length > 0 ? direct : errors;
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  // Among equally deep errors, plain ones (required, type) beat the combinators.
  const combinator = (e: ErrorObject) => (e.keyword === 'anyOf' || e.keyword === 'oneOf' ? 1 : 0);
  return [...pool].sort((a, b) => depth(b) - depth(a) || combinator(a) - combinator(b))[0]!;
}

function errorPath(e: ErrorObject): string[] {
  const parts = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'additionalProperties') parts.push(String(e.params.additionalProperty));
  return parts;
}

function describe(e: ErrorObject, path: string[]): string {
  const at = path.join('.') || '(root)';
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown key "${at}"`;
    case 'enum':
      return `"${at}" must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
    case 'required':
      return `"${at || '(root)'}" is missing required key "${e.params.missingProperty}"`;
    case 'anyOf':
      return path[0] === 'waivers' ? `"${at}" needs one of: fingerprint, rule, advisory` : `"${at}" does not match any allowed form`;
    case 'oneOf':
      return path[path.length - 1] === 'max_file_size' ? `"${at}" must be a byte count or a size such as 512KB or 10MB` : `"${at}" does not match any allowed form`;
    case 'type':
      return `"${at}" must be ${article(String(e.params.type))}`;
    case 'const':
      return `"${at}" must be ${JSON.stringify(e.params.allowedValue)}`;
    case 'pattern':
      return path[path.length - 1] === 'expires' ? `"${at}" must be a date written YYYY-MM-DD` : `"${at}" must match ${e.params.pattern}`;
    default:
      return `"${at}" ${e.message ?? 'is invalid'}`;
  }
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping';
  if (type === 'integer') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function findNode(node: YamlNode | null, path: string[]): YamlNode | undefined {
  let cur: YamlNode | null | undefined = node;
  let keyNode: YamlNode | undefined;
  for (const seg of path) {
    if (isMap(cur)) {
      const pair = cur.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
      if (!pair) return keyNode ?? (cur as YamlNode);
      keyNode = pair.key as YamlNode;
      cur = pair.value as YamlNode | null;
    } else if (isSeq(cur)) {
      cur = cur.items[Number(seg)] as YamlNode | undefined;
      keyNode = cur ?? keyNode;
    } else {
      break;
    }
  }
  return keyNode ?? cur ?? undefined;
}
