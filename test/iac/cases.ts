/**
 * Test helper for IaC rules (test-only): each case is one
 * or more files; valid cases must give no finding of the rule, invalid ones at least one (on the
 * given line and resource when stated).
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/scanners/iac/load.js';
import { runRules } from '../../src/scanners/iac/evaluate.js';
import { lineOf } from '../../src/scanners/iac/model.js';
import { BUILTIN_RULES } from '../../src/scanners/iac/rules/index.js';
import { guessPath } from '../../src/scanners/iac/custom/load.js';

export type Src = string | Record<string, string>;
export interface Invalid {
  src: Src;
  line?: number;
  address?: string;
}
export interface RuleCases {
  id: string;
  valid: Src[];
  invalid: Array<Src | Invalid>;
}

const files = (s: Src) => (typeof s === 'string' ? [{ path: guessPath(s), text: s }] : Object.entries(s).map(([path, text]) => ({ path, text })));

export async function hits(src: Src, ruleId: string): Promise<Array<{ address: string; line: number; message: string }>> {
  const rule = BUILTIN_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const model = await loadModel(files(src));
  if (model.problems.length) throw new Error(`case does not parse: ${model.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('; ')}`);
  return runRules(model, [rule]).flatMap((o) => o.violations.map((v) => ({ address: o.resource.address, line: lineOf(o.resource, v.path), message: v.message })));
}

export function ruleCases(title: string, table: RuleCases[]): void {
  describe(title, () => {
    for (const t of table) {
      describe(t.id, () => {
        t.valid.forEach((src, i) =>
          it(`valid #${i}`, async () => {
            expect(await hits(src, t.id)).toEqual([]);
          }),
        );
        t.invalid.forEach((c, i) =>
          it(`invalid #${i}`, async () => {
            const inv: Invalid = typeof c === 'object' && 'src' in c ? (c as Invalid) : { src: c as Src };
            const found = await hits(inv.src, t.id);
            expect(found.length).toBeGreaterThan(0);
            if (inv.line !== undefined) expect(found[0]!.line).toBe(inv.line);
            if (inv.address !== undefined) expect(found.map((f) => f.address)).toContain(inv.address);
          }),
        );
      });
    }
  });
}

/** `resource "type" "name" { body }` */
export const tf = (type: string, name: string, body = ''): string => `resource "${type}" "${name}" {\n${body}\n}\n`;
/** A one-resource CloudFormation template (properties as YAML lines, indented by the helper). */
export const cfn = (type: string, props: string, name = 'Res', extra = ''): string =>
  `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  ${name}:\n    Type: ${type}\n    Properties:\n${props.split('\n').map((l) => `      ${l}`).join('\n')}\n${extra}`;
