// The dependency case. Hooks in dist/scanners/deps/bench-gen.js, first found wins:
//   runDepsBench(dir, { lockfiles, packages, advisories }) -> DepsBenchResult   (the deps owner's
//     own measurement: generate a monorepo and a synthetic OSV export, import it, time the project
//     pass); run in a child process (`node bench-gen.js DIR`) so its memory is its own;
//   runBench({ workDir, cliPath, measure }) -> { metrics, rows?, notes? };
//   generateDepsCorpus(dir, { lockfiles, packages }) -> the bench scans it with `--scanners deps`.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, cliPath, measure, optionalModule, rate, repoRoot, round, why } from '../lib.mjs';

const LOCKFILES = 50;
const PACKAGES = 20_000;

export async function run() {
  const gen = await optionalModule('scanners/deps/bench-gen.js');
  const workDir = join(benchDir, 'deps');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  if (typeof gen?.runDepsBench === 'function') {
    const r = await measure(process.execPath, [join(repoRoot, 'dist', 'scanners', 'deps', 'bench-gen.js'), workDir]);
    if (r.status !== 0) return { status: 'failed', why: why(r) };
    const m = JSON.parse(r.stdout);
    return {
      status: 'ok',
      metrics: { ...m, childPeakRssMB: round(r.peakRssMB), childWallMs: Math.round(r.wallMs) },
      rows: [
        { tool: `deps import (${m.advisories} advisories)`, wallS: round(m.importMs / 1000, 2), cpuS: round(m.importCpuMs / 1000, 2), peakRssMB: round(r.peakRssMB) },
        { tool: `deps match (${m.lockfiles} lockfiles, ${m.packages} pkgs)`, files: m.lockfiles, wallS: round(m.inventoryAndMatchMs / 1000, 2), cpuS: round(m.inventoryAndMatchCpuMs / 1000, 2), findings: m.findings },
      ],
      notes: [`import ${m.advisoriesPerSecond} advisories/s; inventory+match ${m.inventoryAndMatchMs} ms (target < 2000 ms)`],
    };
  }
  if (typeof gen?.runBench === 'function') {
    const r = await gen.runBench({ workDir, cliPath, measure });
    return { status: 'ok', metrics: r.metrics ?? {}, rows: r.rows ?? [], notes: r.notes ?? [] };
  }
  if (typeof gen?.generateDepsCorpus !== 'function') {
    return { status: 'skipped', why: 'dist/scanners/deps/bench-gen.js does not export runDepsBench, runBench or generateDepsCorpus yet' };
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
