#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { VERSION } from '../core/version.js';
import { HipaaGateError } from '../core/errors.js';
import { COMMANDS, HELP_ORDER, requestedCommand } from './commands.js';

/** Entry point: builds the command tree, maps every error to one line and exit code 2. */
export async function main(argv: string[] = process.argv): Promise<number> {
  const program = new Command('hipaa-gate')
    .description('HIPAA Security Rule compliance gate: PHI, secrets, IaC and dependency checks with signed evidence')
    .version(VERSION)
    .showSuggestionAfterError(true)
    .exitOverride();
  // Usage errors stay on one line: commander puts its "(Did you mean ...)" hint on a second one.
  program.configureOutput({ writeErr: (s) => process.stderr.write(s.replace(/\n(?=\(Did you mean)/, ' ')) });
  let code = 0;
  try {
    const wanted = requestedCommand(argv.slice(2));
    const versionOnly = !wanted && argv.slice(2).some((a) => a === '-V' || a === '--version');
    for (const name of wanted ? [wanted] : versionOnly ? [] : HELP_ORDER) (await COMMANDS[name]!()).register(program, (c) => (code = c));
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; commander already printed the usage error line.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof HipaaGateError) {
      process.stderr.write(`hipaa-gate: error: ${e.oneLine()}\n`);
      if (process.env.HIPAA_GATE_DEBUG && e.cause) process.stderr.write(`${String((e.cause as Error).stack ?? e.cause)}\n`);
      return e.exitCode;
    }
    process.stderr.write(`hipaa-gate: internal error: ${(e as Error).message}\n`);
    if (process.env.HIPAA_GATE_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 2;
  }
}

// A reader that stops early (`hipaa-gate scan --format json | head`) closes the pipe: the rest of the
// report has nowhere to go, which is no error of the scan's, and its exit code (the gate's) stands.
// Any other failure to write standard output (a full disk behind a redirect) is one line and exit 2,
// said once, and not beside a command's own error line about it.
let stdoutError: string | undefined;
let finished = false;
const reportStdoutError = () => {
  process.stderr.write(`hipaa-gate: error: cannot write to standard output (${stdoutError})\n`);
  process.exitCode = 2;
};
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || stdoutError !== undefined) return;
  stdoutError = e.code ?? e.message;
  // Writes complete after the command returns: a late failure is reported when it happens.
  if (finished) reportStdoutError();
});

main().then(
  (code) => {
    finished = true;
    process.exitCode = code;
    if (stdoutError !== undefined && code !== 2) reportStdoutError();
  },
  () => {
    finished = true;
    process.exitCode = 2;
  },
);
