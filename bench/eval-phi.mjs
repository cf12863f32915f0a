#!/usr/bin/env node
// Precision and recall per identifier kind on the generated, line-labelled healthcare corpus.
// Usage: npm run eval:phi [-- --seed N --patients N]
import { generateCorpus } from './phi-corpus/generate.mjs';

export async function evaluate(corpus, scanner) {
  await scanner.init?.({});
  const stats = new Map();
  const get = (k) => stats.get(k) ?? (stats.set(k, { tp: 0, fp: 0, fn: 0, fps: [], fns: [] }), stats.get(k));
  for (const f of corpus) {
    const artifact = { path: f.path, text: f.text, origin: { kind: 'worktree' }, size: Buffer.byteLength(f.text) };
    const ctx = { root: '/', options: {}, now: '2026-01-01T00:00:00.000Z', problem: () => {} };
    const found = scanner.appliesTo(f.path, artifact.size) ? scanner.scan(artifact, ctx) : [];
    const predicted = new Set(found.map((x) => `${x.location.startLine}\u0000${x.ruleId.replace(/^phi\//, '')}`));
    const truth = new Set(f.labels.flatMap((kinds, i) => kinds.map((k) => `${i + 1}\u0000${k}`)));
    for (const p of predicted) {
      const [line, kind] = p.split('\u0000');
      if (truth.has(p)) get(kind).tp++;
      else { get(kind).fp++; get(kind).fps.push(`${f.path}:${line}`); }
    }
    for (const t of truth) if (!predicted.has(t)) { const [line, kind] = t.split('\u0000'); get(kind).fn++; get(kind).fns.push(`${f.path}:${line}`); }
  }
  return stats;
}

export function summarise(stats) {
  let tp = 0, fp = 0, fn = 0;
  const rows = [...stats].sort().map(([k, s]) => {
    tp += s.tp; fp += s.fp; fn += s.fn;
    const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    return { kind: k, tp: s.tp, fp: s.fp, fn: s.fn, precision: p, recall: r, fps: s.fps, fns: s.fns };
  });
  return { rows, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), tp, fp, fn };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (n, d) => { const i = process.argv.indexOf(`--${n}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
  const seeds = process.argv.includes('--seed') ? [arg('seed', 1)] : [1, 2, 3, 4, 5];
  const { scanner } = await import('../dist/scanners/phi/index.js');
  const corpus = seeds.flatMap((seed) => generateCorpus({ seed, patients: arg('patients', 40) }).map((f) => ({ ...f, path: f.path })));
  const sum = summarise(await evaluate(corpus, scanner));
  console.log(`PHI evaluation: ${corpus.length} files, seeds ${seeds.join(',')}\n`);
  console.log('kind                      TP   FP   FN  precision  recall');
  for (const r of sum.rows) console.log(`${r.kind.padEnd(24)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3).padStart(6)}`);
  console.log(`${'ALL (micro)'.padEnd(24)} ${String(sum.tp).padStart(4)} ${String(sum.fp).padStart(4)} ${String(sum.fn).padStart(4)}  ${sum.precision.toFixed(3).padStart(9)}  ${sum.recall.toFixed(3).padStart(6)}`);
  if (process.argv.includes('--verbose')) for (const r of sum.rows) { if (r.fps.length) console.log(`FP ${r.kind}: ${r.fps.slice(0, 8).join(' ')}`); if (r.fns.length) console.log(`FN ${r.kind}: ${r.fns.slice(0, 8).join(' ')}`); }
}
