// Copy non-TypeScript data files (JSON catalogs, rule data) from src/ to dist/ after tsc.
import { cpSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, dirname, extname } from 'node:path';

const DATA_EXT = new Set(['.json', '.txt', '.csv', '.yml', '.yaml', '.wasm']);
function copy(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) copy(p);
    else if (DATA_EXT.has(extname(name)) && !name.endsWith('.test.json')) {
      const out = join('dist', p.slice('src/'.length));
      mkdirSync(dirname(out), { recursive: true });
      cpSync(p, out);
    }
  }
}
copy('src');
