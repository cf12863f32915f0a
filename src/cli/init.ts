import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import { writeFileAtomic } from '../core/atomic.js';
import { CONFIG_FILENAMES, parseConfig } from '../config/config.js';
import type { RegisterCommand } from './commands.js';

/**
 * The starter config. Every active key is a default made explicit, so a fresh `init` changes no
 * behaviour; the rest is commented out with an example. It must stay valid against
 * schemas/config.schema.json (init.test.ts parses it with the real loader).
 */
export const CONFIG_TEMPLATE = `# hipaa-gate configuration. Schema: schemas/config.schema.json (unknown keys are errors).
# Docs: docs/integration.md. Every key below is optional.
version: 1

# Lowest severity that fails the gate: critical, high, medium, low, info, or none.
fail_on: high

# Fail the gate when anything could not be scanned (unreadable, too large, parse errors).
# Binary files are expected and never count. Same as --strict.
strict: false

# Inline "hipaa-gate:allow" comments: any, with-reason (the comment must say why), or never
# (every exception must be an approved waiver below).
# inline_allow: with-reason

# Files above this size are listed as skipped instead of scanned (B, KB, MB, GB, KiB, MiB, GiB).
max_file_size: 10MB

# Globs (gitignore syntax, relative to the scanned directory) that are never scanned.
# .gitignore is honoured already; a .hipaa-gateignore file works like it, for this tool only.
exclude:
  - "**/node_modules/**"
  # - "test/fixtures/synthetic/**"

# Per-category overrides of fail_on, and how many findings at that level are tolerated.
# thresholds:
#   phi:
#     fail_on: medium
#   deps:
#     fail_on: critical
#     max_findings: 0

scanners:
  secrets:
    enabled: true
    # disable_rules: [secret/generic-api-key]
  phi:
    enabled: true
  iac:
    enabled: true
  deps:
    enabled: true

# Accepted risks. Each needs a reason, an approver and an expiry date (YYYY-MM-DD); an expired
# waiver fails the gate, one expiring within 14 days warns.
# waivers:
#   - rule: secret/generic-api-key
#     path: "docs/examples/**"
#     reason: documented placeholder credentials for the local demo
#     approved_by: security@example.org
#     expires: 2030-01-31
#   - fingerprint: 0123456789abcdef
#     reason: rotated on 2024-05-01, history rewrite scheduled
#     approved_by: security@example.org
#     expires: 2030-01-31

# Findings recorded here do not fail the gate (hipaa-gate baseline create); only new ones do.
# baseline: .hipaa-gate-baseline.json

# Signed evidence of every run (in-toto statement in a DSSE envelope, hash-chained ledger).
# evidence:
#   attest: true
#   retention_years: 6
`;

export const register: RegisterCommand = (program) => {
  program
    .command('init')
    .description('write a commented .hipaa-gate.yml in DIR (default: the current directory)')
    .argument('[dir]', 'directory to write the config into', '.')
    .option('--force', 'overwrite an existing config file')
    .action((dir: string, flags: { force?: boolean }) => {
      const target = initConfig(resolve(dir), flags.force === true);
      process.stdout.write(`wrote ${relative(process.cwd(), target) || target}\n`);
    });
};

/** Write the template; returns the path written. */
export function initConfig(dir: string, force: boolean): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new HipaaGateError('E_PATH', 'not a directory', { file: dir });
  const existing = CONFIG_FILENAMES.map((n) => join(dir, n)).find((p) => existsSync(p));
  if (existing && !force) {
    throw new HipaaGateError('E_USAGE', 'a config file already exists (use --force to overwrite it)', { file: relative(process.cwd(), existing) || existing });
  }
  const target = existing ?? join(dir, CONFIG_FILENAMES[0]!);
  parseConfig(CONFIG_TEMPLATE, target); // never write a file the scanner would then reject
  writeFileAtomic(target, CONFIG_TEMPLATE);
  return target;
}
