import type { Finding, ScanResult, Severity } from '../core/types.js';
import { controlById, safeguardOf } from '../hipaa/catalog.js';
import type { Reporter, RenderOptions } from './types.js';

const SAFEGUARD_ORDER = ['technical', 'administrative', 'physical', 'organizational', 'documentation', 'privacy', 'breach'];
const SAFEGUARD_SECTION: Record<string, string> = {
  administrative: '164.308',
  physical: '164.310',
  technical: '164.312',
  organizational: '164.314',
  documentation: '164.316',
};

function paint(on: boolean) {
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('31'), yellow: wrap('33'), bold: wrap('1'), dim: wrap('2'), green: wrap('32'), magenta: wrap('35'), cyan: wrap('36') };
}

/**
 * Terminal control characters in file names or messages could rewrite the screen (hide a finding,
 * fake a verdict); they are shown escaped.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/g;
function clean(s: string): string {
  return s.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Human report: findings grouped by HIPAA safeguard (of their first citation), each with its
 * severity, file:line, masked value, citations, and the fix; then what was not scanned, the
 * warnings, and a one-line verdict. Suppressed findings are counted, and listed with showSuppressed.
 */
export function renderText(result: ScanResult, opts: RenderOptions = {}): string {
  const c = paint(opts.color ?? false);
  const blocking = new Set(result.gate.blocking);
  const sevColor: Record<Severity, (s: string) => string> = { critical: c.magenta, high: c.red, medium: c.yellow, low: c.dim, info: c.dim };
  const shown = result.findings.filter((f) => opts.showSuppressed || !f.suppression);
  const out: string[] = [];
  const s = result.stats;
  out.push(c.bold(`hipaa-gate ${result.tool.version}`) + c.dim(` - ${result.target.mode} scan: ${s.filesScanned} file(s), ${fmtBytes(s.bytesScanned)} in ${s.durationMs} ms`));

  const groups = new Map<string, Finding[]>();
  for (const f of shown) {
    const g = safeguardOf(f.hipaa[0] ?? '');
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(f);
  }
  // Citations and the fix are printed with a rule's first finding only: a fixture with 40 names
  // should not repeat the same paragraph 40 times.
  const explained = new Set<string>();
  for (const g of SAFEGUARD_ORDER.filter((x) => groups.has(x))) {
    const list = groups.get(g)!;
    const section = SAFEGUARD_SECTION[g] ? ` (45 CFR ${SAFEGUARD_SECTION[g]})` : '';
    out.push('', c.bold(`${g[0]!.toUpperCase()}${g.slice(1)} safeguards${section}: ${list.length} finding${list.length === 1 ? '' : 's'}`));
    for (const f of list) {
      const l = f.location;
      const loc = clean(`${l.path}:${l.startLine}${l.commit ? ` @${l.commit.slice(0, 8)}` : ''}${l.layer ? ` [${l.layer.slice(0, 19)}]` : ''}`);
      const note = f.suppression
        ? c.dim(` (suppressed by ${f.suppression.kind}${f.suppression.source ? ` ${f.suppression.source}` : ''}: ${clean(f.suppression.reason ?? '')})`)
        : blocking.has(f.fingerprint)
          ? ''
          : c.dim(' (below the fail threshold)');
      out.push(`  ${sevColor[f.severity](f.severity.toUpperCase().padEnd(8))} ${c.cyan(loc)}  ${f.ruleId}${note}`);
      out.push(`           ${clean(f.message)}${f.excerpt ? `: ${clean(f.excerpt)}` : ''}${l.resource && !`${f.message} ${f.excerpt}`.includes(l.resource) ? c.dim(` [${clean(l.resource)}]`) : ''}`);
      if (explained.has(f.ruleId)) continue;
      explained.add(f.ruleId);
      out.push(c.dim(`           HIPAA ${f.hipaa.map(cite).join('; ')}`));
      const fix = fixLines(f.remediation);
      out.push(`           fix: ${fix[0] ?? ''}`, ...fix.slice(1).map((l) => `                ${l}`));
    }
  }

  const suppressed = result.findings.filter((f) => f.suppression);
  if (suppressed.length && !opts.showSuppressed) {
    const kinds = new Map<string, number>();
    for (const f of suppressed) kinds.set(f.suppression!.kind, (kinds.get(f.suppression!.kind) ?? 0) + 1);
    const by = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
    out.push('', c.dim(`${suppressed.length} suppressed finding(s) not shown (${by}); --show-suppressed lists them`));
  }

  const gaps = result.skipped.filter((x) => !x.expected);
  if (gaps.length) {
    out.push('', c.bold(`Not scanned (${gaps.length})`));
    for (const x of gaps.slice(0, 50)) out.push(`  ${clean(x.path)}${x.line ? `:${x.line}` : ''}  ${x.reason}: ${clean(x.detail)}`);
    if (gaps.length > 50) out.push(`  ... and ${gaps.length - 50} more (see --format json)`);
  }
  if (result.gate.warnings.length) out.push('');
  for (const w of result.gate.warnings) out.push(c.yellow(`warning: ${clean(w)}`));
  out.push('', result.gate.passed ? c.green(result.gate.summary) : c.red(c.bold(clean(result.gate.summary))));
  return out.join('\n') + '\n';
}

/** The fix's first paragraph (a sentence, or a sentence and a short snippet), at most 6 lines. */
function fixLines(remediation: string): string[] {
  const para = remediation.trim().split(/\n\s*\n/)[0] ?? '';
  const lines = para.split('\n').map((l) => clean(l.trimEnd()));
  return lines.length > 6 ? [...lines.slice(0, 5), '...'] : lines;
}

/** `164.312(d) Person or entity authentication` when the catalog knows the citation. */
function cite(id: string): string {
  const ctl = controlById(id);
  return ctl ? `${id} ${ctl.title}` : id;
}

function fmtBytes(n: number): string {
  return n > 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n > 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`;
}

export const reporter: Reporter = { format: 'text', extension: 'txt', render: renderText };
