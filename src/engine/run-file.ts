import type { Artifact, Finding, Skipped } from '../core/types.js';
import type { FileScanner, ScannerContext } from '../scanners/types.js';
import { LineIndex } from '../core/lines.js';

const ALLOW_RE = /hipaa-gate:allow(?:[ \t]+([a-z][\w-]*\/[\w./-]+))?(?:[ \t]+(?:--|:|-)?[ \t]*([^\n*]*?))?[ \t]*(?:\*\/|-->|$)/;

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

/** A marker on the finding's line, or alone on the line above it, allows the finding. */
function attachInlineAllows(artifact: Artifact, findings: Finding[]): void {
  const index = new LineIndex(artifact.text);
  // Findings carry real file lines; fragments (history) need the reverse map to find the text.
  const toFragment = new Map<number, number>();
  artifact.lineNumbers?.forEach((real, i) => toFragment.set(real, i + 1));
  const textOf = (real: number) => index.line(artifact.lineNumbers ? (toFragment.get(real) ?? -1) : real);
  for (const f of findings) {
    const line = f.location.startLine;
    const same = ALLOW_RE.exec(textOf(line));
    const aboveText = textOf(line - 1);
    const above = aboveText.trim().length > 0 && /^\s*(#|\/\/|--|\/\*|<!--|;|%)/.test(aboveText) ? ALLOW_RE.exec(aboveText) : null;
    const m = same ?? above;
    if (!m) continue;
    const rule = m[1];
    if (rule && rule !== f.ruleId) continue;
    const reason = m[2]?.trim();
    f.inlineAllow = { ...(rule ? { rule } : {}), ...(reason ? { reason } : {}) };
  }
}
