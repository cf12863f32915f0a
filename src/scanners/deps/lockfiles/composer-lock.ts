import { HipaaGateError } from '../../../core/errors.js';
import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';
import { LineFinder, isObject, parseJson } from './util.js';

/** composer.lock: `packages` (production) and `packages-dev`, each a list of {name, version}. */
export const parser: LockfileParser = {
  id: 'composer-lock',
  ecosystem: 'Packagist',
  matches: LOCKFILE_NAMES['composer-lock'],
  parse(text, ctx) {
    const doc = parseJson(text, ctx.path);
    if (!isObject(doc)) throw new HipaaGateError('E_PARSE', 'not a composer.lock object', { file: ctx.path, line: 1 });
    const lines = new LineFinder(text);
    const out: ParsedPackage[] = [];
    for (const [key, dev] of [['packages', false], ['packages-dev', true]] as const) {
      const list = doc[key];
      if (!Array.isArray(list)) continue;
      let from = Math.max(lines.offsetOf(`"${key}"`), 0);
      for (const p of list) {
        if (!isObject(p) || typeof p.name !== 'string') continue;
        const at = lines.offsetOf(`"name": ${JSON.stringify(p.name)}`, from);
        if (at >= 0) from = at + 1;
        out.push({
          name: p.name,
          version: typeof p.version === 'string' ? p.version.replace(/^v/, '') : '',
          line: at >= 0 ? lines.lineAt(at) : 1,
          dev,
          deps: Object.keys((p.require as object) ?? {}),
        });
      }
    }
    return out;
  },
};
