import cvssLib from 'ae-cvss-calculator';
import type { Severity } from '../../../core/types.js';
import type { OsvSeverity } from './types.js';

const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvssLib;

const memo = new Map<string, number | undefined>();

/** CVSS base score from a vector (v2, v3.0, v3.1, v4.0) via `ae-cvss-calculator`; undefined if invalid. */
export function baseScore(vector: string): number | undefined {
  // Advisory databases reuse a few thousand distinct vectors across hundreds of thousands of records.
  if (memo.has(vector)) return memo.get(vector);
  const score = computeScore(vector);
  if (memo.size < 100_000) memo.set(vector, score);
  return score;
}

function computeScore(vector: string): number | undefined {
  try {
    let score: number | undefined;
    if (vector.startsWith('CVSS:4.0/')) score = new Cvss4P0(vector).calculateScores().base;
    else if (vector.startsWith('CVSS:3.1/')) score = new Cvss3P1(vector).calculateScores().base;
    else if (vector.startsWith('CVSS:3.0/')) score = new Cvss3P0(vector).calculateScores().base;
    else if (/^(\(?)AV:[LAN]\/AC:/.test(vector)) score = new Cvss2(vector.replace(/^\(|\)$/g, '')).calculateScores().base;
    return typeof score === 'number' && Number.isFinite(score) ? score : undefined;
  } catch {
    return undefined;
  }
}

/** The highest-scoring vector of a record (v4 and v3 preferred over v2 when present). */
export function bestScore(severities: OsvSeverity[] | undefined): { score: number; vector: string } | undefined {
  let best: { score: number; vector: string; rank: number } | undefined;
  for (const s of severities ?? []) {
    if (!/^CVSS_V[234]$/.test(s.type)) continue;
    const score = baseScore(s.score);
    if (score === undefined) continue;
    const rank = s.type === 'CVSS_V2' ? 0 : 1;
    if (!best || rank > best.rank || (rank === best.rank && score > best.score)) best = { score, vector: s.score, rank };
  }
  return best && { score: best.score, vector: best.vector };
}

/** CVSS v3/v4 qualitative rating scale. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

const LABELS: Record<string, Severity> = { CRITICAL: 'critical', HIGH: 'high', MODERATE: 'medium', MEDIUM: 'medium', LOW: 'low', NEGLIGIBLE: 'low', UNIMPORTANT: 'low' };

/**
 * Severity of an advisory: the CVSS score when a vector exists, else the source database's label;
 * unscored advisories (Go, most distro records) are `high` - a compliance gate fails closed.
 */
export function advisorySeverity(score: number | undefined, label: string | undefined): Severity {
  if (score !== undefined) return severityFromScore(score);
  if (label && LABELS[label.toUpperCase()]) return LABELS[label.toUpperCase()]!;
  return 'high';
}
