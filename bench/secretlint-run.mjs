// Runs secretlint (recommended preset) over an explicit file list through its Node API, the same
// engine call its CLI makes after globbing, so both tools in the bench scan exactly the same files.
// Usage: node bench/secretlint-run.mjs LIST_FILE   (one absolute path per line)
// Prints one JSON line: { files, bytes, findings }.
//
// secretlint 11 (the last line that runs on Node 20) always runs its profiler, whose bookkeeping is
// quadratic in the number of files (secretlint issues #1633 and #1653, fixed upstream by PR #1673
// in a Node-22-only release): on this 21,000-file corpus it would dominate the run. It is switched
// off here, as the upstream fix does without --profile, so the bench measures secretlint's scanning.
// HG_SECRETLINT_PROFILER=1 keeps it on.
import { readFileSync, statSync } from 'node:fs';
import { secretLintProfiler } from '@secretlint/profiler';
import { createEngine } from '@secretlint/node';

if (process.env.HG_SECRETLINT_PROFILER !== '1') secretLintProfiler.mark = () => {};

const list = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const bytes = list.reduce((n, f) => n + statSync(f).size, 0);
const engine = await createEngine({
  cwd: process.cwd(),
  formatter: 'json',
  color: false,
  maskSecrets: true,
  configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] },
});
const { output } = await engine.executeOnFiles({ filePathList: list });
const results = JSON.parse(output);
const findings = results.reduce((n, r) => n + r.messages.length, 0);
process.stdout.write(`${JSON.stringify({ files: list.length, bytes, findings })}\n`);
