import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import { loadConfig } from '../config/config.js';
import { scan } from '../engine/scan.js';
import { readBaseline, writeBaseline, type Baseline } from '../policy/baseline.js';
import type { RegisterCommand } from './commands.js';

export const DEFAULT_BASELINE = '.hipaa-gate-baseline.json';

interface BaselineFlags {
  output?: string;
  config?: string;
  force?: boolean;
  scanners?: string;
}

/**
 * `hipaa-gate baseline create|update [PATH]`: record today's findings so that, on a legacy
 * repository, only new findings fail the gate. Waived, inline-allowed and excluded findings are
 * left out (the policy already covers them).
 */
export const register: RegisterCommand = (program, setExit) => {
  const cmd = program.command('baseline').description('record the current findings so that only new ones fail the gate (legacy repositories)');
  for (const action of ['create', 'update'] as const) {
    cmd
      .command(action)
      .description(action === 'create' ? 'write a new baseline file from a scan of PATH' : 'rescan PATH and rewrite an existing baseline: new findings are added, fixed ones dropped')
      .argument('[path]', 'directory to scan', '.')
      .option('-o, --output <file>', `baseline file (default: the config's baseline, else ${DEFAULT_BASELINE} in PATH)`)
      .option('-c, --config <file>', 'config file (default: .hipaa-gate.yml in PATH)')
      .option('--scanners <list>', 'comma-separated scanners to run (default: all enabled)')
      .option('--force', 'with create: overwrite an existing file')
      .action(async (path: string, flags: BaselineFlags) => {
        setExit(await run(action, path, flags));
      });
  }
};

async function run(action: 'create' | 'update', path: string, flags: BaselineFlags): Promise<number> {
  const root = resolve(path);
  if (!existsSync(root)) throw new HipaaGateError('E_PATH', 'path does not exist', { file: path });
  const config = loadConfig(root, flags.config);
  const target = flags.output ? resolve(flags.output) : resolve(root, config.baseline ?? DEFAULT_BASELINE);
  let previous: Baseline | undefined;
  if (action === 'create' && existsSync(target) && !flags.force) {
    throw new HipaaGateError('E_USAGE', 'baseline already exists; use `hipaa-gate baseline update` or --force', { file: target });
  }
  if (action === 'update') {
    if (!existsSync(target)) throw new HipaaGateError('E_USAGE', 'no baseline to update; use `hipaa-gate baseline create`', { file: target });
    previous = readBaseline(target);
  }
  // Scan without any baseline, so every current finding is seen.
  const now = new Date();
  const result = await scan({
    root,
    config: { ...config, baseline: undefined },
    now,
    ...(flags.scanners ? { scanners: flags.scanners.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
  });
  const b = writeBaseline(target, result.findings, now, previous);
  const before = new Set(previous?.findings.map((f) => f.fingerprint) ?? []);
  const after = new Set(b.findings.map((f) => f.fingerprint));
  const added = [...after].filter((f) => !before.has(f)).length;
  const removed = [...before].filter((f) => !after.has(f)).length;
  const shown = isAbsolute(target) ? relative(process.cwd(), target) || target : target;
  const delta = previous ? ` (${added} added, ${removed} fixed and removed)` : '';
  process.stdout.write(`baseline ${action === 'create' ? 'written' : 'updated'}: ${shown} with ${b.findings.length} finding(s)${delta}\n`);
  if (!config.baseline && !flags.output) process.stdout.write(`use it with --baseline ${shown}, or add "baseline: ${DEFAULT_BASELINE}" to .hipaa-gate.yml\n`);
  const skippedGaps = result.skipped.filter((s) => !s.expected).length;
  if (skippedGaps) process.stderr.write(`warning: ${skippedGaps} file(s) could not be scanned and are not in the baseline\n`);
  return 0;
}
