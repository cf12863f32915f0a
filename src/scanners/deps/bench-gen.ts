import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import type { Artifact } from '../../core/types.js';
import { OsvDatabase } from './osv/db.js';
import type { OsvRecord } from './osv/types.js';
import { scanner } from './index.js';

/**
 * Synthetic inputs for the deps benchmark (`npm run bench` calls `runDepsBench`): a monorepo of
 * package-lock.json files and an OSV export of fabricated advisories in the real `all.zip`
 * layout. Deterministic: the same arguments give the same files.
 */
export interface MonorepoSpec {
  lockfiles: number;
  packages: number;
}

const pkgName = (i: number) => `synthetic-pkg-${i}`;
const version = (i: number) => `${1 + (i % 7)}.${i % 13}.${i % 5}`;

/** Writes `packages/app-N/package-lock.json` (v3); `packages` are spread evenly over the lockfiles. */
export function generateMonorepo(dir: string, spec: MonorepoSpec = { lockfiles: 50, packages: 20_000 }): string[] {
  const per = Math.ceil(spec.packages / spec.lockfiles);
  const files: string[] = [];
  for (let f = 0; f < spec.lockfiles; f++) {
    const packages: Record<string, unknown> = { '': { name: `app-${f}`, dependencies: {} as Record<string, string> } };
    for (let k = 0; k < per && f * per + k < spec.packages; k++) {
      const i = f * per + k;
      (packages[''] as { dependencies: Record<string, string> }).dependencies[pkgName(i)] = `^${version(i)}`;
      packages[`node_modules/${pkgName(i)}`] = { version: version(i), resolved: `https://registry.npmjs.org/${pkgName(i)}/-/${pkgName(i)}-${version(i)}.tgz`, dependencies: { [pkgName((i + 1) % spec.packages)]: '*' } };
    }
    const rel = `packages/app-${f}/package-lock.json`;
    mkdirSync(join(dir, `packages/app-${f}`), { recursive: true });
    writeFileSync(join(dir, rel), JSON.stringify({ name: `app-${f}`, lockfileVersion: 3, requires: true, packages }, null, 2));
    files.push(rel);
  }
  return files;
}

/**
 * `count` advisories over `universe` package names (so about count/universe advisories per
 * package), with SEMVER ranges, CVSS vectors and CVE aliases like real GHSA records.
 */
export function* generateOsvRecords(count = 200_000, universe = 40_000): Generator<OsvRecord> {
  for (let n = 0; n < count; n++) {
    const i = (n * 7919) % universe;
    const fixedMajor = 1 + ((n * 31) % 8);
    yield {
      id: `GHSA-syn${String(n).padStart(6, '0')}`,
      modified: '2026-01-01T00:00:00Z',
      aliases: [`CVE-2099-${String(n).padStart(6, '0')}`],
      summary: `synthetic advisory ${n}`,
      severity: [{ type: 'CVSS_V3', score: n % 2 ? 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' : 'CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N' }],
      affected: [{ package: { ecosystem: 'npm', name: pkgName(i) }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: `${fixedMajor}.0.0` }] }] }],
    };
  }
}

/**
 * The OSV bucket layout, `<dir>/npm-N/all.zip`, split in parts of 50,000 records because the zip
 * writer used here (fflate) does not write ZIP64 directories (needed past 65,535 entries).
 */
export function writeOsvExport(dir: string, count = 200_000, universe = 40_000): string {
  const enc = new TextEncoder();
  let files: Record<string, Uint8Array> = {};
  let part = 0;
  let n = 0;
  const flush = () => {
    mkdirSync(join(dir, `npm-${part}`), { recursive: true });
    writeFileSync(join(dir, `npm-${part}`, 'all.zip'), zipSync(files, { level: 6 }));
    files = {};
    part++;
  };
  for (const r of generateOsvRecords(count, universe)) {
    files[`${r.id}.json`] = enc.encode(JSON.stringify(r));
    if (++n % 50_000 === 0) flush();
  }
  if (Object.keys(files).length) flush();
  return dir;
}

export interface DepsBenchResult {
  lockfiles: number;
  packages: number;
  advisories: number;
  importMs: number;
  /** CPU time of the import (user + system): meaningful on a loaded machine where wall time is not. */
  importCpuMs: number;
  advisoriesPerSecond: number;
  /** Parse every lockfile and match every package (the deps scanner's whole project pass). */
  inventoryAndMatchMs: number;
  inventoryAndMatchCpuMs: number;
  findings: number;
  peakRssMb: number;
}

/** Generate, import, then time the scanner's project pass over the monorepo. */
/**
 * `universe` is how many package names the advisories spread over: 40,000 (the default) makes
 * about five advisories per monorepo package, a stress case; registry-sized universes give the
 * low hit rates of real projects.
 */
export async function runDepsBench(dir: string, spec: MonorepoSpec & { advisories: number; universe?: number } = { lockfiles: 50, packages: 20_000, advisories: 200_000 }): Promise<DepsBenchResult> {
  let peak = process.memoryUsage().rss;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const files = generateMonorepo(join(dir, 'repo'), spec);
    const zip = writeOsvExport(join(dir, 'osv'), spec.advisories, spec.universe);
    const dbPath = join(dir, 'osv.db');
    const db = OsvDatabase.openForImport(dbPath);
    const c0 = process.cpuUsage();
    const imp = await db.importPath(zip);
    const importCpu = process.cpuUsage(c0);
    db.close();
    const artifacts: Artifact[] = files.map((p) => {
      const text = readFileSync(join(dir, 'repo', p), 'utf8');
      return { path: p, text, size: text.length, origin: { kind: 'worktree' } };
    });
    const t = performance.now();
    const c1 = process.cpuUsage();
    const out = await scanner.scanProject(artifacts, { root: join(dir, 'repo'), now: new Date().toISOString(), options: { db: dbPath }, problem: () => {} });
    const inventoryAndMatchMs = performance.now() - t;
    const matchCpu = process.cpuUsage(c1);
    const findings = Array.isArray(out) ? out : out.findings;
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      lockfiles: files.length,
      packages: Array.isArray(out) ? 0 : (out.inventory?.packages.length ?? 0),
      advisories: imp.records,
      importMs: Math.round(imp.ms),
      importCpuMs: Math.round((importCpu.user + importCpu.system) / 1000),
      advisoriesPerSecond: Math.round(imp.records / (imp.ms / 1000)),
      inventoryAndMatchMs: Math.round(inventoryAndMatchMs),
      inventoryAndMatchCpuMs: Math.round((matchCpu.user + matchCpu.system) / 1000),
      findings: findings.length,
      peakRssMb: Math.round(peak / 1024 / 1024),
    };
  } finally {
    clearInterval(sample);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'hg-deps-bench-'));
  const advisories = Number(process.argv[3] ?? 200_000);
  const universe = Number(process.argv[4] ?? 40_000);
  console.log(JSON.stringify(await runDepsBench(dir, { lockfiles: 50, packages: 20_000, advisories, universe }), null, 2));
}
