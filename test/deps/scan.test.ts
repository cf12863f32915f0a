import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { HipaaGateError } from '../../src/core/errors.js';
import { scan } from '../../src/engine/scan.js';
import { render } from '../../src/report/index.js';
import { OsvDatabase } from '../../src/scanners/deps/osv/db.js';
import { PACKAGE_LOCK, osvExport, tmp, write } from './helpers.js';
import { sharedDir } from './shared.js';

const NOW = new Date('2026-03-01T12:00:00Z');
let dbPath: string;

beforeAll(async () => {
  const dir = tmp();
  dbPath = join(dir, 'osv.db');
  const db = OsvDatabase.openForImport(dbPath);
  await db.importPath(osvExport(join(dir, 'export')), { now: new Date('2026-02-28T00:00:00Z') });
  db.close();
});

function project(extra: Record<string, string> = {}): string {
  const root = tmp('hg-proj-');
  write(root, { 'package-lock.json': PACKAGE_LOCK, 'api/requirements.txt': 'flask==3.0.0\npy-parser==1.5 --hash=sha256:abc\n', ...extra });
  return root;
}

const run = (root: string, deps: Record<string, unknown> = {}, more: Record<string, unknown> = {}, strict = false) =>
  scan({ root, workers: 0, now: NOW, scanners: ['deps'], strict, config: resolveConfig({ scanners: { deps: { db: dbPath, ...deps } }, ...more }, undefined) });

describe('deps scanner end to end', () => {
  it('reports vulnerable packages once per CVE/GHSA pair, with line, severity, fix and citations', async () => {
    const r = await run(project());
    const ids = r.findings.map((f) => `${f.properties!.package}:${f.properties!.advisory}`).sort();
    expect(ids).toEqual(['dev-tool-x:GHSA-test-0002-bbbb', 'left-padder:GHSA-test-0001-aaaa', 'py-parser:PYSEC-2099-3']);
    const lp = r.findings.find((f) => f.properties!.package === 'left-padder')!;
    expect(lp).toMatchObject({ ruleId: 'deps/vulnerable-package', severity: 'critical', location: { path: 'package-lock.json', startLine: 13 } });
    expect(lp.properties).toMatchObject({ version: '1.2.0', ecosystem: 'npm', purl: 'pkg:npm/left-padder@1.2.0', direct: true, dev: false, aliases: ['CVE-2099-0001'], fixed: ['1.3.0'], cvss: { score: 9.8 } });
    expect(lp.message).toBe('left-padder 1.2.0 (npm) is affected by GHSA-test-0001-aaaa, CVE-2099-0001 (CVSS 9.8): Prototype pollution in left-padder; fixed in 1.3.0');
    expect(lp.hipaa).toEqual(['164.308(a)(1)(ii)(A)', '164.308(a)(5)(ii)(B)', '164.312(c)(1)']);
    const py = r.findings.find((f) => f.properties!.package === 'py-parser')!;
    expect(py).toMatchObject({ severity: 'critical', location: { path: 'api/requirements.txt', startLine: 2 } });
    expect(r.findings.find((f) => f.properties!.package === 'dev-tool-x')!).toMatchObject({ severity: 'medium', properties: { dev: true, fixed: [], cvss: { score: 5.3 } } });
    expect(r.gate.passed).toBe(false);
    expect(r.inventory!.packages.map((p) => p.name).sort()).toEqual(['dev-tool-x', 'flask', 'left-padder', 'py-parser', 'tiny-dep']);
    expect(r.inventory!.packages.find((p) => p.name === 'left-padder')!.dependsOn).toEqual(['npm:tiny-dep@1.0.0']);
  });

  it('ignore_dev and ignore_unfixed drop what the team chose to ignore', async () => {
    const r = await run(project(), { ignore_dev: true });
    expect(r.findings.some((f) => f.properties!.package === 'dev-tool-x')).toBe(false);
    const u = await run(project(), { ignore_unfixed: true });
    expect(u.findings.map((f) => f.properties!.advisory).sort()).toEqual(['GHSA-test-0001-aaaa', 'PYSEC-2099-3']);
  });

  it('a waiver by CVE alias suppresses the merged finding until it expires', async () => {
    const waiver = { advisory: 'CVE-2099-0001', reason: 'not reachable from our code', approved_by: 'sec-team', expires: '2026-12-31' };
    const r = await run(project(), {}, { waivers: [waiver] });
    expect(r.findings.find((f) => f.properties!.package === 'left-padder')!.suppression).toMatchObject({ kind: 'waiver' });
    const expired = await run(project(), {}, { waivers: [{ ...waiver, expires: '2026-01-01' }] });
    expect(expired.findings.find((f) => f.properties!.package === 'left-padder')!.suppression).toBeUndefined();
  });

  it('no database is a reported gap, not a silent pass', async () => {
    const r = await run(project(), { db: join(tmp(), 'missing.db') });
    expect(r.findings).toEqual([]);
    expect(r.skipped.some((s) => /no vulnerability database; run hipaa-gate db import/.test(s.detail))).toBe(true);
    expect(r.inventory!.packages.length).toBe(5);
    const strict = await run(project(), { db: join(tmp(), 'missing.db') }, {}, true);
    expect(strict.gate.passed).toBe(false);
  });

  it('a stale database warns, and fails the gate under --strict', async () => {
    const root = project();
    const r = await run(root, { max_db_age_days: 0 }, { fail_on: 'none' });
    expect(r.skipped.find((s) => /1 day\(s\) old/.test(s.detail))).toBeDefined();
    expect(r.gate.passed).toBe(true);
    expect(r.gate.warnings.join(' ')).toMatch(/could not be scanned/);
    const strict = await run(root, { max_db_age_days: 0 }, { fail_on: 'none' }, true);
    expect(strict.gate.passed).toBe(false);
  });

  it('a malformed lockfile is listed with its line and the others are still scanned', async () => {
    const r = await run(project({ 'web/yarn.lock': 'left-padder@^1:\n  version "1.2.0"\nthis is not yarn\n', 'svc/go.mod': 'module x\n\ngo 1.22\n\nrequire (\n  example.com/a\n)\n' }));
    const y = r.skipped.find((s) => s.path === 'web/yarn.lock')!;
    expect(y).toMatchObject({ reason: 'parse-error', line: 3 });
    expect(r.skipped.find((s) => s.path === 'svc/go.mod')).toMatchObject({ reason: 'parse-error', line: 6 });
    expect(r.findings.some((f) => f.location.path === 'package-lock.json')).toBe(true);
  });

  it('a corrupted database is an error naming the file', async () => {
    const bad = join(tmp(), 'osv.db');
    writeFileSync(bad, 'this is not sqlite'.repeat(100));
    await expect(run(project(), { db: bad })).rejects.toThrow(HipaaGateError);
    await expect(run(project(), { db: bad })).rejects.toMatchObject({ code: 'E_DB', file: bad });
  });
});

const shared = sharedDir();
describe.skipIf(!shared)('CycloneDX SBOM', () => {
  it('validates against the CycloneDX 1.6 schema and carries purls, the graph and vulnerabilities', async () => {
    const r = await run(project());
    const bom = JSON.parse(String(await render(r, 'cyclonedx')));
    const rd = (p: string) => JSON.parse(readFileSync(join(shared!, 'schemas', 'cyclonedx', p), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(rd('spdx.schema.json'));
    ajv.addSchema(rd('jsf-0.82.schema.json'));
    const validate = ajv.compile(rd('bom-1.6.schema.json'));
    expect(validate(bom), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components.map((c: { purl: string }) => c.purl)).toContain('pkg:pypi/py-parser@1.5');
    const lp = bom.dependencies.find((d: { ref: string }) => d.ref === 'npm:left-padder@1.2.0');
    expect(lp.dependsOn).toEqual(['npm:tiny-dep@1.0.0']);
    const v = bom.vulnerabilities.find((x: { id: string }) => x.id === 'GHSA-test-0001-aaaa');
    expect(v.ratings[0]).toMatchObject({ score: 9.8, severity: 'critical', method: 'CVSSv31' });
    expect(v.affects[0].ref).toBe('npm:left-padder@1.2.0');
    expect(v.references.map((x: { id: string }) => x.id)).toEqual(['CVE-2099-0001']);
  });
});
