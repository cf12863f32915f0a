/** Runs a custom rule's own valid/invalid cases (`hipaa-gate rules test DIR`). */
import { loadModel } from '../load.js';
import { runRules } from '../evaluate.js';
import { guessPath, type CustomCase, type CustomRule } from './load.js';

export interface CaseResult {
  rule: string;
  kind: 'valid' | 'invalid';
  index: number;
  ok: boolean;
  detail: string;
}

async function findingsFor(rule: CustomRule, c: CustomCase) {
  const path = c.path ?? guessPath(c.code);
  const model = await loadModel([{ path, text: c.code }]);
  const outcomes = runRules(model, [rule]);
  return { model, lines: outcomes.flatMap((o) => o.violations.map(() => o.resource.line)) };
}

export async function testCustomRule(rule: CustomRule): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for (const [i, c] of rule.tests.valid.entries()) {
    const { model, lines } = await findingsFor(rule, c);
    const parse = model.problems.length ? ` (parse problems: ${model.problems.map((p) => `${p.line}: ${p.message}`).join('; ')})` : '';
    out.push({ rule: rule.id, kind: 'valid', index: i, ok: lines.length === 0 && model.problems.length === 0, detail: lines.length ? `expected no finding, got ${lines.length} (line ${lines.join(', ')})` : parse ? `case does not parse${parse}` : 'no finding' });
  }
  for (const [i, c] of rule.tests.invalid.entries()) {
    const { model, lines } = await findingsFor(rule, c);
    let ok = c.count === undefined ? lines.length > 0 : lines.length === c.count;
    let detail = `${lines.length} finding(s)`;
    if (!ok) detail = c.count === undefined ? `expected a finding, got none${model.resources.length === 0 ? ' (no resources parsed from the case)' : ''}` : `expected ${c.count} finding(s), got ${lines.length}`;
    if (ok && c.line !== undefined && lines[0] !== c.line) {
      ok = false;
      detail = `expected the finding on line ${c.line}, got line ${lines[0]}`;
    }
    out.push({ rule: rule.id, kind: 'invalid', index: i, ok, detail });
  }
  if (rule.tests.valid.length === 0 || rule.tests.invalid.length === 0) {
    out.push({ rule: rule.id, kind: rule.tests.valid.length === 0 ? 'valid' : 'invalid', index: -1, ok: false, detail: 'every rule needs at least one valid and one invalid case' });
  }
  return out;
}
