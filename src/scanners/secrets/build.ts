import type { Severity } from '../../core/types.js';
import type { SecretRule } from './types.js';

/**
 * Small builders so a rule family file reads as a table of data. The assignment and boundary
 * shapes are written once here; every quantifier is bounded, so no rule can backtrack
 * catastrophically (each regex also only ever runs on a bounded window around a keyword).
 */

/** Credentials: access control, person/entity authentication, password management. */
export const CITE = ['164.312(a)(1)', '164.312(d)', '164.308(a)(5)(ii)(D)'];
/** Credentials that also protect data in transit (DSNs, webhooks, TLS keys). */
export const CITE_TRANSPORT = [...CITE, '164.312(e)(1)'];

/** Regex source matching a literal case-insensitively without the `i` flag (so other parts stay case-sensitive). */
export function ci(word: string): string {
  let out = '';
  for (const ch of word) {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    out += lo !== up ? `[${lo}${up}]` : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return out;
}

/** Key name continuation, optional quote, an assignment operator of any common syntax, optional quote. */
export const ASSIGN = String.raw`[ \t\w.-]{0,20}[\s'"]{0,3}(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[\x60'"\s=]{0,5}`;
/** What may follow a secret: a quote, whitespace, `;`, an escaped newline, or the end. */
export const END = String.raw`(?=[\x60'"\s;,)\]}<]|\\[nrt]|$)`;
/** What may precede a prefixed token. */
export const START = String.raw`(?<![A-Za-z0-9_])`;

export const AN = 'a-zA-Z0-9';
export const HEX = 'a-fA-F0-9';
export const B64 = 'a-zA-Z0-9+/';

interface Base {
  /** Short name; the id becomes `secret/<name>`. */
  name: string;
  title: string;
  provider: string;
  severity?: Severity;
  hipaa?: string[];
  /** Where to revoke/rotate, provider specific. */
  rotate?: string;
  entropy?: number;
  validate?: SecretRule['validate'];
  allow?: SecretRule['allow'];
  path?: RegExp;
  confidence?: SecretRule['confidence'];
  score?: SecretRule['score'];
  window?: SecretRule['window'];
  priority?: number;
  noPlaceholderCheck?: boolean;
}

export function remediation(provider: string, rotate?: string): string {
  const where = rotate ?? `in the ${provider} account or console`;
  return (
    `Treat the ${provider} credential as compromised: revoke or rotate it ${where}, then remove it from the file ` +
    `(and from git history). Load it at runtime from a secret manager (Vault, AWS Secrets Manager, GCP Secret Manager, ` +
    `Azure Key Vault) or the CI secret store instead of committing it.`
  );
}

function common(b: Base): Omit<SecretRule, 'keywords' | 'regex'> {
  return {
    id: `secret/${b.name}`,
    title: b.title,
    provider: b.provider,
    severity: b.severity ?? 'high',
    hipaa: b.hipaa ?? CITE,
    remediation: remediation(b.provider, b.rotate),
    ...(b.entropy !== undefined ? { entropy: b.entropy } : {}),
    ...(b.validate ? { validate: b.validate } : {}),
    ...(b.allow ? { allow: b.allow } : {}),
    ...(b.path ? { path: b.path } : {}),
    ...(b.confidence ? { confidence: b.confidence } : {}),
    ...(b.score ? { score: b.score } : {}),
    ...(b.window ? { window: b.window } : {}),
    ...(b.priority !== undefined ? { priority: b.priority } : {}),
    ...(b.noPlaceholderCheck ? { noPlaceholderCheck: true } : {}),
  };
}

/**
 * A secret whose only tell is the name it is assigned to: `<provider>...<op> <value>`.
 * `keys` are lower-case literals (matched case-insensitively) or `{ re, kw }` for a case-sensitive key.
 */
export function kv(b: Base & { keys: string[] | { re: string; kw: string[] }; value: string; sampleKey?: string }): SecretRule {
  const keyRe = Array.isArray(b.keys) ? b.keys.map(ci).join('|') : b.keys.re;
  const kw = Array.isArray(b.keys) ? b.keys : b.keys.kw;
  return {
    ...common(b),
    keywords: kw.map((k) => k.toLowerCase()),
    regex: new RegExp(`(?:${keyRe})${ASSIGN}(${b.value})${END}`, 'g'),
    secretGroup: 1,
    priority: b.priority ?? 20,
    format: b.value,
    sampleKey: b.sampleKey ?? kw[0]!,
  };
}

/** A token with a recognisable prefix or structure: `re` is the whole token. */
export function tok(b: Base & { re: string; kw: string[]; end?: string; start?: string }): SecretRule {
  return {
    ...common(b),
    keywords: b.kw.map((k) => k.toLowerCase()),
    regex: new RegExp(`${b.start ?? START}(${b.re})${b.end ?? END}`, 'g'),
    secretGroup: 1,
    priority: b.priority ?? 10,
    format: b.re,
  };
}

/** Anything else: a full regex with its own secret group. */
export function raw(b: Base & { regex: RegExp; kw: string[]; secretGroup?: number }): SecretRule {
  const flags = b.regex.flags.includes('g') ? b.regex.flags : `${b.regex.flags}g`;
  return {
    ...common(b),
    keywords: b.kw.map((k) => k.toLowerCase()),
    regex: new RegExp(b.regex.source, flags),
    ...(b.secretGroup !== undefined ? { secretGroup: b.secretGroup } : {}),
    priority: b.priority ?? 15,
  };
}
