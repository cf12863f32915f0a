import { isObject, tomlPackages } from './util.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';

/** uv.lock: `[[package]]` tables; the project itself (an editable/virtual `.` source) is skipped. */
export const parser: LockfileParser = {
  id: 'uv-lock',
  ecosystem: 'PyPI',
  matches: LOCKFILE_NAMES['uv-lock'],
  parse(text, ctx) {
    const pkgs = tomlPackages(text, ctx.path);
    const root = pkgs.find(({ table }) => isObject(table.source) && (table.source.editable === '.' || table.source.virtual === '.'))?.table;
    const direct = new Set(Array.isArray(root?.dependencies) ? (root.dependencies as unknown[]).filter(isObject).map((d) => String(d.name)) : []);
    const devOnly = new Set<string>();
    if (isObject(root?.['dev-dependencies'])) {
      for (const list of Object.values(root['dev-dependencies'])) if (Array.isArray(list)) for (const d of list) if (isObject(d) && !direct.has(String(d.name))) devOnly.add(String(d.name));
    }
    return pkgs
      .filter(({ table }) => typeof table.name === 'string' && table !== root)
      .map(({ table, line }) => ({
        name: table.name as string,
        version: typeof table.version === 'string' ? table.version : '',
        line,
        direct: direct.has(table.name as string) || devOnly.has(table.name as string),
        dev: devOnly.has(table.name as string),
        deps: Array.isArray(table.dependencies) ? (table.dependencies as unknown[]).filter(isObject).map((d) => String(d.name)) : [],
      }));
  },
};
