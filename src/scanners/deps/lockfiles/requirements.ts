import { posix } from 'node:path';
import type { ParsedPackage } from '../inventory.js';
import { LOCKFILE_NAMES } from './names.js';
import type { LockfileParser, ParseContext } from './types.js';

/**
 * requirements.txt (pip): one requirement per logical line (backslash continuations), `-r`
 * includes followed (loops stop), per-requirement options (`--hash`, `-C`) and environment
 * markers dropped. The version is the one a `==`/`===`/`>=`/`<=` pin names; wildcards and other
 * constraints leave it empty.
 */
export const parser: LockfileParser = {
  id: 'requirements',
  ecosystem: 'PyPI',
  matches: LOCKFILE_NAMES['requirements'],
  parse(text, ctx) {
    const base = posix.basename(ctx.path);
    // requirements-dev.txt / requirements-test.txt hold development dependencies by convention.
    const dev = /[-_.](dev|test|tests|lint|docs)\b/i.test(base);
    return (parseFile(text, ctx, '.', new Set([base]), true) ?? []).map((p) => (dev ? { ...p, dev } : p));
  },
};

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/;

function parseFile(text: string, ctx: ParseContext, dir: string, seen: Set<string>, top: boolean): ParsedPackage[] | undefined {
  const out: ParsedPackage[] = [];
  const physical = text.split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const line = i + 1;
    let logical = physical[i]!;
    while (logical.endsWith('\\') && i + 1 < physical.length) logical = logical.slice(0, -1) + ' ' + physical[++i]!;
    logical = logical.replace(/\\$/, '').replace(/(^|\s)#.*$/, '').trim();
    if (!logical) continue;
    const include = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(logical);
    if (include) {
      // Includes are relative to the including file; the context reads relative to the top one.
      const rel = posix.normalize(posix.join(dir, include[1]!));
      if (seen.has(rel)) return top ? out : undefined; // an include loop: nothing from it is trusted
      const inner = ctx.readRelative(rel);
      if (inner === undefined) continue;
      const got = parseFile(inner, ctx, posix.dirname(rel), new Set([...seen, rel]), false);
      if (got === undefined) return top ? [] : undefined;
      out.push(...got);
      continue;
    }
    if (logical.startsWith('-')) continue; // global options (-i, -e, -c, --index-url ...)
    const p = requirement(logical);
    if (p) out.push({ ...p, line, direct: true });
  }
  return out;
}

function requirement(text: string): { name: string; version: string } | undefined {
  // Per-requirement options start at the first ` -x`/` --opt`; a marker at the first `;`.
  let spec = text.split(/\s+--?[A-Za-z]/)[0]!.split(';')[0]!.trim();
  if (spec.includes(' @ ') || /^[a-z+]+:\/\//i.test(spec)) return undefined; // direct URL references
  const m = NAME.exec(spec);
  if (!m) return undefined;
  const name = m[1]!;
  spec = m[3]!.trim();
  if (spec === '') return { name, version: '' };
  const c = /^(===|==|>=|<=|~=|!=|<|>)\s*(.*)$/.exec(spec);
  if (!c) return undefined;
  // Several constraints, exclusions or open bounds name no single version.
  if (spec.includes(',') || ['!=', '<', '>'].includes(c[1]!)) return { name, version: '' };
  const version = c[2]!.trim();
  if (!version || version.startsWith('$')) return undefined;
  if (version.includes('*')) return { name, version: '' };
  return { name, version };
}
