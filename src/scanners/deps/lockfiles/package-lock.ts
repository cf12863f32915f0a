import { HipaaGateError } from '../../../core/errors.js';
import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser } from './types.js';
import { LineFinder, isObject, jsonKeyNeedle, parseJson } from './util.js';

/**
 * package-lock.json / npm-shrinkwrap.json. v2 and v3 carry a flat `packages` map keyed by install
 * path (preferred); v1 only the nested `dependencies` tree. Git/file sources have no registry
 * version in v1 (the `version` field holds the URL), so they are reported without one.
 */
export const parser: LockfileParser = {
  id: 'package-lock',
  ecosystem: 'npm',
  matches: LOCKFILE_NAMES['package-lock'],
  parse(text, ctx) {
    const doc = parseJson(text, ctx.path);
    if (!isObject(doc)) throw new HipaaGateError('E_PARSE', 'not a package-lock.json object', { file: ctx.path, line: 1 });
    // npm ignores package-lock.json when an npm-shrinkwrap.json sits beside it.
    if (ctx.path.endsWith('package-lock.json') && ctx.readRelative('npm-shrinkwrap.json') !== undefined) return [];
    const lines = new LineFinder(text);
    if (isObject(doc.packages)) return dedupe(fromPackages(doc.packages, lines));
    if (isObject(doc.dependencies)) return dedupe(fromDependencies(doc.dependencies, lines));
    if (doc.lockfileVersion !== undefined && ![1, 2, 3].includes(doc.lockfileVersion as number)) {
      throw new HipaaGateError('E_PARSE', `unsupported lockfileVersion ${String(doc.lockfileVersion)}`, { file: ctx.path, line: lines.find('"lockfileVersion"') });
    }
    return [];
  },
};

/**
 * One entry per name, version and source commit: the same package installed at several paths is
 * one package (production if any copy is, direct if any copy is; the first line is reported).
 */
function dedupe(list: Array<ParsedPackage & { commit?: string }>): ParsedPackage[] {
  const byKey = new Map<string, ParsedPackage>();
  for (const { commit, ...p } of list) {
    const k = `${p.name}@${p.version}#${commit ?? ''}`;
    const prev = byKey.get(k);
    if (!prev) byKey.set(k, p);
    else {
      prev.dev = prev.dev && p.dev;
      prev.direct = prev.direct || p.direct;
    }
  }
  return [...byKey.values()];
}

const commitOf = (s: unknown) => (typeof s === 'string' && /^(git|github|gitlab|bitbucket)/.test(s) && s.includes('#') ? s.slice(s.lastIndexOf('#') + 1) : undefined);

function fromPackages(packages: Record<string, unknown>, lines: LineFinder): Array<ParsedPackage & { commit?: string }> {
  const root = isObject(packages['']) ? packages[''] : {};
  const rootProd = new Set(Object.keys({ ...(root.dependencies as object), ...(root.optionalDependencies as object) }));
  const rootDev = new Set(Object.keys({ ...(root.devDependencies as object) }));
  const out: Array<ParsedPackage & { commit?: string }> = [];
  const pos = lines.offsetOf('"packages"');
  for (const [key, v] of Object.entries(packages)) {
    if (key === '' || !isObject(v) || v.link === true) continue;
    const at = key.lastIndexOf('node_modules/');
    const installName = at >= 0 ? key.slice(at + 'node_modules/'.length) : key.slice(key.lastIndexOf('/') + 1);
    const name = typeof v.name === 'string' ? v.name : installName;
    const version = typeof v.version === 'string' ? v.version : '';
    if (!name) continue;
    const topLevel = key === `node_modules/${installName}`;
    out.push({
      name,
      version,
      line: lines.next(jsonKeyNeedle(key), Math.max(pos, 0)),
      direct: topLevel && (rootProd.has(installName) || rootDev.has(installName)),
      dev: v.dev === true || (v.devOptional === true && !rootProd.has(installName)),
      deps: Object.keys({ ...(v.dependencies as object), ...(v.optionalDependencies as object), ...(v.peerDependencies as object) }),
      commit: commitOf(v.resolved),
    });
  }
  return out;
}

function fromDependencies(deps: Record<string, unknown>, lines: LineFinder): Array<ParsedPackage & { commit?: string }> {
  const out: Array<ParsedPackage & { commit?: string }> = [];
  const required = new Set<string>();
  const walk = (tree: Record<string, unknown>, depth: number, from: number) => {
    for (const [key, v] of Object.entries(tree)) {
      if (!isObject(v)) continue;
      const at = lines.offsetOf(jsonKeyNeedle(key), from);
      let name = key;
      let version = typeof v.version === 'string' ? v.version : '';
      const commit = commitOf(version);
      if (version.startsWith('npm:')) {
        const spec = version.slice(4);
        const i = spec.lastIndexOf('@');
        name = spec.slice(0, i);
        version = spec.slice(i + 1);
      } else if (/^[a-z+]+:/i.test(version) || version.includes('/')) {
        version = '';
      }
      for (const r of Object.keys((v.requires as object) ?? {})) required.add(r);
      out.push({ name, version, line: at >= 0 ? lines.lineAt(at) : 1, dev: v.dev === true, direct: depth === 0, deps: Object.keys((v.requires as object) ?? {}), commit });
      if (isObject(v.dependencies)) walk(v.dependencies, depth + 1, Math.max(at, from));
    }
  };
  walk(deps, 0, Math.max(lines.offsetOf('"dependencies"'), 0));
  // v1 does not say which top-level entries the project itself declared; those no one requires are.
  for (const p of out) if (p.direct && required.has(p.name)) p.direct = false;
  return out;
}
