import { dirname, resolve } from 'node:path';
import { HipaaGateError } from '../core/errors.js';
import { CATEGORIES, type RuleMeta } from '../core/types.js';
import { byCodeUnit } from '../core/order.js';
import { loadConfig } from '../config/config.js';
import { loadScanners, SCANNER_NAMES } from '../scanners/index.js';
import { loadCustomRules } from '../scanners/iac/custom/load.js';
import { testCustomRule } from '../scanners/iac/custom/tester.js';
import type { RegisterCommand } from './commands.js';

interface ListFlags {
  category?: string;
  json?: boolean;
  config?: string;
}

export const register: RegisterCommand = (program, setExit) => {
  const rules = program.command('rules').description('list the detection rules, or test custom IaC rules');
  rules
    .command('list')
    .description('list every rule of every scanner (id, severity, HIPAA citations, title), including custom IaC rules from the config')
    .option('--category <name>', `only one category: ${CATEGORIES.join(', ')}`)
    .option('--json', 'print the rules as JSON')
    .option('-c, --config <file>', 'config file (default: .hipaa-gate.yml in the current directory)')
    .action(async (flags: ListFlags) => {
      if (flags.category && !(CATEGORIES as readonly string[]).includes(flags.category)) {
        throw new HipaaGateError('E_USAGE', `unknown category "${flags.category}" (known: ${CATEGORIES.join(', ')})`);
      }
      const config = loadConfig(process.cwd(), flags.config);
      const all: RuleMeta[] = [];
      for (const s of await loadScanners(SCANNER_NAMES)) all.push(...s.rules(config.scanners[s.name] ?? {}));
      const custom = (config.scanners.iac?.custom_rules as string[] | undefined) ?? [];
      if (custom.length) all.push(...loadCustomRules(custom, config.file ? dirname(resolve(config.file)) : process.cwd()).map((r) => r.meta));
      const seen = new Set<string>();
      const list = all
        .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
        .filter((r) => !flags.category || r.category === flags.category)
        .sort((a, b) => byCodeUnit(a.id, b.id));
      if (flags.json) {
        process.stdout.write(JSON.stringify(list, null, 2) + '\n');
        return;
      }
      const w = Math.max(10, ...list.map((r) => r.id.length));
      const lines = list.map((r) => `${r.id.padEnd(w)}  ${r.severity.padEnd(8)}  ${r.hipaa.join(', ')}\n${' '.repeat(w + 2)}${r.title}`);
      process.stdout.write(`${lines.join('\n')}\n\n${list.length} rules\n`);
    });
  rules
    .command('test')
    .description("run custom IaC rules' own valid/invalid cases (exit 1 when a case fails, 2 when a rule does not compile)")
    .argument('<dir>', 'directory (or file) of YAML rules')
    .option('--json', 'print the case results as JSON')
    .action(async (dir: string, flags: { json?: boolean }) => {
      const loaded = loadCustomRules([dir], process.cwd());
      if (loaded.length === 0) throw new HipaaGateError('E_USAGE', 'no rules found (YAML files with a rule or a `rules:` list)', { file: dir });
      const results = [];
      for (const r of loaded) results.push(...(await testCustomRule(r)));
      const failed = results.filter((r) => !r.ok);
      if (flags.json) process.stdout.write(JSON.stringify({ rules: loaded.length, cases: results }, null, 2) + '\n');
      else {
        for (const r of results) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.rule} ${r.kind}${r.index >= 0 ? ` #${r.index}` : ''}: ${r.detail}\n`);
        process.stdout.write(`\n${loaded.length} rules, ${results.length - failed.length} passed, ${failed.length} failed\n`);
      }
      setExit(failed.length ? 1 : 0);
    });
};
