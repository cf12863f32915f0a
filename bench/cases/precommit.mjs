// The pre-commit case: a 20-file staged change in a fresh git repository, `hipaa-gate scan --staged`,
// wall time including Node's start-up (what a developer waits for on `git commit`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath, measure, median, round, why } from '../lib.mjs';

const FILES = 20;
const RUNS = 7;

/** A plausible source file of about 6 kB; one of them carries a planted (fabricated) key. */
function sourceFile(i) {
  const lines = [`// module ${i}: appointment reminders`, `import { send } from './transport.js';`, ''];
  for (let f = 0; f < 60; f++) {
    lines.push(`export async function remind${i}_${f}(appointment, clock) {`);
    lines.push(`  const due = new Date(appointment.start).getTime() - clock.now();`);
    lines.push(`  if (due < 0 || due > 86_400_000) return false;`);
    lines.push(`  return send({ to: appointment.contact, template: 'reminder-${f}' });`);
    lines.push('}');
  }
  // Built by concatenation so this repository does not carry a key-shaped literal.
  if (i === 7) lines.push(`const awsKeyId = '${'AKIA'}${'QZ7RM2XK4VT6WB3N'}';`);
  return lines.join('\n') + '\n';
}

function git(cwd, ...args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
}

export async function run(ctx) {
  const dir = mkdtempSync(join(tmpdir(), 'hg-bench-staged-'));
  try {
    git(dir, 'init', '-q');
    git(dir, 'config', 'user.email', 'bench@hipaa-gate.invalid');
    git(dir, 'config', 'user.name', 'bench');
    writeFileSync(join(dir, 'README.md'), '# bench\n');
    git(dir, 'add', 'README.md');
    git(dir, 'commit', '-q', '-m', 'init');
    mkdirSync(join(dir, 'src'));
    let bytes = 0;
    for (let i = 0; i < FILES; i++) {
      const text = sourceFile(i);
      bytes += Buffer.byteLength(text);
      writeFileSync(join(dir, 'src', `reminder-${i}.js`), text);
    }
    git(dir, 'add', 'src');

    const nodeOnly = [];
    for (let i = 0; i < 3; i++) nodeOnly.push((await measure(process.execPath, ['-e', '0'], { cwd: dir })).wallMs);
    const walls = [];
    const cpus = [];
    let last;
    for (let i = 0; i < RUNS; i++) {
      last = await measure(process.execPath, [cliPath, 'scan', '--staged', '--no-progress', '--format', 'json'], { cwd: dir });
      if (last.status !== 0 && last.status !== 1) return { status: 'unavailable', why: why(last) };
      walls.push(last.wallMs);
      if (last.cpuS !== undefined) cpus.push(last.cpuS);
    }
    const res = JSON.parse(last.stdout);
    const metrics = {
      stagedFiles: FILES,
      stagedBytes: bytes,
      filesScanned: res.stats.filesScanned,
      findings: res.findings.length,
      medianWallMs: Math.round(median(walls)),
      minWallMs: Math.round(Math.min(...walls)),
      medianCpuS: cpus.length ? round(median(cpus), 2) : undefined,
      nodeStartupMs: Math.round(median(nodeOnly)),
      peakRssMB: round(last.peakRssMB),
      internalMs: res.stats.durationMs,
    };
    const notes = res.stats.filesScanned < FILES ? [`only ${res.stats.filesScanned} of ${FILES} staged files were scanned`] : [];
    return {
      status: 'ok',
      metrics,
      notes,
      rows: [{ tool: `scan --staged (${FILES} files)`, files: res.stats.filesScanned, bytes, wallS: round(metrics.medianWallMs / 1000, 3), cpuS: metrics.medianCpuS, peakRssMB: metrics.peakRssMB, findings: metrics.findings }],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
