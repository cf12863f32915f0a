import { PackageURL } from 'packageurl-js';

/** One package found in a lockfile, manifest or OS package database. */
export interface InventoryPackage {
  name: string;
  /** Exact version; empty when the source pins none (git/file/unpinned requirements). */
  version: string;
  /** OSV ecosystem name, e.g. `npm`, `PyPI`, `Debian:12`. */
  ecosystem: string;
  purl?: string;
  /** Declared by the project itself rather than pulled in by another package. */
  direct: boolean;
  /** Only needed for development/test (devDependencies, dev groups). */
  dev: boolean;
  /** The lockfile (path relative to the scan root) and 1-based line of the entry. */
  lockfile: string;
  line: number;
  /** Stable key for the dependency graph (`ecosystem:name@version`, unique per lockfile). */
  ref: string;
  /** `ref`s of the packages this one depends on, when the lockfile records them. */
  dependsOn?: string[];
}

/** What a parser returns per package; the common fields are filled in by `finish`. */
export interface ParsedPackage {
  name: string;
  version: string;
  line: number;
  direct?: boolean;
  dev?: boolean;
  /** Names (or name@version) of dependencies, resolved to refs by `finish` where possible. */
  deps?: string[];
}

export function packageRef(ecosystem: string, name: string, version: string): string {
  return `${ecosystem}:${name}@${version}`;
}

const PURL_TYPE: Record<string, string> = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'golang',
  Maven: 'maven',
  'crates.io': 'cargo',
  RubyGems: 'gem',
  Packagist: 'composer',
  NuGet: 'nuget',
  Pub: 'pub',
  Hex: 'hex',
  Debian: 'deb',
  Ubuntu: 'deb',
  Alpine: 'apk',
  'Red Hat': 'rpm',
};

/** Package URL (purl spec) for a package, via `packageurl-js`; undefined for unknown ecosystems. */
export function purlFor(ecosystem: string, name: string, version: string): string | undefined {
  const [base, release] = ecosystem.split(':', 2) as [string, string | undefined];
  const type = PURL_TYPE[base];
  if (!type || !name) return undefined;
  let namespace: string | undefined;
  let pname = name;
  const qualifiers: Record<string, string> = {};
  if ((type === 'npm' && name.startsWith('@')) || type === 'golang' || type === 'composer') {
    const i = name.lastIndexOf('/');
    if (i > 0) {
      namespace = name.slice(0, i);
      pname = name.slice(i + 1);
    }
  } else if (type === 'maven') {
    const i = name.indexOf(':');
    if (i > 0) {
      namespace = name.slice(0, i);
      pname = name.slice(i + 1);
    }
  } else if (type === 'pypi') {
    pname = name.toLowerCase().replace(/[-_.]+/g, '-');
  } else if (type === 'deb' || type === 'apk' || type === 'rpm') {
    namespace = base === 'Red Hat' ? 'redhat' : base.toLowerCase();
    if (release) qualifiers.distro = `${namespace}-${release}`;
  }
  try {
    return new PackageURL(type, namespace, pname, version || undefined, Object.keys(qualifiers).length ? qualifiers : undefined, undefined).toString();
  } catch {
    return undefined;
  }
}

/** Fill in ecosystem, purl, refs and resolve dependency names to refs within one lockfile. */
export function finish(lockfile: string, ecosystem: string, parsed: ParsedPackage[]): InventoryPackage[] {
  const byName = new Map<string, string>();
  const out = parsed.map((p) => {
    const ref = packageRef(ecosystem, p.name, p.version);
    if (!byName.has(p.name)) byName.set(p.name, ref);
    byName.set(`${p.name}@${p.version}`, ref);
    return {
      name: p.name,
      version: p.version,
      ecosystem,
      purl: purlFor(ecosystem, p.name, p.version),
      direct: p.direct ?? false,
      dev: p.dev ?? false,
      lockfile,
      line: p.line,
      ref,
    } satisfies InventoryPackage as InventoryPackage;
  });
  parsed.forEach((p, i) => {
    if (!p.deps?.length) return;
    const refs = [...new Set(p.deps.map((d) => byName.get(d)).filter((r): r is string => r !== undefined))];
    if (refs.length) out[i]!.dependsOn = refs;
  });
  return out;
}
