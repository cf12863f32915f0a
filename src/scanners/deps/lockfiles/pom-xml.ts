import { posix } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HipaaGateError } from '../../../core/errors.js';
import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser, ParseContext } from './types.js';
import { LineFinder, isObject } from './util.js';

/**
 * pom.xml, offline (no repository resolution): declared dependencies (project, profiles, plugin
 * dependencies), versions from `dependencyManagement`, `${property}` interpolation through the
 * local parent chain (`relativePath`, default `../pom.xml`). Transitive dependencies need a
 * resolver and are not listed; a Maven lockfile-like output (gradle.lockfile) is exact.
 */
export const parser: LockfileParser = {
  id: 'pom-xml',
  ecosystem: 'Maven',
  matches: LOCKFILE_NAMES['pom-xml'],
  parse(text, ctx) {
    const project = load(text, ctx.path);
    if (!project) return [];
    const props = new Map<string, string>();
    const managed = new Map<string, string>();
    const inherited: Array<Record<string, unknown>> = [];
    collectParents(project, ctx, '.', props, managed, new Set(), inherited);
    addOwn(project, props, managed);
    const lines = new LineFinder(text);
    let from = 0;
    const out: ParsedPackage[] = [];
    const seen = new Set<string>();
    for (const { dep, scope } of [...declared(project), ...inherited.map((dep) => ({ dep, scope: str(dep.scope) }))]) {
      const group = interpolate(str(dep.groupId), props);
      const artifact = interpolate(str(dep.artifactId), props);
      if (!group || !artifact) continue;
      const name = `${group}:${artifact}`;
      const version = cleanVersion(interpolate(str(dep.version), props) || managed.get(name) || '');
      const key = name; // Maven resolves one version per artifact; the first declaration wins
      const at = lines.offsetOf(`>${str(dep.artifactId)}<`, from);
      if (at >= 0) from = at + 1;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name, version, line: at >= 0 ? lines.lineAt(at) : 1, direct: true, dev: scope === 'test' });
    }
    return out;
  },
};

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => ['dependency', 'profile', 'plugin'].includes(name) });

function load(text: string, file: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return undefined;
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new HipaaGateError('E_PARSE', `not valid XML: ${valid.err.msg}`, { file, line: valid.err.line });
  const doc = xml.parse(text) as Record<string, unknown>;
  if (!isObject(doc.project)) throw new HipaaGateError('E_PARSE', 'no <project> element', { file, line: 1 });
  return doc.project;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function depsOf(node: unknown): Array<Record<string, unknown>> {
  if (!isObject(node) || !isObject(node.dependencies)) return [];
  const list = node.dependencies.dependency;
  return Array.isArray(list) ? list.filter(isObject) : [];
}

function declared(project: Record<string, unknown>): Array<{ dep: Record<string, unknown>; scope: string }> {
  const out = depsOf(project).map((dep) => ({ dep, scope: str(dep.scope) }));
  const profiles = isObject(project.profiles) && Array.isArray(project.profiles.profile) ? project.profiles.profile : [];
  for (const p of profiles) out.push(...depsOf(p).map((dep) => ({ dep, scope: str(dep.scope) })));
  const plugins = isObject(project.build) && isObject(project.build.plugins) && Array.isArray(project.build.plugins.plugin) ? project.build.plugins.plugin : [];
  for (const p of plugins) out.push(...depsOf(p).map((dep) => ({ dep, scope: str(dep.scope) })));
  return out;
}

function addOwn(project: Record<string, unknown>, props: Map<string, string>, managed: Map<string, string>): void {
  if (isObject(project.properties)) for (const [k, v] of Object.entries(project.properties)) props.set(k, str(v));
  const parent = isObject(project.parent) ? project.parent : {};
  const groupId = str(project.groupId) || str(parent.groupId);
  const version = str(project.version) || str(parent.version);
  for (const [k, v] of [['project.groupId', groupId], ['project.artifactId', str(project.artifactId)], ['project.version', version], ['version', version], ['pom.version', version]]) {
    if (v) props.set(k!, v);
  }
  if (isObject(project.parent)) props.set('project.parent.version', str(parent.version));
  for (const dep of depsOf(project.dependencyManagement)) {
    const name = `${interpolate(str(dep.groupId), props)}:${interpolate(str(dep.artifactId), props)}`;
    if (str(dep.version)) managed.set(name, interpolate(str(dep.version), props));
  }
}

/** Parents first, so the child's own properties and managed versions override theirs. */
function collectParents(project: Record<string, unknown>, ctx: ParseContext, dir: string, props: Map<string, string>, managed: Map<string, string>, seen: Set<string>, inherited: Array<Record<string, unknown>>): void {
  if (!isObject(project.parent)) return;
  const rel = str(project.parent.relativePath) || '../pom.xml';
  let path = posix.normalize(posix.join(dir, rel));
  if (!path.endsWith('.xml')) path = posix.join(path, 'pom.xml');
  if (seen.has(path)) return;
  seen.add(path);
  const text = ctx.readRelative(path);
  if (text === undefined) return;
  let parent: Record<string, unknown> | undefined;
  try {
    parent = load(text, path);
  } catch {
    return; // an unreadable parent only costs its properties
  }
  if (!parent) return;
  collectParents(parent, ctx, posix.dirname(path), props, managed, seen, inherited);
  addOwn(parent, props, managed);
  inherited.push(...depsOf(parent));
}

function interpolate(s: string, props: Map<string, string>, depth = 0): string {
  if (!s.includes('${') || depth > 10) return s;
  return interpolate(s.replace(/\$\{([^}]+)\}/g, (m, k: string) => props.get(k) ?? m), props, depth + 1);
}

/** `[1.2.3]` (a hard requirement) is 1.2.3; unresolved `${...}` and open ranges are no version. */
function cleanVersion(v: string): string {
  const hard = /^\[([^,\]]+)\]$/.exec(v);
  if (hard) return hard[1]!.trim();
  if (v.includes('${')) return '';
  const range = /^[[(]([^,]*),/.exec(v);
  if (range) return range[1]!.trim();
  return v;
}
