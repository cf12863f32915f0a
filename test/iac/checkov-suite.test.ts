/**
 * Peer suite: Checkov's own fixtures (shared/benchmarks/iac-checkov) with the resources each check
 * passes and fails. Every check maps to one of our rules (via `checkov` on the rule); the suite
 * prints agreement per check and requires >= 95% over all mapped resources. Each disagreement must
 * be one of the deliberate differences listed here. Skipped when the shared folder is absent.
 */
import { describe, expect, it } from 'vitest';
import { runCheckovSuite, sharedDir } from './checkov-harness.js';

/** Where we differ from Checkov on purpose, and why. */
export const DELIBERATE: Record<string, string> = {
  'CKV_AWS_19 expected PASS aws_s3_bucket.default_encryption_bucket':
    'Checkov passes a bucket with no encryption configuration because AWS has applied SSE-S3 by default since 2023; for ePHI we require encryption to be declared, so the configuration is evidence and cannot silently change.',
  'CKV_AWS_24 expected FAIL aws_vpc_security_group_ingress_rule.fail2':
    'The rule has no source CIDR at all (AWS rejects it); Checkov fails it, we only flag rules that admit 0.0.0.0/0 or ::/0.',
  'CKV_AWS_24 expected FAIL aws_security_group.not_self':
    'Ingress with self = false and no CIDR admits no one; Checkov fails it, we only flag world-open ingress.',
};

const shared = sharedDir();

describe.skipIf(!shared)('Checkov peer suite', () => {
  it('agrees with Checkov on >= 95% of mapped resources, and every difference is a documented one', async () => {
    const rows = await runCheckovSuite();
    expect(rows.length).toBe(82);
    let agree = 0;
    let total = 0;
    const undocumented: string[] = [];
    for (const r of rows) {
      agree += r.agree;
      total += r.total;
      const pct = r.total ? ((r.agree / r.total) * 100).toFixed(0) : '-';
      console.log(`${r.framework === 'cloudformation' ? 'cfn' : 'tf '} ${r.check.padEnd(12)} ${String(r.agree).padStart(3)}/${String(r.total).padEnd(3)} ${pct.padStart(3)}%  ${r.rules.join(', ')}`);
      for (const d of r.disagreements) if (!DELIBERATE[`${r.check} ${d}`]) undocumented.push(`${r.check} ${d}`);
    }
    console.log(`overall ${agree}/${total} = ${((agree / total) * 100).toFixed(1)}%`);
    expect(rows.filter((r) => r.rules.length === 0).map((r) => r.check)).toEqual([]);
    expect(undocumented).toEqual([]);
    expect(agree / total).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
