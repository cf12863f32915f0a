import { posix } from 'node:path';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { HipaaGateError } from '../../core/errors.js';
import type { Artifact, Skipped } from '../../core/types.js';
import { finish, type InventoryPackage } from './inventory.js';
import { parserFor } from './lockfiles/index.js';
import { OS_RELEASE_PATHS, parseOsRelease } from './lockfiles/os-release.js';

export interface BuiltInventory {
  packages: Array<InventoryPackage & { artifact: Artifact }>;
}

/**
 * Parse every lockfile artifact. A file that does not parse is reported (file and line) and the
 * rest go on. Includes (`-r`, go.sum, parent POMs) come from the other artifacts first, then from
 * disk under the scan root for worktree scans; nothing outside the root is read.
 */
export function buildInventory(artifacts: Artifact[], root: string, problem: (s: Skipped) => void): BuiltInventory {
  const byPath = new Map(artifacts.map((a) => [a.path, a]));
  const osRelease = OS_RELEASE_PATHS.map((p) => byPath.get(p)).find((a) => a !== undefined);
  const distro = osRelease ? parseOsRelease(osRelease.text) : undefined;
  const packages: BuiltInventory['packages'] = [];
  for (const a of artifacts) {
    const parser = parserFor(a.path);
    if (!parser) continue;
    const dir = posix.dirname(a.path);
    const readRelative = (rel: string): string | undefined => {
      const p = posix.normalize(posix.join(dir, rel));
      if (p.startsWith('../') || posix.isAbsolute(p)) return undefined;
      const hit = byPath.get(p);
      if (hit) return hit.text;
      if (a.origin.kind !== 'worktree' && a.origin.kind !== 'staged') return undefined;
      return readInsideRoot(root, p);
    };
    const ctx = { path: a.path, readRelative, ...(distro ? { distro } : {}) };
    try {
      const parsed = parser.parse(a.text, ctx);
      const ecosystem = parser.ecosystemOf?.(ctx) ?? parser.ecosystem;
      for (const p of finish(a.path, ecosystem, parsed)) packages.push({ ...p, artifact: a });
    } catch (e) {
      if (!(e instanceof HipaaGateError)) {
        problem({ path: a.path, reason: 'parse-error', detail: `cannot parse ${parser.id}: ${(e as Error).message}` });
        continue;
      }
      problem({ path: a.path, reason: 'parse-error', detail: e.message, ...(e.line ? { line: e.line } : {}) });
    }
  }
  return { packages };
}

function readInsideRoot(root: string, rel: string): string | undefined {
  const abs = resolve(root, rel);
  try {
    if (!existsSync(abs) || !statSync(abs).isFile() || statSync(abs).size > 10 * 1024 * 1024) return undefined;
    const real = realpathSync(abs);
    const realRoot = realpathSync(root);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
    return readFileSync(real, 'utf8');
  } catch {
    return undefined;
  }
}
