import picomatch from 'picomatch';
import type { Finding } from '../core/types.js';
import type { WaiverConfig } from '../config/config.js';

export const WAIVER_WARN_DAYS = 14;
const DAY_MS = 86_400_000;

export interface WaiverState {
  index: number;
  waiver: WaiverConfig;
  /** Whole days until expiry (negative once expired). A waiver is valid through its expiry date (UTC). */
  daysLeft: number;
  expired: boolean;
  /** Findings this waiver matched in the current scan (expired waivers count too). */
  matched: number;
}

export function waiverStates(waivers: WaiverConfig[], now: Date): WaiverState[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return waivers.map((waiver, index) => {
    const end = Date.parse(`${waiver.expires}T00:00:00Z`);
    const daysLeft = Math.round((end - today) / DAY_MS);
    return { index, waiver, daysLeft, expired: daysLeft < 0, matched: 0 };
  });
}

/** Advisory ids a deps finding carries (primary id and aliases), for `advisory:` waivers. */
function advisoryIds(f: Finding): string[] {
  const p = f.properties ?? {};
  const ids = [p.advisory, ...(Array.isArray(p.aliases) ? p.aliases : []), ...(Array.isArray(p.advisories) ? p.advisories : [])];
  return ids.filter((x): x is string => typeof x === 'string');
}

/**
 * Every key a waiver sets must match (they narrow each other): a fingerprint is one exact finding,
 * a rule (exact id or glob such as `secret/*`) optionally narrowed by a path glob, an advisory id
 * (case-insensitive, aliases included).
 */
export function waiverMatches(w: WaiverConfig, f: Finding): boolean {
  if (!(w.fingerprint || w.rule || w.advisory)) return false;
  if (w.fingerprint && w.fingerprint !== f.fingerprint) return false;
  if (w.rule && !(w.rule === f.ruleId || (w.rule.includes('*') && picomatch.isMatch(f.ruleId, w.rule)))) return false;
  if (w.path && !picomatch.isMatch(f.location.path, w.path, { dot: true })) return false;
  if (w.advisory && !advisoryIds(f).some((id) => id.toUpperCase() === w.advisory!.toUpperCase())) return false;
  return true;
}

/** The waiver that suppresses a finding: an active one wins over an expired one written earlier. */
export function findWaiver(states: WaiverState[], f: Finding): { active?: WaiverState; expired: WaiverState[] } {
  const matching = states.filter((s) => waiverMatches(s.waiver, f));
  return { active: matching.find((s) => !s.expired), expired: matching.filter((s) => s.expired) };
}

export function describeWaiver(w: Pick<WaiverConfig, 'fingerprint' | 'rule' | 'path' | 'advisory'>): string {
  if (w.fingerprint) return `for fingerprint ${w.fingerprint.slice(0, 12)}`;
  if (w.advisory) return `for ${w.advisory}${w.path ? ` in ${w.path}` : ''}`;
  return `for ${w.rule}${w.path ? ` in ${w.path}` : ''}`;
}
