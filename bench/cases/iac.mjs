// The IaC case: >= 1,000 generated Terraform files with thousands of resources, `--scanners iac`.
// Hook: dist/scanners/iac/bench-gen.js exports
//   generateTerraformCorpus(dir, { files, resourcesPerFile }) -> { files?, resources?, bytes? } | void
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, cliPath, mb, measure, optionalModule, rate, round, walkFiles, why } from '../lib.mjs';

const FILES = 1000;
const RESOURCES_PER_FILE = 5;

export async function run() {
  const gen = await optionalModule('scanners/iac/bench-gen.js');
  if (typeof gen?.generateTerraformCorpus !== 'function') {
    return { status: 'skipped', why: 'dist/scanners/iac/bench-gen.js does not export generateTerraformCorpus yet' };
  }
  const dir = join(benchDir, 'iac-corpus');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const made = (await gen.generateTerraformCorpus(dir, { files: FILES, resourcesPerFile: RESOURCES_PER_FILE })) ?? {};
  const out = join(benchDir, 'scan-iac.json');
  const r = await measure(process.execPath, [cliPath, 'scan', dir, '--scanners', 'iac', '--no-progress', '--format', 'json', '--output', out]);
  if (r.status !== 0 && r.status !== 1) return { status: 'failed', why: why(r) };
  const res = JSON.parse(readFileSync(out, 'utf8'));
  // Project scanners do not add to bytesScanned; count what was generated.
  const listed = await walkFiles(dir);
  const bytes = made.bytes ?? listed.reduce((n, f) => n + f.size, 0);
  const files = made.files ?? listed.length;
  const resources = made.resources ?? FILES * RESOURCES_PER_FILE;
  const t = res.stats.timings ?? {};
  const metrics = {
    files,
    resources,
    bytes,
    findings: res.findings.length,
    wallMs: Math.round(r.wallMs),
    filesPerS: Math.round(rate(files, r.wallMs)),
    resourcesPerS: Math.round(rate(resources, r.wallMs)),
    peakRssMB: round(r.peakRssMB),
    iacScannerMs: t.iacMs,
    timings: t,
  };
  return {
    status: 'ok',
    metrics,
    rows: [{ tool: `iac (${files} .tf, ${resources} resources)`, files, bytes, wallS: round(r.wallMs / 1000, 2), cpuS: round(r.cpuS, 2), MBps: round(rate(mb(bytes), r.wallMs)), filesPerS: metrics.filesPerS, peakRssMB: metrics.peakRssMB, findings: metrics.findings }],
  };
}
