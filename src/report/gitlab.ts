import type { Finding, ScanResult, Severity } from '../core/types.js';
import { sha256Hex } from '../core/hash.js';
import type { RenderedFile, Reporter } from './types.js';

/**
 * GitLab security reports (schemas 15.0.7 for secret detection and SAST, 15.2.4 for dependency and
 * container scanning). One file per report type; the merge-request widget reads each from
 * `artifacts:reports:<type>`. Suppressed findings are left out: a waiver is an accepted risk.
 */
export type GitlabKind = 'secret_detection' | 'sast' | 'dependency_scanning' | 'container_scanning';

export const GITLAB_FILES: Record<GitlabKind, { file: string; version: string; schema: string }> = {
  secret_detection: { file: 'gl-secret-detection-report.json', version: '15.0.7', schema: 'secret-detection' },
  sast: { file: 'gl-sast-report.json', version: '15.0.7', schema: 'sast' },
  dependency_scanning: { file: 'gl-dependency-scanning-report.json', version: '15.2.4', schema: 'dependency-scanning' },
  container_scanning: { file: 'gl-container-scanning-report.json', version: '15.2.4', schema: 'container-scanning' },
};

const SEVERITY: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

/** GitLab wants no zone suffix and no fraction. */
export function gitlabTime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}

/** A stable UUID-shaped id derived from the fingerprint, so GitLab tracks the finding across pipelines. */
function uuidOf(s: string): string {
  const h = sha256Hex(s);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Which report a finding belongs in. Imported findings carry the kind chosen by the import mapping. */
export function gitlabKindOf(f: Finding, result: ScanResult): GitlabKind | undefined {
  const declared = str(f.properties?.gitlab);
  if (declared && declared in GITLAB_FILES) return declared as GitlabKind;
  switch (f.category) {
    case 'secret':
      return 'secret_detection';
    case 'deps':
      return f.location.layer || f.location.image || result.target.mode === 'image' ? 'container_scanning' : 'dependency_scanning';
    case 'phi':
    case 'iac':
    case 'imported':
      return 'sast';
    default:
      return undefined;
  }
}

function identifiers(f: Finding): Array<Record<string, string>> {
  const ids: Array<Record<string, string>> = [{ type: 'hipaa_gate_rule_id', name: `hipaa-gate ${f.ruleId}`, value: f.ruleId }];
  const p = f.properties ?? {};
  const advisories = [str(p.advisory), ...strs(p.aliases), ...strs(p.advisories)].filter((x): x is string => Boolean(x));
  for (const a of [...new Set(advisories)]) {
    const type = /^CVE-/i.test(a) ? 'cve' : /^GHSA-/i.test(a) ? 'ghsa' : 'osv';
    ids.push({ type, name: a, value: a });
  }
  for (const c of strs(p.cwe)) ids.push({ type: 'cwe', name: c, value: c.replace(/^CWE-/i, '') });
  for (const h of f.hipaa) ids.push({ type: 'hipaa', name: `45 CFR ${h}`, value: h });
  return ids;
}

function pkgOf(f: Finding): { name: string; version: string; os?: string } {
  const p = f.properties ?? {};
  const name = str(p.package) ?? str(p.name) ?? f.location.resource?.replace(/^[^:]*:/, '').replace(/@[^@]*$/, '') ?? 'unknown';
  const version = str(p.version) ?? f.location.resource?.split('@').at(-1) ?? 'unknown';
  return { name, version, ...(str(p.ecosystem) ? { os: str(p.ecosystem) } : {}) };
}

function vulnerability(f: Finding, kind: GitlabKind, result: ScanResult): Record<string, unknown> {
  const l = f.location;
  const description = `${f.message}${f.excerpt ? ` (masked: ${f.excerpt})` : ''}. HIPAA ${f.hipaa.join(', ')}.`;
  const base: Record<string, unknown> = {
    id: uuidOf(`${kind}:${f.fingerprint || `${f.ruleId}:${l.path}:${l.startLine}`}`),
    name: f.title.slice(0, 255),
    description: description.slice(0, 1_000_000),
    severity: SEVERITY[f.severity],
    solution: f.remediation.slice(0, 7000),
    identifiers: identifiers(f),
  };
  if (f.helpUri && /^https?:\/\/.+/.test(f.helpUri)) base.links = [{ url: f.helpUri }];
  if (kind === 'secret_detection') {
    base.location = { file: l.path, start_line: l.startLine, end_line: l.endLine, commit: { sha: l.commit ?? result.target.commit ?? '0000000', ...(l.author ? { author: l.author } : {}), ...(l.date ? { date: l.date } : {}) } };
  } else if (kind === 'sast') {
    base.location = { file: l.path, start_line: l.startLine, end_line: l.endLine, ...(l.resource ? { class: l.resource } : {}) };
  } else if (kind === 'dependency_scanning') {
    const pkg = pkgOf(f);
    base.location = { file: l.path || 'unknown', dependency: { package: { name: pkg.name }, version: pkg.version } };
  } else {
    const pkg = pkgOf(f);
    base.location = {
      image: l.image ?? result.target.image ?? 'unknown',
      operating_system: pkg.os ?? str(f.properties?.os) ?? 'unknown',
      dependency: { package: { name: pkg.name }, version: pkg.version },
    };
  }
  return base;
}

export function gitlabReport(result: ScanResult, kind: GitlabKind): Record<string, unknown> {
  const meta = GITLAB_FILES[kind];
  const tool = { id: 'hipaa-gate', name: 'hipaa-gate', version: result.tool.version, vendor: { name: 'hipaa-gate' } };
  const findings = result.findings.filter((f) => !f.suppression && gitlabKindOf(f, result) === kind);
  const gaps = result.skipped.filter((s) => !s.expected);
  return {
    version: meta.version,
    scan: {
      analyzer: tool,
      scanner: tool,
      start_time: gitlabTime(result.startedAt),
      end_time: gitlabTime(result.finishedAt),
      status: 'success',
      type: kind,
      ...(gaps.length ? { messages: [{ level: 'warn', value: `${gaps.length} file(s) or part(s) could not be scanned; see the hipaa-gate JSON report` }] } : {}),
    },
    vulnerabilities: findings.map((f) => vulnerability(f, kind, result)),
  };
}

export function renderGitlabFiles(result: ScanResult): RenderedFile[] {
  return (Object.keys(GITLAB_FILES) as GitlabKind[]).map((k) => ({ name: GITLAB_FILES[k].file, data: JSON.stringify(gitlabReport(result, k), null, 2) + '\n' }));
}

export const reporter: Reporter = {
  format: 'gitlab',
  extension: 'json',
  // A single output (stdout or an unrecognised name) gets the SAST report, or container scanning for image scans.
  render: (result) => JSON.stringify(gitlabReport(result, result.target.mode === 'image' ? 'container_scanning' : 'sast'), null, 2) + '\n',
  renderFiles: (result) => renderGitlabFiles(result),
};
