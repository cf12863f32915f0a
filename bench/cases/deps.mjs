// The dependency case. Hook: dist/scanners/deps/bench-gen.js exports either
//   runBench({ workDir, cliPath, measure }) -> { metrics: {...}, rows?: [...], notes?: [...] }
//     (full control: import a synthetic advisory database, time matching; the deps owner knows how), or
//   generateDepsCorpus(dir, { lockfiles, packages }) -> { lockfiles?, packages? } | void
//     (a monorepo of lockfiles; the bench scans it with `--scanners deps` and reports time and memory).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, cliPath, measure, optionalModule, rate, round, why } from '../lib.mjs';

const LOCKFILES = 50;
const PACKAGES = 20_000;

export async function run() {
  const gen = await optionalModule('scanners/deps/bench-gen.js');
  const workDir = join(benchDir, 'deps');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  if (typeof gen?.runBench === 'function') {
    const r = await gen.runBench({ workDir, cliPath, measure });
    return { status: 'ok', metrics: r.metrics ?? {}, rows: r.rows ?? [], notes: r.notes ?? [] };
  }
  if (typeof gen?.generateDepsCorpus !== 'function') {
    return { status: 'skipped', why: 'dist/scanners/deps/bench-gen.js does not export runBench or generateDepsCorpus yet' };
  }
  const made = (await gen.generateDepsCorpus(workDir, { lockfiles: LOCKFILES, packages: PACKAGES })) ?? {};
  const out = join(benchDir, 'scan-deps.json');
  const r = await measure(process.execPath, [cliPath, 'scan', workDir, '--scanners', 'deps', '--no-progress', '--format', 'json', '--output', out]);
  if (r.status !== 0 && r.status !== 1) return { status: 'failed', why: why(r) };
  const res = JSON.parse(readFileSync(out, 'utf8'));
  const packages = made.packages ?? PACKAGES;
  const metrics = {
    lockfiles: made.lockfiles ?? res.stats.filesScanned,
    packages,
    findings: res.findings.length,
    wallMs: Math.round(r.wallMs),
    packagesPerS: Math.round(rate(packages, r.wallMs)),
    peakRssMB: round(r.peakRssMB),
    depsScannerMs: res.stats.timings?.depsMs,
  };
  return {
    status: 'ok',
    metrics,
    rows: [{ tool: `deps (${metrics.lockfiles} lockfiles, ${packages} pkgs)`, files: res.stats.filesScanned, bytes: res.stats.bytesScanned, wallS: round(r.wallMs / 1000, 2), peakRssMB: metrics.peakRssMB, findings: metrics.findings }],
  };
}
