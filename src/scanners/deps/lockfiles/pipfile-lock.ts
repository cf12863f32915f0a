import { HipaaGateError } from '../../../core/errors.js';
import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';
import { LineFinder, isObject, jsonKeyNeedle, parseJson } from './util.js';

/** Pipfile.lock: `default` (production) and `develop` (dev) maps of name -> {version: "==x"}. */
export const parser: LockfileParser = {
  id: 'pipfile-lock',
  ecosystem: 'PyPI',
  matches: LOCKFILE_NAMES['pipfile-lock'],
  parse(text, ctx) {
    if (text.trim() === '') return [];
    const doc = parseJson(text, ctx.path);
    if (!isObject(doc)) throw new HipaaGateError('E_PARSE', 'not a Pipfile.lock object', { file: ctx.path, line: 1 });
    const lines = new LineFinder(text);
    const out: ParsedPackage[] = [];
    const seen = new Set<string>();
    for (const [section, dev] of [['default', false], ['develop', true]] as const) {
      const group = doc[section];
      if (!isObject(group)) continue;
      const from = Math.max(lines.offsetOf(jsonKeyNeedle(section)), 0);
      for (const [name, v] of Object.entries(group)) {
        if (!isObject(v) || typeof v.version !== 'string') continue;
        const version = v.version.replace(/^===?/, '');
        // A package in both groups is a production dependency (listed once).
        if (dev && seen.has(`${name}@${version}`)) continue;
        seen.add(`${name}@${version}`);
        out.push({ name, version, line: lines.next(jsonKeyNeedle(name), from), direct: true, dev });
      }
    }
    return out;
  },
};
