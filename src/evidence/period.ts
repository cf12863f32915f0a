import { stableStringify } from '../core/hash.js';
import { catalog } from '../hipaa/catalog.js';
import type { VerifiedEntry } from './ledger.js';
import { asScanStatement, type Statement, type WaiverRecord } from './statement.js';

export interface Run {
  seq: number;
  time: string;
  statement: Statement;
}

export function runsOf(entries: VerifiedEntry[], since?: Date, until?: Date): Run[] {
  const out: Run[] = [];
  for (const v of entries) {
    if (v.anchor) continue;
    const s = asScanStatement(v.statement);
    if (!s) continue;
    // The run's own start time places it in a period; the append time is only a fallback.
    const started = Date.parse(s.predicate.run?.startedAt ?? '');
    const t = Number.isNaN(started) ? Date.parse(v.entry.time) : started;
    if (since && t < since.getTime()) continue;
    if (until && t > until.getTime()) continue;
    out.push({ seq: v.entry.seq, time: new Date(t).toISOString(), statement: s });
  }
  return out;
}

export type MatrixClass = 'evidenced' | 'fixed' | 'failing' | 'not-evaluated' | 'manual';

export interface MatrixRow {
  id: string;
  title: string;
  safeguard: string;
  required: boolean;
  runs: number;
  passed: number;
  failed: number;
  firstFailed?: string;
  lastFailed?: string;
  fixedAt?: string;
  lastStatus: string;
  class: MatrixClass;
}

/**
 * The control matrix over a period: for every catalog control, how many attested runs evidenced
 * it automatically, how often it failed, whether a failure was later fixed, and which controls
 * only a human attestation can cover.
 */
export function controlMatrix(runs: Run[]): MatrixRow[] {
  return catalog().map((c) => {
    let passed = 0;
    let failed = 0;
    let firstFailed: string | undefined;
    let lastFailed: string | undefined;
    let fixedAt: string | undefined;
    let lastStatus = 'manual';
    let everManual = false;
    for (const r of runs) {
      const st = r.statement.predicate.controls.find((x) => x.id === c.id)?.status;
      if (!st) continue;
      lastStatus = st;
      if (st === 'passed') {
        passed++;
        if (lastFailed && (!fixedAt || fixedAt < lastFailed)) fixedAt = r.time;
      } else if (st === 'failed') {
        failed++;
        firstFailed ??= r.time;
        lastFailed = r.time;
      } else if (st === 'manual') everManual = true;
    }
    const cls: MatrixClass =
      lastStatus === 'failed' ? 'failing' : failed > 0 && lastStatus === 'passed' ? 'fixed' : passed > 0 ? 'evidenced' : everManual || runs.length === 0 ? 'manual' : 'not-evaluated';
    return {
      id: c.id,
      title: c.title,
      safeguard: c.safeguard,
      required: c.required,
      runs: passed + failed,
      passed,
      failed,
      ...(firstFailed ? { firstFailed } : {}),
      ...(lastFailed ? { lastFailed } : {}),
      ...(fixedAt && cls === 'fixed' ? { fixedAt } : {}),
      lastStatus,
      class: cls,
    };
  });
}

export interface WaiverVersion {
  reason: string;
  approvedBy: string;
  expires: string;
  firstSeen: string;
  lastSeen: string;
  runs: number;
  applied: number;
  expiredIn: number;
}

export interface WaiverHistory {
  scope: { rule?: string; fingerprint?: string; advisory?: string; path?: string };
  /** active in the last run of the period, expired there, or no longer configured. */
  status: 'active' | 'expired' | 'removed';
  versions: WaiverVersion[];
}

/** Every waiver seen in the period, with each change of reason, approver or expiry as a version. */
export function waiverHistory(runs: Run[]): WaiverHistory[] {
  const byScope = new Map<string, WaiverHistory>();
  const last = runs.at(-1);
  for (const r of runs) {
    for (const w of r.statement.predicate.waivers ?? []) {
      const scope = scopeOf(w);
      const k = stableStringify(scope);
      let h = byScope.get(k);
      if (!h) byScope.set(k, (h = { scope, status: 'removed', versions: [] }));
      let v = h.versions.at(-1);
      if (!v || v.reason !== w.reason || v.approvedBy !== w.approvedBy || v.expires !== w.expires) {
        v = { reason: w.reason, approvedBy: w.approvedBy, expires: w.expires, firstSeen: r.time, lastSeen: r.time, runs: 0, applied: 0, expiredIn: 0 };
        h.versions.push(v);
      }
      v.lastSeen = r.time;
      v.runs++;
      v.applied += w.applied;
      if (w.expired) v.expiredIn++;
      if (r === last) h.status = w.expired ? 'expired' : 'active';
    }
  }
  return [...byScope.values()];
}

function scopeOf(w: WaiverRecord): WaiverHistory['scope'] {
  return {
    ...(w.rule ? { rule: w.rule } : {}),
    ...(w.fingerprint ? { fingerprint: w.fingerprint } : {}),
    ...(w.advisory ? { advisory: w.advisory } : {}),
    ...(w.path ? { path: w.path } : {}),
  };
}

export interface TrendPoint {
  seq: number;
  time: string;
  passed: boolean;
  blocking: number;
  total: number;
  suppressed: number;
  byCategory: Record<string, number>;
}

export function trendOf(runs: Run[]): TrendPoint[] {
  return runs.map((r) => {
    const c = r.statement.predicate.counts;
    return {
      seq: r.seq,
      time: r.time,
      passed: r.statement.predicate.gate.passed,
      blocking: c.blocking,
      total: c.total,
      suppressed: c.suppressed,
      byCategory: Object.fromEntries(Object.entries(c.byCategory).map(([k, v]) => [k, v?.total ?? 0])),
    };
  });
}
