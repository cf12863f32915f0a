import { HipaaGateError } from '../../../core/errors.js';
import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';

/**
 * yarn.lock, classic (v1, its own indented format) and Berry (v2+, YAML with `__metadata`). Both
 * are read line by line: a header line lists the specs, indented `version`/`resolution` fields
 * follow. The workspace root itself (`@workspace:.`) is the project, not a dependency.
 */
export const parser: LockfileParser = {
  id: 'yarn-lock',
  ecosystem: 'npm',
  matches: LOCKFILE_NAMES['yarn-lock'],
  parse(text, ctx) {
    if (text.includes('\0')) throw new HipaaGateError('E_PARSE', 'binary content in yarn.lock', { file: ctx.path, line: 1 });
    const out: ParsedPackage[] = [];
    const lines = text.split(/\r?\n/);
    let cur: { specs: string[]; line: number; version?: string; resolution?: string; deps: string[]; inDeps: boolean } | undefined;
    const flush = () => {
      if (!cur) return;
      const spec = cur.specs[0] ?? '';
      if (spec === '__metadata' || cur.resolution?.endsWith('@workspace:.')) return void (cur = undefined);
      const name = nameOf(cur.resolution ?? spec);
      if (name) out.push({ name, version: cur.version ?? '', line: cur.line, deps: cur.deps });
      cur = undefined;
    };
    lines.forEach((raw, i) => {
      if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
      const indent = raw.length - raw.trimStart().length;
      const line = raw.trim();
      if (indent === 0) {
        flush();
        if (!line.endsWith(':')) throw new HipaaGateError('E_PARSE', 'unexpected line in yarn.lock', { file: ctx.path, line: i + 1 });
        cur = { specs: splitSpecs(line.slice(0, -1)), line: i + 1, deps: [], inDeps: false };
        return;
      }
      if (!cur) return;
      if (indent <= 2) {
        cur.inDeps = /^"?(dependencies|optionalDependencies|peerDependencies)"?:?$/.test(line);
        const m = /^"?(version|resolution)"?:?\s+"?([^"]*)"?$/.exec(line);
        if (m) cur[m[1] as 'version' | 'resolution'] = m[2]!;
      } else if (cur.inDeps) {
        const dep = /^"?((?:@[^/\s"]+\/)?[^@\s":]+)"?:?\s/.exec(line);
        if (dep) cur.deps.push(dep[1]!);
      }
    });
    flush();
    return out;
  },
};

function splitSpecs(header: string): string[] {
  return header.split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
}

/** `@scope/name@npm:^1` -> `@scope/name`; aliases `alias@npm:real@^1` -> `real`. */
function nameOf(spec: string): string {
  const at = spec.indexOf('@', 1);
  const name = at < 0 ? spec : spec.slice(0, at);
  const rest = at < 0 ? '' : spec.slice(at + 1);
  if (rest.startsWith('npm:')) {
    const target = rest.slice(4);
    const j = target.indexOf('@', 1);
    if (j > 0 && !/^[\^~<>=*\d]/.test(target)) return target.slice(0, j);
  }
  return name;
}
