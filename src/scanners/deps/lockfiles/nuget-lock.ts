import { HipaaGateError } from '../../../core/errors.js';
import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';
import { LineFinder, isObject, jsonKeyNeedle, parseJson } from './util.js';

/** NuGet packages.lock.json: per target framework, name -> {type: Direct|Transitive, resolved}. */
export const parser: LockfileParser = {
  id: 'nuget-lock',
  ecosystem: 'NuGet',
  matches: LOCKFILE_NAMES['nuget-lock'],
  parse(text, ctx) {
    const doc = parseJson(text, ctx.path);
    if (!isObject(doc) || !isObject(doc.dependencies)) throw new HipaaGateError('E_PARSE', 'packages.lock.json has no "dependencies" object', { file: ctx.path, line: 1 });
    const lines = new LineFinder(text);
    const out: ParsedPackage[] = [];
    const seen = new Set<string>();
    for (const [framework, deps] of Object.entries(doc.dependencies)) {
      if (!isObject(deps)) continue;
      const from = Math.max(lines.offsetOf(jsonKeyNeedle(framework)), 0);
      for (const [name, v] of Object.entries(deps)) {
        if (!isObject(v) || typeof v.resolved !== 'string' || v.type === 'Project') continue;
        const key = `${name}@${v.resolved}`;
        if (seen.has(key)) continue; // the same package for several frameworks is one package
        seen.add(key);
        out.push({ name, version: v.resolved, line: lines.next(jsonKeyNeedle(name), from), direct: v.type === 'Direct' || v.type === 'CentralTransitive' ? v.type === 'Direct' : false, deps: Object.keys((v.dependencies as object) ?? {}) });
      }
    }
    return out;
  },
};
