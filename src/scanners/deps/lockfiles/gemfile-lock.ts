import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';

/**
 * Gemfile.lock: `specs:` lists under GEM, GIT and PATH sections; four-space entries are gems
 * (`name (version[-platform])`), six-space entries their dependencies. DEPENDENCIES names the
 * direct ones.
 */
export const parser: LockfileParser = {
  id: 'gemfile-lock',
  ecosystem: 'RubyGems',
  matches: LOCKFILE_NAMES['gemfile-lock'],
  parse(text) {
    const out: ParsedPackage[] = [];
    const direct = new Set<string>();
    let section = '';
    let inSpecs = false;
    let current: ParsedPackage | undefined;
    text.split(/\r?\n/).forEach((raw, i) => {
      if (/^[A-Z]/.test(raw)) {
        section = raw.trim();
        inSpecs = false;
        return;
      }
      if (raw.trim() === 'specs:') return void (inSpecs = ['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE'].includes(section));
      if (section === 'DEPENDENCIES') {
        const d = /^ {2}([^\s!]+)/.exec(raw);
        if (d) direct.add(d[1]!);
        return;
      }
      if (!inSpecs) return;
      const gem = /^ {4}(\S+) \(([^)]+)\)$/.exec(raw);
      if (gem) {
        const version = gem[2]!.split('-')[0]!;
        out.push((current = { name: gem[1]!, version, line: i + 1, deps: [] }));
        return;
      }
      const dep = /^ {6}(\S+)/.exec(raw);
      if (dep && current) current.deps!.push(dep[1]!);
    });
    for (const p of out) p.direct = direct.has(p.name);
    return out;
  },
};
