import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import type { Category, ScanResult, Severity } from '../core/types.js';
import { CATEGORIES, SEVERITIES } from '../core/types.js';
import { tryGit } from '../core/git.js';
import type { ResolvedConfig } from '../config/config.js';
import { waiverStates } from '../policy/waivers.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const PREDICATE_TYPE = 'https://hipaa-gate.dev/attestation/scan/v1';
export const REPORT_MEDIA_TYPE = 'application/vnd.hipaa-gate.report+json';

export interface Subject {
  name: string;
  digest: Record<string, string>;
}

export interface CategoryCounts {
  total: number;
  blocking: number;
  suppressed: number;
  bySeverity: Partial<Record<Severity, number>>;
}

export interface WaiverRecord {
  index: number;
  rule?: string;
  fingerprint?: string;
  advisory?: string;
  path?: string;
  reason: string;
  approvedBy: string;
  expires: string;
  expired: boolean;
  /** Findings this waiver suppressed in the run. */
  applied: number;
}

export interface ScanPredicate {
  tool: { name: string; version: string };
  ruleset: { digest: string; rules: number };
  config: { digest: string };
  run: { startedAt: string; finishedAt: string; durationMs: number; mode: string; branch?: string; dirty?: boolean };
  counts: { total: number; blocking: number; suppressed: number; notScanned: number; byCategory: Partial<Record<Category, CategoryCounts>> };
  controls: Array<{ id: string; status: string; findings: number }>;
  gate: { passed: boolean; summary: string; failOn: string; reasons: string[] };
  waivers: WaiverRecord[];
  report: { mediaType: string; schemaVersion: string; digest: { sha256: string } };
}

export interface Statement {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: typeof PREDICATE_TYPE;
  predicate: ScanPredicate;
}

function fileSha256(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    const h = createHash('sha256');
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    return h.digest('hex');
  } catch {
    return undefined;
  }
}

/** What the run is about: the image, else the git commit and tree, else the report itself. */
export function subjectsFor(result: ScanResult, reportDigest: string): Subject[] {
  const t = result.target;
  if (t.mode === 'image' && t.image) {
    const fromLayer = result.findings.map((f) => f.location.image).find((s) => s && /^sha256:[0-9a-f]{64}$/.test(s));
    const digest = fromLayer?.slice(7) ?? (existsSync(t.image) ? fileSha256(t.image) : undefined);
    if (digest) return [{ name: basename(t.image), digest: { sha256: digest } }];
  }
  const name = basename(t.root) || 'repository';
  if (t.commit) {
    const tree = tryGit(t.root, ['rev-parse', '--verify', '-q', `${t.commit}^{tree}`]);
    return [{ name, digest: { gitCommit: t.commit } }, ...(tree ? [{ name: `${name}^{tree}`, digest: { gitTree: tree } }] : [])];
  }
  return [{ name: `${name} (no git commit; subject is the report)`, digest: { sha256: reportDigest } }];
}

export function buildStatement(result: ScanResult, config: ResolvedConfig, reportDigest: string): Statement {
  const blocking = new Set(result.gate.blocking);
  const byCategory: Partial<Record<Category, CategoryCounts>> = {};
  for (const f of result.findings) {
    const c = (byCategory[f.category] ??= { total: 0, blocking: 0, suppressed: 0, bySeverity: {} });
    c.total++;
    if (f.suppression) c.suppressed++;
    if (blocking.has(f.fingerprint) && !f.suppression) c.blocking++;
    c.bySeverity[f.severity] = (c.bySeverity[f.severity] ?? 0) + 1;
  }
  const ordered = Object.fromEntries(CATEGORIES.filter((c) => byCategory[c]).map((c) => [c, { ...byCategory[c]!, bySeverity: Object.fromEntries(SEVERITIES.filter((s) => byCategory[c]!.bySeverity[s]).map((s) => [s, byCategory[c]!.bySeverity[s]])) }]));
  const applied = new Map<number, number>();
  for (const f of result.findings) if (f.suppression?.kind === 'waiver' && f.suppression.waiver !== undefined) applied.set(f.suppression.waiver, (applied.get(f.suppression.waiver) ?? 0) + 1);
  const waivers: WaiverRecord[] = waiverStates(config.waivers, new Date(result.startedAt)).map((s) => ({
    index: s.index,
    ...(s.waiver.rule ? { rule: s.waiver.rule } : {}),
    ...(s.waiver.fingerprint ? { fingerprint: s.waiver.fingerprint } : {}),
    ...(s.waiver.advisory ? { advisory: s.waiver.advisory } : {}),
    ...(s.waiver.path ? { path: s.waiver.path } : {}),
    reason: s.waiver.reason,
    approvedBy: s.waiver.approved_by,
    expires: s.waiver.expires,
    expired: s.expired,
    applied: applied.get(s.index) ?? 0,
  }));
  const dirty = result.target.commit ? tryGit(result.target.root, ['status', '--porcelain', '--untracked-files=no']) : undefined;
  return {
    _type: STATEMENT_TYPE,
    subject: subjectsFor(result, reportDigest),
    predicateType: PREDICATE_TYPE,
    predicate: {
      tool: { name: result.tool.name, version: result.tool.version },
      ruleset: { digest: result.tool.rulesetDigest, rules: result.rules.length },
      config: { digest: result.configDigest },
      run: {
        startedAt: result.startedAt,
        finishedAt: result.finishedAt,
        durationMs: result.stats.durationMs,
        mode: result.target.mode,
        ...(result.target.branch ? { branch: result.target.branch } : {}),
        ...(dirty !== undefined ? { dirty: dirty.length > 0 } : {}),
      },
      counts: {
        total: result.findings.length,
        blocking: result.gate.blocking.length,
        suppressed: result.findings.filter((f) => f.suppression).length,
        notScanned: result.skipped.filter((s) => !s.expected).length,
        byCategory: ordered,
      },
      controls: result.controls.map((c) => ({ id: c.id, status: c.status, findings: c.findings })),
      gate: { passed: result.gate.passed, summary: result.gate.summary, failOn: result.gate.failOn, reasons: result.gate.reasons },
      waivers,
      report: { mediaType: REPORT_MEDIA_TYPE, schemaVersion: result.schemaVersion, digest: { sha256: reportDigest } },
    },
  };
}

/** Narrow an untrusted decoded payload to our statement type (ledger readers, bundle, HTML trend). */
export function asScanStatement(s: unknown): Statement | undefined {
  const o = s as Partial<Statement> | undefined;
  if (!o || o._type !== STATEMENT_TYPE || o.predicateType !== PREDICATE_TYPE || !o.predicate || typeof o.predicate !== 'object') return undefined;
  return o as Statement;
}
