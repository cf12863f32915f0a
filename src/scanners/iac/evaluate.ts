/**
 * Model + rules -> findings. Each rule sees only the resource types it declares; the index gives
 * it the rest of the stack for joins. A rule that throws is reported as a problem, not a crash.
 */
import type { Artifact, Finding, RuleMeta, Skipped } from '../../core/types.js';
import { makeFinding } from '../../core/finding.js';
import { lineOf, type IacModel, type IacResource } from './model.js';
import { ModelIndex } from './rules/context.js';
import type { IacRule, Violation } from './rules/types.js';

export const PARSE_ERROR_RULE: RuleMeta = {
  id: 'iac/parse-error',
  category: 'iac',
  title: 'Infrastructure code could not be fully parsed or resolved',
  description: 'Malformed HCL/YAML/JSON, a module cycle, an unknown resource type or an oversized template: the checks could not see everything.',
  severity: 'medium',
  hipaa: ['164.308(a)(1)(ii)(A)', '164.308(a)(8)'],
  remediation: 'Fix the syntax error at the reported line (run `terraform validate`, `cfn-lint` or `kubectl apply --dry-run=client`), or exclude the file in `.hipaa-gate.yml` if it is not infrastructure code.',
  helpUri: 'docs/iac.md#bad-input',
  tags: ['iac', 'parse'],
};

export interface EvaluateOptions {
  rules: IacRule[];
  disabled?: Set<string>;
  problem?: (p: Skipped) => void;
}

export interface RuleOutcome {
  rule: IacRule;
  resource: IacResource;
  violations: Violation[];
}

/** Run rules over the model; returns every (rule, resource, violations) with violations. */
export function runRules(model: IacModel, rules: IacRule[], onError?: (rule: IacRule, res: IacResource, e: Error) => void): RuleOutcome[] {
  const index = new ModelIndex(model.resources);
  const byType = new Map<string, IacResource[]>();
  for (const r of model.resources) {
    const a = byType.get(r.type);
    if (a) a.push(r);
    else byType.set(r.type, [r]);
  }
  const out: RuleOutcome[] = [];
  for (const rule of rules) {
    // A custom rule without resource_types looks at every resource.
    const targets = rule.types.length ? rule.types.flatMap((t) => byType.get(t) ?? []) : model.resources;
    for (const res of targets) {
      let r;
      try {
        r = rule.check(res, index);
      } catch (e) {
        onError?.(rule, res, e as Error);
        continue;
      }
      if (!r) continue;
      const vs = typeof r === 'string' ? [{ message: r }] : Array.isArray(r) ? r : [r];
      if (vs.length > 0) out.push({ rule, resource: res, violations: vs });
    }
  }
  return out;
}

export function evaluateModel(model: IacModel, artifacts: Artifact[], opts: EvaluateOptions): Finding[] {
  const byPath = new Map(artifacts.map((a) => [a.path, a]));
  const off = opts.disabled ?? new Set<string>();
  const findings: Finding[] = [];
  const inScope = (a: Artifact, from: number, to: number) => {
    if (!a.onlyLines) return true;
    for (let l = from; l <= to; l++) if (a.onlyLines.has(l)) return true;
    return false;
  };
  if (!off.has(PARSE_ERROR_RULE.id)) {
    for (const p of model.problems) {
      const a = byPath.get(p.file);
      opts.problem?.({ path: p.file, reason: 'parse-error', detail: p.message, line: p.line });
      if (!a) continue;
      findings.push(
        makeFinding(PARSE_ERROR_RULE, a, { span: { line: p.line }, value: `${p.file}:${p.line}:${p.message}`, masked: p.message.slice(0, 120), message: `${PARSE_ERROR_RULE.title}: ${p.message}`, confidence: 'high' }),
      );
    }
  }
  const rules = opts.rules.filter((r) => !off.has(r.id));
  const outcomes = runRules(model, rules, (rule, res, e) =>
    opts.problem?.({ path: res.file, reason: 'error', detail: `rule ${rule.id} failed on ${res.address}: ${e.message}`, line: res.line }),
  );
  for (const { rule, resource: res, violations } of outcomes) {
    const a = byPath.get(res.file);
    if (!a || !inScope(a, res.line, res.endLine)) continue;
    for (const v of violations) {
      const line = lineOf(res, v.path);
      findings.push(
        makeFinding(rule.meta, a, {
          span: { line },
          value: v.value ?? `${res.address}|${rule.id}|${v.path ?? ''}`,
          masked: v.masked ?? `${res.address}${v.path ? `.${v.path}` : ''}`,
          message: `${res.address}: ${v.message}`,
          resource: res.address,
          properties: { platform: res.platform, resourceType: res.type, ...(rule.checkov?.length ? { checkov: rule.checkov } : {}) },
        }),
      );
    }
  }
  return findings;
}
