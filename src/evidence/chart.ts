import type { TrendPoint } from './period.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Inline SVG line chart of findings across attested runs: total and blocking per run, with each
 * run's verdict as a coloured dot. No script, no external resource; a data table accompanies it.
 */
export function trendSvg(points: TrendPoint[], opts: { width?: number; height?: number; titleId?: string } = {}): string {
  const w = opts.width ?? 720;
  const h = opts.height ?? 220;
  const pad = { l: 44, r: 16, t: 16, b: 36 };
  const id = opts.titleId ?? 'trend-title';
  const max = Math.max(1, ...points.map((p) => p.total));
  const x = (i: number) => pad.l + (points.length <= 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (points.length - 1));
  const y = (v: number) => h - pad.b - (v * (h - pad.t - pad.b)) / max;
  const line = (f: (p: TrendPoint) => number) => points.map((p, i) => `${x(i).toFixed(1)},${y(f(p)).toFixed(1)}`).join(' ');
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  const first = points[0];
  const last = points.at(-1);
  const desc = first && last ? `${points.length} runs from ${first.time.slice(0, 10)} to ${last.time.slice(0, 10)}; last run: ${last.total} findings, ${last.blocking} blocking, gate ${last.passed ? 'passed' : 'failed'}.` : 'No attested runs yet.';
  const parts = [
    `<svg viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-labelledby="${id} ${id}-desc" class="trend">`,
    `<title id="${id}">Findings per attested run</title><desc id="${id}-desc">${esc(desc)}</desc>`,
    `<rect x="0" y="0" width="${w}" height="${h}" fill="#ffffff"/>`,
    ...ticks.map((t) => `<line x1="${pad.l}" x2="${w - pad.r}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#d0d4d9"/><text x="${pad.l - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#333">${t}</text>`),
    first ? `<text x="${pad.l}" y="${h - 10}" font-size="11" fill="#333">${esc(first.time.slice(0, 10))}</text>` : '',
    last && points.length > 1 ? `<text x="${w - pad.r}" y="${h - 10}" font-size="11" fill="#333" text-anchor="end">${esc(last.time.slice(0, 10))}</text>` : '',
    points.length > 1 ? `<polyline fill="none" stroke="#1f4e8c" stroke-width="2" points="${line((p) => p.total)}"/>` : '',
    points.length > 1 ? `<polyline fill="none" stroke="#b3261e" stroke-width="2" stroke-dasharray="6 3" points="${line((p) => p.blocking)}"/>` : '',
    ...points.map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.total).toFixed(1)}" r="4" fill="${p.passed ? '#1b6e2a' : '#b3261e'}"><title>${esc(`#${p.seq} ${p.time.slice(0, 16).replace('T', ' ')}: ${p.total} findings, ${p.blocking} blocking, ${p.passed ? 'passed' : 'failed'}`)}</title></circle>`),
    `<g font-size="11" fill="#333"><line x1="${w - 250}" x2="${w - 230}" y1="12" y2="12" stroke="#1f4e8c" stroke-width="2"/><text x="${w - 226}" y="16">all findings</text>`,
    `<line x1="${w - 150}" x2="${w - 130}" y1="12" y2="12" stroke="#b3261e" stroke-width="2" stroke-dasharray="6 3"/><text x="${w - 126}" y="16">blocking</text></g>`,
    '</svg>',
  ];
  return parts.filter(Boolean).join('');
}
