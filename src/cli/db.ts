import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/config.js';
import { OsvDatabase, resolveDbPath } from '../scanners/deps/osv/db.js';
import { DEFAULT_MAX_DB_AGE_DAYS } from '../scanners/deps/index.js';
import type { RegisterCommand } from './commands.js';

interface DbFlags {
  db?: string;
  config?: string;
  json?: boolean;
}

/** `--db`, else HIPAA_GATE_DB, else the config's scanners.deps.db, else the user cache. */
function dbPathFor(flags: DbFlags): { path: string; maxAge: number } {
  const cwd = process.cwd();
  const config = loadConfig(cwd, flags.config);
  const deps = config.scanners.deps ?? {};
  const root = config.file ? resolve(config.file, '..') : cwd;
  return { path: resolveDbPath({ flag: flags.db, config: deps.db as string | undefined, root }), maxAge: (deps.max_db_age_days as number | undefined) ?? DEFAULT_MAX_DB_AGE_DAYS };
}

export const register: RegisterCommand = (program: Command, setExit) => {
  const db = program.command('db').description('manage the local OSV vulnerability database used by the deps scanner');
  db.command('import')
    .description('load OSV exports (per-ecosystem all.zip files, a directory of them, or OSV JSON records)')
    .argument('<path>', 'an all.zip, an OSV .json file, or a directory such as <Ecosystem>/all.zip')
    .option('--db <file>', 'database file (default: $HIPAA_GATE_DB, config scanners.deps.db, or ~/.cache/hipaa-gate/osv.db)')
    .option('-c, --config <file>', 'config file')
    .action(async (input: string, flags: DbFlags) => {
      const { path } = dbPathFor(flags);
      const store = OsvDatabase.openForImport(path);
      try {
        const s = await store.importPath(resolve(input));
        const rate = s.records / Math.max(s.ms / 1000, 0.001);
        process.stdout.write(`imported ${s.records} advisories from ${s.files} file(s) into ${path} in ${(s.ms / 1000).toFixed(1)} s (${Math.round(rate)} advisories/s)\n`);
        if (s.skippedEntries.length) {
          process.stderr.write(`warning: ${s.skippedEntries.length} entr${s.skippedEntries.length === 1 ? 'y was' : 'ies were'} not OSV records and were skipped:\n`);
          for (const e of s.skippedEntries.slice(0, 10)) process.stderr.write(`  ${e}\n`);
        }
        setExit(0);
      } finally {
        store.close();
      }
    });
  db.command('status')
    .description('show where the database is, when it was imported, and what it holds')
    .option('--db <file>', 'database file')
    .option('-c, --config <file>', 'config file')
    .option('--json', 'machine-readable output')
    .action((flags: DbFlags) => {
      const { path, maxAge } = dbPathFor(flags);
      const store = existsSync(path) ? OsvDatabase.openExisting(path) : undefined;
      if (!store) {
        if (flags.json) process.stdout.write(`${JSON.stringify({ path, exists: false }, null, 2)}\n`);
        else process.stdout.write(`no vulnerability database at ${path}; run hipaa-gate db import FILE|DIR\n`);
        return setExit(1);
      }
      try {
        const st = store.status();
        const stale = st.ageDays === undefined || st.ageDays > maxAge;
        if (flags.json) {
          process.stdout.write(`${JSON.stringify({ ...st, exists: true, maxAgeDays: maxAge, stale }, null, 2)}\n`);
        } else {
          const age = st.ageDays === undefined ? 'unknown' : `${st.ageDays.toFixed(1)} day(s)`;
          process.stdout.write(`database:    ${path}\nimported:    ${st.importedAt ?? 'never'} (age ${age}; max ${maxAge}${stale ? ', STALE' : ''})\nadvisories:  ${st.advisories} (${st.affected} affected-package entries)\n`);
          for (const e of st.ecosystems) process.stdout.write(`  ${e.ecosystem.padEnd(14)} ${String(e.advisories).padStart(8)}  ${e.importedAt ?? ''}\n`);
        }
        setExit(stale ? 1 : 0);
      } finally {
        store.close();
      }
    });
};
