import { HipaaGateError } from '../../../core/errors.js';
import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';

/**
 * go.mod: `require` (block or single line; `// indirect` marks transitive), `replace` applied to
 * what is required, and a `stdlib` entry from `toolchain` (else `go`) so Go's own advisories
 * match. Versions drop the leading `v`, as OSV's Go ecosystem does.
 */
export const parser: LockfileParser = {
  id: 'go-mod',
  ecosystem: 'Go',
  matches: LOCKFILE_NAMES['go-mod'],
  parse(text, ctx) {
    const requires: Array<ParsedPackage & { indirect: boolean }> = [];
    const replaces: Array<{ from: string; fromVersion?: string; to: string; toVersion?: string }> = [];
    let goVersion: string | undefined;
    let toolchain: string | undefined;
    let block: string | undefined;
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = i + 1;
      const comment = raw.indexOf('//');
      const indirect = comment >= 0 && /\/\/\s*indirect\b/.test(raw.slice(comment));
      const code = (comment >= 0 ? raw.slice(0, comment) : raw).trim();
      if (!code) return;
      if (block) {
        if (code === ')') return void (block = undefined);
        return directive(block, code, line, indirect);
      }
      const m = /^(\w+)\s*(\(?)\s*(.*)$/.exec(code);
      if (!m) throw new HipaaGateError('E_PARSE', `unexpected line in go.mod`, { file: ctx.path, line });
      if (m[2] === '(') return void (block = m[1]);
      directive(m[1]!, m[3]!, line, indirect);
    });
    function directive(verb: string, args: string, line: number, indirect: boolean) {
      const parts = args.split(/\s+/).map(unquote);
      if (verb === 'go') goVersion = parts[0];
      else if (verb === 'toolchain') toolchain = parts[0];
      else if (verb === 'require') {
        if (parts.length < 2) throw new HipaaGateError('E_PARSE', 'require needs a module path and a version', { file: ctx.path, line });
        requires.push({ name: parts[0]!, version: strip(parts[1]!), line, indirect, direct: !indirect });
      } else if (verb === 'replace') {
        const arrow = parts.indexOf('=>');
        if (arrow < 1) throw new HipaaGateError('E_PARSE', 'replace needs `=>`', { file: ctx.path, line });
        replaces.push({ from: parts[0]!, fromVersion: arrow > 1 ? strip(parts[1]!) : undefined, to: parts[arrow + 1]!, toVersion: parts[arrow + 2] ? strip(parts[arrow + 2]!) : undefined });
      } else if (!['module', 'exclude', 'retract', 'godebug', 'tool', 'ignore'].includes(verb)) {
        throw new HipaaGateError('E_PARSE', `unknown go.mod directive "${verb}"`, { file: ctx.path, line });
      }
    }
    // Before Go 1.17, go.mod lists only direct requirements; go.sum has the rest of the build list.
    if (goVersion && compareGo(goVersion, '1.17') < 0) {
      const sum = ctx.readRelative('go.sum') ?? ctx.readRelative(ctx.path.replace(/.*\//, '').replace(/\.mod$/, '.sum'));
      for (const l of sum?.split(/\r?\n/) ?? []) {
        const m = /^(\S+)\s+v(\S+)\s+h1:/.exec(l);
        if (m && !m[2]!.endsWith('/go.mod') && !requires.some((r) => r.name === m[1])) requires.push({ name: m[1]!, version: m[2]!, line: 1, indirect: true, direct: false });
      }
    }
    const seen = new Set<string>();
    const out: ParsedPackage[] = [];
    for (const r of requires) {
      const rep = replaces.find((x) => x.from === r.name && (x.fromVersion === undefined || x.fromVersion === r.version));
      const p = rep ? { ...r, name: rep.to, version: rep.toVersion ?? '' } : r;
      if (seen.has(`${p.name}@${p.version}`)) continue;
      seen.add(`${p.name}@${p.version}`);
      out.push(p);
    }
    const std = toolchain?.replace(/^go/, '').split('-')[0] ?? goVersion;
    if (std) out.push({ name: 'stdlib', version: std, line: 1, direct: true });
    return out;
  },
};

const strip = (v: string) => v.replace(/^v/, '');
const compareGo = (a: string, b: string) => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  return (x[0]! - y[0]!) || ((x[1] ?? 0) - (y[1] ?? 0));
};
const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
