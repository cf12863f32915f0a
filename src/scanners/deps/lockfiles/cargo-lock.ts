import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';
import { tomlPackages } from './util.js';

/** Cargo.lock: `[[package]]` tables; `dependencies` entries are `name` or `name version (source)`. */
export const parser: LockfileParser = {
  id: 'cargo-lock',
  ecosystem: 'crates.io',
  matches: LOCKFILE_NAMES['cargo-lock'],
  parse: (text, ctx) =>
    tomlPackages(text, ctx.path)
      .filter(({ table }) => typeof table.name === 'string')
      .map(({ table, line }) => ({
        name: table.name as string,
        version: typeof table.version === 'string' ? table.version : '',
        line,
        direct: table.source === undefined,
        deps: Array.isArray(table.dependencies) ? (table.dependencies as string[]).map((d) => String(d).split(' ').slice(0, 2).join('@')) : [],
      })),
};
