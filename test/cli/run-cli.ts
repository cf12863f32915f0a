import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GIT_ENV } from '../../src/testing/git-fixture.js';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (npm test builds first) in an isolated git environment, without a TTY. */
export function runCli(args: string[], opts: { cwd: string; input?: string | Buffer; env?: NodeJS.ProcessEnv; timeout?: number }): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    env: { ...GIT_ENV, NO_COLOR: '1', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: opts.timeout ?? 120_000,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Parse the JSON report a run wrote to stdout. */
export function jsonReport(run: CliRun): {
  findings: Array<{ ruleId: string; excerpt: string; location: { path: string; startLine: number; commit?: string; author?: string; date?: string } }>;
  skipped: Array<{ path: string; reason: string; detail: string; expected?: boolean }>;
  stats: { filesScanned: number };
  target: { mode: string };
  gate: { passed: boolean };
} {
  return JSON.parse(run.stdout);
}

/** Error output must be exactly one line (the CLI's contract for usage, config and path errors). */
export function oneLine(run: CliRun): string {
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${run.stderr}`);
  return lines[0]!;
}
