import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACKAGE_LOCK, osvExport, tmp, write } from './helpers.js';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli', 'main.js');

// Run from a scratch directory so no repository config (.hipaa-gate.yml) changes the defaults.
function cli(args: string[], env: Record<string, string> = {}, cwd = tmp('hg-cwd-')) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!existsSync(CLI))('hipaa-gate db and scan --format cyclonedx (built CLI)', () => {
  it('imports, reports status, and scans with the imported database', () => {
    const d = tmp('hg-cli-');
    const env = { HIPAA_GATE_DB: join(d, 'cache', 'osv.db'), XDG_CACHE_HOME: join(d, 'xdg') };
    expect(cli(['db', 'status'], env)).toMatchObject({ code: 1, out: expect.stringMatching(/no vulnerability database at .*osv\.db; run hipaa-gate db import/) });

    const imp = cli(['db', 'import', osvExport(join(d, 'export'))], env);
    expect(imp).toMatchObject({ code: 0, err: '' });
    expect(imp.out).toMatch(/^imported 7 advisories from 4 file\(s\) into .*cache\/osv\.db in [\d.]+ s \(\d+ advisories\/s\)\n$/);

    const st = cli(['db', 'status', '--json'], env);
    expect(st).toMatchObject({ code: 0, err: '' });
    const status = JSON.parse(st.out);
    expect(status).toMatchObject({ exists: true, advisories: 7, stale: false, maxAgeDays: 7 });
    expect(status.ecosystems.map((e: { ecosystem: string }) => e.ecosystem)).toEqual(['Alpine', 'Debian', 'PyPI', 'npm']);

    const repo = tmp('hg-cli-repo-');
    write(repo, { 'package-lock.json': PACKAGE_LOCK });
    const sbom = join(d, 'bom.json');
    const scan = cli(['scan', repo, '--scanners', 'deps', '--format', 'json', '--format', 'cyclonedx', '--output', join(d, 'r.json'), '--output', sbom, '--no-progress'], env);
    expect(scan, scan.err).toMatchObject({ code: 1 });
    const report = JSON.parse(readFileSync(join(d, 'r.json'), 'utf8'));
    expect(report.findings.map((f: { properties: { advisory: string } }) => f.properties.advisory).sort()).toEqual(['GHSA-test-0001-aaaa', 'GHSA-test-0002-bbbb']);
    const bom = JSON.parse(readFileSync(sbom, 'utf8'));
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.components).toHaveLength(3);
    expect(bom.vulnerabilities.map((v: { id: string }) => v.id).sort()).toEqual(['GHSA-test-0001-aaaa', 'GHSA-test-0002-bbbb']);
  });

  it('a corrupted archive fails with exit 2 and names the file', () => {
    const d = tmp('hg-cli-');
    write(d, { 'bad/all.zip': 'definitely not a zip' });
    const r = cli(['db', 'import', join(d, 'bad', 'all.zip'), '--db', join(d, 'osv.db')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^hipaa-gate: error: .*bad\/all\.zip: not a readable zip archive/);
  });
});
