/**
 * Runs our IaC rules over Checkov's own fixtures (shared/benchmarks/iac-checkov) and compares the
 * resources each check passes and fails. Shared by the suite test and the bench report.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadModel } from '../../src/scanners/iac/load.js';
import { runRules } from '../../src/scanners/iac/evaluate.js';
import { BUILTIN_RULES } from '../../src/scanners/iac/rules/index.js';

export function sharedDir(): string | undefined {
  const repoRoot = resolve(import.meta.dirname, '..', '..');
  for (const c of [resolve(repoRoot, '..', 'shared'), '/work/shared']) if (existsSync(join(c, 'benchmarks', 'iac-checkov'))) return c;
  return undefined;
}

export interface CheckResultRow {
  check: string;
  framework: string;
  rules: string[];
  agree: number;
  total: number;
  disagreements: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Address as Checkov reports it: no module path, no count/for_each index. */
function checkovAddress(type: string, name: string, platform: string): string {
  return platform === 'cloudformation' ? `${type}.${name}` : `${type}.${name}`;
}

export async function runCheckovSuite(): Promise<CheckResultRow[]> {
  const shared = sharedDir();
  if (!shared) return [];
  const base = join(shared, 'benchmarks', 'iac-checkov');
  const dirs = [
    ...readdirSync(base).filter((d) => d.startsWith('CKV')).map((d) => join(base, d)),
    ...readdirSync(join(base, 'cfn')).map((d) => join(base, 'cfn', d)),
  ];
  const rows: CheckResultRow[] = [];
  for (const dir of dirs) {
    const exp = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { check: string; framework: string; passed: string[]; failed: string[] };
    const rules = BUILTIN_RULES.filter((r) => r.checkov?.includes(exp.check));
    if (rules.length === 0) {
      rows.push({ check: exp.check, framework: exp.framework, rules: [], agree: 0, total: 0, disagreements: ['unmapped'] });
      continue;
    }
    const files = walk(dir).filter((p) => !p.endsWith('expected.json') && !p.endsWith('tfplan.json'));
    const model = await loadModel(files.map((p) => ({ path: relative(dir, p), text: readFileSync(p, 'utf8') })));
    const outcomes = runRules(model, rules);
    const failing = new Set(outcomes.map((o) => checkovAddress(o.resource.type, o.resource.name, o.resource.platform)));
    const present = new Map<string, number>();
    for (const r of model.resources) {
      const a = checkovAddress(r.type, r.name, r.platform);
      present.set(a, (present.get(a) ?? 0) + 1);
    }
    // Per resource: does some instance fail / some instance pass?
    const passingSome = new Set<string>();
    for (const r of model.resources) {
      const a = checkovAddress(r.type, r.name, r.platform);
      if (!outcomes.some((o) => o.resource === r)) passingSome.add(a);
    }
    let agree = 0;
    const dis: string[] = [];
    // The transcribed lists cut for_each instance keys (`x.y[\\`, `]`): score those by base address.
    const norm = (xs: string[]) => xs.filter((a) => a !== ']').map((a) => a.replace(/\[.*$/, ''));
    exp.passed = norm(exp.passed);
    exp.failed = norm(exp.failed);
    for (const a of exp.passed) (passingSome.has(a) ? agree++ : dis.push(`expected PASS ${a}${present.has(a) ? '' : ' (not in model)'}`));
    for (const a of exp.failed) (failing.has(a) ? agree++ : dis.push(`expected FAIL ${a}${present.has(a) ? '' : ' (not in model)'}`));
    rows.push({ check: exp.check, framework: exp.framework, rules: rules.map((r) => r.id), agree, total: exp.passed.length + exp.failed.length, disagreements: dis });
  }
  return rows;
}
