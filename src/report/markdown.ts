import type { Finding, ScanResult } from '../core/types.js';
import { SEVERITIES, SEVERITY_RANK } from '../core/types.js';
import type { RenderOptions, Reporter } from './types.js';

/** GitHub rejects comments over 65,536 characters; GitLab notes allow 1,000,000. */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const GITLAB_NOTE_LIMIT = 1_000_000;

/** Text safe inside a Markdown table cell: no markup, no HTML, no line breaks, no cell breaks. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // With [ and ] escaped no link can form, so parentheses (citations!) stay readable.
    .replace(/([\\`*_{}[\]#+!|~])/g, '\\$1')
    // Neutralise @mentions so a finding cannot ping people from an MR comment.
    .replace(/@/g, '&#64;');
}

function row(f: Finding): string {
  const l = f.location;
  const where = `${l.path}:${l.startLine}${l.commit ? ` @${l.commit.slice(0, 8)}` : ''}`;
  return `| ${f.severity} | ${mdText(f.ruleId)} | ${mdText(where)} | ${mdText(f.excerpt)} | ${mdText(f.hipaa.join(', '))} |`;
}

/** A merge-request comment: verdict, counts, failing controls and the findings table, truncated to fit. */
export function renderMarkdown(result: ScanResult, opts: RenderOptions = {}): string {
  // In GitLab CI the comment goes to a GitLab note, which allows far more than a GitHub comment.
  const limit = opts.maxChars ?? (process.env.GITLAB_CI ? GITLAB_NOTE_LIMIT : GITHUB_COMMENT_LIMIT);
  const active = result.findings.filter((f) => !f.suppression).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  const suppressed = result.findings.length - active.length;
  const head: string[] = [];
  head.push(`## hipaa-gate: ${result.gate.passed ? 'passed' : 'FAILED'}`, '', `**${mdText(result.gate.summary)}**`, '');
  const cats = [...new Set(result.findings.map((f) => f.category))].sort();
  if (cats.length) {
    head.push(`| Category | ${SEVERITIES.join(' | ')} | suppressed |`, `|---|${SEVERITIES.map(() => '---:').join('|')}|---:|`);
    for (const c of cats) {
      const n = (s: string) => active.filter((f) => f.category === c && f.severity === s).length;
      head.push(`| ${c} | ${SEVERITIES.map(n).join(' | ')} | ${result.findings.filter((f) => f.category === c && f.suppression).length} |`);
    }
    head.push('');
  }
  const failing = result.controls.filter((c) => c.status === 'failed');
  if (failing.length) {
    const listed = failing.slice(0, 15).map((c) => `${mdText(c.id)} ${mdText(c.title)} (${c.findings})`).join('; ');
    head.push(`**HIPAA controls failing (${failing.length}):** ${listed}${failing.length > 15 ? `; and ${failing.length - 15} more` : ''}`, '');
  }
  for (const r of result.gate.reasons) head.push(`- ${mdText(r)}`);
  for (const w of result.gate.warnings) head.push(`- warning: ${mdText(w)}`);
  if (result.gate.reasons.length || result.gate.warnings.length) head.push('');
  const foot = `\n<sub>hipaa-gate ${mdText(result.tool.version)}; ${result.stats.filesScanned} files scanned; values are masked${suppressed ? `; ${suppressed} suppressed finding(s) not listed` : ''}.</sub>\n`;

  let out = head.join('\n') + '\n';
  if (active.length) {
    const tableHead = '| Severity | Rule | Location | Masked excerpt | HIPAA |\n|---|---|---|---|---|\n';
    out += tableHead;
    let shown = 0;
    for (const f of active) {
      const r = row(f) + '\n';
      const remaining = active.length - shown - 1;
      // Keep room for the footer and the "N more" line that may follow.
      const reserve = foot.length + (remaining > 0 ? 120 : 0);
      if (out.length + r.length + reserve > limit) break;
      out += r;
      shown++;
    }
    if (shown < active.length) out += `\n**... ${active.length - shown} more finding(s) not shown (comment size limit); see the full report.**\n`;
  }
  out += foot;
  if (out.length > limit) out = out.slice(0, Math.max(0, limit - 40)) + '\n\n**(truncated to fit)**\n';
  return out;
}

export const reporter: Reporter = { format: 'markdown', extension: 'md', render: renderMarkdown };
