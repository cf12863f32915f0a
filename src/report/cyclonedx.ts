import * as CDX from '@cyclonedx/cyclonedx-library';
import type { Finding, InventoryItem, ScanResult } from '../core/types.js';
import type { Reporter } from './types.js';

/**
 * CycloneDX 1.6 JSON SBOM via the official `@cyclonedx/cyclonedx-library`: one component per
 * inventory package (purl, ecosystem, lockfile location, layer), the dependency graph, and the
 * vulnerabilities the deps scanner found with their CVSS ratings and affected components.
 */
export const reporter: Reporter = {
  format: 'cyclonedx',
  extension: 'cdx.json',
  render(result: ScanResult): string {
    const bom = new CDX.Models.Bom();
    bom.serialNumber = `urn:uuid:${uuidFrom(result.tool.rulesetDigest + result.configDigest + result.startedAt)}`;
    bom.metadata.timestamp = new Date(result.startedAt);
    bom.metadata.tools.components.add(new CDX.Models.Component(CDX.Enums.ComponentType.Application, result.tool.name, { version: result.tool.version }));
    const subject = new CDX.Models.Component(CDX.Enums.ComponentType.Application, targetName(result), { bomRef: 'hipaa-gate:scan-target' });
    bom.metadata.component = subject;

    const components = new Map<string, CDX.Models.Component>();
    const items = result.inventory?.packages ?? [];
    for (const p of items) {
      if (components.has(p.ref)) {
        addLocation(components.get(p.ref)!, p);
        continue;
      }
      const c = new CDX.Models.Component(CDX.Enums.ComponentType.Library, p.name, {
        bomRef: p.ref,
        ...(p.version ? { version: p.version } : {}),
        ...(p.purl ? { purl: p.purl } : {}),
        scope: p.dev ? CDX.Enums.ComponentScope.Optional : CDX.Enums.ComponentScope.Required,
      });
      c.properties.add(new CDX.Models.Property('hipaa-gate:ecosystem', p.ecosystem));
      c.properties.add(new CDX.Models.Property('hipaa-gate:direct', String(p.direct)));
      addLocation(c, p);
      components.set(p.ref, c);
      bom.components.add(c);
    }
    for (const p of items) {
      const c = components.get(p.ref)!;
      for (const d of p.dependsOn ?? []) {
        const target = components.get(d);
        if (target && target !== c) c.dependencies.add(target.bomRef);
      }
      if (p.direct) subject.dependencies.add(c.bomRef);
    }

    // The same package in several lockfiles is one component, so its vulnerability is listed once.
    const seen = new Set<string>();
    for (const f of result.findings.filter((x) => x.ruleId === 'deps/vulnerable-package')) {
      const v = vulnerability(f, components);
      if (!v || seen.has(v.bomRef.value ?? '')) continue;
      seen.add(v.bomRef.value ?? '');
      bom.vulnerabilities.add(v);
    }

    const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
    return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
  },
};

function addLocation(c: CDX.Models.Component, p: InventoryItem): void {
  c.properties.add(new CDX.Models.Property('hipaa-gate:location', `${p.path}:${p.line}`));
  if (p.layer) c.properties.add(new CDX.Models.Property('hipaa-gate:layer', p.layer));
}

const RATING: Record<string, CDX.Enums.Vulnerability.Severity> = {
  critical: CDX.Enums.Vulnerability.Severity.Critical,
  high: CDX.Enums.Vulnerability.Severity.High,
  medium: CDX.Enums.Vulnerability.Severity.Medium,
  low: CDX.Enums.Vulnerability.Severity.Low,
  info: CDX.Enums.Vulnerability.Severity.Info,
};

function vulnerability(f: Finding, components: Map<string, CDX.Models.Component>): CDX.Models.Vulnerability.Vulnerability | undefined {
  const p = f.properties ?? {};
  const ref = `${String(p.ecosystem)}:${String(p.package)}@${String(p.version)}`;
  const component = components.get(ref);
  if (typeof p.advisory !== 'string') return undefined;
  const cvss = p.cvss as { score?: number; vector?: string } | undefined;
  const method = cvss?.vector?.startsWith('CVSS:4.0') ? CDX.Enums.Vulnerability.RatingMethod.CVSSv4 : cvss?.vector?.startsWith('CVSS:3.1') ? CDX.Enums.Vulnerability.RatingMethod.CVSSv31 : cvss?.vector?.startsWith('CVSS:3') ? CDX.Enums.Vulnerability.RatingMethod.CVSSv3 : undefined;
  const v = new CDX.Models.Vulnerability.Vulnerability({
    bomRef: `${p.advisory}:${ref}`,
    id: p.advisory,
    source: new CDX.Models.Vulnerability.Source({ name: 'OSV', url: new URL(`https://osv.dev/vulnerability/${encodeURIComponent(p.advisory)}`) }),
    description: typeof p.summary === 'string' && p.summary ? p.summary : f.message,
    recommendation: Array.isArray(p.fixed) && p.fixed.length ? `Upgrade to ${(p.fixed as string[]).join(' or ')}` : 'No fixed version published',
  });
  v.ratings.add(new CDX.Models.Vulnerability.Rating({ severity: RATING[f.severity], ...(cvss?.score !== undefined ? { score: cvss.score } : {}), ...(method ? { method, vector: cvss!.vector } : { method: CDX.Enums.Vulnerability.RatingMethod.Other }) }));
  for (const a of (p.aliases as string[] | undefined) ?? []) v.references.add(new CDX.Models.Vulnerability.Reference(a, new CDX.Models.Vulnerability.Source({ name: a.split('-')[0] })));
  for (const c of f.hipaa) v.properties.add(new CDX.Models.Property('hipaa-gate:hipaa', c));
  v.properties.add(new CDX.Models.Property('hipaa-gate:fingerprint', f.fingerprint));
  if (component) v.affects.add(new CDX.Models.Vulnerability.Affect(component.bomRef));
  return v;
}

function targetName(r: ScanResult): string {
  const parts = r.target.root.split(/[\\/]/).filter(Boolean);
  return r.target.image ?? parts.at(-1) ?? 'scan-target';
}

/** Deterministic RFC 4122-shaped id from the run, so the same scan renders the same document. */
function uuidFrom(seed: string): string {
  let h = 0x811c9dc5;
  const bytes: number[] = [];
  for (let i = 0; i < 16; i++) {
    for (const ch of `${seed}:${i}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    bytes.push(h & 0xff);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
