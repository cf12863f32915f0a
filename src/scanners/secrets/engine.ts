import type { Confidence } from '../../core/types.js';
import { shannon } from './entropy.js';
import { isPlaceholder } from './placeholder.js';
import { KeywordMatcher } from './prefilter.js';
import type { SecretRule } from './types.js';

/** A regex-like matcher: built-in rules use RegExp (with indices), custom rules RE2 (linear time). */
export interface Matcher {
  lastIndex: number;
  exec(s: string): (RegExpExecArray & { indices?: Array<[number, number] | undefined> }) | null;
}

export interface CompiledRule {
  rule: SecretRule;
  matcher: Matcher;
  /** Whether `matcher` reports group offsets (`d` flag); otherwise offsets are located by search. */
  hasIndices: boolean;
  before: number;
  after: number;
}

export interface Candidate {
  rule: SecretRule;
  /** The secret and its offsets in the text. */
  secret: string;
  start: number;
  end: number;
  /** What the finding points at (usually the secret). */
  reportStart: number;
  reportEnd: number;
  confidence: Confidence;
}

const LINE_CONTEXT = 400;

export function compileBuiltin(rule: SecretRule): CompiledRule {
  const src = rule.regex ?? /$^/;
  const flags = new Set(src.flags.split(''));
  flags.add('g');
  flags.add('d');
  return {
    rule,
    matcher: new RegExp(src.source, [...flags].join('')),
    hasIndices: true,
    before: rule.window?.before ?? 200,
    after: rule.window?.after ?? 400,
  };
}

/**
 * Runs compiled rules over a text: keyword prefilter, then each rule's regex only on merged windows
 * around its keyword hits, then per-rule and global filters, then de-duplication across rules.
 */
export class SecretEngine {
  private readonly matcher: KeywordMatcher;
  /** keyword index -> rules (indices into `rules`) that own it */
  private readonly owners: number[][];
  private readonly keywordless: number[];
  private readonly pathOnly: number[];
  /** Rules with a path filter; every other rule is active for every file. */
  private readonly pathFiltered: number[];

  constructor(readonly rules: CompiledRule[]) {
    const kwIndex = new Map<string, number>();
    const owners: number[][] = [];
    const keywordless: number[] = [];
    const pathOnly: number[] = [];
    rules.forEach((c, ri) => {
      if (c.rule.pathOnly) {
        pathOnly.push(ri);
        return;
      }
      if (c.rule.keywords.length === 0) keywordless.push(ri);
      for (const k of c.rule.keywords) {
        let ki = kwIndex.get(k);
        if (ki === undefined) {
          ki = kwIndex.size;
          kwIndex.set(k, ki);
          owners.push([]);
        }
        if (!owners[ki]!.includes(ri)) owners[ki]!.push(ri);
      }
    });
    this.matcher = new KeywordMatcher([...kwIndex.keys()]);
    this.owners = owners;
    this.keywordless = keywordless;
    this.pathOnly = pathOnly;
    this.pathFiltered = rules.map((c, ri) => (c.rule.path ? ri : -1)).filter((ri) => ri >= 0);
  }

  scan(text: string, path: string): Candidate[] {
    const active = new Uint8Array(this.rules.length).fill(1);
    for (const ri of this.pathFiltered) if (!this.rules[ri]!.rule.path!.test(path)) active[ri] = 0;
    const out: Candidate[] = [];
    for (const ri of this.pathOnly) {
      if (!active[ri]) continue;
      const rule = this.rules[ri]!.rule;
      out.push({ rule, secret: path, start: 0, end: 0, reportStart: 0, reportEnd: 0, confidence: rule.confidence ?? 'high' });
    }
    if (text.length === 0) return out;

    const hits: Array<number[] | undefined> = new Array(this.rules.length);
    const { owners, rules } = this;
    this.matcher.scan(text, (k, start) => {
      const own = owners[k]!;
      for (let i = 0; i < own.length; i++) {
        const ri = own[i]!;
        if (!active[ri]) continue;
        const list = hits[ri];
        if (list) list.push(start);
        else hits[ri] = [start];
      }
    });
    for (const ri of this.keywordless) if (active[ri]) hits[ri] = [0];

    for (let ri = 0; ri < hits.length; ri++) {
      const starts = hits[ri];
      if (!starts) continue;
      const c = rules[ri]!;
      const windows = c.rule.keywords.length === 0 ? [[0, text.length] as [number, number]] : mergeWindows(starts, c.before, c.after, text.length);
      for (const [ws, we] of windows) this.runWindow(c, text, path, ws, we, out);
    }
    return dedupe(out);
  }

  private runWindow(c: CompiledRule, text: string, path: string, ws: number, we: number, out: Candidate[]): void {
    const slice = ws === 0 && we === text.length ? text : text.slice(ws, we);
    const m = c.matcher;
    m.lastIndex = 0;
    let guard = 0;
    for (let r = m.exec(slice); r !== null; r = m.exec(slice)) {
      if (r[0].length === 0) m.lastIndex++;
      if (++guard > 10_000) break; // a pathological file cannot make one rule report unboundedly
      const cand = this.accept(c, r, text, path, ws);
      if (cand) out.push(cand);
    }
  }

  private accept(c: CompiledRule, r: RegExpExecArray & { indices?: Array<[number, number] | undefined> }, text: string, path: string, base: number): Candidate | null {
    const rule = c.rule;
    const g = pickGroup(rule, r);
    let secret = r[g];
    if (secret === undefined || secret === '') return null;
    const matchStart = base + r.index;
    let start = c.hasIndices && r.indices?.[g] ? base + r.indices[g]![0] : matchStart + Math.max(0, r[0].indexOf(secret));
    if (rule.passwordAfterColon) {
      const unq = secret.replace(/^["']|["']$/g, '');
      const i = unq.indexOf(':');
      if (i < 0) return null;
      start += secret.indexOf(unq) + i + 1;
      secret = unq.slice(i + 1).replace(/^["']|["']$/g, '');
      if (secret === '') return null;
    }
    const end = start + secret.length;
    if (rule.entropy !== undefined && shannon(secret) < rule.entropy) return null;
    if (rule.validate && !rule.validate(secret)) return null;
    const a = rule.allow;
    if (a?.stopwords) {
      const lower = secret.toLowerCase();
      if (a.stopwords.some((w) => lower.includes(w))) return null;
    }
    if (a?.regexes?.some((re) => re.test(secret!))) return null;
    const line = lineAround(text, matchStart, matchStart + r[0].length);
    if (a?.lineRegexes?.some((re) => re.test(line))) return null;
    if (!rule.noPlaceholderCheck && isPlaceholder(secret)) return null;
    if (rule.check && !rule.check(text, matchStart)) return null;
    let confidence: Confidence = rule.confidence ?? 'high';
    if (rule.score) {
      const s = rule.score(secret, r[0], line);
      if (s === null) return null;
      confidence = s;
    }
    if (rule.scoreMatch) {
      const s = rule.scoreMatch(r, path);
      if (s === null) return null;
      confidence = s;
    }
    let reportStart = start;
    let reportEnd = end;
    if (rule.reportGroup !== undefined && c.hasIndices && r.indices?.[rule.reportGroup]) {
      reportStart = base + r.indices[rule.reportGroup]![0];
      reportEnd = base + r.indices[rule.reportGroup]![1];
    }
    return { rule, secret, start, end, reportStart, reportEnd, confidence };
  }
}

function pickGroup(rule: SecretRule, r: RegExpExecArray): number {
  const g = rule.secretGroup;
  if (typeof g === 'number') return g;
  if (Array.isArray(g)) return g.find((i) => r[i] !== undefined) ?? 0;
  for (let i = 1; i < r.length; i++) if (r[i]) return i;
  return 0;
}

/** The line(s) of a match, clipped so a single-line 50 MB file does not make this O(n) per match. */
function lineAround(text: string, s: number, e: number): string {
  const ls = Math.max(text.lastIndexOf('\n', s - 1) + 1, s - LINE_CONTEXT);
  let le = text.indexOf('\n', e);
  if (le < 0 || le > e + LINE_CONTEXT) le = Math.min(text.length, e + LINE_CONTEXT);
  return text.slice(ls, le);
}

/** Windows [start-before, start+after] around sorted hit offsets, merged when they overlap. */
export function mergeWindows(starts: number[], before: number, after: number, len: number): Array<[number, number]> {
  starts.sort((x, y) => x - y);
  const out: Array<[number, number]> = [];
  for (const s of starts) {
    const ws = Math.max(0, s - before);
    const we = Math.min(len, s + after);
    const last = out[out.length - 1];
    if (last && ws <= last[1]) last[1] = Math.max(last[1], we);
    else out.push([ws, we]);
  }
  return out;
}

/**
 * One finding per secret: when rules overlap on the same text, the more specific rule (lower
 * priority number, then registry order) wins; identical spans from the same rule collapse.
 */
function dedupe(cands: Candidate[]): Candidate[] {
  if (cands.length < 2) return cands;
  const sorted = [...cands].sort((a, b) => (a.rule.priority ?? 50) - (b.rule.priority ?? 50) || a.start - b.start);
  // Kept spans never overlap each other, so they stay sorted by start and a binary search finds
  // the only neighbours a new span could overlap.
  const spans: Candidate[] = [];
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (c.end === c.start) {
      kept.push(c); // path-only findings have no span
      continue;
    }
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = spans[lo - 1];
    const next = spans[lo];
    if ((prev && prev.end > c.start) || (next && next.start < c.end)) continue;
    spans.splice(lo, 0, c);
    kept.push(c);
  }
  return kept.sort((a, b) => a.reportStart - b.reportStart || a.start - b.start);
}
