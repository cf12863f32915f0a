import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import type { OsvRecord } from '../../src/scanners/deps/osv/types.js';

export function tmp(prefix = 'hg-deps-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function write(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), c);
  }
}

/** Synthetic advisories (fabricated ids in real shapes) for a fake package universe. */
export const RECORDS: OsvRecord[] = [
  {
    id: 'GHSA-test-0001-aaaa',
    aliases: ['CVE-2099-0001'],
    summary: 'Prototype pollution in left-padder',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [{ package: { ecosystem: 'npm', name: 'left-padder' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }] }],
  },
  // The same vulnerability as published under its CVE id: must merge with the GHSA above.
  {
    id: 'CVE-2099-0001',
    aliases: ['GHSA-test-0001-aaaa'],
    affected: [{ package: { ecosystem: 'npm', name: 'left-padder' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }] }],
  },
  {
    id: 'GHSA-test-0002-bbbb',
    aliases: ['CVE-2099-0002'],
    summary: 'ReDoS in dev-tool-x',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' }],
    affected: [{ package: { ecosystem: 'npm', name: 'dev-tool-x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '2.0.0' }] }] }],
  },
  {
    id: 'PYSEC-2099-3',
    aliases: ['CVE-2099-0003'],
    summary: 'Unsafe deserialisation in py-parser',
    affected: [{ package: { ecosystem: 'PyPI', name: 'Py_Parser' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }] }],
    database_specific: { severity: 'CRITICAL' },
  },
  {
    id: 'GHSA-test-0004-dddd',
    summary: 'withdrawn advisory',
    withdrawn: '2020-01-01T00:00:00Z',
    affected: [{ package: { ecosystem: 'npm', name: 'left-padder' }, versions: ['1.2.0'] }],
  },
  {
    id: 'DSA-9999-1',
    summary: 'openssl issue',
    affected: [{ package: { ecosystem: 'Debian:12', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.11-1~deb12u2' }] }] }],
  },
  {
    id: 'ALPINE-CVE-2099-5',
    summary: 'busybox issue',
    affected: [{ package: { ecosystem: 'Alpine:v3.19', name: 'busybox' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.36.1-r16' }] }] }],
  },
];

/** An OSV export directory: `<Ecosystem>/all.zip`, as the OSV bucket lays it out. */
export function osvExport(dir: string, records: OsvRecord[] = RECORDS): string {
  const byEco = new Map<string, Record<string, Uint8Array>>();
  for (const r of records) {
    for (const eco of new Set((r.affected ?? []).map((a) => a.package!.ecosystem.split(':')[0]!))) {
      if (!byEco.has(eco)) byEco.set(eco, {});
      byEco.get(eco)![`${r.id}.json`] = new TextEncoder().encode(JSON.stringify(r));
    }
  }
  for (const [eco, files] of byEco) write(dir, { [`${eco}/all.zip`]: zipSync(files) });
  return dir;
}

export const PACKAGE_LOCK = JSON.stringify(
  {
    name: 'clinic',
    lockfileVersion: 3,
    packages: {
      '': { dependencies: { 'left-padder': '^1.2.0' }, devDependencies: { 'dev-tool-x': '^2.0.0' } },
      'node_modules/left-padder': { version: '1.2.0', dependencies: { 'tiny-dep': '^1.0.0' } },
      'node_modules/tiny-dep': { version: '1.0.0' },
      'node_modules/dev-tool-x': { version: '2.1.0', dev: true },
    },
  },
  null,
  2,
);
