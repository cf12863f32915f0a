import type { Confidence, RuleMeta, Severity } from '../../core/types.js';

/**
 * One secret detection rule: data plus optional small functions (gitleaks' Rule shape, ESLint's
 * data-only meta). Rules never see config or format output; the engine does the rest.
 */
export interface SecretRule {
  /** `secret/<name>`, stable. */
  id: string;
  title: string;
  /** Human name of the provider, used in messages ("GitHub", "AWS"). */
  provider: string;
  severity: Severity;
  hipaa: string[];
  remediation: string;
  /**
   * Lower-case literals; the rule's regex only runs near a place where one occurs (case-insensitive).
   * Empty only for path-only rules.
   */
  keywords: string[];
  /** Global regex (`g` flag added by the engine). Bounded quantifiers only. */
  regex?: RegExp;
  /**
   * Capture group holding the secret (0 = whole match); with a list, the first group that took part
   * in the match. Undefined: the first non-empty capture group, else the whole match.
   */
  secretGroup?: number | number[];
  /** Capture group whose span the finding points at (a PEM block points at its BEGIN line). Defaults to the secret. */
  reportGroup?: number;
  /** `user:password` values: only the part after the first colon is the secret. */
  passwordAfterColon?: boolean;
  /** Minimum Shannon entropy (bits per char) of the secret. */
  entropy?: number;
  /** Checksum or structure validation of the secret; false drops the match. */
  validate?(secret: string): boolean;
  /** Only files whose path matches are scanned by this rule. */
  path?: RegExp;
  /** Path-only rule: the file itself is the secret (PKCS#12 bundles). */
  pathOnly?: boolean;
  /** Rule-specific allowlist; any hit drops the match. */
  allow?: {
    /** Lower-case substrings of the secret. */
    stopwords?: string[];
    /** Tested against the secret. */
    regexes?: RegExp[];
    /** Tested against the whole line(s) of the match. */
    lineRegexes?: RegExp[];
  };
  /** Characters around a keyword hit searched by the regex (defaults: 200 before, 400 after). */
  window?: { before?: number; after?: number };
  /** Default confidence of a match; `score` can refine it. */
  confidence?: Confidence;
  /**
   * Context scoring for heuristic rules: returns the confidence, or null to drop the match.
   * `line` is the text of the line holding the match.
   */
  score?(secret: string, match: string, line: string): Confidence | null;
  /** Whole-match scoring with access to all groups (heuristic rules); null drops the match. */
  scoreMatch?(m: RegExpExecArray, path: string): Confidence | null;
  /** Extra structural check on the whole text around the match (e.g. "is this YAML document a Secret"). */
  check?(text: string, matchStart: number): boolean;
  /** Skip the global placeholder heuristics (rules whose secrets legitimately contain runs, e.g. PEM bodies). */
  noPlaceholderCheck?: boolean;
  /** Lower wins when two rules report the same secret; heuristic rules use higher numbers. */
  priority?: number;
  description?: string;
  /** Regex source of the secret's own shape (docs and generated test samples). */
  format?: string;
  /** For name-anchored rules: a variable name the secret is typically assigned to. */
  sampleKey?: string;
}

export function toMeta(r: SecretRule): RuleMeta {
  return {
    id: r.id,
    category: 'secret',
    title: r.title,
    ...(r.description ? { description: r.description } : {}),
    severity: r.severity,
    hipaa: [...r.hipaa],
    remediation: r.remediation,
    helpUri: `docs/secrets.md#${r.id.replace('secret/', '')}`,
    tags: ['secret', r.provider.toLowerCase()],
  };
}
