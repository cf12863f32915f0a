import { makeFinding } from '../../core/finding.js';
import type { Finding, Inventory, InventoryItem } from '../../core/types.js';
import type { ProjectScanOutput, ProjectScanner, ScannerContext } from '../types.js';
import { buildInventory, isDepsFile } from './inventory-build.js';
import { OsvDatabase, resolveDbPath } from './osv/db.js';
import { matchPackage, type PackageVulnerability } from './osv/match.js';
import { fetchAdvisories, onlineKey } from './osv/online.js';
import type { StoredAdvisory } from './osv/types.js';
import { VULNERABLE_PACKAGE } from './rule.js';

export const DEFAULT_MAX_DB_AGE_DAYS = 7;

interface DepsOptions {
  db?: string;
  max_db_age_days?: number;
  ignore_unfixed?: boolean;
  ignore_dev?: boolean;
  online?: { enabled?: boolean; url?: string; timeout_ms?: number };
}

/**
 * Software composition analysis: lockfiles, manifests and OS package databases become an
 * inventory (returned for the SBOM), which is matched against OSV advisories from the local
 * database (or the OSV API when `online.enabled`). No database is a reported gap, never a pass.
 */
export const scanner: ProjectScanner = {
  kind: 'project',
  name: 'deps',
  category: 'deps',
  rules: () => [VULNERABLE_PACKAGE],
  appliesTo: (path) => isDepsFile(path),
  async scanProject(artifacts, ctx): Promise<ProjectScanOutput> {
    const opts = ctx.options as DepsOptions;
    const now = new Date(ctx.now);
    const { packages } = buildInventory(artifacts, ctx.root, ctx.problem);
    const inventory: Inventory = { packages: packages.map(toItem) };
    if (packages.length === 0) return { findings: [], inventory };

    const lookup = await advisorySource(packages, opts, ctx, now);
    if (!lookup) return { findings: [], inventory };
    const findings: Finding[] = [];
    for (const pkg of packages) {
      if (opts.ignore_dev && pkg.dev) continue;
      for (const v of matchPackage(pkg, lookup(pkg.ecosystem, pkg.name), now)) {
        if (opts.ignore_unfixed && v.fixed.length === 0) continue;
        findings.push(toFinding(pkg, v));
      }
    }
    return { findings, inventory };
  },
};

type Lookup = (ecosystem: string, name: string) => StoredAdvisory[];

async function advisorySource(packages: Array<{ ecosystem: string; name: string; version: string }>, opts: DepsOptions, ctx: ScannerContext, now: Date): Promise<Lookup | undefined> {
  if (opts.online?.enabled) {
    const found = await fetchAdvisories(packages, { url: opts.online.url, timeoutMs: opts.online.timeout_ms });
    return (eco, name) => found.get(onlineKey(eco, name)) ?? [];
  }
  const path = resolveDbPath({ config: opts.db, root: ctx.root });
  const db = OsvDatabase.openExisting(path);
  if (!db) {
    ctx.problem({ path, reason: 'error', detail: `no vulnerability database; run hipaa-gate db import (${packages.length} package(s) not checked)` });
    return undefined;
  }
  const status = db.status(now);
  const maxAge = opts.max_db_age_days ?? DEFAULT_MAX_DB_AGE_DAYS;
  if (status.ageDays === undefined || status.ageDays > maxAge) {
    const age = status.ageDays === undefined ? 'has no import date' : `is ${Math.floor(status.ageDays)} day(s) old`;
    ctx.problem({ path, reason: 'error', detail: `vulnerability database ${age} (scanners.deps.max_db_age_days = ${maxAge}); run hipaa-gate db import` });
  }
  // One batched query per ecosystem up front; the scan then matches from memory.
  const found = new Map<string, StoredAdvisory[]>();
  const byEco = new Map<string, string[]>();
  for (const p of packages) {
    if (!byEco.has(p.ecosystem)) byEco.set(p.ecosystem, []);
    byEco.get(p.ecosystem)!.push(p.name);
  }
  for (const [eco, names] of byEco) for (const [name, rows] of db.lookupMany(eco, names)) found.set(onlineKey(eco, name), rows);
  db.close();
  return (eco, name) => found.get(onlineKey(eco, name)) ?? [];
}

function toItem(p: ReturnType<typeof buildInventory>['packages'][number]): InventoryItem {
  return {
    ref: p.ref,
    name: p.name,
    version: p.version,
    ecosystem: p.ecosystem,
    ...(p.purl ? { purl: p.purl } : {}),
    direct: p.direct,
    dev: p.dev,
    path: p.lockfile,
    line: p.line,
    ...(p.artifact.origin.layer ? { layer: p.artifact.origin.layer } : {}),
    ...(p.dependsOn ? { dependsOn: p.dependsOn } : {}),
  };
}

function toFinding(pkg: ReturnType<typeof buildInventory>['packages'][number], v: PackageVulnerability): Finding {
  const ids = [v.advisory, ...v.aliases.filter((a) => a.startsWith('CVE-') || a.startsWith('GHSA-'))].slice(0, 3).join(', ');
  const fix = v.fixed.length ? `fixed in ${v.fixed.join(', ')}` : 'no fixed version yet';
  const score = v.score !== undefined ? ` (CVSS ${v.score.toFixed(1)})` : '';
  return makeFinding(VULNERABLE_PACKAGE, pkg.artifact, {
    span: { line: pkg.line },
    value: `${pkg.ecosystem}:${pkg.name}@${pkg.version}:${v.advisory}`,
    masked: `${pkg.name}@${pkg.version}`,
    message: `${pkg.name} ${pkg.version} (${pkg.ecosystem}) is affected by ${ids}${score}: ${v.summary || 'see the advisory'}; ${fix}`,
    severity: v.severity,
    resource: pkg.purl ?? `${pkg.ecosystem}:${pkg.name}@${pkg.version}`,
    properties: {
      package: pkg.name,
      version: pkg.version,
      ecosystem: pkg.ecosystem,
      purl: pkg.purl,
      direct: pkg.direct,
      dev: pkg.dev,
      advisory: v.advisory,
      aliases: v.aliases,
      fixed: v.fixed,
      cvss: v.cvss !== undefined ? { score: v.score, vector: v.cvss } : undefined,
      summary: v.summary,
    },
  });
}
