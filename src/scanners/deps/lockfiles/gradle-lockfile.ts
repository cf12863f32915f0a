import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';

/** gradle.lockfile (and buildscript-gradle.lockfile): `group:artifact:version=configurations`. */
export const parser: LockfileParser = {
  id: 'gradle-lockfile',
  ecosystem: 'Maven',
  matches: LOCKFILE_NAMES['gradle-lockfile'],
  parse(text) {
    return text.split(/\r?\n/).flatMap((raw, i) => {
      const m = /^([^\s:#=]+):([^\s:=]+):([^\s:=]+)=(.*)$/.exec(raw.trim());
      if (!m) return [];
      const configs = m[4]!.split(',');
      const dev = configs.length > 0 && configs.every((c) => /test|developmentOnly/i.test(c));
      return [{ name: `${m[1]}:${m[2]}`, version: m[3]!, line: i + 1, dev }];
    });
  },
};
