import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The package version, read from package.json one level above src/ or dist/. */
export const VERSION: string = (JSON.parse(readFileSync(resolve(here, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
