import type { Finding, ScanResult } from '../core/types.js';
import { safeguardOf } from '../hipaa/catalog.js';
import type { Reporter, RenderOptions } from './types.js';

const SAFEGUARD_ORDER = ['technical', 'administrative', 'physical', 'organizational', 'documentation', 'privacy', 'breach'];

function paint(on: boolean) {
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('31'), yellow: wrap('33'), bold: wrap('1'), dim: wrap('2'), green: wrap('32'), magenta: wrap('35'), cyan: wrap('36') };
}

/** Human report: findings grouped by HIPAA safeguard, masked values, file:line, the fix, the verdict. */
export function renderText(result: ScanResult, opts: RenderOptions = {}): string {
  const c = paint(opts.color ?? false);
  const sev = (f: Finding) => {
    const s = f.severity.toUpperCase().padEnd(8);
    return f.severity === 'critical' ? c.magenta(s) : f.severity === 'high' ? c.red(s) : f.severity === 'medium' ? c.yellow(s) : c.dim(s);
  };
  const shown = result.findings.filter((f) => opts.showSuppressed || !f.suppression);
  const out: string[] = [];
  out.push(c.bold(`hipaa-gate ${result.tool.version}`) + c.dim(` - scanned ${result.stats.filesScanned} file(s), ${fmtBytes(result.stats.bytesScanned)} in ${result.stats.durationMs} ms`));
  const groups = new Map<string, Finding[]>();
  for (const f of shown) {
    const g = safeguardOf(f.hipaa[0] ?? '');
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(f);
  }
  for (const g of SAFEGUARD_ORDER.filter((x) => groups.has(x))) {
    const list = groups.get(g)!;
    out.push('', c.bold(`${g[0]!.toUpperCase()}${g.slice(1)} safeguards (${list.length})`));
    for (const f of list) {
      const loc = `${f.location.path}:${f.location.startLine}${f.location.commit ? ` @${f.location.commit.slice(0, 8)}` : ''}${f.location.layer ? ` [${f.location.layer.slice(0, 19)}]` : ''}`;
      out.push(`  ${sev(f)} ${c.cyan(loc)}  ${f.ruleId}${f.suppression ? c.dim(` (suppressed: ${f.suppression.kind})`) : ''}`);
      out.push(`           ${f.message}${f.excerpt ? `: ${f.excerpt}` : ''}`);
      out.push(c.dim(`           HIPAA ${f.hipaa.join(', ')}`));
      out.push(`           fix: ${f.remediation.split('\n')[0]}`);
    }
  }
  const gaps = result.skipped.filter((s) => !s.expected);
  if (gaps.length) {
    out.push('', c.bold(`Not scanned (${gaps.length})`));
    for (const s of gaps.slice(0, 50)) out.push(`  ${s.path}${s.line ? `:${s.line}` : ''}  ${s.reason}: ${s.detail}`);
    if (gaps.length > 50) out.push(`  ... and ${gaps.length - 50} more (see --format json)`);
  }
  for (const w of result.gate.warnings) out.push(c.yellow(`warning: ${w}`));
  out.push('', result.gate.passed ? c.green(result.gate.summary) : c.red(c.bold(result.gate.summary)));
  return out.join('\n') + '\n';
}

function fmtBytes(n: number): string {
  return n > 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n > 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`;
}

export const reporter: Reporter = { format: 'text', extension: 'txt', render: renderText };
