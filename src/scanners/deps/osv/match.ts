import type { Severity } from '../../../core/types.js';
import type { InventoryPackage } from '../inventory.js';
import { comparatorFor } from '../versions/index.js';
import { advisorySeverity } from './cvss.js';
import { fixedVersions, isAffected } from './ranges.js';
import type { StoredAdvisory } from './types.js';

/** One vulnerability of one installed package: advisories that alias each other merged. */
export interface PackageVulnerability {
  /** The preferred id (GHSA, then the ecosystem's own id, then CVE). */
  advisory: string;
  /** Every other id of the same vulnerability (CVE, GHSA, PYSEC, GO ...), sorted. */
  aliases: string[];
  summary: string;
  severity: Severity;
  score?: number;
  cvss?: string;
  fixed: string[];
}

const preference = (id: string) => (id.startsWith('GHSA-') ? 0 : id.startsWith('CVE-') ? 2 : 1);

export function matchPackage(pkg: Pick<InventoryPackage, 'ecosystem' | 'version'>, advisories: StoredAdvisory[], now: Date): PackageVulnerability[] {
  if (!pkg.version) return [];
  const compare = comparatorFor(pkg.ecosystem);
  const release = pkg.ecosystem.includes(':') ? pkg.ecosystem : undefined;
  const hits = advisories.filter((a) => {
    if (a.withdrawn && Date.parse(a.withdrawn) <= now.getTime()) return false;
    const eco = a.affected.package?.ecosystem ?? '';
    // Debian:12 data applies to Debian 12 only; an unqualified package matches any release.
    if (release && eco.includes(':') && eco !== release && !eco.startsWith(`${release}:`)) return false;
    return isAffected(pkg.version, a.affected, compare);
  });
  return mergeAliases(hits, compare);
}

/** Union-find over ids and aliases, so a GHSA and its CVE (and PYSEC/GO twins) are one finding. */
function mergeAliases(hits: StoredAdvisory[], compare: ((a: string, b: string) => number) | undefined): PackageVulnerability[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? (parent.set(r, r), r);
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  for (const h of hits) {
    if (!parent.has(h.id)) parent.set(h.id, h.id);
    for (const al of h.aliases) {
      if (!parent.has(al)) parent.set(al, al);
      union(al, h.id);
    }
  }
  const groups = new Map<string, StoredAdvisory[]>();
  for (const h of hits) {
    const r = find(h.id);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(h);
  }
  const out: PackageVulnerability[] = [];
  for (const g of groups.values()) {
    const ids = [...new Set(g.flatMap((h) => [h.id, ...h.aliases]))].sort((a, b) => preference(a) - preference(b) || a.localeCompare(b));
    const recordIds = new Set(g.map((h) => h.id));
    const advisory = ids.find((i) => recordIds.has(i) && preference(i) === 0) ?? ids.find((i) => recordIds.has(i)) ?? ids[0]!;
    const scored = g.filter((h) => h.score !== undefined).sort((a, b) => b.score! - a.score!)[0];
    const label = g.find((h) => h.label)?.label;
    const fixed = [...new Set(g.flatMap((h) => fixedVersions(h.affected)))].sort((a, b) => (compare ? compare(a, b) : a.localeCompare(b)));
    out.push({
      advisory,
      aliases: ids.filter((i) => i !== advisory),
      summary: g.find((h) => h.summary)?.summary ?? '',
      severity: advisorySeverity(scored?.score, label),
      ...(scored ? { score: scored.score, cvss: scored.cvss } : {}),
      fixed,
    });
  }
  return out.sort((a, b) => a.advisory.localeCompare(b.advisory));
}
