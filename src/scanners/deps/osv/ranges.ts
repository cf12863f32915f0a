import { compareSemver } from '../versions/semver.js';
import type { VersionCompare } from '../versions/index.js';
import type { OsvAffected, OsvEvent, OsvRange } from './types.js';

/**
 * Whether `version` is affected, exactly as the OSV schema's evaluation defines it: listed in
 * `versions`, or inside a SEMVER/ECOSYSTEM range. Within a range events are ordered by version
 * (`introduced: "0"` first); `introduced` opens, `fixed` closes at that version, `last_affected`
 * closes after it; `limit` events cap the range (the version must be below one). GIT ranges
 * describe commits, not versions, and are ignored here.
 */
export function isAffected(version: string, affected: OsvAffected, compare: VersionCompare | undefined): boolean {
  if (affected.versions?.includes(version)) return true;
  for (const range of affected.ranges ?? []) {
    if (range.type === 'GIT') continue;
    const cmp = range.type === 'SEMVER' ? compareSemver : compare;
    if (!cmp) continue;
    if (inRange(version, range, cmp)) return true;
  }
  return false;
}

type Kind = 'introduced' | 'fixed' | 'last_affected' | 'limit';
const KIND_ORDER: Record<Kind, number> = { introduced: 0, fixed: 1, last_affected: 2, limit: 3 };

function eventOf(e: OsvEvent): { kind: Kind; v: string } | undefined {
  for (const kind of ['introduced', 'fixed', 'last_affected', 'limit'] as const) if (typeof e[kind] === 'string') return { kind, v: e[kind]! };
  return undefined;
}

export function inRange(version: string, range: OsvRange, cmp: VersionCompare): boolean {
  const sv = range.type === 'SEMVER' ? version.replace(/^v/, '') : version;
  const events = range.events.map(eventOf).filter((e): e is { kind: Kind; v: string } => e !== undefined);
  const limits = events.filter((e) => e.kind === 'limit' && e.v !== '*');
  if (limits.length > 0 && !limits.some((l) => cmp(sv, l.v) < 0)) return false;
  const ordered = events
    .filter((e) => e.kind !== 'limit')
    .sort((a, b) => {
      const az = a.kind === 'introduced' && a.v === '0';
      const bz = b.kind === 'introduced' && b.v === '0';
      if (az || bz) return az === bz ? 0 : az ? -1 : 1;
      return cmp(a.v, b.v) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
    });
  let affected = false;
  for (const e of ordered) {
    if (e.kind === 'introduced') {
      if (e.v === '0' || cmp(sv, e.v) >= 0) affected = true;
    } else if (e.kind === 'fixed') {
      if (cmp(sv, e.v) >= 0) affected = false;
    } else if (e.kind === 'last_affected') {
      if (cmp(sv, e.v) > 0) affected = false;
    }
  }
  return affected;
}

/** Fixed versions named by the ranges (for the remediation text and `ignore_unfixed`). */
export function fixedVersions(affected: OsvAffected): string[] {
  const out = new Set<string>();
  for (const r of affected.ranges ?? []) if (r.type !== 'GIT') for (const e of r.events) if (e.fixed) out.add(e.fixed);
  return [...out];
}
