import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';

/** mix.lock (Elixir): `"name": {:hex, :name, "version", ...}` per line; git deps have no version. */
export const parser: LockfileParser = {
  id: 'mix-lock',
  ecosystem: 'Hex',
  matches: LOCKFILE_NAMES['mix-lock'],
  parse(text) {
    return text.split(/\r?\n/).flatMap((raw, i) => {
      const m = /^\s*"([^"]+)":\s*\{:hex,\s*:([^,\s]+),\s*"([^"]+)"/.exec(raw);
      if (m) return [{ name: m[2]!, version: m[3]!, line: i + 1 }];
      const g = /^\s*"([^"]+)":\s*\{:git,/.exec(raw);
      return g ? [{ name: g[1]!, version: '', line: i + 1 }] : [];
    });
  },
};
