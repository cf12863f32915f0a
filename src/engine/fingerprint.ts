import type { Finding } from '../core/types.js';
import { sha256Hex } from '../core/hash.js';

/**
 * Stable identity: rule, path and the hash of the value, numbered when the same value repeats in
 * the same file. Line numbers are left out so that moving code does not change it; in history mode
 * the commit is part of it (the same secret in two commits is two exposures).
 */
export function assignFingerprints(findings: Finding[]): void {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = [f.ruleId, f.location.path, f.valueHash, f.location.commit ?? '', f.location.layer ?? '', f.location.resource ?? ''].join('\0');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(f);
  }
  for (const [key, g] of groups) {
    g.sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
    g.forEach((f, i) => {
      f.fingerprint = sha256Hex(`${key}\0${i}`).slice(0, 32);
    });
  }
}

/**
 * GitHub's primaryLocationLineHash-style partial fingerprint: `hash:occurrence`. The hash covers
 * the rule and the value (not the line text, which may hold the secret, and not the position, so
 * moved code keeps its alert); the occurrence tells repeats of the same value in a file apart.
 */
export function lineHash(f: Finding, occurrence = 1): string {
  return `${sha256Hex(`${f.ruleId}\0${f.valueHash}`).slice(0, 16)}:${occurrence}`;
}

/** lineHash for every finding, numbering repeats per file, rule and value in line order. */
export function lineHashes(findings: Finding[]): Map<Finding, string> {
  const seen = new Map<string, number>();
  const out = new Map<Finding, string>();
  const ordered = [...findings].sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
  for (const f of ordered) {
    const key = [f.location.path, f.location.commit ?? '', f.ruleId, f.valueHash].join('\0');
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    out.set(f, lineHash(f, n));
  }
  return out;
}
