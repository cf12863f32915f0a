import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { scan } from '../../src/engine/scan.js';
import { OsvDatabase, resolveDbPath } from '../../src/scanners/deps/osv/db.js';
import { matchPackage } from '../../src/scanners/deps/osv/match.js';
import { PACKAGE_LOCK, RECORDS, tmp, write } from './helpers.js';
import { sharedDir } from './shared.js';

const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

describe('OSV database import', () => {
  it('resolves its location: flag, then HIPAA_GATE_DB, then config, then the XDG cache', () => {
    expect(resolveDbPath({ flag: '/x/a.db', env: { HIPAA_GATE_DB: '/y/b.db' } })).toBe('/x/a.db');
    expect(resolveDbPath({ env: { HIPAA_GATE_DB: '/y/b.db' }, config: 'c.db', root: '/r' })).toBe('/y/b.db');
    expect(resolveDbPath({ env: {}, config: 'c.db', root: '/r' })).toBe('/r/c.db');
    expect(resolveDbPath({ env: { XDG_CACHE_HOME: '/cache' } })).toBe('/cache/hipaa-gate/osv.db');
  });

  it('imports a zip, skips entries that are not OSV records, and re-import replaces an advisory', async () => {
    const d = tmp();
    write(d, { 'npm/all.zip': zipSync({ 'A.json': enc(RECORDS[0]), 'junk.json': new TextEncoder().encode('{not json'), 'noid.json': enc({ affected: [] }) }) });
    const db = OsvDatabase.openForImport(join(d, 'osv.db'));
    const s = await db.importPath(join(d, 'npm', 'all.zip'), { now: new Date('2026-01-01T00:00:00Z') });
    expect(s.records).toBe(1);
    expect(s.skippedEntries).toEqual(['all.zip:junk.json: not JSON', 'all.zip:noid.json: no "id"']);
    const fixedLater = { ...RECORDS[0]!, affected: [{ package: { ecosystem: 'npm', name: 'left-padder' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.1.0' }] }] }] };
    db.importRecords([fixedLater]);
    const rows = db.lookup('npm', 'left-padder');
    expect(rows).toHaveLength(1);
    expect(matchPackage({ ecosystem: 'npm', version: '1.2.0' }, rows, new Date())).toEqual([]);
    expect(db.status(new Date('2026-01-03T00:00:00Z'))).toMatchObject({ advisories: 1, importedAt: '2026-01-01T00:00:00.000Z', ageDays: 2 });
    db.close();
  });

  it('refuses zip bombs and path traversal, naming the archive', async () => {
    const d = tmp();
    const bomb = join(d, 'bomb.zip');
    writeFileSync(bomb, zipSync({ 'x.json': new Uint8Array(8 * 1024 * 1024) }, { level: 9 }));
    const db = OsvDatabase.openForImport(join(d, 'osv.db'));
    await expect(db.importPath(bomb)).rejects.toMatchObject({ code: 'E_DB', file: bomb, message: expect.stringMatching(/compression ratio/) });
    const trav = join(d, 'trav.zip');
    writeFileSync(trav, zipSync({ '../../evil.json': enc(RECORDS[0]) }));
    await expect(db.importPath(trav)).rejects.toMatchObject({ code: 'E_DB', file: trav });
    const garbage = join(d, 'garbage.zip');
    writeFileSync(garbage, 'PK\u0003\u0004 this is not really a zip file at all'.repeat(20));
    await expect(db.importPath(garbage)).rejects.toMatchObject({ code: 'E_DB', file: garbage });
    expect(db.status().advisories).toBe(0);
    db.close();
  });
});

const shared = sharedDir();
describe.skipIf(!shared)('real OSV exports (shared/data/osv)', () => {
  it('imports every ecosystem and finds the known lodash advisories', async () => {
    const d = tmp();
    const db = OsvDatabase.openForImport(join(d, 'osv.db'));
    const s = await db.importPath(join(shared!, 'data', 'osv'));
    const index = JSON.parse(readFileSync(join(shared!, 'data', 'osv', 'index.json'), 'utf8'));
    expect(s.files).toBe(Object.keys(index.ecosystems).length);
    // index.json says 7572 unique records, but the zips hold 7570 distinct ids; count them independently.
    const ids = new Set<string>();
    for (const eco of Object.keys(index.ecosystems)) {
      for (const data of Object.values(unzipSync(readFileSync(join(shared!, 'data', 'osv', eco, 'all.zip'))))) ids.add(JSON.parse(new TextDecoder().decode(data)).id);
    }
    expect(db.status().advisories).toBe(ids.size);
    expect(s.records).toBe(Object.values(index.ecosystems as Record<string, { count: number }>).reduce((n, e) => n + e.count, 0));
    const hits = matchPackage({ ecosystem: 'npm', version: '4.17.20' }, db.lookup('npm', 'lodash'), new Date());
    expect(hits.map((h) => h.advisory)).toEqual(['GHSA-29mw-wpgm-hmr9', 'GHSA-35jh-r3h4-6jhm']);
    expect(hits[1]).toMatchObject({ aliases: ['CVE-2021-23337'], severity: 'high', score: 7.2, fixed: ['4.17.21'] });
    expect(matchPackage({ ecosystem: 'npm', version: '4.17.21' }, db.lookup('npm', 'lodash'), new Date())).toEqual([]);
    db.close();
  });
});

describe('online mode (OSV querybatch against a local fake server)', () => {
  let server: Server;
  let url: string;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push(`${req.method} ${req.url}`);
        res.setHeader('content-type', 'application/json');
        if (req.url === '/v1/querybatch') {
          const q = JSON.parse(body) as { queries: Array<{ package: { name: string } }> };
          return res.end(JSON.stringify({ results: q.queries.map((x) => ({ vulns: x.package.name === 'left-padder' ? [{ id: 'GHSA-test-0001-aaaa' }] : [] })) }));
        }
        const rec = RECORDS.find((r) => req.url === `/v1/vulns/${r.id}`);
        if (rec) return res.end(JSON.stringify(rec));
        res.statusCode = 404;
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('finds the same vulnerability the offline database does, with no local database', async () => {
    const root = tmp('hg-online-');
    write(root, { 'package-lock.json': PACKAGE_LOCK });
    const r = await scan({ root, workers: 0, scanners: ['deps'], config: resolveConfig({ scanners: { deps: { db: join(root, 'none.db'), online: { enabled: true, url, timeout_ms: 5000 } } } }, undefined) });
    expect(r.findings.map((f) => [f.properties!.package, f.properties!.advisory, f.severity])).toEqual([['left-padder', 'GHSA-test-0001-aaaa', 'critical']]);
    expect(requests).toEqual(['POST /v1/querybatch', 'GET /v1/vulns/GHSA-test-0001-aaaa']);
    expect(r.skipped).toEqual([]);
  });

  it('an unreachable API is an error naming the endpoint', async () => {
    const root = tmp('hg-online-');
    write(root, { 'package-lock.json': PACKAGE_LOCK });
    await expect(
      scan({ root, workers: 0, scanners: ['deps'], config: resolveConfig({ scanners: { deps: { online: { enabled: true, url: `${url}/missing`, timeout_ms: 5000 } } } }, undefined) }),
    ).rejects.toMatchObject({ code: 'E_DB', message: expect.stringMatching(/HTTP 404/) });
  });
});
