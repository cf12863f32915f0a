import type { ParsedPackage } from '../inventory.js';
import { distroEcosystem } from './os-release.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';

/**
 * dpkg's database (`var/lib/dpkg/status`, distroless `var/lib/dpkg/status.d/*`): one paragraph
 * per binary package; only installed ones count. OSV's Debian/Ubuntu data is keyed by *source*
 * package, so `Source:` (with its own version, when given) names the package.
 */
export const parser: LockfileParser = {
  id: 'dpkg-status',
  ecosystem: 'Debian',
  matches: LOCKFILE_NAMES['dpkg-status'],
  ecosystemOf: (ctx) => distroEcosystem(ctx.distro, ctx.distro?.id === 'ubuntu' ? 'Ubuntu' : 'Debian'),
  parse(text) {
    const out: ParsedPackage[] = [];
    let fields = new Map<string, string>();
    let start = 1;
    const flush = () => {
      const status = fields.get('Status') ?? 'install ok installed';
      const pkg = fields.get('Package');
      const version = fields.get('Version');
      if (pkg && version && /\binstalled$/.test(status) && !status.includes('not-installed')) {
        const src = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(fields.get('Source') ?? '');
        out.push({ name: src?.[1] ?? pkg, version: src?.[2] ?? version, line: start, direct: true });
      }
      fields = new Map();
    };
    const lines = text.split(/\r?\n/);
    let last = '';
    lines.forEach((line, i) => {
      if (line.trim() === '') {
        if (fields.size) flush();
        start = i + 2;
        return;
      }
      if (/^\s/.test(line)) return; // continuation of a multi-line field
      const c = line.indexOf(':');
      if (c <= 0) return;
      last = line.slice(0, c);
      fields.set(last, line.slice(c + 1).trim());
    });
    if (fields.size) flush();
    return out;
  },
};
