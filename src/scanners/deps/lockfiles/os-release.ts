/** /etc/os-release (or /usr/lib/os-release): ID and VERSION_ID pick the OSV distro ecosystem. */
export function parseOsRelease(text: string): { id: string; versionId: string } | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) fields.set(m[1]!, m[2]!.replace(/^["']|["']$/g, ''));
  }
  const id = fields.get('ID');
  return id ? { id, versionId: fields.get('VERSION_ID') ?? '' } : undefined;
}

export const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'];

/** OSV ecosystem for a distro: `Debian:12`, `Ubuntu:22.04`, `Alpine:v3.19`; bare name without a version. */
export function distroEcosystem(distro: { id: string; versionId: string } | undefined, fallback: string): string {
  if (!distro) return fallback;
  const v = distro.versionId;
  switch (distro.id) {
    case 'debian':
      return v ? `Debian:${v.split('.')[0]}` : 'Debian';
    case 'ubuntu':
      return v ? `Ubuntu:${v}` : 'Ubuntu';
    case 'alpine':
      return v ? `Alpine:v${v.split('.').slice(0, 2).join('.')}` : 'Alpine';
    default:
      return fallback;
  }
}
