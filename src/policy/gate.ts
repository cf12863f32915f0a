import ignore from 'ignore';
import type { Category, Finding, GateResult, Severity, Skipped } from '../core/types.js';
import { SEVERITY_RANK } from '../core/types.js';
import type { ResolvedConfig, Threshold } from '../config/config.js';
import { WAIVER_WARN_DAYS, describeWaiver, findWaiver, waiverStates } from './waivers.js';
import type { Baseline } from './baseline.js';

export interface PolicyInput {
  findings: Finding[];
  skipped: Skipped[];
  config: ResolvedConfig;
  /** The clock for waiver expiry; injected so tests (and replays) are deterministic. */
  now: Date;
  baseline?: Baseline;
  strict?: boolean;
  failOn?: Threshold;
  /** Extra reasons from scanners' own policies (e.g. a stale vulnerability database under --strict). */
  extraReasons?: string[];
  extraWarnings?: string[];
}

export function atOrAbove(sev: Severity, threshold: Threshold): boolean {
  return threshold !== 'none' && SEVERITY_RANK[sev] >= SEVERITY_RANK[threshold];
}

/**
 * The one filter stage (Trivy's result filter). In order: config excludes, inline
 * `hipaa-gate:allow` markers, waivers, then the baseline mark findings as suppressed; suppressed
 * findings stay in the result with the reason. Then thresholds, expired waivers and (under
 * --strict) coverage gaps decide pass or fail. Mutates `findings[].suppression`.
 */
export function applyPolicy(input: PolicyInput): GateResult {
  const { findings, config, now } = input;
  const failOn: Threshold = input.failOn ?? config.failOn;
  const strict = input.strict ?? config.strict;
  const warnings: string[] = [...(input.extraWarnings ?? [])];
  const reasons: string[] = [...(input.extraReasons ?? [])];

  const states = waiverStates(config.waivers, now);
  const baseline = new Set(input.baseline?.findings.map((b) => b.fingerprint) ?? []);
  const excluded = excludeMatcher(config.exclude);
  const where = (line?: number) => (line ? `${config.file ?? '.hipaa-gate.yml'}:${line}` : undefined);

  let ignoredInline = 0;
  for (const f of findings) {
    // Already suppressed upstream (an imported SARIF result with its own suppression): keep it.
    if (f.suppression) continue;
    if (excluded(f.location.path)) {
      f.suppression = { kind: 'excluded', reason: 'path matches a config exclude pattern' };
      continue;
    }
    if (f.inlineAllow) {
      const mode = config.inlineAllow ?? 'any';
      if (mode === 'any' || (mode === 'with-reason' && f.inlineAllow.reason)) {
        f.suppression = { kind: 'inline', reason: f.inlineAllow.reason ?? 'hipaa-gate:allow comment (no reason given)' };
        continue;
      }
      ignoredInline++;
    }
    const { active, expired } = findWaiver(states, f);
    for (const s of expired) s.matched++;
    if (active) {
      active.matched++;
      const w = active.waiver;
      const source = where(w.line);
      f.suppression = { kind: 'waiver', reason: w.reason, approvedBy: w.approved_by, expires: w.expires, waiver: active.index, ...(source ? { source } : {}) };
      continue;
    }
    if (baseline.has(f.fingerprint)) f.suppression = { kind: 'baseline', reason: 'present in the baseline' };
  }

  if (ignoredInline > 0) {
    const why = config.inlineAllow === 'never' ? 'inline_allow is never' : 'inline_allow is with-reason and they give no reason';
    warnings.push(`${ignoredInline} hipaa-gate:allow comment(s) ignored: ${why}`);
  }

  // An expired waiver fails the gate even when nothing matches it any more: the policy file must
  // not carry stale approvals, and the reviewer is pointed at the exact line to renew or delete.
  for (const s of states) {
    const at = where(s.waiver.line);
    const what = `waiver ${describeWaiver(s.waiver)}${at ? ` (${at})` : ''}`;
    if (s.expired) {
      const still = s.matched > 0 ? `; it would still suppress ${s.matched} finding(s)` : '';
      reasons.push(`${what} expired on ${s.waiver.expires}${still}`);
    } else if (s.daysLeft <= WAIVER_WARN_DAYS) {
      const when = s.daysLeft === 0 ? 'today' : `in ${s.daysLeft} day${s.daysLeft === 1 ? '' : 's'}`;
      warnings.push(`${what} expires ${when} (${s.waiver.expires})`);
    }
  }

  const blocking = blockingFindings(findings, config, failOn, warnings);

  const gaps = input.skipped.filter((s) => !s.expected);
  if (gaps.length > 0) {
    const msg = `${gaps.length} file(s) or part(s) could not be scanned`;
    if (strict) reasons.push(`${msg} (--strict)`);
    else warnings.push(`${msg}; use --strict to fail on this`);
  }

  const passed = blocking.length === 0 && reasons.length === 0;
  const thresholdText = failOn === 'none' ? 'the category thresholds' : failOn;
  const suppressed = findings.filter((f) => f.suppression).length;
  let summary: string;
  if (passed) {
    summary = `gate passed: no findings at or above ${thresholdText}` + (suppressed ? ` (${suppressed} suppressed)` : '');
  } else {
    const parts: string[] = [];
    if (blocking.length) parts.push(`${blocking.length} finding${blocking.length === 1 ? '' : 's'} at or above ${thresholdText}`);
    parts.push(...reasons);
    summary = `gate failed: ${parts.join('; ')}`;
  }
  return { passed, summary, failOn, blocking: blocking.map((f) => f.fingerprint), warnings, reasons };
}

/**
 * Unsuppressed findings at or above their category's threshold. A category with `max_findings: N`
 * tolerates up to N such findings; above N, all of them block (the whole category is out of policy).
 */
function blockingFindings(findings: Finding[], config: ResolvedConfig, failOn: Threshold, warnings: string[]): Finding[] {
  const byCategory = new Map<Category, Finding[]>();
  for (const f of findings) {
    if (f.suppression) continue;
    const t = config.thresholds[f.category]?.fail_on ?? failOn;
    if (!atOrAbove(f.severity, t)) continue;
    let g = byCategory.get(f.category);
    if (!g) byCategory.set(f.category, (g = []));
    g.push(f);
  }
  const blocking: Finding[] = [];
  for (const [cat, g] of byCategory) {
    const max = config.thresholds[cat]?.max_findings ?? 0;
    if (g.length > max) blocking.push(...g);
    else warnings.push(`${g.length} ${cat} finding(s) tolerated by thresholds.${cat}.max_findings=${max}`);
  }
  return blocking;
}

/** Config excludes use .gitignore syntax, as in the worktree walk; here they also cover history, stdin and imported findings. */
function excludeMatcher(patterns: string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const ig = ignore().add(patterns);
  return (path) => {
    const p = path.replace(/^\.\//, '');
    try {
      return p !== '' && ig.ignores(p);
    } catch {
      // `ignore` rejects absolute and `..` paths; such a finding is outside the scan root's patterns.
      return false;
    }
  };
}
