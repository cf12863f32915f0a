import picomatch from 'picomatch';
import type { Finding } from '../core/types.js';
import type { WaiverConfig } from '../config/config.js';

export const WAIVER_WARN_DAYS = 14;
const DAY_MS = 86_400_000;

export interface WaiverState {
  index: number;
  waiver: WaiverConfig;
  /** Whole days until expiry (negative once expired). A waiver is valid through its expiry date. */
  daysLeft: number;
  expired: boolean;
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

function advisoryIds(f: Finding): string[] {
  const p = f.properties ?? {};
  const ids = [p.advisory, ...(Array.isArray(p.aliases) ? p.aliases : []), ...(Array.isArray(p.advisories) ? p.advisories : [])];
  return ids.filter((x): x is string => typeof x === 'string');
}

export function waiverMatches(w: WaiverConfig, f: Finding): boolean {
  if (w.fingerprint && w.fingerprint !== f.fingerprint) return false;
  if (w.rule && !(w.rule === f.ruleId || (w.rule.includes('*') && picomatch.isMatch(f.ruleId, w.rule)))) return false;
  if (w.path && !picomatch.isMatch(f.location.path, w.path, { dot: true })) return false;
  if (w.advisory && !advisoryIds(f).some((id) => id.toUpperCase() === w.advisory!.toUpperCase())) return false;
  return Boolean(w.fingerprint || w.rule || w.advisory);
}
