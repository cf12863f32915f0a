import type { Category, Finding, GateResult, Severity, Skipped } from '../core/types.js';
import { SEVERITY_RANK } from '../core/types.js';
import type { ResolvedConfig, Threshold } from '../config/config.js';
import { WAIVER_WARN_DAYS, waiverMatches, waiverStates } from './waivers.js';
import type { Baseline } from './baseline.js';

export interface PolicyInput {
  findings: Finding[];
  skipped: Skipped[];
  config: ResolvedConfig;
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
 * The one filter stage (Trivy's result filter): inline allows, waivers, then the baseline mark
 * findings as suppressed (they stay in the result, with the reason); then thresholds decide.
 */
export function applyPolicy(input: PolicyInput): GateResult {
  const { findings, config, now } = input;
  const failOn: Threshold = input.failOn ?? config.failOn;
  const strict = input.strict ?? config.strict;
  const warnings: string[] = [...(input.extraWarnings ?? [])];
  const reasons: string[] = [...(input.extraReasons ?? [])];

  const states = waiverStates(config.waivers, now);
  const baseline = new Set(input.baseline?.findings.map((b) => b.fingerprint) ?? []);

  for (const f of findings) {
    if (f.inlineAllow) {
      f.suppression = { kind: 'inline', ...(f.inlineAllow.reason ? { reason: f.inlineAllow.reason } : {}) };
      continue;
    }
    const st = states.find((s) => waiverMatches(s.waiver, f));
    if (st) {
      st.matched++;
      if (!st.expired) {
        f.suppression = { kind: 'waiver', reason: st.waiver.reason, approvedBy: st.waiver.approved_by, expires: st.waiver.expires, waiver: st.index };
        continue;
      }
    }
    if (baseline.has(f.fingerprint)) f.suppression = { kind: 'baseline', reason: 'present in baseline' };
  }

  for (const s of states) {
    const what = describeWaiver(s.waiver);
    const where = s.waiver.line ? ` (${config.file ?? 'config'}:${s.waiver.line})` : '';
    if (s.expired) reasons.push(`waiver ${what}${where} expired on ${s.waiver.expires}`);
    else if (s.daysLeft <= WAIVER_WARN_DAYS) warnings.push(`waiver ${what}${where} expires in ${s.daysLeft} day(s) on ${s.waiver.expires}`);
  }

  const blocking: Finding[] = [];
  const byCategory = new Map<Category, Finding[]>();
  for (const f of findings) {
    if (f.suppression) continue;
    const t = config.thresholds[f.category]?.fail_on ?? failOn;
    if (!atOrAbove(f.severity, t)) continue;
    let g = byCategory.get(f.category);
    if (!g) byCategory.set(f.category, (g = []));
    g.push(f);
  }
  for (const [cat, g] of byCategory) {
    const max = config.thresholds[cat]?.max_findings ?? 0;
    if (g.length > max) blocking.push(...g);
    else if (g.length > 0) warnings.push(`${g.length} ${cat} finding(s) tolerated by thresholds.${cat}.max_findings=${max}`);
  }

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
  return { passed, summary, failOn: failOn === 'none' ? 'info' : failOn, blocking: blocking.map((f) => f.fingerprint), warnings, reasons };
}

function describeWaiver(w: { fingerprint?: string; rule?: string; path?: string; advisory?: string }): string {
  if (w.fingerprint) return `for fingerprint ${w.fingerprint.slice(0, 12)}`;
  if (w.advisory) return `for ${w.advisory}`;
  return `for ${w.rule}${w.path ? ` in ${w.path}` : ''}`;
}
