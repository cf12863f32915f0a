import { createHmac } from 'node:crypto';
import type { Finding } from '../core/types.js';
import { sha256Hex } from '../core/hash.js';
import { tryGitAsync } from '../core/git.js';

/** Used only when neither HIPAA_GATE_FINGERPRINT_KEY nor a git history is available. */
const PUBLIC_FALLBACK_KEY = 'hipaa-gate/fingerprint/v1';

/**
 * The key for value hashes. A plain sha256 of a low-entropy value (an SSN has 10^9 candidates) can
 * be reversed by brute force, so the hashes that reach reports are keyed. The key must be the same
 * on every machine that scans the same repository (baselines and waivers use fingerprints), yet
 * unknown to someone holding only a report: the ids of the repository's root commits fit both, since
 * whoever can read them can read the scanned values anyway. HIPAA_GATE_FINGERPRINT_KEY overrides it
 * (set it for stdin, image and non-git scans, whose fallback key is public).
 */
export async function fingerprintKey(root: string, env: NodeJS.ProcessEnv = process.env): Promise<{ key: string; source: 'env' | 'git' | 'public' }> {
  if (env.HIPAA_GATE_FINGERPRINT_KEY) return { key: env.HIPAA_GATE_FINGERPRINT_KEY, source: 'env' };
  const roots = await tryGitAsync(root, ['rev-list', '--max-parents=0', 'HEAD']);
  if (roots) return { key: `${PUBLIC_FALLBACK_KEY}\0${roots.split(/\s+/).sort().join(',')}`, source: 'git' };
  return { key: PUBLIC_FALLBACK_KEY, source: 'public' };
}

/** Replace each finding's plain value hash with an HMAC under the key, before anything is rendered. */
export function keyValueHashes(findings: Finding[], key: string): void {
  for (const f of findings) f.valueHash = createHmac('sha256', key).update(f.valueHash).digest('hex');
}

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
