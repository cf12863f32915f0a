// Generate src/scanners/iac/rule-metas.generated.json (and its copy in dist/) from the compiled
// rules, after tsc and copy-assets (the rules read their data files from dist/): the
// metadata of every built-in IaC rule, so that the iac scanner can list its rules (report, SARIF
// rule table, controls matrix, ruleset digest) without loading the rules themselves. Compiling the
// rule modules cost ~25 ms of every run, pre-commit runs included, most of which stage no
// infrastructure code. `npm run build` regenerates it; a test fails when the committed file no
// longer matches the rules.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(root, 'src', 'scanners', 'iac', 'rule-metas.generated.json');
const DIST_COPY = join(root, 'dist', 'scanners', 'iac', 'rule-metas.generated.json');

const dist = (rel) => pathToFileURL(join(root, 'dist', 'scanners', 'iac', rel)).href;
const { BUILTIN_RULES } = await import(dist('rules/index.js'));
const { PARSE_ERROR_RULE } = await import(dist('evaluate.js'));
const metas = [PARSE_ERROR_RULE, ...BUILTIN_RULES.map((r) => r.meta)];
// Rule metadata is plain data; anything JSON cannot carry (a function, a RegExp) would be lost here.
if (!isDeepStrictEqual(JSON.parse(JSON.stringify(metas)), metas)) throw new Error('IaC rule metadata does not survive JSON: keep it plain data');
// One rule per line: a rule change is a one-line diff.
const text = `[\n${metas.map((m) => JSON.stringify(m)).join(',\n')}\n]\n`;
writeFileSync(OUT, text);
writeFileSync(DIST_COPY, text);
