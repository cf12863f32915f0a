// The throughput case: hipaa-gate with every scanner over the shared code corpus, beside secretlint's
// recommended preset over the very same files, plus the cost of PHI detection on top of secrets.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, cliPath, ensureCorpus, mb, measure, rate, repoRoot, round, walkFiles, why } from '../lib.mjs';

/** No size-limit skipping in the bench: every byte secretlint reads, hipaa-gate reads too. */
const CONFIG = 'version: 1\nmax_file_size: 4GB\n';

async function hipaaGate(ctx, root, label, extra = []) {
  const out = join(benchDir, `scan-${label}.json`);
  const r = await measure(process.execPath, [cliPath, 'scan', root, '--config', ctx.configPath, '--no-progress', '--format', 'json', '--output', out, ...extra]);
  if (r.status !== 0 && r.status !== 1) return { ok: false, why: why(r) };
  const res = JSON.parse(readFileSync(out, 'utf8'));
  return {
    ok: true,
    wallMs: r.wallMs,
    cpuS: r.cpuS,
    peakRssMB: r.peakRssMB,
    files: res.stats.filesScanned,
    bytes: res.stats.bytesScanned,
    findings: res.findings.length,
    skipped: res.skipped.filter((s) => !s.expected).length,
    timings: res.stats.timings,
  };
}

function row(name, x) {
  return {
    tool: name,
    files: x.files,
    bytes: x.bytes,
    wallS: round(x.wallMs / 1000, 2),
    cpuS: round(x.cpuS, 2),
    MBps: round(rate(mb(x.bytes), x.wallMs)),
    filesPerS: Math.round(rate(x.files, x.wallMs)),
    peakRssMB: round(x.peakRssMB),
    findings: x.findings,
  };
}

export async function run(ctx) {
  const corpus = ensureCorpus(ctx.log);
  ctx.log(`corpus: ${corpus.line}${corpus.reused ? ' (reused)' : ''}`);
  const files = await walkFiles(corpus.dir);
  const listPath = join(benchDir, 'corpus-files.txt');
  writeFileSync(listPath, files.map((f) => f.abs).join('\n') + '\n');
  const listedBytes = files.reduce((n, f) => n + f.size, 0);
  ctx.configPath = join(benchDir, 'hipaa-gate.bench.yml');
  writeFileSync(ctx.configPath, CONFIG);

  // Warm the page cache so neither tool pays for the first read from disk.
  for (const f of files) readFileSync(f.abs);

  const rows = [];
  const metrics = { corpus: corpus.line, walkedFiles: files.length, walkedBytes: listedBytes };

  ctx.log('hipaa-gate, all scanners ...');
  const all = await hipaaGate(ctx, corpus.dir, 'all');
  if (!all.ok) return { status: 'failed', why: all.why, metrics };
  rows.push(row('hipaa-gate (all scanners)', all));
  metrics.hipaaGate = { ...rows[0], timings: all.timings, gaps: all.skipped };

  if (ctx.skipSecretlint) {
    metrics.secretlint = 'skipped: --no-secretlint';
  } else {
    ctx.log('secretlint (recommended preset), same files ...');
    const sl = await measure(process.execPath, [join(repoRoot, 'bench', 'secretlint-run.mjs'), listPath]);
    if (sl.status !== 0) {
      metrics.secretlint = `unavailable: ${why(sl)}`;
    } else {
      const s = JSON.parse(sl.stdout.trim().split('\n').at(-1));
      const r = row('secretlint 11 (recommend)', { ...s, wallMs: sl.wallMs, cpuS: sl.cpuS, peakRssMB: sl.peakRssMB });
      rows.push(r);
      metrics.secretlint = r;
      metrics.speedupVsSecretlint = round(rows[0].MBps / r.MBps, 2);
    }
  }

  ctx.log('engine only (walk + pool + read + decode, a scanner that finds nothing) ...');
  const pipe = await measure(process.execPath, [join(repoRoot, 'bench', 'pipeline-run.mjs'), corpus.dir]);
  if (pipe.status === 0) {
    const p = JSON.parse(pipe.stdout.trim().split('\n').at(-1));
    const r = row('engine only (null scanner)', { ...p, findings: 0, wallMs: pipe.wallMs, cpuS: pipe.cpuS, peakRssMB: pipe.peakRssMB });
    rows.push(r);
    metrics.engineOnly = r;
    // No scanner can take the whole scan past the engine that feeds it: the ceiling of the ratio.
    if (typeof metrics.secretlint === 'object') metrics.engineOnlyVsSecretlint = round(r.MBps / metrics.secretlint.MBps, 2);
  } else {
    metrics.engineOnly = `failed: ${why(pipe)}`;
  }

  ctx.log('hipaa-gate, secrets only vs secrets+phi ...');
  const sec = await hipaaGate(ctx, corpus.dir, 'secrets', ['--scanners', 'secrets']);
  const secPhi = await hipaaGate(ctx, corpus.dir, 'secrets-phi', ['--scanners', 'secrets,phi']);
  if (sec.ok) rows.push(row('hipaa-gate (secrets)', sec));
  if (secPhi.ok) rows.push(row('hipaa-gate (secrets,phi)', secPhi));
  if (sec.ok && secPhi.ok) metrics.phiCostRatio = round(secPhi.wallMs / sec.wallMs, 2);
  else metrics.phiCostRatio = `unavailable: ${sec.ok ? secPhi.why : sec.why}`;

  const mismatch = rows.filter((r) => r.bytes !== listedBytes).map((r) => `${r.tool} scanned ${r.bytes} of ${listedBytes} bytes`);
  return { status: 'ok', rows, metrics, notes: mismatch };
}
