import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';
import { tomlPackages } from './util.js';

/** poetry.lock: `[[package]]` tables; `category = "dev"` (Poetry < 1.2) or dev-only `groups` mark dev. */
export const parser: LockfileParser = {
  id: 'poetry-lock',
  ecosystem: 'PyPI',
  matches: LOCKFILE_NAMES['poetry-lock'],
  parse: (text, ctx) =>
    tomlPackages(text, ctx.path)
      .filter(({ table }) => typeof table.name === 'string')
      .map(({ table, line }) => {
        const groups = Array.isArray(table.groups) ? (table.groups as string[]) : undefined;
        return {
          name: table.name as string,
          version: typeof table.version === 'string' ? table.version : '',
          line,
          dev: table.category === 'dev' || (groups !== undefined && groups.length > 0 && !groups.includes('main')),
          deps: Object.keys((table.dependencies as object) ?? {}),
        };
      }),
};
