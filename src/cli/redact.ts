import { Option } from 'commander';
import { pipeline } from 'node:stream/promises';
import { HipaaGateError } from '../core/errors.js';
import { createRedactStream, REDACT_KINDS } from '../redact/index.js';
import type { RegisterCommand } from './commands.js';

interface RedactFlags {
  minConfidence: 'low' | 'medium' | 'high';
  kinds?: string;
  assumeClinical: boolean;
}

export const register: RegisterCommand = (program) => {
  program
    .command('redact')
    .description('mask PHI in standard input and write it to standard output, line by line (for piping logs)')
    .addOption(new Option('--min-confidence <level>', 'lowest confidence that is masked').choices(['low', 'medium', 'high']).default('low'))
    .option('--kinds <list>', `comma-separated identifier kinds to mask (default all: ${REDACT_KINDS.join(', ')})`)
    .option('--no-assume-clinical', 'require clinical words near a value (for general text, not health-app logs)')
    .action(async (flags: RedactFlags) => {
      const kinds = flags.kinds?.split(',').map((k) => k.trim().replace(/^phi\//, '')).filter(Boolean);
      for (const k of kinds ?? []) if (!REDACT_KINDS.includes(k)) throw new HipaaGateError('E_USAGE', `unknown kind "${k}" (known: ${REDACT_KINDS.join(', ')})`);
      if (process.stdin.isTTY) process.stderr.write('hipaa-gate redact: reading standard input (Ctrl-D to end)\n');
      try {
        await pipeline(process.stdin, createRedactStream({ minConfidence: flags.minConfidence, assumeClinical: flags.assumeClinical, ...(kinds ? { kinds } : {}) }), process.stdout);
      } catch (e) {
        // A closed downstream pipe (`| head`) is a normal end, not an error.
        if ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
        throw new HipaaGateError('E_IO', `redact failed: ${(e as Error).message}`, { cause: e });
      }
    });
};
