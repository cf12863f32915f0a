// Runs the test suite (vitest) and ends with one plain summary line, "Tests: N passed, N failed",
// that CI systems can read; the exit code is vitest's.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const out = '.test-results.json';
rmSync(out, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...process.argv.slice(2)];
const r = spawnSync('npx', args, { stdio: 'inherit' });
let code = r.status ?? 1;
if (existsSync(out)) {
  const j = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  console.log(`\nTests: ${j.numPassedTests} passed, ${j.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (j.numTotalTests === 0) code = code || 1;
} else {
  console.log('\nTests: 0 passed, 1 failed (no test results were written)');
  code = code || 1;
}
process.exit(code);
