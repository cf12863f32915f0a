import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { scan } from '../../src/engine/scan.js';
import { OsvDatabase } from '../../src/scanners/deps/osv/db.js';
import { imageSource } from '../../src/sources/image.js';
import type { SourceEntry } from '../../src/sources/types.js';
import { osvExport, tmp } from './helpers.js';

type Entry = { name: string; body?: string; type?: 'file' | 'symlink' | 'directory'; linkname?: string };

async function tarOf(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) {
    if (e.type === 'symlink') pack.entry({ name: e.name, type: 'symlink', linkname: e.linkname });
    else if (e.type === 'directory') pack.entry({ name: e.name, type: 'directory' });
    else pack.entry({ name: e.name }, e.body ?? '');
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const DPKG = `Package: libssl3
Status: install ok installed
Source: openssl
Version: 3.0.11-1~deb12u1
Description: Secure Sockets Layer toolkit
 multi-line description

Package: removed-thing
Status: deinstall ok config-files
Version: 1.0
`;

const base: Entry[] = [
  { name: 'etc/os-release', body: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n' },
  { name: 'var/lib/dpkg/status', body: DPKG },
  { name: 'app/old-notes.txt', body: 'to be deleted by a whiteout' },
  { name: 'cache/a.txt', body: 'lower layer cache' },
  { name: '../../escape.txt', body: 'must never leave the image' },
  { name: 'link-out', type: 'symlink', linkname: '/etc/passwd' },
];
const top: Entry[] = [
  { name: 'app/.wh.old-notes.txt' },
  { name: 'cache/.wh..wh..opq' },
  { name: 'cache/b.txt', body: 'upper layer cache' },
  { name: 'app/package-lock.json', body: JSON.stringify({ lockfileVersion: 3, packages: { '': { dependencies: { 'left-padder': '1' } }, 'node_modules/left-padder': { version: '1.2.0' } } }, null, 2) },
];


async function collect(src: AsyncIterable<SourceEntry>): Promise<SourceEntry[]> {
  const out: SourceEntry[] = [];
  for await (const e of src) out.push(e);
  return out;
}

let dbPath: string;
beforeAll(async () => {
  const d = tmp();
  dbPath = join(d, 'osv.db');
  const db = OsvDatabase.openForImport(dbPath);
  await db.importPath(osvExport(join(d, 'export')), { now: new Date('2026-02-28T00:00:00Z') });
  db.close();
});

describe('imageSource', () => {
  it('applies layers with whiteouts and tags files with the layer digest; escaping paths are refused', async () => {
    const dir = tmp('hg-img-');
    // tar-stream writes string bodies as UTF-8; binary layers go in as raw buffers instead.
    const l1 = await tarOf(base);
    const l2 = gzipSync(await tarOf(top));
    const pack = tar.pack();
    pack.entry({ name: 'manifest.json' }, JSON.stringify([{ Config: 'c.json', RepoTags: ['clinic/api:1.0'], Layers: ['aaa/layer.tar', 'bbb/layer.tar.gz'] }]));
    pack.entry({ name: 'aaa/layer.tar' }, l1);
    pack.entry({ name: 'bbb/layer.tar.gz' }, l2);
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const c of pack) chunks.push(c as Buffer);
    const file = join(dir, 'image.tar');
    writeFileSync(file, Buffer.concat(chunks));

    const entries = await collect(imageSource(file, { root: dir, exclude: [], maxFileSize: 1024 * 1024 }));
    const arts = entries.flatMap((e) => (e.kind === 'artifact' ? [e.artifact] : []));
    const paths = arts.map((a) => a.path).sort();
    expect(paths).toEqual(['app/package-lock.json', 'cache/b.txt', 'etc/os-release', 'var/lib/dpkg/status']);
    expect(arts.find((a) => a.path === 'cache/b.txt')!.origin).toEqual({ kind: 'image', layer: `sha256:${sha(l2)}`, image: 'clinic/api:1.0' });
    expect(arts.find((a) => a.path === 'etc/os-release')!.origin.layer).toBe(`sha256:${sha(l1)}`);
    const refused = entries.find((e) => e.kind === 'skipped' && /escapes the image root/.test(e.skipped.detail));
    expect(refused).toBeDefined();
    expect(existsSync(join(dir, '..', '..', 'escape.txt'))).toBe(false);
  });

  it('reads an OCI layout directory and matches OS packages against the distro release', async () => {
    const dir = tmp('hg-oci-');
    const layer = gzipSync(await tarOf(base.filter((e) => !e.name.startsWith('..'))));
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${sha(layer)}`, size: layer.length }] }));
    mkdirSync(join(dir, 'oci', 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(dir, 'oci', 'blobs', 'sha256', sha(layer)), layer);
    writeFileSync(join(dir, 'oci', 'blobs', 'sha256', sha(manifest)), manifest);
    writeFileSync(join(dir, 'oci', 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    writeFileSync(join(dir, 'oci', 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [{ digest: `sha256:${sha(manifest)}`, annotations: { 'org.opencontainers.image.ref.name': 'clinic/db:2' } }] }));

    const r = await scan({ root: dir, workers: 0, scanners: ['deps'], now: new Date('2026-03-01T00:00:00Z'), source: { mode: 'image', image: join(dir, 'oci') }, config: resolveConfig({ scanners: { deps: { db: dbPath } } }, undefined) });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      location: { path: 'var/lib/dpkg/status', startLine: 1, layer: `sha256:${sha(layer)}`, image: 'clinic/db:2' },
      properties: { package: 'openssl', version: '3.0.11-1~deb12u1', ecosystem: 'Debian:12', advisory: 'DSA-9999-1', purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?distro=debian-12' },
    });
    expect(r.inventory!.packages.map((p) => `${p.name}@${p.version}`)).toEqual(['openssl@3.0.11-1~deb12u1']);
  });

  it('a layer blob that does not match its digest is an error naming the image', async () => {
    const dir = tmp('hg-oci-bad-');
    const manifest = Buffer.from(JSON.stringify({ layers: [{ digest: `sha256:${'0'.repeat(64)}` }] }));
    mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(dir, 'blobs', 'sha256', '0'.repeat(64)), 'tampered');
    writeFileSync(join(dir, 'blobs', 'sha256', sha(manifest)), manifest);
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ manifests: [{ digest: `sha256:${sha(manifest)}` }] }));
    await expect(collect(imageSource(dir, { root: dir, exclude: [], maxFileSize: 1e6 }))).rejects.toMatchObject({ code: 'E_PARSE', file: dir });
  });

  it('an Alpine apk database is matched against the Alpine release', async () => {
    const dir = tmp('hg-apk-');
    const layer = await tarOf([
      { name: 'etc/os-release', body: 'ID=alpine\nVERSION_ID=3.19.1\n' },
      { name: 'lib/apk/db/installed', body: 'C:Q1abc=\nP:busybox-binsh\nV:1.36.1-r15\no:busybox\n\nP:musl\nV:1.2.4_git20230717-r4\no:musl\n' },
    ]);
    const pack = tar.pack();
    pack.entry({ name: 'manifest.json' }, JSON.stringify([{ Layers: ['l/layer.tar'] }]));
    pack.entry({ name: 'l/layer.tar' }, layer);
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const c of pack) chunks.push(c as Buffer);
    writeFileSync(join(dir, 'alpine.tar'), Buffer.concat(chunks));
    const r = await scan({ root: dir, workers: 0, scanners: ['deps'], now: new Date('2026-03-01T00:00:00Z'), source: { mode: 'image', image: join(dir, 'alpine.tar') }, config: resolveConfig({ scanners: { deps: { db: dbPath } } }, undefined) });
    expect(r.findings.map((f) => `${f.properties!.package}@${f.properties!.version} ${f.properties!.ecosystem} ${f.properties!.advisory}`)).toEqual(['busybox@1.36.1-r15 Alpine:v3.19 ALPINE-CVE-2099-5']);
  });

  it("the image's text files also go through the other scanners, findings carrying the layer digest", async () => {
    const dir = tmp('hg-img-sec-');
    // Built at run time so the repository itself holds no key-shaped literal.
    const key = ['AKIA', 'Q3VTRZ7XPLM2KD6W'].join('');
    const layer = await tarOf([{ name: 'app/settings.env', body: `AWS_ACCESS_KEY_ID=${key}\n` }]);
    const pack = tar.pack();
    pack.entry({ name: 'manifest.json' }, JSON.stringify([{ RepoTags: ['clinic/web:3'], Layers: ['l/layer.tar'] }]));
    pack.entry({ name: 'l/layer.tar' }, layer);
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const c of pack) chunks.push(c as Buffer);
    writeFileSync(join(dir, 'web.tar'), Buffer.concat(chunks));
    const r = await scan({ root: dir, workers: 0, scanners: ['secrets', 'deps'], source: { mode: 'image', image: join(dir, 'web.tar') }, config: resolveConfig({ scanners: { deps: { db: dbPath } } }, undefined) });
    const f = r.findings.find((x) => x.ruleId === 'secret/aws-access-key-id');
    expect(f?.location).toMatchObject({ path: 'app/settings.env', startLine: 1, layer: `sha256:${sha(layer)}`, image: 'clinic/web:3' });
    expect(JSON.stringify(r)).not.toContain(key);
  });
});
