import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** One ignore file's rules, anchored at the directory that holds it (relative to the root). */
interface Layer {
  base: string;
  ig: Ignore;
}

/**
 * gitignore semantics across nested files: the deepest file with a matching pattern decides, and
 * a negation (`!keep.me`) in a deeper file re-includes what a shallower one excluded.
 */
export class IgnoreStack {
  private constructor(private readonly layers: Layer[]) {}

  static root(patterns: string[]): IgnoreStack {
    return new IgnoreStack(patterns.length ? [{ base: '', ig: ignore().add(patterns) }] : []);
  }

  /** A child stack with the ignore files found in `absDir` (`relDir` relative to the root). */
  withDir(absDir: string, relDir: string, fileNames: string[]): IgnoreStack {
    const added: Layer[] = [];
    for (const name of fileNames) {
      let text: string;
      try {
        text = readFileSync(join(absDir, name), 'utf8');
      } catch {
        continue;
      }
      added.push({ base: relDir, ig: ignore().add(text) });
    }
    return added.length ? new IgnoreStack([...this.layers, ...added]) : this;
  }

  ignores(relPath: string, isDir: boolean): boolean {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const { base, ig } = this.layers[i]!;
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
