/**
 * Test findings built the way scanners build them (makeFinding + engine fingerprints), from small
 * test rules, so policy and report tests do not depend on any real scanner.
 */
import type { Artifact, Finding, RuleMeta, ScanResult, Severity } from '../../src/core/types.js';
import { makeFinding } from '../../src/core/finding.js';
import { assignFingerprints } from '../../src/engine/fingerprint.js';
import { resolveConfig, type ResolvedConfig, type WaiverConfig } from '../../src/config/config.js';
import { controlStatuses } from '../../src/hipaa/catalog.js';
import { applyPolicy } from '../../src/policy/gate.js';
import type { Baseline } from '../../src/policy/baseline.js';
import { stableDigest } from '../../src/core/hash.js';

export const RULES = {
  key: {
    id: 'test/fake-key',
    category: 'secret',
    title: 'Fake API key',
    severity: 'high',
    hipaa: ['164.312(a)(1)', '164.312(d)'],
    remediation: 'Revoke the key and load it from a secret manager.',
    helpUri: 'https://example.invalid/rules/fake-key',
  },
  ssn: {
    id: 'test/fake-ssn',
    category: 'phi',
    title: 'Fake SSN',
    severity: 'critical',
    hipaa: ['164.312(a)(1)', '164.514(b)(2)(i)(G)'],
    remediation: 'Use synthetic data.',
  },
  bucket: {
    id: 'test/iac/open-bucket',
    category: 'iac',
    title: 'Bucket without encryption',
    severity: 'medium',
    hipaa: ['164.312(a)(2)(iv)'],
    remediation: 'Enable server-side encryption.',
  },
  vuln: {
    id: 'test/deps/vulnerable',
    category: 'deps',
    title: 'Vulnerable package',
    severity: 'low',
    hipaa: ['164.308(a)(1)(ii)(B)'],
    remediation: 'Upgrade the package.',
  },
} satisfies Record<string, RuleMeta>;

export interface FindingSpec {
  path?: string;
  /** 1-based line the value sits on. */
  line?: number;
  value?: string;
  masked?: string;
  severity?: Severity;
  properties?: Record<string, unknown>;
  commit?: string;
  /** Text around the value on its line (the value replaces `$`). */
  lineText?: string;
}

/** One finding via makeFinding from an artifact whose line `line` holds the value. */
export function finding(rule: RuleMeta, spec: FindingSpec = {}): Finding {
  const value = spec.value ?? 'value-' + Math.random().toString(36).slice(2, 10);
  const line = spec.line ?? 1;
  const lineText = (spec.lineText ?? 'token = "$"').replace('$', value);
  const text = 'x\n'.repeat(line - 1) + lineText + '\n';
  const artifact: Artifact = {
    path: spec.path ?? 'src/app.ts',
    text,
    origin: spec.commit ? { kind: 'commit', commit: spec.commit, author: 'Dev <dev@example.invalid>', date: '2026-01-02T03:04:05Z' } : { kind: 'worktree' },
    size: text.length,
  };
  const start = text.indexOf(value, text.length - lineText.length - 1);
  return makeFinding(rule, artifact, {
    span: { start, end: start + value.length },
    value,
    ...(spec.masked ? { masked: spec.masked } : {}),
    ...(spec.severity ? { severity: spec.severity } : {}),
    ...(spec.properties ? { properties: spec.properties } : {}),
  });
}

/** Findings with engine fingerprints assigned. */
export function findings(...list: Finding[]): Finding[] {
  assignFingerprints(list);
  return list;
}

export function config(cfg: Record<string, unknown> = {}, file = '.hipaa-gate.yml'): ResolvedConfig {
  return resolveConfig(cfg, file);
}

export function waiver(w: Partial<WaiverConfig>): WaiverConfig {
  return { reason: 'accepted risk', approved_by: 'security@example.invalid', expires: '2026-06-30', ...w };
}

/** A complete ScanResult for report tests, with the gate applied at a fixed clock. */
export function scanResult(list: Finding[], opts: { config?: ResolvedConfig; baseline?: Baseline; now?: Date; skipped?: ScanResult['skipped']; rules?: RuleMeta[] } = {}): ScanResult {
  const cfg = opts.config ?? config();
  const now = opts.now ?? new Date('2026-03-01T12:00:00Z');
  assignFingerprints(list);
  const skipped = opts.skipped ?? [];
  const gate = applyPolicy({ findings: list, skipped, config: cfg, now, baseline: opts.baseline });
  const rules = opts.rules ?? Object.values(RULES);
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'hipaa-gate', version: '0.1.0', rulesetDigest: stableDigest(rules) },
    configDigest: cfg.digest,
    target: { root: '/repo', mode: 'worktree', commit: 'a'.repeat(40), branch: 'main' },
    startedAt: now.toISOString(),
    finishedAt: new Date(now.getTime() + 1234).toISOString(),
    stats: { filesScanned: 12, bytesScanned: 34567, filesSkipped: skipped.length, durationMs: 1234, timings: { totalMs: 1234 } },
    rules,
    findings: list,
    skipped,
    controls: controlStatuses(rules, list),
    gate,
  };
}
