import type { Artifact, Finding, Skipped } from '../core/types.js';
import type { FileScanner, ScannerContext } from '../scanners/types.js';
import { LineIndex } from '../core/lines.js';

const MARKER = 'hipaa-gate:allow';
/** Rule ids (`secret/aws-access-key-id`), optionally several joined by commas, optionally globbed (`secret/*`). */
const RULES_RE = /^([a-z][\w-]*\/[\w./*-]+(?:\s*,\s*[a-z][\w-]*\/[\w./*-]+)*):?(?=\s|$)/;

export interface InlineAllow {
  rules: string[];
  reason?: string;
}

/**
 * Parse a `hipaa-gate:allow [RULE[,RULE...]] [-- | : | -] [reason]` marker on one line of text.
 * The comment closer (`*\/`, `-->`) is not part of the reason. `hipaa-gate:allowed` is not a marker.
 */
export function parseInlineAllow(line: string): InlineAllow | undefined {
  const at = line.indexOf(MARKER);
  if (at === -1) return undefined;
  let rest = line.slice(at + MARKER.length);
  if (rest !== '' && !/^[\s:]/.test(rest)) return undefined;
  rest = rest.replace(/^:/, '').replace(/\s*(\*\/|-->)[\s\S]*$/, '').trim();
  const m = RULES_RE.exec(rest);
  const rules = m ? m[1]!.split(',').map((r) => r.trim()) : [];
  if (m) rest = rest.slice(m[0].length).trim();
  const reason = rest.replace(/^(--|:|-|\u2014)\s*/, '').trim();
  return { rules, ...(reason ? { reason } : {}) };
}

function ruleAllowed(allow: InlineAllow, ruleId: string): string | undefined | false {
  if (allow.rules.length === 0) return undefined;
  const hit = allow.rules.find((r) => r === ruleId || (r.endsWith('*') && ruleId.startsWith(r.slice(0, -1))));
  return hit ?? false;
}

export interface FileScanOutput {
  findings: Finding[];
  problems: Skipped[];
}

/**
 * Run every file scanner that applies to one artifact, then attach inline `hipaa-gate:allow`
 * markers and keep only the lines a partial source (staged, history) asked for.
 */
export function runFileScanners(
  artifact: Artifact,
  scanners: FileScanner[],
  contextFor: (s: FileScanner) => Omit<ScannerContext, 'problem'>,
): FileScanOutput {
  const findings: Finding[] = [];
  const problems: Skipped[] = [];
  for (const s of scanners) {
    if (!s.appliesTo(artifact.path, artifact.size)) continue;
    if (artifact.text === '' && !artifact.bytes) continue;
    const ctx: ScannerContext = { ...contextFor(s), problem: (p) => problems.push(p) };
    try {
      findings.push(...s.scan(artifact, ctx));
    } catch (e) {
      problems.push({ path: artifact.path, reason: 'error', detail: `${s.name} scanner failed: ${(e as Error).message}` });
    }
  }
  const kept = artifact.onlyLines ? findings.filter((f) => artifact.onlyLines!.has(f.location.startLine)) : findings;
  if (kept.length > 0 && artifact.text.includes('hipaa-gate:allow')) attachInlineAllows(artifact, kept);
  return { findings: kept, problems };
}

/**
 * A marker on the finding's line, or on a comment-only line directly above it, allows the finding.
 * A marker naming rules allows only those; a marker above the line that names other rules does
 * not hide a same-line marker.
 */
function attachInlineAllows(artifact: Artifact, findings: Finding[]): void {
  const index = new LineIndex(artifact.text);
  // Findings carry real file lines; fragments (history) need the reverse map to find the text.
  const toFragment = new Map<number, number>();
  artifact.lineNumbers?.forEach((real, i) => toFragment.set(real, i + 1));
  const textOf = (real: number) => index.line(artifact.lineNumbers ? (toFragment.get(real) ?? -1) : real);
  const COMMENT_ONLY = /^\s*(#|\/\/|--|\/\*|\*|<!--|;|%)/;
  for (const f of findings) {
    const line = f.location.startLine;
    const aboveText = textOf(line - 1);
    const candidates = [parseInlineAllow(textOf(line)), COMMENT_ONLY.test(aboveText) ? parseInlineAllow(aboveText) : undefined];
    for (const allow of candidates) {
      if (!allow) continue;
      const rule = ruleAllowed(allow, f.ruleId);
      if (rule === false) continue;
      f.inlineAllow = { ...(rule ? { rule } : {}), ...(allow.reason ? { reason: allow.reason } : {}) };
      break;
    }
  }
}
