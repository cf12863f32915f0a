/**
 * The `iac` scanner: a project scanner, because Terraform modules, variables and cross-resource
 * checks span files. Artifacts -> normalized model (load.ts) -> built-in and custom rules
 * (evaluate.ts) -> findings. Parse problems are findings of their own (`iac/parse-error`) and
 * Skipped entries, and the rest of the scan goes on.
 */
import { readFileSync } from 'node:fs';
import type { Artifact, Finding, RuleMeta } from '../../core/types.js';
import type { ProjectScanner, ScannerContext } from '../types.js';
import { iacCandidate } from './paths.js';

let builtinMetas: RuleMeta[] | undefined;
/**
 * The parse-error rule and every built-in rule's metadata, generated at build time from the rules
 * (scripts/gen-iac-rule-metas.mjs): listing the rules must not load them, since most scans (and
 * most pre-commit runs) have no infrastructure code for them to check.
 */
function builtinRuleMetas(): RuleMeta[] {
  return (builtinMetas ??= JSON.parse(readFileSync(new URL('./rule-metas.generated.json', import.meta.url), 'utf8')) as RuleMeta[]);
}

function customDirs(options: Record<string, unknown> | undefined): string[] {
  const v = options?.custom_rules;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function disabled(options: Record<string, unknown> | undefined): Set<string> {
  const v = options?.disable_rules;
  return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
}

// rules() has no scan root; it reports the custom rules the last scanProject compiled.
let lastCustom: { key: string; rules: RuleMeta[] } | undefined;

export const scanner: ProjectScanner = {
  kind: 'project',
  name: 'iac',
  category: 'iac',
  rules(options?: Record<string, unknown>): RuleMeta[] {
    const off = disabled(options);
    const dirs = customDirs(options);
    const custom = dirs.length > 0 && lastCustom?.key === dirs.join('\n') ? lastCustom.rules : [];
    return [...builtinRuleMetas(), ...custom].filter((m) => !off.has(m.id));
  },
  appliesTo(path: string, size: number): boolean {
    // Plan JSON can be large; anything past 256 MiB is the source's too-large skip anyway.
    return size <= 256 * 1024 * 1024 && iacCandidate(path);
  },
  async scanProject(artifacts: Artifact[], ctx: ScannerContext): Promise<Finding[]> {
    // Parsers and rules load only when there is infrastructure code to check.
    const [{ loadModel }, { BUILTIN_RULES }, { evaluateModel }] = await Promise.all([import('./load.js'), import('./rules/index.js'), import('./evaluate.js')]);
    const model = await loadModel(artifacts.map((a) => ({ path: a.path, text: a.text })));
    const dirs = customDirs(ctx.options);
    // The CEL engine costs ~300 ms to load: only when the team has custom rules.
    const custom = dirs.length > 0 ? (await import('./custom/load.js')).loadCustomRules(dirs, ctx.root) : [];
    lastCustom = { key: dirs.join('\n'), rules: custom.map((r) => r.meta) };
    return evaluateModel(model, artifacts, {
      rules: [...BUILTIN_RULES, ...custom],
      disabled: disabled(ctx.options),
      problem: (p) => ctx.problem(p),
    });
  },
};
