/**
 * ESLint-RuleTester-style helper for detectors: valid cases must produce no finding of the rule,
 * invalid cases must produce exactly the listed findings at the listed positions. Test-only (not
 * part of the build).
 */
import { describe, expect, it } from 'vitest';
import type { Artifact, Finding } from '../core/types.js';
import type { FileScanner, ScannerContext } from '../scanners/types.js';

export interface ValidCase {
  code: string;
  /** File path the text is scanned as (default `src/example.ts`). */
  path?: string;
  name?: string;
  options?: Record<string, unknown>;
}

export interface ExpectedFinding {
  ruleId?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** The masked excerpt must equal this (use it to pin the mask format). */
  excerpt?: string;
  severity?: Finding['severity'];
  confidence?: Finding['confidence'];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

export function scanText(scanner: FileScanner, code: string, path = 'src/example.ts', options: Record<string, unknown> = {}): Finding[] {
  const artifact: Artifact = { path, text: code, origin: { kind: 'worktree' }, size: Buffer.byteLength(code) };
  const problems: unknown[] = [];
  const ctx: ScannerContext = { root: '/repo', options, now: '2026-01-01T00:00:00.000Z', problem: (p) => problems.push(p) };
  if (!scanner.appliesTo(path, artifact.size)) return [];
  return scanner.scan(artifact, ctx);
}

/**
 * Run valid/invalid cases for one rule id (`ruleId`) of a scanner. Only findings of that rule are
 * considered, so other rules firing on the same text do not make a case fail.
 */
export function runRuleTests(
  scanner: FileScanner,
  ruleId: string,
  cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] },
  init?: () => Promise<void> | void,
): void {
  describe(ruleId, () => {
    if (init) it('initialises', async () => init());
    for (const [i, c] of cases.valid.entries()) {
      const vc = typeof c === 'string' ? { code: c } : c;
      it(`valid #${i}${vc.name ? `: ${vc.name}` : ''}`, () => {
        const found = scanText(scanner, vc.code, vc.path, vc.options).filter((f) => f.ruleId === ruleId);
        expect(found.map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.excerpt}`)).toEqual([]);
      });
    }
    for (const [i, c] of cases.invalid.entries()) {
      it(`invalid #${i}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = scanText(scanner, c.code, c.path, c.options).filter((f) => f.ruleId === ruleId);
        expect(found.length, `findings for ${ruleId}`).toBe(c.findings.length);
        c.findings.forEach((exp, k) => {
          const f = found[k]!;
          if (exp.line !== undefined) expect(f.location.startLine).toBe(exp.line);
          if (exp.column !== undefined) expect(f.location.startColumn).toBe(exp.column);
          if (exp.endLine !== undefined) expect(f.location.endLine).toBe(exp.endLine);
          if (exp.endColumn !== undefined) expect(f.location.endColumn).toBe(exp.endColumn);
          if (exp.excerpt !== undefined) expect(f.excerpt).toBe(exp.excerpt);
          if (exp.severity !== undefined) expect(f.severity).toBe(exp.severity);
          if (exp.confidence !== undefined) expect(f.confidence).toBe(exp.confidence);
        });
      });
    }
  });
}
