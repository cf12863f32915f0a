/**
 * Peer regression suite: gitleaks' own true/false-positive examples (see PROVENANCE.md next to
 * cases.jsonl). A `tp` case counts as found when the scanner reports any secret in it, an `fp`
 * case as flagged when it reports any. Skipped when the shared benchmark folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanner } from '../../src/scanners/secrets/index.js';
import { scanText } from '../../src/testing/rule-tester.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const candidates = [join(repoRoot, '../shared/benchmarks/secrets-gitleaks/cases.jsonl'), '/work/shared/benchmarks/secrets-gitleaks/cases.jsonl'];
const casesFile = candidates.find((p) => existsSync(p));

interface Case {
  id: string;
  rule: string;
  text: string;
  expect: 'tp' | 'fp';
  path?: string;
  generated?: boolean;
}

interface Disagreement {
  rule: string;
  expect: 'tp' | 'fp';
  /** The case text contains this (or matches it). */
  text: string | RegExp;
  reason: string;
}

/**
 * Deliberate disagreements with gitleaks. Each is a judgement about the example, not a tuning knob:
 * for `tp` entries we do not report the string on purpose, for `fp` entries we do. The suite
 * asserts the targets on the raw numbers (disagreements counted as errors) and prints both.
 */
export const DISAGREEMENTS: Disagreement[] = [
  // Placeholder-shaped literals gitleaks uses as true positives: sequential digits and repeated blocks.
  { rule: 'snyk-api-token', expect: 'tp', text: '12345678-ABCD-ABCD-ABCD-1234567890AB', reason: 'sequential/repeated placeholder' },
  { rule: 'messagebird-client-id', expect: 'tp', text: '12345678-ABCD-ABCD-ABCD-1234567890AB', reason: 'sequential/repeated placeholder' },
  { rule: 'heroku-api-key', expect: 'tp', text: '12345678-ABCD-ABCD-ABCD-1234567890AB', reason: 'sequential/repeated placeholder' },
  { rule: 'hubspot-api-key', expect: 'tp', text: '12345678-ABCD-ABCD-ABCD-1234567890AB', reason: 'sequential/repeated placeholder' },
  { rule: 'sonar-api-token', expect: 'tp', text: '12345678ABCDEFH1234567890ABCDEFH12345678', reason: 'sequential/repeated placeholder' },
  { rule: 'slack-legacy-workspace-token', expect: 'tp', text: 'xoxa-2-511111111-31111111111-3111111111111', reason: 'mostly a repeated digit: fabricated' },
  { rule: 'slack-legacy-bot-token', expect: 'tp', text: 'xoxb-123456789012-', reason: 'sequential digits: fabricated' },
  { rule: 'anthropic-api-key', expect: 'tp', text: 'klmnopqrstuvwx', reason: 'sequential alphabet: fabricated' },
  { rule: 'anthropic-admin-api-key', expect: 'tp', text: 'klmnopqrstuvwx', reason: 'sequential alphabet: fabricated' },
  { rule: 'aws-amazon-bedrock-api-key-long-lived', expect: 'tp', text: 'EXAMPLEEXAMPLE', reason: 'documentation EXAMPLE key' },
  // gitleaks' generated "JWTs" start with `ey` + random text; a JWT header is base64 of `{"`, i.e. `eyJ`.
  { rule: 'jwt', expect: 'tp', text: /(?:^|[="'\s])ey[^J]/, reason: 'header cannot decode to a JSON object, so not a JWT' },
  { rule: 'curl-auth-user', expect: 'tp', text: '"d2LkV78zLx!t:"', reason: 'empty password after the colon' },
  // Strings gitleaks lists as false positives that we report on purpose.
  { rule: 'curl-auth-header', expect: 'fp', text: 'Basic eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', reason: 'a JWT in an Authorization header is a bearer credential (reported by secret/jwt)' },
  { rule: 'freemius-secret-key', expect: 'fp', text: 'sk_ubb4yN3mzqGR2x8', reason: 'the same hard-coded key outside a .php file is still a secret (secret/generic-assignment)' },
  { rule: 'stripe-access-token', expect: 'fp', text: 'task_test_3x5thm3gkm9xm2x7r380qgurkoi2bx', reason: 'a 38-character random value assigned to a token variable (secret/generic-assignment)' },
];

function disagreement(c: Case): Disagreement | undefined {
  return DISAGREEMENTS.find((d) => d.rule === c.rule && d.expect === c.expect && (typeof d.text === 'string' ? c.text.includes(d.text) : d.text.test(c.text)));
}

describe.skipIf(!casesFile)('gitleaks peer suite', () => {
  it('finds >= 95% of true positives and flags <= 5% of false positives', () => {
    const cases = readFileSync(casesFile!, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Case);
    let tp = 0;
    let tpFound = 0;
    let fp = 0;
    let fpFlagged = 0;
    let onlyGeneric = 0;
    const missesByRule = new Map<string, string[]>();
    const flagged: string[] = [];
    const disagreed: Disagreement[] = [];
    for (const c of cases) {
      const findings = scanText(scanner, c.text, c.path ?? 'config/settings.txt');
      const hit = findings.length > 0;
      const agreed = c.expect === 'tp' ? hit : !hit;
      const d = agreed ? undefined : disagreement(c);
      if (d) disagreed.push(d);
      if (c.expect === 'tp') {
        tp++;
        if (hit) tpFound++;
        if (hit && findings.every((f) => f.ruleId === 'secret/generic-assignment')) onlyGeneric++;
        else missesByRule.set(c.rule, [...(missesByRule.get(c.rule) ?? []), c.id]);
      } else {
        fp++;
        if (hit) flagged.push(`${c.id} -> ${findings.map((f) => f.ruleId).join(',')}`);
        if (hit) fpFlagged++;
      }
    }
    const recall = tpFound / tp;
    const fpRate = fpFlagged / fp;
    const tpDisagreed = disagreed.filter((d) => d.expect === 'tp').length;
    const fpDisagreed = disagreed.filter((d) => d.expect === 'fp').length;
    const lines = [...missesByRule.entries()].sort((a, b) => b[1].length - a[1].length).map(([r, ids]) => `  miss ${r}: ${ids.length} (${ids.slice(0, 3).join(' ')})`);
    console.log(
      [
        `gitleaks suite: tp found ${tpFound}/${tp} = ${(recall * 100).toFixed(2)}%, fp flagged ${fpFlagged}/${fp} = ${(fpRate * 100).toFixed(2)}%`,
        `tp found only by secret/generic-assignment (no provider rule): ${onlyGeneric}`,
        `excluding deliberate disagreements: tp found ${tpFound}/${tp - tpDisagreed} = ${((tpFound / (tp - tpDisagreed)) * 100).toFixed(2)}%, fp flagged ${fpFlagged - fpDisagreed}/${fp - fpDisagreed} = ${(((fpFlagged - fpDisagreed) / (fp - fpDisagreed)) * 100).toFixed(2)}%`,
        ...DISAGREEMENTS.map((d) => `  disagreement ${d.rule} (${d.expect}): ${disagreed.filter((x) => x === d).length} case(s): ${d.reason}`),
        ...lines,
        ...flagged.map((f) => `  flagged ${f}`),
      ].join('\n'),
    );
    // Every listed disagreement must still apply, so the list cannot silently rot.
    for (const d of DISAGREEMENTS) expect(disagreed.includes(d), `${d.rule}: ${d.reason}`).toBe(true);
    // Misses not explained by a disagreement are kept small.
    expect(tp - tpFound - tpDisagreed).toBeLessThanOrEqual(Math.ceil(tp * 0.01));
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(fpRate).toBeLessThanOrEqual(0.05);
  });
});
