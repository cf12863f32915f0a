import { Option } from 'commander';
import { availableParallelism } from 'node:os';
import { fstatSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HipaaGateError } from '../core/errors.js';
import { createRedactStream, REDACT_KINDS } from '../redact/index.js';
import { redactBetweenFiles } from '../redact/parallel.js';
import type { RegisterCommand } from './commands.js';

interface RedactFlags {
  minConfidence: 'low' | 'medium' | 'high';
  kinds?: string;
  assumeClinical: boolean;
  threads?: string;
}

export const register: RegisterCommand = (program) => {
  program
    .command('redact')
    .description('mask PHI in standard input and write it to standard output, line by line (for piping logs)')
    .addOption(new Option('--min-confidence <level>', 'lowest confidence that is masked').choices(['low', 'medium', 'high']).default('low'))
    .option('--kinds <list>', `comma-separated identifier kinds to mask (default all: ${REDACT_KINDS.join(', ')})`)
    .option('--no-assume-clinical', 'require clinical words near a value (for general text, not health-app logs)')
    .option('--threads <n>', 'worker threads beside the main one (default: one per spare core, started once the input proves long; 0: none)')
    .action(async (flags: RedactFlags) => {
      const kinds = flags.kinds?.split(',').map((k) => k.trim().replace(/^phi\//, '')).filter(Boolean);
      for (const k of kinds ?? []) if (!REDACT_KINDS.includes(k)) throw new HipaaGateError('E_USAGE', `unknown kind "${k}" (known: ${REDACT_KINDS.join(', ')})`);
      const threads = flags.threads === undefined ? undefined : Number(flags.threads);
      if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0 && threads <= 64)) throw new HipaaGateError('E_USAGE', `--threads must be a whole number from 0 to 64, not "${flags.threads}"`);
      if (process.stdin.isTTY) process.stderr.write('hipaa-gate redact: reading standard input (Ctrl-D to end)\n');
      try {
        const options = { minConfidence: flags.minConfidence, assumeClinical: flags.assumeClinical, ...(kinds ? { kinds } : {}) };
        if (isFile(0) && isFile(1)) {
          const stats = redactBetweenFiles(0, 1, options, threads);
          if (stats && stats.lost > 0) process.stderr.write(`hipaa-gate redact: ${stats.lost} worker thread(s) did not start; their batches were redacted on the main thread\n`);
        }
        else await pipeline(stdinStream(), createRedactStream(options, threads === undefined ? { threads: Math.min(availableParallelism() - 1, 3) } : { threads, startAfterMs: 0 }), process.stdout);
      } catch (e) {
        // A closed downstream pipe (`| head`) is a normal end, not an error.
        if ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
        throw new HipaaGateError('E_IO', `redact failed: ${(e as Error).message}`, { cause: e });
      }
    });
};

/**
 * A file redirected to standard input is read synchronously: Node's stdin stream reads a file
 * through the thread pool, one 64 KiB read at a time, and waiting on those round trips left the
 * process idle a fifth of the time. A file never blocks, so a plain read loses nothing.
 */
function stdinStream(): Readable {
  if (!isFile(0)) return process.stdin;
  return new Readable({
    highWaterMark: 1 << 20,
    read() {
      try {
        const buf = Buffer.allocUnsafe(65536);
        const n = readSync(0, buf, 0, buf.length, null);
        this.push(n > 0 ? buf.subarray(0, n) : null);
      } catch (e) {
        this.destroy(e as Error);
      }
    },
  });
}

function isFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    // Not a descriptor we can stat (closed): the stream reports that itself.
    return false;
  }
}
