import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Artifact, Finding, Skipped } from '../../src/core/types.js';
import type { ExecutorOutput, FileScanExecutor } from '../../src/engine/executor.js';
import type { FileScanner } from '../../src/scanners/types.js';
import type { FileEntry } from '../../src/sources/types.js';

/**
 * The worker pool must give exactly what scanning on the calling thread gives: same findings, same
 * problems, same skips, same byte counts, for every file, whatever the batching and interleaving.
 * It runs from the built dist/ (workers need compiled JavaScript) with a scanner module of its own,
 * so it does not depend on any real detector.
 */
const dist = join(import.meta.dirname, '..', '..', 'dist');
const load = async <T>(rel: string): Promise<T> => (await import(pathToFileURL(join(dist, rel)).href)) as T;

/** A scanner that reports every "TOKEN-<digits>" word; "EXPLODE" makes it throw (a scanner bug). */
const SCANNER_MODULE = `
import { makeFinding } from ${JSON.stringify(pathToFileURL(join(dist, 'core', 'finding.js')).href)};
import { LineIndex } from ${JSON.stringify(pathToFileURL(join(dist, 'core', 'lines.js')).href)};
const rule = { id: 'test/token', category: 'secret', title: 'token', severity: 'high', hipaa: ['164.312(a)(1)'], remediation: 'remove it' };
export const scanner = {
  kind: 'file', name: 'pooltest', category: 'secret',
  rules: () => [rule],
  appliesTo: (path) => !path.endsWith('.skipme'),
  scan(artifact, ctx) {
    if (artifact.text.includes('EXPLODE')) throw new Error('boom in ' + artifact.path);
    if (artifact.text.includes('PROBLEM')) ctx.problem({ path: artifact.path, reason: 'parse-error', detail: 'cannot parse', line: 1 });
    const out = [];
    const index = new LineIndex(artifact.text);
    for (const m of artifact.text.matchAll(/TOKEN-(\\d+)/g)) out.push(makeFinding(rule, artifact, { span: { start: m.index, end: m.index + m[0].length }, value: m[0] }, index));
    return out;
  },
};
`;

let dir: string;
let tree: string;
let scanner: FileScanner;
let scannerUrl: string;
const entries: FileEntry[] = [];
const kinds = new Map<string, number>();

/** Deterministic tree: a few hundred files of mixed sizes, some binary, some with findings. */
function makeTree(root: string): void {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 900; i++) {
    const sub = join(root, `d${i % 13}`);
    mkdirSync(sub, { recursive: true });
    const kind = i % 50 === 0 ? 'binary' : i % 97 === 0 ? 'explode' : i % 89 === 0 ? 'problem' : i % 61 === 0 ? 'skipme' : 'text';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const name = `f${i}.${kind === 'skipme' ? 'skipme' : kind === 'binary' ? 'bin' : 'txt'}`;
    let content: string | Buffer;
    if (kind === 'binary') content = Buffer.from([1, 2, 0, 3, 4]);
    else {
      const lines: string[] = [];
      const n = 1 + Math.floor(rand() * (i % 10 === 0 ? 1500 : 60));
      for (let l = 0; l < n; l++) lines.push(rand() < 0.02 ? `key = TOKEN-${i}${l} here` : `line ${l} of file ${i} ${'x'.repeat(Math.floor(rand() * 80))}`);
      if (kind === 'explode') lines.push('EXPLODE');
      if (kind === 'problem') lines.push('PROBLEM');
      content = lines.join('\n');
    }
    writeFileSync(join(sub, name), content);
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    entries.push({ kind: 'file', abs: join(sub, name), path: `d${i % 13}/${name}`, size, origin: { kind: 'worktree' } });
  }
}

async function runAll(ex: FileScanExecutor, items: Array<FileEntry | Artifact>): Promise<ExecutorOutput[]> {
  try {
    return await Promise.all(items.map((e) => ex.run(e)));
  } finally {
    await ex.close();
  }
}

const strip = (f: Finding) => ({ ...f, fingerprint: '' });
const norm = (o: ExecutorOutput) => ({ ...o, findings: o.findings.map(strip) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hg-pool-'));
  tree = join(dir, 'tree');
  makeTree(tree);
  const modPath = join(dir, 'pooltest-scanner.mjs');
  writeFileSync(modPath, SCANNER_MODULE);
  scannerUrl = pathToFileURL(modPath).href;
  scanner = ((await import(scannerUrl)) as { scanner: FileScanner }).scanner;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('worker pool (built dist)', () => {
  const setup = () => ({ scanners: [scanner], root: tree, now: '2026-01-01T00:00:00.000Z', options: {}, scannerNames: [], scannerModules: [scannerUrl] });

  it('gives the same outputs as inline scanning, file by file', async () => {
    const { createExecutor } = await load<typeof import('../../src/engine/pool.js')>('engine/pool.js');
    const inline = await runAll(await createExecutor(setup(), { entries: entries.length, bytes: 0, workers: 0 }), entries);
    const pooled = await runAll(await createExecutor(setup(), { entries: entries.length, bytes: 0, workers: 2 }), entries);
    expect(pooled.map(norm)).toEqual(inline.map(norm));

    // The comparison is only meaningful if every kind of outcome occurred.
    const findings = inline.reduce((n, o) => n + o.findings.length, 0);
    expect(findings).toBeGreaterThan(50);
    expect(inline.filter((o) => o.skipped?.reason === 'binary').length).toBe(kinds.get('binary'));
    const errors = inline.flatMap((o) => o.problems).filter((p: Skipped) => p.reason === 'error');
    expect(errors.length).toBe(kinds.get('explode'));
    expect(errors[0]!.detail).toMatch(/pooltest scanner failed: boom/);
    expect(inline.flatMap((o) => o.problems).filter((p) => p.reason === 'parse-error').length).toBeGreaterThan(0);
    expect(inline.filter((o) => o.bytes === 0 && !o.skipped).length).toBe(kinds.get('skipme'));
  });

  it('streams: a streaming executor fed one entry at a time matches too, pooled or not', async () => {
    const { createExecutor, createStreamingExecutor } = await load<typeof import('../../src/engine/pool.js')>('engine/pool.js');
    const inline = await runAll(await createExecutor(setup(), { entries: 1, bytes: 0, workers: 0 }), entries);
    for (const workers of [undefined, 2, 0]) {
      const ex = createStreamingExecutor(setup(), { workers });
      const pending: Array<Promise<ExecutorOutput>> = [];
      for (const e of entries) {
        pending.push(ex.run(e));
        if (pending.length % 100 === 0) await new Promise((r) => setImmediate(r));
      }
      ex.end();
      const outs = await Promise.all(pending);
      await ex.close();
      expect(outs.map(norm)).toEqual(inline.map(norm));
    }
  });

  it('passes in-memory artifacts (stdin, staged) through the workers unchanged', async () => {
    const { createExecutor } = await load<typeof import('../../src/engine/pool.js')>('engine/pool.js');
    const arts: Artifact[] = Array.from({ length: 40 }, (_, i) => ({
      path: `blob${i}.txt`,
      text: `a\nTOKEN-${i}\nb TOKEN-9${i}`,
      origin: { kind: 'staged' },
      size: 20,
      onlyLines: new Set([2]),
    }));
    const inline = await runAll(await createExecutor(setup(), { entries: 1, bytes: 0, workers: 0 }), arts);
    const pooled = await runAll(await createExecutor(setup(), { entries: 1, bytes: 0, workers: 2 }), arts);
    expect(pooled.map(norm)).toEqual(inline.map(norm));
    expect(inline.every((o) => o.findings.length === 1 && o.findings[0]!.location.startLine === 2)).toBe(true);
  });

  it('reports a worker that cannot start instead of hanging', async () => {
    const { createExecutor } = await load<typeof import('../../src/engine/pool.js')>('engine/pool.js');
    const bad = { ...setup(), scannerModules: [pathToFileURL(join(dir, 'missing.mjs')).href] };
    const ex = await createExecutor(bad, { entries: 10, bytes: 0, workers: 2 });
    await expect(runAll(ex, entries.slice(0, 10))).rejects.toThrow(/scanner worker failed to start/);
  });
});

describe('scan() with the streaming pool (built dist)', () => {
  it('finds the same as an inline scan of the same tree through the registry path', async () => {
    const { scan } = await load<typeof import('../../src/engine/scan.js')>('engine/scan.js');
    const opts = { root: tree, scanners: ['secrets'], now: new Date('2026-01-01T00:00:00Z') };
    const a = await scan({ ...opts, workers: 0 });
    const b = await scan({ ...opts, workers: 2 });
    expect(b.findings.map((f) => [f.ruleId, f.location.path, f.location.startLine, f.fingerprint])).toEqual(
      a.findings.map((f) => [f.ruleId, f.location.path, f.location.startLine, f.fingerprint]),
    );
    // Meaningful only once some registry scanner reads these files (the secrets scanner does).
    expect(a.stats.filesScanned).toBeGreaterThan(500);
    expect(b.stats.filesScanned).toBe(a.stats.filesScanned);
    expect(b.stats.bytesScanned).toBe(a.stats.bytesScanned);
    expect([...b.skipped].sort((x, y) => x.path.localeCompare(y.path))).toEqual([...a.skipped].sort((x, y) => x.path.localeCompare(y.path)));
  });
});
