import { gzipSync } from 'node:zlib';
import type { Finding, RuleMeta, ScanResult, Severity, Skipped } from '../core/types.js';
import { lineHashes } from '../engine/fingerprint.js';
import type { Reporter } from './types.js';

/**
 * SARIF 2.1.0, one run per scan, shaped for GitHub code scanning: rules carry
 * `security-severity` and tags (category + HIPAA citations), results carry `partialFingerprints`,
 * suppressed findings carry `suppressions`, and the upload limits are respected.
 */

/** GitHub code scanning limits (docs: "SARIF results exceed limit"). */
export const SARIF_LIMITS = {
  resultsPerRun: 25_000,
  tagsPerRule: 20,
  gzippedBytes: 10 * 1024 * 1024,
  /** Our own cap, so thousands of skipped files do not crowd out results. */
  notifications: 1_000,
} as const;

/** GitHub maps > 9.0 to critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', info: '0.0' };
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

type Json = Record<string, unknown>;
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

export interface SarifOptions {
  /** Override the limits (tests use small ones). */
  limits?: Partial<typeof SARIF_LIMITS>;
}

export function renderSarif(result: ScanResult, opts: SarifOptions = {}): string {
  const limits = { ...SARIF_LIMITS, ...opts.limits };
  const rules = rulesFor(result);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const hashes = lineHashes(result.findings);
  // Keep the most severe findings when there are too many; findings arrive sorted by severity.
  const ordered = [...result.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  let kept = ordered.slice(0, limits.resultsPerRun);

  for (;;) {
    const notes = notifications(result.skipped, limits.notifications);
    if (kept.length < result.findings.length) {
      notes.unshift({
        level: 'warning',
        message: { text: `results truncated to fit GitHub code scanning limits: ${kept.length} of ${result.findings.length} findings included, most severe first; see the json report for all` },
        descriptor: { id: 'hipaa-gate/results-truncated' },
      });
    }
    const doc = sarifDocument(result, rules, kept.map((f) => toResult(f, ruleIndex.get(f.ruleId)!, hashes.get(f)!)), notes);
    // Indented for people when small; compact when large (GitHub's limit is on the gzipped size,
    // but a 30 MB pretty-printed file is slow to write and to read).
    const text = JSON.stringify(doc, null, kept.length > 1000 ? undefined : 2) + '\n';
    if (kept.length === 0 || gzipSync(text).length <= limits.gzippedBytes) return text;
    kept = kept.slice(0, Math.floor(kept.length * 0.75));
  }
}

function sarifDocument(result: ScanResult, rules: RuleMeta[], results: Json[], notes: Json[]): Json {
  const t = result.target;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hipaa-gate',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            rules: rules.map(toRule),
          },
        },
        automationDetails: { id: `hipaa-gate/${t.mode}/` },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${encodePath(t.root.endsWith('/') ? t.root : `${t.root}/`)}` } },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: result.startedAt,
            endTimeUtc: result.finishedAt,
            toolExecutionNotifications: notes,
            properties: { gate: result.gate },
          },
        ],
        results,
        properties: {
          schemaVersion: result.schemaVersion,
          rulesetDigest: result.tool.rulesetDigest,
          configDigest: result.configDigest,
          target: { mode: t.mode, ...(t.commit ? { commit: t.commit } : {}), ...(t.branch ? { branch: t.branch } : {}), ...(t.image ? { image: t.image } : {}) },
          stats: result.stats,
        },
      },
    ],
  };
}

/** Every rule the run knows, plus stand-ins for rule ids that only appear on findings (imports). */
function rulesFor(result: ScanResult): RuleMeta[] {
  const rules = [...result.rules];
  const known = new Set(rules.map((r) => r.id));
  for (const f of result.findings) {
    if (known.has(f.ruleId)) continue;
    known.add(f.ruleId);
    rules.push({ id: f.ruleId, category: f.category, title: f.title, severity: f.severity, hipaa: f.hipaa, remediation: f.remediation, ...(f.helpUri ? { helpUri: f.helpUri } : {}) });
  }
  return rules;
}

function toRule(r: RuleMeta): Json {
  const tags = [...new Set(['security', r.category, ...r.hipaa.map((c) => `hipaa-${c}`), ...(r.tags ?? [])])].slice(0, SARIF_LIMITS.tagsPerRule);
  const cites = r.hipaa.map((c) => `45 CFR ${c}`).join(', ');
  return {
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description ?? r.title },
    help: {
      text: `${r.remediation}\n\nHIPAA: ${cites}${r.helpUri ? `\n\nMore information: ${r.helpUri}` : ''}`,
      markdown: `${r.remediation}\n\n**HIPAA:** ${cites}${r.helpUri ? `\n\n[More information](${r.helpUri})` : ''}`,
    },
    // SARIF wants an absolute URI here; repository-relative doc links stay in the help text.
    ...(r.helpUri && ABSOLUTE_URI.test(r.helpUri) ? { helpUri: r.helpUri } : {}),
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags, 'security-severity': SECURITY_SEVERITY[r.severity], precision: 'high', severity: r.severity, hipaa: r.hipaa },
  };
}

function toResult(f: Finding, ruleIndex: number, lineHash: string): Json {
  const l = f.location;
  const region: Json = { startLine: l.startLine, startColumn: l.startColumn };
  if (l.endLine > l.startLine || l.endColumn > l.startColumn) Object.assign(region, { endLine: Math.max(l.endLine, l.startLine), endColumn: l.endColumn });
  const properties: Json = { severity: f.severity, confidence: f.confidence, hipaa: f.hipaa, category: f.category, excerpt: f.excerpt, fingerprint: f.fingerprint };
  for (const k of ['commit', 'date', 'layer', 'image', 'resource'] as const) if (l[k]) properties[k] = l[k];
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.excerpt ? `${f.message}: ${f.excerpt}` : f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(l.path), uriBaseId: '%SRCROOT%' }, region } }],
    partialFingerprints: { primaryLocationLineHash: lineHash, 'hipaaGate/v1': f.fingerprint },
    ...(f.suppression ? { suppressions: [suppression(f)] } : {}),
    properties,
  };
}

function suppression(f: Finding): Json {
  const s = f.suppression!;
  const who = s.approvedBy ? `; approved by ${s.approvedBy}` : '';
  const until = s.expires ? `; expires ${s.expires}` : '';
  const where = s.source ? ` (${s.source})` : '';
  return {
    // An inline `hipaa-gate:allow` lives in the source; waivers, baselines and excludes live outside it.
    kind: s.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: `${s.kind}${where}: ${s.reason ?? 'no reason given'}${who}${until}`,
    properties: { kind: s.kind },
  };
}

function notifications(skipped: Skipped[], max: number): Json[] {
  const notes: Json[] = skipped.slice(0, max).map((s) => ({
    level: s.expected ? 'note' : 'warning',
    message: { text: `not scanned (${s.reason}): ${s.detail}` },
    descriptor: { id: `hipaa-gate/skipped/${s.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(s.path), uriBaseId: '%SRCROOT%' }, ...(s.line ? { region: { startLine: s.line } } : {}) } }],
  }));
  if (skipped.length > max) notes.push({ level: 'warning', message: { text: `${skipped.length - max} more files were not scanned; see the json report` } });
  return notes;
}

/** Relative URIs per RFC 3986: keep `/`, escape the rest of each segment. */
function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** `secret/aws-access-key-id` -> `SecretAwsAccessKeyId` (SARIF's human-readable rule name). */
function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

export const reporter: Reporter = { format: 'sarif', extension: 'sarif', render: (result) => renderSarif(result) };
