import { LineIndex } from '../../core/lines.js';
import { makeFinding } from '../../core/finding.js';
import { stableStringify } from '../../core/hash.js';
import type { Artifact, Finding, RuleMeta } from '../../core/types.js';
import type { FileScanner, ScannerContext } from '../types.js';
import { compileCustom, type CustomRuleConfig } from './custom.js';
import { compileBuiltin, SecretEngine } from './engine.js';
import { BUILTIN_RULES } from './rules/index.js';
import { toMeta, type SecretRule } from './types.js';

interface SecretsOptions {
  disable_rules?: string[];
  custom_rules?: CustomRuleConfig[];
}

const BUILTIN_COMPILED = BUILTIN_RULES.map(compileBuiltin);
const engines = new Map<string, { engine: SecretEngine; metas: Map<string, RuleMeta> }>();
/** Per-file lookups hit this first: the same options object is passed for every file of a run. */
const byObject = new WeakMap<object, { engine: SecretEngine; metas: Map<string, RuleMeta> }>();

/** One compiled engine per distinct options object (config is fixed for a run; workers each build their own). */
export function engineFor(options: Record<string, unknown> = {}): { engine: SecretEngine; metas: Map<string, RuleMeta> } {
  const cached = byObject.get(options);
  if (cached) return cached;
  const o = options as SecretsOptions;
  const key = stableStringify({ d: o.disable_rules ?? [], c: o.custom_rules ?? [] });
  let e = engines.get(key);
  if (!e) {
    const disabled = new Set((o.disable_rules ?? []).map((id) => (id.startsWith('secret/') ? id : `secret/${id}`)));
    const compiled = [...BUILTIN_COMPILED, ...(o.custom_rules ?? []).map(compileCustom)].filter((c) => !disabled.has(c.rule.id));
    e = { engine: new SecretEngine(compiled), metas: new Map(compiled.map((c) => [c.rule.id, toMeta(c.rule)])) };
    engines.set(key, e);
  }
  byObject.set(options, e);
  return e;
}

/**
 * How many leading characters of a secret may be shown: only a fixed provider prefix (`ghp_`,
 * `AKIA`, `xoxb`) identifies the kind of token without revealing any of it. Passwords, keys found by
 * name, URL passwords and PEM blocks have no such prefix and are masked completely.
 */
export function visiblePrefix(rule: SecretRule, secret: string): number {
  const lit = /^[A-Za-z0-9_-]{2,}/.exec(rule.format ?? '')?.[0] ?? '';
  let n = lit && secret.startsWith(lit) ? Math.min(4, lit.length) : 0;
  // Prefix keywords (`akia`, `ghs_`, `sk_live`) are the token's type marker, not part of its secret.
  const lower = secret.slice(0, 32).toLowerCase();
  for (const k of rule.keywords) if (k.length >= 3 && lower.startsWith(k)) n = Math.max(n, Math.min(4, k.length));
  return n;
}

export function maskFor(rule: SecretRule, secret: string): string {
  const n = lit(rule, secret);
  const len = [...secret].length;
  return secret.slice(0, n) + '*'.repeat(Math.min(Math.max(len - n, 3), 16));
}

function lit(rule: SecretRule, secret: string): number {
  return rule.pathOnly ? secret.length : visiblePrefix(rule, secret);
}

export const scanner: FileScanner = {
  kind: 'file',
  name: 'secrets',
  category: 'secret',
  rules: (options) => [...engineFor(options).metas.values()],
  appliesTo: () => true,
  wantsBytes: (path) => /\.p(?:12|fx)$/i.test(path),
  init: (options) => {
    engineFor(options);
  },
  scan(artifact: Artifact, ctx: ScannerContext): Finding[] {
    const { engine, metas } = engineFor(ctx.options);
    const cands = engine.scan(artifact.text, artifact.path);
    if (cands.length === 0) return [];
    const index = new LineIndex(artifact.text);
    return cands.map((c) => {
      const meta = metas.get(c.rule.id)!;
      const what = c.rule.title.includes(c.rule.provider) ? c.rule.title : `${c.rule.title} (${c.rule.provider})`;
      const span = c.rule.pathOnly ? { line: 1 } : { start: c.reportStart, end: c.reportEnd };
      return makeFinding(
        meta,
        artifact,
        {
          span,
          value: c.secret,
          masked: maskFor(c.rule, c.secret),
          message: `${what} found (${c.confidence} confidence)`,
          confidence: c.confidence,
          properties: { provider: c.rule.provider, secretLength: c.secret.length },
        },
        index,
      );
    });
  },
};
