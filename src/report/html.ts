import { existsSync } from 'node:fs';
import type { Finding, ScanResult, Severity } from '../core/types.js';
import { SEVERITIES } from '../core/types.js';
import { safeguardOf } from '../hipaa/catalog.js';
import { loadConfig } from '../config/config.js';
import { ledgerPath } from '../evidence/paths.js';
import { readTrend } from '../evidence/trend.js';
import { trendSvg } from '../evidence/chart.js';
import type { TrendPoint } from '../evidence/period.js';
import type { RenderOptions, Reporter } from './types.js';

const SAFEGUARDS = ['technical', 'administrative', 'physical', 'organizational', 'documentation', 'privacy', 'breach'];

/** Escape for text and double- or single-quoted attribute values alike. */
export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const CATEGORY_LABEL: Record<string, string> = { secret: 'Secrets', phi: 'PHI', iac: 'IaC', deps: 'Dependencies', imported: 'Imported', scan: 'Scan problems' };
const catLabel = (c: string) => CATEGORY_LABEL[c] ?? cap(c);

// Colours chosen for at least 4.5:1 contrast against their text colour (WCAG AA).
const CSS = `
:root{--fg:#1a1a1a;--muted:#4a4f55;--line:#c9ced4;--bg:#fff;--pass:#1b6e2a;--fail:#b3261e;--critical:#6a1b9a;--high:#b3261e;--medium:#8a4b00;--low:#1f4e8c;--info:#4a4f55}
*{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1200px;padding:1rem 1.25rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin:1.6rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.1rem 0 .4rem}
.verdict{font-size:1.15rem;font-weight:700;padding:.6rem .8rem;border-radius:6px;color:#fff;margin:.6rem 0}.verdict.pass{background:var(--pass)}.verdict.fail{background:var(--fail)}
table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.3rem 0;color:var(--muted)}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}thead th{background:#eef1f4}tbody th{font-weight:600;white-space:nowrap}
.meta th{width:12rem;background:#f6f7f9}.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:999px;color:#fff;font-size:.8rem;font-weight:600;white-space:nowrap}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}.sev-info{background:var(--info)}
.st-passed{background:var(--pass)}.st-failed{background:var(--fail)}.st-manual{background:var(--info)}.st-not-evaluated{background:var(--medium)}
code,.excerpt{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;word-break:break-all}
.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:end;padding:.6rem;border:1px solid var(--line);border-radius:6px;background:#f6f7f9}
.filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600;gap:.2rem}.filters label.inline{flex-direction:row;align-items:center;gap:.35rem}
select,input,button{font:inherit;padding:.25rem .4rem;border:1px solid #767b82;border-radius:4px;background:#fff;color:var(--fg)}
:focus-visible{outline:3px solid #1f4e8c;outline-offset:2px}.muted{color:var(--muted)}.suppressed td{color:var(--muted)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
svg.trend{max-width:760px;border:1px solid var(--line);border-radius:6px}
@media print{body{max-width:none;font-size:10pt;padding:0}.filters,#filter-status{display:none!important}tr[hidden],section[hidden]{display:revert!important}
.verdict{color:#000;background:none!important;border:2px solid #000}.badge{color:#000;background:none!important;border:1px solid #000}
h2{break-after:avoid}tr{break-inside:avoid}details{display:block}details>*{display:block}}
`;

// Filters work on data attributes only: no finding text is ever placed into script.
const SCRIPT = `
(function(){
  var form=document.getElementById('filters');if(!form)return;form.hidden=false;
  var sev=document.getElementById('f-sev'),cat=document.getElementById('f-cat'),txt=document.getElementById('f-text'),sup=document.getElementById('f-sup');
  var rank={critical:4,high:3,medium:2,low:1,info:0};
  var rows=Array.prototype.slice.call(document.querySelectorAll('tr[data-sev]'));
  var status=document.getElementById('filter-status');
  function apply(){
    var minSev=sev.value,c=cat.value,q=txt.value.trim().toLowerCase(),shown=0;
    rows.forEach(function(r){
      var ok=(minSev==='all'||rank[r.getAttribute('data-sev')]>=rank[minSev])&&(c==='all'||r.getAttribute('data-cat')===c)
        &&(!q||r.textContent.toLowerCase().indexOf(q)>=0)&&(sup.checked||r.getAttribute('data-suppressed')!=='1');
      r.hidden=!ok;if(ok)shown++;
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.group'),function(s){
      s.hidden=!s.querySelector('tr[data-sev]:not([hidden])');
    });
    status.textContent='Showing '+shown+' of '+rows.length+' findings';
  }
  [sev,cat,sup].forEach(function(e){e.addEventListener('change',apply)});txt.addEventListener('input',apply);
  form.addEventListener('submit',function(e){e.preventDefault();apply()});
  form.addEventListener('reset',function(){setTimeout(apply,0)});
  apply();
})();
`;

function sevBadge(s: Severity): string {
  return `<span class="badge sev-${s}">${esc(s)}</span>`;
}

function locationText(f: Finding): string {
  const l = f.location;
  let s = `${l.path}:${l.startLine}`;
  if (l.commit) s += ` @${l.commit.slice(0, 12)}`;
  if (l.layer) s += ` [${l.layer.slice(0, 19)}]`;
  if (l.resource) s += ` (${l.resource})`;
  return s;
}

function findingsSection(result: ScanResult): string {
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const g = safeguardOf(f.hipaa[0] ?? '');
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(f);
  }
  const cats = [...new Set(result.findings.map((f) => f.category))].sort();
  const active = result.findings.filter((f) => !f.suppression).length;
  const out = [
    `<section aria-labelledby="findings-h"><h2 id="findings-h">Findings by safeguard</h2>`,
    `<form id="filters" class="filters" hidden aria-label="Filter findings">`,
    `<label for="f-sev">Minimum severity<select id="f-sev"><option value="all">All</option>${SEVERITIES.map((s) => `<option value="${s}">${cap(s)}</option>`).join('')}</select></label>`,
    `<label for="f-cat">Category<select id="f-cat"><option value="all">All</option>${cats.map((c) => `<option value="${esc(c)}">${esc(catLabel(c))}</option>`).join('')}</select></label>`,
    `<label for="f-text">Search text<input type="search" id="f-text" placeholder="rule, path, citation"></label>`,
    `<label class="inline" for="f-sup"><input type="checkbox" id="f-sup" checked> Show suppressed</label>`,
    `<button type="reset">Clear filters</button></form>`,
    `<p id="filter-status" role="status" aria-live="polite" class="muted">${result.findings.length} findings (${active} not suppressed)</p>`,
  ];
  if (result.findings.length === 0) out.push('<p>No findings.</p>');
  for (const g of [...SAFEGUARDS.filter((s) => groups.has(s)), ...[...groups.keys()].filter((s) => !SAFEGUARDS.includes(s))]) {
    const list = groups.get(g)!;
    out.push(`<section class="group" aria-labelledby="g-${esc(g)}"><h3 id="g-${esc(g)}">${esc(cap(g))} safeguards</h3>`);
    out.push(`<table class="findings"><caption>${esc(cap(g))} safeguards: ${list.length} finding${list.length === 1 ? '' : 's'}</caption>`);
    out.push('<thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Location</th><th scope="col">Masked excerpt</th><th scope="col">HIPAA</th><th scope="col">Remediation</th></tr></thead><tbody>');
    for (const f of list) {
      const sup = f.suppression ? `<br><span class="muted">suppressed (${esc(f.suppression.kind)}${f.suppression.reason ? `: ${esc(f.suppression.reason)}` : ''}${f.suppression.approvedBy ? `; approved by ${esc(f.suppression.approvedBy)}` : ''}${f.suppression.expires ? `; until ${esc(f.suppression.expires)}` : ''})</span>` : '';
      out.push(
        `<tr data-sev="${esc(f.severity)}" data-cat="${esc(f.category)}" data-suppressed="${f.suppression ? 1 : 0}"${f.suppression ? ' class="suppressed"' : ''}>` +
          `<td>${sevBadge(f.severity)}</td><th scope="row"><code>${esc(f.ruleId)}</code><br>${esc(f.message)}${sup}</th>` +
          `<td><code>${esc(locationText(f))}</code></td><td class="excerpt">${esc(f.excerpt)}</td><td>${f.hipaa.map((h) => esc(h)).join('<br>')}</td>` +
          `<td>${esc(f.remediation)}${f.helpUri ? `<br><span class="muted">More: ${esc(f.helpUri)}</span>` : ''}</td></tr>`,
      );
    }
    out.push('</tbody></table></section>');
  }
  out.push('</section>');
  return out.join('\n');
}

function summarySection(result: ScanResult): string {
  const cats = [...new Set(result.findings.map((f) => f.category))].sort();
  const count = (c: string, s: Severity) => result.findings.filter((f) => f.category === c && f.severity === s && !f.suppression).length;
  const rows = cats.map((c) => `<tr><th scope="row">${esc(catLabel(c))}</th>${SEVERITIES.map((s) => `<td class="num">${count(c, s)}</td>`).join('')}<td class="num">${result.findings.filter((f) => f.category === c && f.suppression).length}</td></tr>`);
  return [
    '<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>',
    `<table><caption>Findings not suppressed, by category and severity (suppressed counted separately)</caption><thead><tr><th scope="col">Category</th>${SEVERITIES.map((s) => `<th scope="col" class="num">${cap(s)}</th>`).join('')}<th scope="col" class="num">Suppressed</th></tr></thead>`,
    `<tbody>${rows.join('') || `<tr><td colspan="${SEVERITIES.length + 2}">No findings.</td></tr>`}</tbody></table>`,
    result.gate.reasons.length ? `<p><strong>Why the gate failed besides findings:</strong></p><ul>${result.gate.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '',
    result.gate.warnings.length ? `<p><strong>Warnings:</strong></p><ul>${result.gate.warnings.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : '',
    '</section>',
  ].join('\n');
}

function controlsSection(result: ScanResult): string {
  const rows = result.controls.map(
    (c) => `<tr><th scope="row">${esc(c.id)}</th><td>${esc(c.title)}</td><td>${esc(cap(c.safeguard))}</td><td>${c.required ? 'Required' : 'Addressable'}</td><td><span class="badge st-${esc(c.status)}">${esc(c.status)}</span></td><td class="num">${c.findings}</td><td>${c.rules.length}</td></tr>`,
  );
  const n = (s: string) => result.controls.filter((c) => c.status === s).length;
  return [
    '<section aria-labelledby="controls-h"><h2 id="controls-h">HIPAA control matrix</h2>',
    `<p>${n('passed')} evidenced automatically and passing, ${n('failed')} failing, ${n('not-evaluated')} not evaluated in this run, ${n('manual')} need a manual attestation.</p>`,
    '<table><caption>Security Rule controls (45 CFR 164) and their status in this run</caption><thead><tr><th scope="col">Citation</th><th scope="col">Control</th><th scope="col">Safeguard</th><th scope="col">Specification</th><th scope="col">Status</th><th scope="col" class="num">Findings</th><th scope="col">Rules</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table></section>`,
  ].join('\n');
}

function trendSection(points: TrendPoint[]): string {
  if (points.length === 0) return '';
  const rows = points.map((p) => `<tr><th scope="row">#${p.seq}</th><td>${esc(p.time.slice(0, 19).replace('T', ' '))}</td><td>${p.passed ? 'passed' : 'failed'}</td><td class="num">${p.total}</td><td class="num">${p.blocking}</td><td class="num">${p.suppressed}</td></tr>`);
  return [
    '<section aria-labelledby="trend-h"><h2 id="trend-h">Trend across the evidence ledger</h2>',
    trendSvg(points),
    `<details><summary>Data table (${points.length} runs)</summary><table><caption>Attested runs</caption><thead><tr><th scope="col">Entry</th><th scope="col">Time (UTC)</th><th scope="col">Gate</th><th scope="col" class="num">Findings</th><th scope="col" class="num">Blocking</th><th scope="col" class="num">Suppressed</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`,
    '</section>',
  ].join('\n');
}

function skippedSection(result: ScanResult): string {
  const gaps = result.skipped.filter((s) => !s.expected);
  if (!gaps.length) return '';
  const shown = gaps.slice(0, 500);
  return [
    `<section aria-labelledby="skipped-h"><h2 id="skipped-h">Not scanned (${gaps.length})</h2>`,
    `<table><caption>Files or parts that could not be scanned${gaps.length > shown.length ? ` (first ${shown.length})` : ''}</caption><thead><tr><th scope="col">Path</th><th scope="col">Reason</th><th scope="col">Detail</th></tr></thead><tbody>`,
    shown.map((s) => `<tr><th scope="row"><code>${esc(s.path)}${s.line ? `:${s.line}` : ''}</code></th><td>${esc(s.reason)}</td><td>${esc(s.detail)}</td></tr>`).join(''),
    '</tbody></table></section>',
  ].join('\n');
}

function defaultTrend(result: ScanResult): TrendPoint[] {
  try {
    const root = result.target.root;
    if (!root || !existsSync(root)) return [];
    return readTrend(ledgerPath(root, loadConfig(root)));
  } catch {
    return [];
  }
}

/** One self-contained page: inline CSS, inline script and inline SVG; nothing is fetched. */
export function renderHtml(result: ScanResult, opts: RenderOptions = {}): string {
  const trend = opts.trend ?? defaultTrend(result);
  const t = result.target;
  const verdictClass = result.gate.passed ? 'pass' : 'fail';
  const meta: Array<[string, string | undefined]> = [
    ['Target', `${t.root} (${t.mode})`],
    ['Commit', t.commit],
    ['Branch', t.branch],
    ['Image', t.image],
    ['Started', result.startedAt],
    ['Scanned', `${result.stats.filesScanned} files, ${result.stats.bytesScanned} bytes in ${result.stats.durationMs} ms`],
    ['Tool', `${result.tool.name} ${result.tool.version}`],
    ['Rule set digest', result.tool.rulesetDigest],
    ['Config digest', result.configDigest],
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>hipaa-gate report: ${esc(result.gate.passed ? 'passed' : 'failed')}</title>`,
    `<style>${CSS}</style></head><body>`,
    '<header><h1>hipaa-gate compliance report</h1>',
    `<p id="verdict" class="verdict ${verdictClass}" role="status">${esc(result.gate.summary)}</p>`,
    `<table class="meta"><caption>Run</caption><tbody>${meta.filter(([, v]) => v).map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td><code>${esc(v)}</code></td></tr>`).join('')}</tbody></table></header>`,
    '<main>',
    summarySection(result),
    controlsSection(result),
    trendSection(trend),
    findingsSection(result),
    skippedSection(result),
    '</main>',
    `<footer class="muted"><p>Generated by hipaa-gate ${esc(result.tool.version)} at ${esc(result.finishedAt)}. Values are masked; this file loads nothing from the network.</p></footer>`,
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

export const reporter: Reporter = { format: 'html', extension: 'html', render: renderHtml };
