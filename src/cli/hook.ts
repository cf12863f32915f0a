import { chmodSync, existsSync, lstatSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic.js';
import { git } from '../core/git.js';
import type { RegisterCommand } from './commands.js';

const HOOK = 'pre-commit';
/** An existing hook is moved here and run first, so installing never loses someone's hook. */
const PREVIOUS = 'pre-commit.hipaa-gate-previous';
const MARKER = '# hipaa-gate: managed pre-commit hook';

export const register: RegisterCommand = (program) => {
  const hook = program.command('hook').description('install or remove the git pre-commit hook that runs `hipaa-gate scan --staged`');
  hook
    .command('install')
    .description('install the pre-commit hook (respects core.hooksPath; an existing hook is kept and run first)')
    .option('-C, --repo <dir>', 'repository (default: the current directory)', '.')
    .action((flags: { repo: string }) => {
      const r = installHook(resolve(flags.repo));
      process.stdout.write(`${r.message}\n`);
    });
  hook
    .command('uninstall')
    .description('remove the hook and restore the one it replaced, if any')
    .option('-C, --repo <dir>', 'repository (default: the current directory)', '.')
    .action((flags: { repo: string }) => {
      const r = uninstallHook(resolve(flags.repo));
      process.stdout.write(`${r.message}\n`);
    });
};

/**
 * Where git looks for hooks: `git rev-parse --git-path hooks` resolves core.hooksPath (relative
 * paths are relative to the top of the work tree) and, in a linked worktree, the shared hooks
 * directory of the main repository.
 */
export function hooksDir(repo: string): string {
  if (!existsSync(repo)) throw new HipaaGateError('E_PATH', 'path does not exist', { file: repo });
  const p = git(repo, ['rev-parse', '--git-path', 'hooks']).trim();
  return isAbsolute(p) ? p : resolve(repo, p);
}

export interface HookResult {
  hook: string;
  changed: boolean;
  message: string;
}

export function installHook(repo: string, cli = currentCli()): HookResult {
  const dir = hooksDir(repo);
  const hook = join(dir, HOOK);
  const previous = join(dir, PREVIOUS);
  if (present(hook) && isOurs(hook)) {
    const fresh = hookScript(cli);
    if (readFileSync(hook, 'utf8') === fresh) return { hook, changed: false, message: `hipaa-gate pre-commit hook already installed at ${hook}` };
    writeHook(hook, fresh); // same hook, newer launcher path
    return { hook, changed: true, message: `updated hipaa-gate pre-commit hook at ${hook}` };
  }
  if (present(hook)) {
    if (present(previous)) {
      throw new HipaaGateError('E_USAGE', `both a foreign pre-commit hook and ${PREVIOUS} exist; resolve by hand before installing`, { file: hook });
    }
    renameSync(hook, previous);
  }
  writeHook(hook, hookScript(cli));
  const chained = present(previous) ? ` (the existing hook moved to ${PREVIOUS} and runs first)` : '';
  return { hook, changed: true, message: `installed hipaa-gate pre-commit hook at ${hook}${chained}` };
}

export function uninstallHook(repo: string): HookResult {
  const dir = hooksDir(repo);
  const hook = join(dir, HOOK);
  const previous = join(dir, PREVIOUS);
  if (!present(hook) || !isOurs(hook)) {
    if (present(hook)) return { hook, changed: false, message: `the pre-commit hook at ${hook} is not hipaa-gate's; left untouched` };
    return { hook, changed: false, message: 'no hipaa-gate pre-commit hook installed' };
  }
  rmSync(hook);
  if (present(previous)) {
    renameSync(previous, hook);
    return { hook, changed: true, message: `removed the hipaa-gate pre-commit hook and restored the previous one at ${hook}` };
  }
  return { hook, changed: true, message: `removed the hipaa-gate pre-commit hook at ${hook}` };
}

/** Exists as a directory entry: a symlinked hook counts even when its target is missing. */
function present(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function isOurs(file: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes(MARKER);
  } catch {
    return false;
  }
}

function writeHook(file: string, text: string): void {
  writeFileAtomic(file, text);
  chmodSync(file, 0o755);
}

/** The running CLI, as a last-resort launcher when hipaa-gate is neither local nor on PATH. */
function currentCli(): { node: string; main: string } {
  return { node: process.execPath, main: resolve(process.argv[1] ?? 'hipaa-gate') };
}

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * POSIX sh, since git runs hooks with sh on every platform (Git for Windows ships one). Prefer the
 * project's pinned copy, then PATH, then the install that wrote the hook. If none is found the
 * commit is blocked: a gate that silently passes is worse than one that asks to be fixed.
 */
export function hookScript(cli: { node: string; main: string }): string {
  return `#!/bin/sh
${MARKER}.
# Remove with: hipaa-gate hook uninstall (restores any hook this one replaced).
# Skip once with: git commit --no-verify
here=$(dirname "$0")
if [ -x "$here/${PREVIOUS}" ]; then
  "$here/${PREVIOUS}" "$@" || exit $?
fi
if [ -x node_modules/.bin/hipaa-gate ]; then
  exec node_modules/.bin/hipaa-gate scan --staged
elif command -v hipaa-gate >/dev/null 2>&1; then
  exec hipaa-gate scan --staged
elif [ -f ${shq(cli.main)} ]; then
  exec ${shq(cli.node)} ${shq(cli.main)} scan --staged
fi
echo "hipaa-gate: command not found; install it (npm install --save-dev hipaa-gate) or run: hipaa-gate hook uninstall" >&2
exit 1
`;
}
