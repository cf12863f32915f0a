// `npm run bench`: hipaa-gate throughput and memory on the shared corpus beside secretlint, the cost
// of PHI detection, a pre-commit run, and the IaC, dependency and redaction cases. Prints a summary
// table and writes .bench/results.json. See docs/bench.md.
//
//   node bench/run.mjs [--cases corpus,precommit,iac,deps,redact] [--no-secretlint]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchDir, cliPath, hasGnuTime } from './lib.mjs';
import { existsSync } from 'node:fs';

const CASES = {
  corpus: () => import('./cases/corpus.mjs'),
  precommit: () => import('./cases/precommit.mjs'),
  iac: () => import('./cases/iac.mjs'),
  deps: () => import('./cases/deps.mjs'),
  redact: () => import('./cases/redact.mjs'),
};

const args = process.argv.slice(2);
const casesArg = args.includes('--cases') ? args[args.indexOf('--cases') + 1] : undefined;
const selected = casesArg ? casesArg.split(',').map((s) => s.trim()) : Object.keys(CASES);
for (const c of selected) if (!CASES[c]) throw new Error(`unknown case "${c}" (known: ${Object.keys(CASES).join(', ')})`);
if (!existsSync(cliPath)) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does)');

const log = (m) => process.stderr.write(`[bench] ${m}\n`);
mkdirSync(benchDir, { recursive: true });
const ctx = { log, skipSecretlint: args.includes('--no-secretlint') };

const loadAtStart = loadavg()[0];
const results = {};
for (const name of selected) {
  log(`case ${name}`);
  try {
    const mod = await CASES[name]();
    results[name] = await mod.run(ctx);
  } catch (e) {
    results[name] = { status: 'failed', why: e instanceof Error ? e.message : String(e) };
  }
  const r = results[name];
  if (r.status !== 'ok') log(`${name}: ${r.status}: ${r.why}`);
}

const env = {
  node: process.version,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model,
  memGB: Math.round(totalmem() / 2 ** 30),
  rss: hasGnuTime ? '/usr/bin/time -v (max RSS of the process, worker threads included)' : '/proc/<pid>/status VmHWM polling',
  date: new Date().toISOString(),
  loadAvg1m: { start: Math.round(loadAtStart * 100) / 100, end: Math.round(loadavg()[0] * 100) / 100 },
};
// A partial run (--cases) updates its cases and keeps the others from the previous run.
const resultsPath = join(benchDir, 'results.json');
let previous = {};
try {
  previous = JSON.parse(readFileSync(resultsPath, 'utf8')).results ?? {};
} catch {
  previous = {};
}
writeFileSync(resultsPath, JSON.stringify({ env, results: { ...previous, ...results } }, null, 2) + '\n');

// Summary table.
const cols = ['tool', 'files', 'bytes', 'wallS', 'cpuS', 'MBps', 'filesPerS', 'peakRssMB', 'findings'];
const heads = { tool: 'case', files: 'files', bytes: 'bytes', wallS: 'wall s', cpuS: 'cpu s', MBps: 'MB/s', filesPerS: 'files/s', peakRssMB: 'peak RSS MB', findings: 'findings' };
const table = [];
for (const [name, r] of Object.entries(results)) {
  if (r.status === 'ok') for (const row of r.rows ?? []) table.push(row);
  else table.push({ message: `${name}: ${r.status}: ${r.why}` });
}
const cell = (v) => (v === undefined ? '' : typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
const widths = cols.map((c) => Math.max(heads[c].length, ...table.filter((t) => !t.message).map((t) => cell(t[c]).length)));
const line = (vals) => vals.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
const out = [];
out.push('', `hipaa-gate bench - node ${env.node}, ${env.cpus} CPU(s) ${env.cpuModel ?? ''}, ${env.memGB} GB`);
if (Math.max(env.loadAvg1m.start, env.loadAvg1m.end) > env.cpus * 0.5) {
  out.push(`warning: load average ${env.loadAvg1m.start} -> ${env.loadAvg1m.end} on ${env.cpus} CPU(s): other processes share the CPUs, wall-clock numbers are pessimistic`);
}
out.push(line(cols.map((c) => heads[c])));
out.push(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) out.push(t.message ?? line(cols.map((c) => cell(t[c]))));
const c = results.corpus;
if (c?.status === 'ok') {
  out.push('');
  if (c.metrics.speedupVsSecretlint !== undefined) out.push(`hipaa-gate (all scanners) vs secretlint: ${c.metrics.speedupVsSecretlint}x the MB/s (target >= 10x)`);
  if (c.metrics.engineOnlyVsSecretlint !== undefined) out.push(`engine alone (a scanner that finds nothing) vs secretlint: ${c.metrics.engineOnlyVsSecretlint}x, the ceiling of the line above on this machine`);
  out.push(`PHI cost: secrets+phi wall / secrets wall = ${c.metrics.phiCostRatio} (target <= 2)`);
  for (const n of c.notes ?? []) out.push(`note: ${n}`);
}
const p = results.precommit;
if (p?.status === 'ok') out.push(`pre-commit: ${p.metrics.medianWallMs} ms median wall for ${p.metrics.stagedFiles} staged files (node alone: ${p.metrics.nodeStartupMs} ms; target < 500 ms)`);
const rd = results.redact;
if (rd?.status === 'ok') {
  const { dense, sparse, startupMs } = rd.metrics;
  out.push(`redact: ${dense.MBps} MB/s with 30% of lines carrying an identifier, ${sparse.MBps} MB/s with 2% (target >= 50)`);
  out.push(`redact, sustained (the ${Math.round((dense.longBytes - dense.bytes) / 1e6)} MB more of a run four times as long; start-up alone ${startupMs} ms; medians of ${dense.sustainedRoundsMBps.length} rounds): ${dense.sustainedMBps} MB/s (30%; rounds ${dense.sustainedRoundsMBps.join(', ')}), ${sparse.sustainedMBps} MB/s (2%; rounds ${sparse.sustainedRoundsMBps.join(', ')})`);
}
for (const [name, r] of Object.entries(results)) if (r.status === 'ok') for (const n of name === 'corpus' ? [] : (r.notes ?? [])) out.push(`note (${name}): ${n}`);
out.push(`results: ${join(benchDir, 'results.json')}`);
console.log(out.join('\n'));
process.exitCode = Object.values(results).some((r) => r.status === 'failed') ? 1 : 0;
