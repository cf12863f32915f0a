import { makeFinding } from '../../core/finding.js';
import type { Finding, Inventory, InventoryItem } from '../../core/types.js';
import type { ProjectScanOutput, ProjectScanner, ScannerContext } from '../types.js';
import type { BuiltInventory } from './inventory-build.js';
import { isDepsFile } from './lockfiles/names.js';
import type { PackageVulnerability } from './osv/match.js';
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
    // The lockfile parsers (YAML, TOML, XML, packageurl-js) load only when a deps file is scanned.
    const { buildInventory } = await import('./inventory-build.js');
    const { packages } = buildInventory(artifacts, ctx.root, ctx.problem);
    const inventory: Inventory = { packages: packages.map(toItem) };
    if (packages.length === 0) return { findings: [], inventory };

    const source = await advisorySource(packages, opts, ctx, now);
    if (!source) return { findings: [], inventory };
    const { matchPackage } = await import('./osv/match.js');
    const { normalizeName } = await import('./osv/db.js');
    const findings: Finding[] = [];
    try {
      // Per ecosystem, 500 packages at a time: one query each, matched and released before the next.
      const byEco = new Map<string, typeof packages>();
      for (const p of packages) {
        if (opts.ignore_dev && p.dev) continue;
        if (!byEco.has(p.ecosystem)) byEco.set(p.ecosystem, []);
        byEco.get(p.ecosystem)!.push(p);
      }
      for (const [eco, list] of byEco) {
        for (let i = 0; i < list.length; i += 500) {
          const chunk = list.slice(i, i + 500);
          const found = source.fetch(eco, chunk.map((p) => p.name));
          for (const pkg of chunk) {
            for (const v of matchPackage(pkg, found.get(normalizeName(eco, pkg.name)) ?? [], now)) {
              if (opts.ignore_unfixed && v.fixed.length === 0) continue;
              findings.push(toFinding(pkg, v));
            }
          }
        }
      }
    } finally {
      source.close();
    }
    return { findings, inventory };
  },
};

interface AdvisorySource {
  /** Advisories for these package names of one ecosystem, keyed by normalised name. */
  fetch(ecosystem: string, names: string[]): Map<string, StoredAdvisory[]>;
  close(): void;
}

async function advisorySource(packages: Array<{ ecosystem: string; name: string; version: string }>, opts: DepsOptions, ctx: ScannerContext, now: Date): Promise<AdvisorySource | undefined> {
  // SQLite, the CVSS calculator and the HTTP client load only when there are packages to match.
  const { OsvDatabase, normalizeName, resolveDbPath } = await import('./osv/db.js');
  if (opts.online?.enabled) {
    const { fetchAdvisories, onlineKey } = await import('./osv/online.js');
    const all = await fetchAdvisories(packages, { url: opts.online.url, timeoutMs: opts.online.timeout_ms });
    return {
      fetch: (eco, names) => new Map(names.map((n) => [normalizeName(eco, n), all.get(onlineKey(eco, n)) ?? []])),
      close: () => {},
    };
  }
  const path = resolveDbPath({ config: opts.db, root: ctx.root });
  const db = OsvDatabase.openExisting(path);
  if (!db) {
    ctx.problem({ path, reason: 'error', detail: `no vulnerability database; run hipaa-gate db import (${packages.length} package(s) not checked)` });
    return undefined;
  }
  const importedAt = db.importedAt();
  const ageDays = importedAt ? (now.getTime() - Date.parse(importedAt)) / 86_400_000 : undefined;
  const maxAge = opts.max_db_age_days ?? DEFAULT_MAX_DB_AGE_DAYS;
  if (ageDays === undefined || ageDays > maxAge) {
    const age = ageDays === undefined ? 'has no import date' : `is ${Math.floor(ageDays)} day(s) old`;
    ctx.problem({ path, reason: 'error', detail: `vulnerability database ${age} (scanners.deps.max_db_age_days = ${maxAge}); run hipaa-gate db import` });
  }
  return { fetch: (eco, names) => db.lookupMany(eco, names), close: () => db.close() };
}

function toItem(p: BuiltInventory['packages'][number]): InventoryItem {
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

/** The first sentence of an advisory summary (records without one fall back to their details). */
function brief(summary: string): string {
  const first = /^[\s\S]*?[.!?](?=\s|$)/.exec(summary.trim())?.[0] ?? summary.trim();
  const text = first.length > 160 ? `${first.slice(0, 157)}...` : first;
  return text.replace(/[.!?]$/, '') || 'see the advisory';
}

function toFinding(pkg: BuiltInventory['packages'][number], v: PackageVulnerability): Finding {
  const ids = [v.advisory, ...v.aliases.filter((a) => a.startsWith('CVE-') || a.startsWith('GHSA-'))].slice(0, 3).join(', ');
  const fix = v.fixed.length ? `fixed in ${v.fixed.join(', ')}` : 'no fixed version yet';
  const score = v.score !== undefined ? ` (CVSS ${v.score.toFixed(1)})` : '';
  return makeFinding(VULNERABLE_PACKAGE, pkg.artifact, {
    span: { line: pkg.line },
    value: `${pkg.ecosystem}:${pkg.name}@${pkg.version}:${v.advisory}`,
    masked: `${pkg.name}@${pkg.version}`,
    message: `${pkg.name} ${pkg.version} (${pkg.ecosystem}) is affected by ${ids}${score}: ${brief(v.summary)}; ${fix}`,
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
