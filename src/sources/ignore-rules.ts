import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Where a layer of patterns came from: git's own ignore files, or hipaa-gate's. */
export type LayerKind = 'git' | 'tool';

/** One ignore file's rules, anchored at the directory that holds it. */
interface Layer {
  /** Directory of the file, relative to the repository top (or the scan root outside git). */
  base: string;
  kind: LayerKind;
  ig: Ignore;
}

export const GIT_IGNORE_FILE = '.gitignore';
export const TOOL_IGNORE_FILE = '.hipaa-gateignore';

/**
 * gitignore semantics across nested files: the deepest file with a matching pattern decides, and
 * a negation (`!keep.me`) in a deeper file re-includes what a shallower one excluded. Layers are
 * tagged so a tracked file can be checked against hipaa-gate's own rules only: git never ignores a
 * tracked file, and neither do we, but `.hipaa-gateignore` applies to everything.
 */
export class IgnoreStack {
  private constructor(private readonly layers: Layer[]) {}

  static empty(): IgnoreStack {
    return new IgnoreStack([]);
  }

  /** A stack with extra patterns anchored at `base` (info/exclude, config excludes). */
  withPatterns(base: string, kind: LayerKind, patterns: string[]): IgnoreStack {
    const lines = patterns.filter((p) => p.trim() !== '');
    return lines.length ? new IgnoreStack([...this.layers, { base, kind, ig: ignore().add(lines) }]) : this;
  }

  /** A child stack with the ignore files found in `absDir` (`base` relative to the top). */
  withDir(absDir: string, base: string, files: ReadonlyArray<readonly [name: string, kind: LayerKind]>): IgnoreStack {
    const added: Layer[] = [];
    for (const [name, kind] of files) {
      let text: string;
      try {
        text = readFileSync(join(absDir, name), 'utf8');
      } catch {
        continue; // absent (the common case) or unreadable: git ignores both silently too
      }
      added.push({ base, kind, ig: ignore().add(text) });
    }
    return added.length ? new IgnoreStack([...this.layers, ...added]) : this;
  }

  /**
   * Both answers the walk needs in one pass over the layers: ignored by any layer (deepest
   * decides), and ignored by hipaa-gate's own layers alone (which also bind tracked files).
   */
  verdict(relPath: string, isDir: boolean): { any: boolean; tool: boolean } {
    let any: boolean | undefined;
    let tool: boolean | undefined;
    for (let i = this.layers.length - 1; i >= 0 && (any === undefined || tool === undefined); i--) {
      const { base, kind, ig } = this.layers[i]!;
      if (base && !relPath.startsWith(base + '/')) continue;
      const rel = (base ? relPath.slice(base.length + 1) : relPath) + (isDir ? '/' : '');
      const r = ig.test(rel);
      if (!r.ignored && !r.unignored) continue;
      any ??= r.ignored;
      if (kind === 'tool') tool ??= r.ignored;
    }
    return { any: any ?? false, tool: tool ?? false };
  }

  /** `relPath` is relative to the top; `only` restricts the check to one kind of layer. */
  ignores(relPath: string, isDir: boolean, only?: LayerKind): boolean {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const { base, kind, ig } = this.layers[i]!;
      if (only && kind !== only) continue;
      if (base && !relPath.startsWith(base + '/')) continue;
      let rel = base ? relPath.slice(base.length + 1) : relPath;
      if (isDir) rel += '/';
      const r = ig.test(rel);
      if (r.ignored) return true;
      if (r.unignored) return false;
    }
    return false;
  }
}

/** The ignore files a directory may hold, in precedence order (later wins within a directory). */
export const DIR_IGNORE_FILES: ReadonlyArray<readonly [string, LayerKind]> = [
  [GIT_IGNORE_FILE, 'git'],
  [TOOL_IGNORE_FILE, 'tool'],
];

/**
 * For sources that get paths from git rather than a directory walk (staged, history): config
 * `exclude` globs plus every `.hipaa-gateignore` on the way from the scan root to the file.
 * `.gitignore` does not apply there: a staged or committed file is tracked by definition.
 */
export function toolPathFilter(root: string, exclude: string[]): (relPath: string) => boolean {
  const config = ignore().add(exclude.filter((p) => p.trim() !== ''));
  const stacks = new Map<string, IgnoreStack>();
  const stackFor = (dir: string): IgnoreStack => {
    const hit = stacks.get(dir);
    if (hit) return hit;
    const parent = dir === '' ? IgnoreStack.empty() : stackFor(dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '');
    const abs = join(root, dir);
    const s = existsSync(join(abs, TOOL_IGNORE_FILE)) ? parent.withDir(abs, dir, [[TOOL_IGNORE_FILE, 'tool']]) : parent;
    stacks.set(dir, s);
    return s;
  };
  return (relPath) => {
    if (config.ignores(relPath)) return true;
    const dir = relPath.includes('/') ? relPath.slice(0, relPath.lastIndexOf('/')) : '';
    const stack = stackFor(dir);
    // A pattern may name any ancestor directory (`build/`), so test each one as git would.
    const parts = relPath.split('/');
    for (let i = 1; i < parts.length; i++) if (stack.ignores(parts.slice(0, i).join('/'), true)) return true;
    return stack.ignores(relPath, false);
  };
}
