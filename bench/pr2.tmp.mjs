// The engine alone: the worktree walk streamed into the worker pool, each worker reading and decoding
// every file, with a scanner that claims every file and finds nothing. Its MB/s is the ceiling the
// pipeline puts on any scanner. Usage: node bench/pipeline-run.mjs ROOT [WORKERS]
// Prints one JSON line: { files, bytes, ms }.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './lib.mjs';

const dist = (rel) => pathToFileURL(join(repoRoot, 'dist', rel)).href;
const { createStreamingExecutor } = await import(dist('engine/pool.js'));
const { worktreeSource } = await import(dist('sources/worktree.js'));

const dir = mkdtempSync(join(tmpdir(), 'hg-pipeline-'));
const modPath = join(dir, 'null-scanner.mjs');
// Touches the text (length) so the decode cannot be skipped, and returns nothing.
writeFileSync(modPath, `export const scanner = { kind: 'file', name: 'null', category: 'secret', rules: () => [], appliesTo: () => true, scan: (a) => (a.text.length < 0 ? [null] : []) };\n`);
const url = pathToFileURL(modPath).href;
const { scanner } = await import(url);

const root = process.argv[2];
const workers = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const t0 = performance.now();
const ex = createStreamingExecutor({ scanners: [scanner], root, now: new Date().toISOString(), options: {}, scannerNames: [], scannerModules: [url] }, { workers });
const outs = []; let firstAt=0, walkEnd=0;
for await (const e of worktreeSource({ root, exclude: [], maxFileSize: Number.MAX_SAFE_INTEGER })) {
  if (e.kind === 'file') outs.push(ex.run(e).then(o=>{ if(!firstAt) firstAt=performance.now()-t0; return o;}));
}
walkEnd=performance.now()-t0; ex.end();
const done = await Promise.all(outs);
await ex.close();
const ms = performance.now() - t0;
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ files: done.length, bytes: done.reduce((n, o) => n + o.bytes, 0), ms: Math.round(ms), firstAt:Math.round(firstAt), walkEnd:Math.round(walkEnd), start:Math.round(t0) })}\n`);
