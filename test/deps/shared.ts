import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared` beside the repository, else `/work/shared`; undefined when neither exists. */
export function sharedDir(): string | undefined {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  for (const d of [resolve(repo, '..', 'shared'), '/work/shared']) if (existsSync(resolve(d, 'benchmarks'))) return d;
  return undefined;
}
