import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { HipaaGateError } from '../core/errors.js';
import { SEVERITIES } from '../core/types.js';
import { scan, type ScanOptions } from '../engine/scan.js';
import { loadConfig } from '../config/config.js';
import { readStdin } from '../sources/stdin.js';
import { FORMATS, writeReport } from '../report/index.js';
import type { RegisterCommand } from './commands.js';
import { Progress } from './progress.js';
import { writeLastScan } from '../hipaa/last-scan.js';

const collect = (v: string, prev: string[]) => [...prev, v];

interface ScanFlags {
  staged?: boolean;
  history?: boolean;
  since?: string;
  allBranches?: boolean;
  image?: string;
  import: string[];
  format: string[];
  output: string[];
  config?: string;
  baseline?: string;
  strict?: boolean;
  failOn?: string;
  scanners?: string;
  showSuppressed?: boolean;
  progress: boolean;
  workers?: string;
  attest?: boolean;
  stdinPath?: string;
}

export const register: RegisterCommand = (program: Command, setExit) => {
  program
    .command('scan')
    .description('scan a directory, the staged change, git history, standard input (-) or an image tarball')
    .argument('[path]', 'directory to scan, or - for standard input', '.')
    .option('--staged', 'scan the staged change (pre-commit mode): only lines the change adds')
    .option('--history', 'scan every commit\'s added lines')
    .option('--since <rev>', 'with --history: only commits after REV')
    .option('--all-branches', 'with --history: all refs, not only HEAD')
    .option('--image <file>', 'a `docker save` tarball or an OCI layout directory')
    .option('--import <file>', 'bring findings from another scanner\'s SARIF file (repeatable)', collect, [])
    .addOption(new Option('-f, --format <format>', `output format (repeatable): ${FORMATS.join(', ')}`).argParser(collect).default([]))
    .option('-o, --output <file>', 'output file for the format at the same position (repeatable; - for stdout)', collect, [])
    .option('-c, --config <file>', 'config file (default: .hipaa-gate.yml in the scanned directory)')
    .option('--baseline <file>', 'baseline file: findings in it do not fail the gate')
    .option('--strict', 'fail the gate when anything could not be scanned')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the gate').choices([...SEVERITIES, 'none']))
    .option('--scanners <list>', 'comma-separated scanners to run (secrets,phi,iac,deps)')
    .option('--show-suppressed', 'list suppressed findings in the text report')
    .option('--no-progress', 'never show the progress line')
    .option('--workers <n>', 'worker threads for file scanning (0 = none)')
    .option('--attest', 'record a signed attestation of this run in the evidence ledger')
    .option('--stdin-path <name>', 'with -: the file name to report for standard input', '<stdin>')
    .action(async (path: string, flags: ScanFlags) => {
      setExit(await runScan(path, flags));
    });
};

async function runScan(path: string, flags: ScanFlags): Promise<number> {
  const modes = [flags.staged && '--staged', flags.history && '--history', flags.image && '--image', path === '-' && '-'].filter(Boolean);
  if (modes.length > 1) throw new HipaaGateError('E_USAGE', `${modes.join(' and ')} cannot be combined`);
  if ((flags.since || flags.allBranches) && !flags.history) throw new HipaaGateError('E_USAGE', '--since and --all-branches go with --history');
  for (const f of flags.format) if (!FORMATS.includes(f)) throw new HipaaGateError('E_USAGE', `unknown format "${f}" (known: ${FORMATS.join(', ')})`);
  if (flags.output.length > Math.max(flags.format.length, 1)) throw new HipaaGateError('E_USAGE', 'more --output than --format');
  const toStdout = Math.max(flags.format.length, 1) - flags.output.filter((o) => o !== '-').length;
  if (toStdout > 1) throw new HipaaGateError('E_USAGE', 'only one --format can go to standard output; give the others an --output file');
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64)) throw new HipaaGateError('E_USAGE', '--workers takes a whole number from 0 to 64');

  const root = path === '-' ? process.cwd() : resolve(path);
  // Loaded once here and handed to scan(), import and attestation. A missing directory is left for
  // scan() to report, so its "path does not exist" error comes first.
  const config = existsSync(root) && statSync(root).isDirectory() ? loadConfig(root, flags.config) : undefined;
  const opts: ScanOptions = {
    root,
    configPath: flags.config,
    ...(config ? { config } : {}),
    baselinePath: flags.baseline,
    strict: flags.strict,
    failOn: flags.failOn as ScanOptions['failOn'],
    scanners: flags.scanners?.split(',').map((s) => s.trim()).filter(Boolean),
    workers,
  };
  if (path === '-') opts.source = { mode: 'stdin', stdinText: await readStdin(), stdinPath: flags.stdinPath };
  else if (flags.staged) opts.source = { mode: 'staged' };
  else if (flags.history) opts.source = { mode: 'history', since: flags.since, allBranches: flags.allBranches };
  else if (flags.image) opts.source = { mode: 'image', image: resolve(flags.image) };

  if (flags.import.length) {
    const { importSarifFiles } = await import('../sources/sarif-import.js');
    const imported = await importSarifFiles(flags.import.map((f) => resolve(f)), { root, config: config ?? loadConfig(root, flags.config) });
    opts.extraFindings = imported.findings;
    opts.extraRules = imported.rules;
    opts.extraSkipped = imported.skipped;
  }

  const progress = flags.progress && process.stderr.isTTY ? new Progress(process.stderr) : undefined;
  if (progress) opts.onProgress = (p) => progress.update(p);
  let result;
  try {
    result = await scan(opts);
  } finally {
    progress?.stop();
  }

  try {
    // `hipaa-gate controls` reads the statuses of the last full scan; a read-only checkout still gets its report.
    writeLastScan(root, result);
  } catch {
    /* not recorded */
  }

  if (flags.attest || config?.evidence.attest) {
    const { attestRun } = await import('../evidence/attest.js');
    await attestRun(result, { root, config: config ?? loadConfig(root, flags.config) });
  }

  const formats = flags.format.length ? flags.format : ['text'];
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  for (let i = 0; i < formats.length; i++) {
    const out = flags.output[i] ?? '-';
    await writeReport(result, formats[i]!, out, { color: out === '-' && color, showSuppressed: flags.showSuppressed });
  }
  // The verdict always reaches the terminal, even when the reports went to files.
  if (!formats.some((f, i) => f === 'text' && (flags.output[i] ?? '-') === '-')) process.stderr.write(`${result.gate.summary}\n`);
  return result.gate.passed ? 0 : 1;
}
