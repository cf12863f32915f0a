import { parse as parseYaml } from 'yaml';
import { HipaaGateError } from '../../../core/errors.js';
import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';
import { LineFinder, isObject } from './util.js';

/**
 * pnpm-lock.yaml v5 (`/name/1.0.0_peer`), v6 (`/name@1.0.0(peer)`) and v9 (`name@1.0.0`, with
 * `importers` and `snapshots`). An entry's own `name`/`version` fields win over its key (git,
 * tarball and file dependencies only have them there).
 */
export const parser: LockfileParser = {
  id: 'pnpm-lock',
  ecosystem: 'npm',
  matches: LOCKFILE_NAMES['pnpm-lock'],
  parse(text, ctx) {
    let doc: unknown;
    try {
      doc = parseYaml(text, { uniqueKeys: false });
    } catch (e) {
      const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
      throw new HipaaGateError('E_PARSE', `not valid YAML: ${(e as Error).message.split('\n')[0]}`, { file: ctx.path, line });
    }
    if (doc === null || doc === undefined) return [];
    if (!isObject(doc)) throw new HipaaGateError('E_PARSE', 'not a pnpm lockfile mapping', { file: ctx.path, line: 1 });
    const version = Number.parseFloat(String(doc.lockfileVersion ?? '5'));
    if (!Number.isFinite(version) || version >= 10) {
      throw new HipaaGateError('E_PARSE', `unsupported lockfileVersion ${String(doc.lockfileVersion)}`, { file: ctx.path, line: 1 });
    }
    const packages = isObject(doc.packages) ? doc.packages : {};
    const lines = new LineFinder(text);
    const from = Math.max(lines.offsetOf('\npackages:'), 0);
    const { prod, dev } = directNames(doc);
    const out: ParsedPackage[] = [];
    for (const [key, raw] of Object.entries(packages)) {
      const v = isObject(raw) ? raw : {};
      const parsed = version < 6 ? fromPathKey(key) : fromAtKey(key);
      const name = typeof v.name === 'string' ? v.name : parsed?.name;
      const ver = typeof v.version === 'string' ? v.version : parsed?.version;
      if (!name || ver === undefined) continue;
      out.push({
        name,
        version: ver,
        line: lines.next(key, from),
        direct: prod.has(name) || dev.has(name),
        dev: v.dev === true || (v.dev === undefined && dev.has(name) && !prod.has(name)),
        deps: Object.keys({ ...(v.dependencies as object), ...(v.optionalDependencies as object) }),
      });
    }
    return out;
  },
};

function directNames(doc: Record<string, unknown>): { prod: Set<string>; dev: Set<string> } {
  const prod = new Set<string>();
  const dev = new Set<string>();
  const importers = isObject(doc.importers) ? Object.values(doc.importers).filter(isObject) : [doc];
  for (const imp of importers) {
    for (const k of Object.keys({ ...(imp.dependencies as object), ...(imp.optionalDependencies as object) })) prod.add(k);
    for (const k of Object.keys((imp.devDependencies as object) ?? {})) dev.add(k);
  }
  return { prod, dev };
}

/** v5: `/name/1.0.0`, `/@scope/name/1.0.0_peer@2`, `registry.example/foo/1.0.0`. */
function fromPathKey(key: string): { name: string; version: string } | undefined {
  const parts = key.replace(/^\//, '').split('/');
  if (parts.length < 2) return undefined;
  const version = parts.at(-1)!.split('_')[0]!;
  if (!/^\d/.test(version)) return undefined;
  const prev = parts.at(-2)!;
  const scope = parts.at(-3);
  return { name: scope?.startsWith('@') ? `${scope}/${prev}` : prev, version };
}

/** v6/v9: `/name@1.0.0(peer@2)`, `@scope/name@1.0.0`. */
function fromAtKey(key: string): { name: string; version: string } | undefined {
  const k = key.replace(/^\//, '').replace(/\(.*$/, '');
  const at = k.indexOf('@', 1);
  if (at < 0) return undefined;
  const version = k.slice(at + 1);
  // `name@https://...` (git/tarball): the name is real, the version comes from the entry.
  return { name: k.slice(0, at), version: /^\d/.test(version) ? version : (undefined as unknown as string) };
}
