import { createRequire } from 'node:module';
import type { RE2 as RE2Type } from 're2-wasm';
import { HipaaGateError } from '../../core/errors.js';
import type { Severity } from '../../core/types.js';
import { CITE, remediation } from './build.js';
import type { CompiledRule, Matcher } from './engine.js';
import type { SecretRule } from './types.js';

/** `scanners.secrets.custom_rules[]` as validated by schemas/config.schema.json. */
export interface CustomRuleConfig {
  id: string;
  title?: string;
  regex: string;
  secret_group?: number;
  keywords?: string[];
  severity?: Severity;
  entropy?: number;
}

// re2-wasm compiles its WebAssembly when loaded (~50 ms): only configs with custom rules pay for it.
let RE2: typeof RE2Type | undefined;
const loadRe2 = (): typeof RE2Type => (RE2 ??= (createRequire(import.meta.url)('re2-wasm') as { RE2: typeof RE2Type }).RE2);

/**
 * User rules run on RE2 (linear time), so a pattern from a config file cannot hang a scan.
 * A pattern RE2 rejects (lookaround, backreferences, syntax errors) is a config error naming the rule.
 */
export function compileCustom(cfg: CustomRuleConfig): CompiledRule {
  const Re2 = loadRe2();
  let re: RE2Type;
  try {
    re = new Re2(cfg.regex, 'gu');
  } catch (e) {
    throw new HipaaGateError('E_CONFIG', `scanners.secrets.custom_rules: rule "${cfg.id}" has an invalid RE2 pattern: ${(e as Error).message}`, { cause: e });
  }
  const keywords = (cfg.keywords ?? []).map((k) => k.toLowerCase());
  const bad = keywords.find((k) => /[^\x20-\x7e]/.test(k));
  if (bad !== undefined) throw new HipaaGateError('E_CONFIG', `scanners.secrets.custom_rules: rule "${cfg.id}" has a non-ASCII keyword`);
  const rule: SecretRule = {
    id: `secret/custom/${cfg.id}`,
    title: cfg.title ?? `Custom secret rule ${cfg.id}`,
    provider: 'custom',
    severity: cfg.severity ?? 'high',
    hipaa: CITE,
    remediation: remediation('service', 'wherever it was issued'),
    keywords,
    ...(cfg.secret_group !== undefined ? { secretGroup: cfg.secret_group } : {}),
    ...(cfg.entropy !== undefined ? { entropy: cfg.entropy } : {}),
    priority: 50,
  };
  return { rule, matcher: re as unknown as Matcher, hasIndices: false, before: 200, after: 400 };
}
