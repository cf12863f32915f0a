import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../../src/core/types.js';

/**
 * The README demo, end to end: the built CLI over examples/clinic-app must report every problem the
 * example's README plants, at the planted place, grouped by safeguard, with no raw value shown.
 * The planting table in the README is the single source of truth for what is expected.
 */
const repo = join(import.meta.dirname, '..', '..');
const app = join(repo, 'examples', 'clinic-app');
const cli = join(repo, 'dist', 'cli', 'main.js');
/** The OSV snapshot shipped beside the repository (../shared); the deps rows need it imported. */
const osvDir = [join(repo, '..', 'shared', 'data', 'osv'), '/work/shared/data/osv'].find((d) => existsSync(join(d, 'npm', 'all.zip')));

interface Row {
  n: number;
  file: string;
  lines: [number, number] | undefined;
  category: string;
  rule: string;
}

/** Rows of the README's planting table: `| n | file:line | category | rule | what |`. */
export function plantedRows(readme: string): Row[] {
  const rows: Row[] = [];
  for (const line of readme.split('\n')) {
    const m = /^\|\s*(\d+)\s*\|\s*([^|:\s]+):(\*|\d+(?:-\d+)?)\s*\|\s*(\w+)\s*\|\s*([\w/.-]+)\s*\|/.exec(line);
    if (!m) continue;
    const [a, b] = m[3] === '*' ? [] : m[3]!.split('-').map(Number);
    rows.push({ n: Number(m[1]), file: m[2]!, lines: a === undefined ? undefined : [a, b ?? a], category: m[4]!, rule: m[5]! });
  }
  return rows;
}

/**
 * The raw planted values, read from the example's own files so this test holds no secret-shaped
 * literal: key ids, keys, passwords in URLs and assignments, SSNs.
 */
function plantedValues(): string[] {
  const values = new Set<string>();
  const patterns = [
    /\bAKIA[A-Z2-7]{16}\b/g,
    /AWS_SECRET_ACCESS_KEY=(\S+)/g,
    /\bsk_live_[A-Za-z0-9]{16,}/g,
    /:\/\/[\w.-]+:([^@\s"']+)@/g,
    /password:\s*'([^']+)'/g,
    /\b\d{3}-\d{2}-\d{4}\b/g,
  ];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  for (const f of walk(app)) {
    if (relative(app, f) === 'README.md') continue;
    const text = readFileSync(f, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) values.add(m[1] ?? m[0]);
  }
  return [...values];
}

describe('examples/clinic-app through the built CLI', () => {
  let dir: string;
  let status: number | null;
  let stdout: string;
  let stderr: string;
  let json: string;
  let result: ScanResult;
  const rows = plantedRows(readFileSync(join(app, 'README.md'), 'utf8'));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hg-clinic-'));
    const jsonPath = join(dir, 'report.json');
    // A private vulnerability database, as a user gets with `hipaa-gate db import`.
    const env = { ...process.env, NO_COLOR: '1', HIPAA_GATE_DB: join(dir, 'osv.db') };
    for (const eco of ['npm', 'PyPI']) {
      if (!osvDir) break;
      const imp = spawnSync(process.execPath, [cli, 'db', 'import', join(osvDir, eco, 'all.zip')], { encoding: 'utf8', env, timeout: 60_000 });
      if (imp.status !== 0) throw new Error(`db import ${eco}: ${imp.stderr}`);
    }
    const r = spawnSync(process.execPath, [cli, 'scan', app, '--no-progress', '--format', 'text', '--format', 'json', '--output', '-', '--output', jsonPath], {
      encoding: 'utf8',
      env,
      timeout: 60_000,
    });
    status = r.status;
    stdout = r.stdout;
    stderr = r.stderr;
    json = readFileSync(jsonPath, 'utf8');
    result = JSON.parse(json) as ScanResult;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a planting table covering every category', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.category))).toEqual(new Set(['secret', 'iac', 'deps', 'phi']));
    expect(new Set(rows.map((r) => r.n)).size).toBe(rows.length);
  });

  it('fails the gate with exit code 1 and a one-line verdict last', () => {
    expect(stderr).not.toMatch(/error/i);
    expect(status).toBe(1);
    const last = stdout.trimEnd().split('\n').at(-1);
    expect(last).toMatch(/^gate failed: \d+ findings? at or above high/);
    expect(result.gate.passed).toBe(false);
    expect(last).toBe(result.gate.summary);
  });

  it.each(rows.map((r) => [`#${r.n} ${r.rule} at ${r.file}:${r.lines ? r.lines.join('-') : '*'}`, r] as const))('reports %s', (_name, row) => {
    const atPlace = (f: Finding) =>
      f.location.path === row.file && (!row.lines || (f.location.startLine >= row.lines[0] && f.location.startLine <= row.lines[1]));
    const here = result.findings.filter(atPlace);
    const match = here.find((f) => f.ruleId === row.rule);
    expect(match, `found at that place instead: ${here.map((f) => `${f.ruleId}@${f.location.startLine}`).join(', ') || 'nothing'}`).toBeDefined();
    expect(match!.category).toBe(row.category);
    expect(match!.suppression).toBeUndefined();
    expect(stdout).toContain(`${row.file}:${match!.location.startLine}`);
  });

  it('groups the text report by HIPAA safeguard, counting every shown finding once', () => {
    // e.g. "Technical safeguards (45 CFR 164.312): 13 findings"
    const headings = [...stdout.matchAll(/^(\w+) safeguards[^\n]*?(\d+)(?: findings?|\))$/gm)];
    expect(headings.length).toBeGreaterThan(0);
    const shown = result.findings.filter((f) => !f.suppression).length;
    expect(headings.reduce((n, h) => n + Number(h[2]), 0)).toBe(shown);
    expect(headings.map((h) => h[1])).toContain('Technical');
  });

  it('never prints a raw planted value, in the terminal or in the JSON report', () => {
    const values = plantedValues();
    expect(values.length).toBeGreaterThanOrEqual(10);
    for (const v of values) {
      expect(stdout.includes(v), `raw value ending ...${v.slice(-3)} in the text report`).toBe(false);
      expect(stderr.includes(v), `raw value ending ...${v.slice(-3)} on stderr`).toBe(false);
      expect(json.includes(v), `raw value ending ...${v.slice(-3)} in the JSON report`).toBe(false);
    }
  });
});
