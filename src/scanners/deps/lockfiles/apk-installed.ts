import type { ParsedPackage } from '../inventory.js';
import { distroEcosystem } from './os-release.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';

/**
 * Alpine's apk database (`lib/apk/db/installed`): blank-line separated records of one-letter
 * fields; `P:` package, `V:` version, `o:` origin (the source package OSV's Alpine data uses).
 */
export const parser: LockfileParser = {
  id: 'apk-installed',
  ecosystem: 'Alpine',
  matches: LOCKFILE_NAMES['apk-installed'],
  ecosystemOf: (ctx) => distroEcosystem(ctx.distro, 'Alpine'),
  parse(text) {
    const out: ParsedPackage[] = [];
    let rec: Record<string, string> = {};
    let start = 1;
    const flush = () => {
      if (rec.P && rec.V) out.push({ name: rec.o || rec.P, version: rec.V, line: start, direct: true });
      rec = {};
    };
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') {
        flush();
        start = i + 2;
        return;
      }
      const m = /^([A-Za-z]):(.*)$/.exec(line);
      if (m && rec[m[1]!] === undefined) rec[m[1]!] = m[2]!;
    });
    flush();
    return out;
  },
};
