// Throughput of the secrets scanner alone (single thread) over text files under a directory.
// Usage: npm run build && node test/secrets/throughput.mjs [DIR=node_modules]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scanner } from '../../dist/scanners/secrets/index.js';

const root = process.argv[2] ?? 'node_modules';
const files = [];
let bytes = 0;
(function walk(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.isFile() && (process.env.ALL_FILES || /\.(?:[cm]?[jt]sx?|json|md|ya?ml|txt|map|d\.ts)$/.test(e.name))) {
      const s = statSync(p).size;
      if (s > 0 && s < 20e6) {
        const text = readFileSync(p, 'utf8');
        files.push({ path: p, text, size: s });
        bytes += s;
      }
    }
  }
})(root);
const ctx = { root, options: {}, now: new Date(0).toISOString(), problem: () => {} };
let findings = 0;
const byRule = new Map();
for (let round = 0; round < 3; round++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  findings = 0;
  for (const f of files) {
    const out = scanner.scan({ path: f.path, text: f.text, origin: { kind: 'worktree' }, size: f.size }, ctx);
    findings += out.length;
    if (round === 0) for (const x of out) byRule.set(x.ruleId, (byRule.get(x.ruleId) ?? 0) + 1);
  }
  const s = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  // CPU time is the per-core figure; wall time also counts waiting for a busy machine.
  console.log(`round ${round}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB: wall ${s.toFixed(2)} s = ${(bytes / 1e6 / s).toFixed(0)} MB/s, cpu ${cpu.toFixed(2)} s = ${(bytes / 1e6 / cpu).toFixed(0)} MB/s per core, ${findings} findings`);
}
// Reference on the same machine and moment: one charCodeAt pass over every file (the least work
// any per-character scanner does), so the result can be read on a busy machine too.
{
  const c0 = process.cpuUsage();
  let x = 0;
  for (const f of files) for (let i = 0; i < f.text.length; i++) x = (x + f.text.charCodeAt(i)) | 0;
  const cu = process.cpuUsage(c0);
  console.log(`reference charCodeAt pass: ${(bytes / 1e6 / ((cu.user + cu.system) / 1e6)).toFixed(0)} MB/s per core (checksum ${x})`);
}
console.log([...byRule.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([r, n]) => `${r}: ${n}`).join('\n'));
