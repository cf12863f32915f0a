import type { Command } from 'commander';

/** A command module adds itself to the program; `setExit` records the process exit code. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

/**
 * Every CLI command, one module each, loaded lazily: a pre-commit run of `scan --staged` should
 * not pay for importing the database, evidence or IaC tooling of the other commands. Sorted.
 */
export const COMMANDS: Record<string, () => Promise<{ register: RegisterCommand }>> = {
  baseline: () => import('./baseline.js'),
  controls: () => import('./controls.js'),
  db: () => import('./db.js'),
  evidence: () => import('./evidence.js'),
  hook: () => import('./hook.js'),
  iac: () => import('./iac.js'),
  init: () => import('./init.js'),
  redact: () => import('./redact.js'),
  rules: () => import('./rules.js'),
  scan: () => import('./scan.js'),
};

/** Display order in `--help`. */
export const HELP_ORDER = ['scan', 'init', 'hook', 'controls', 'rules', 'baseline', 'redact', 'db', 'evidence', 'iac'];

/** The command named on the command line, when there is exactly one known one to load. */
export function requestedCommand(args: string[]): string | undefined {
  const first = args.find((a) => !a.startsWith('-'));
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? first : undefined;
}
