import type { RuleMeta } from '../../core/types.js';

/** How a text is treated: source code (only literals and comments hold data), data files, or logs. */
export type TextClass = 'code' | 'data' | 'log';

/**
 * Where a candidate sits, as far as a recognizer needs to know to judge it. `label` is the normalised
 * key, column header, field position or inline label in front of the value (`date_of_birth`,
 * `patient_name`, `pid_5`), tokens joined with `_`.
 */
export interface JudgeContext {
  label?: string;
  /** The value came from a structured field (JSON/YAML key, CSV column, HL7 field, SQL column). */
  structured: boolean;
  /** `label` names this kind (the recognizer's `labels` matched). */
  labelled: boolean;
  /** Patient words near the value (same line or record), or the file itself is clinical data. */
  patient: boolean;
  textClass: TextClass;
  /** The line the value is on (for small look-arounds such as "years old"). */
  line: string;
  /** Offset of the value in `line`. */
  col: number;
  /** Scan year, for birth-date plausibility. */
  nowYear: number;
  /** Presidio-style value mode: the text is the value of a field labelled for this kind. */
  valueMode?: boolean;
}

/**
 * One identifier kind of 164.514(b)(2). Data plus small functions: `labels` says which keys and
 * labels name this kind, `pattern` finds free-text candidates, `judge` scores one candidate.
 */
export interface Recognizer {
  kind: string;
  meta: RuleMeta;
  /** Tested against a normalised label (`patient_date_of_birth`); anchored at the end by convention. */
  labels?: RegExp;
  /** Labels that mean the value is NOT this kind even if the shape fits (e.g. `author` for names). */
  antiLabels?: RegExp;
  /**
   * Global regex (with the `d` flag) for free-text candidates; the first group that matched is the
   * value, or the whole match when there are no groups.
   */
  pattern?: RegExp;
  /**
   * Case-insensitive words that must occur in the text for `pattern` to run. Kinds that are PHI only
   * when labelled (ZIP codes, account numbers) declare the label words here: most files lack them.
   */
  trigger?: RegExp;
  /**
   * A string every match of `pattern` contains (`@` of an email). Matches must never cross a line
   * and the look-arounds must treat a line end like the end of the text: `pattern` then runs only
   * on the lines that hold the literal.
   */
  literal?: string;
  /** Label-led pattern (`Member ID: ...`), run only in files with a clinical signal. */
  labelPattern?: RegExp;
  /**
   * Values written as code rather than as a literal (`Date.new(1958, 4, 17)` in a seed file): run
   * only in files with a clinical signal, exempt from the literal-or-comment rule for code, and the
   * label is read before the whole match (the call), not before the captured arguments.
   */
  codePattern?: RegExp;
  /** Cheap rejection before any context is built (`before` = up to 40 characters in front). */
  quick?(value: string, before: string): boolean;
  /** Bare-value shapes for value mode (a text that is known to be the value of this kind). */
  valuePattern?: RegExp;
  /** Runs even without clinical signals in the file (SSN, MBI: their shape alone is sensitive). */
  standalone?: boolean;
  /**
   * An identifier of another kind that ends a value of this kind (a street address's ZIP), reported
   * as its own detection from offset `at` of the value once detections are settled; the value keeps
   * what is before it.
   */
  tail?: (value: string) => { kind: string; at: number } | undefined;
  /**
   * Score a candidate 0..1. 0 drops it. Scores map to confidence: >= 0.8 high, >= 0.55 medium,
   * >= 0.35 low.
   */
  judge(value: string, ctx: JudgeContext): number;
  /** Masked form that keeps the shape but not the identity (`***-**-1120`). */
  mask(value: string): string;
  /** A documented test or placeholder value (reported only when test values are not ignored). */
  synthetic?(value: string): boolean;
  /** Narrow a free-text candidate (drop leading "Patient" from "Patient Maria Lopez"): [start, end) within it. */
  trim?(value: string): [number, number] | undefined;
  /** Does a co-occurring strong identifier (name, MRN, SSN) in the same record raise this kind? */
  boostable?: boolean;
  /** This kind anchors a record: others near it become PHI (co-occurrence). */
  anchor?: boolean;
}

export interface Detection {
  kind: string;
  start: number;
  end: number;
  value: string;
  score: number;
  /**
   * Record key for co-occurrence: a free-text line is the number of its first character (a number,
   * so no key string is built per candidate); a CSV row, JSON object or HL7 message is a string.
   */
  record: string | number;
  synthetic: boolean;
  label?: string;
  /** DICOM tag or HL7 field position, for the message. */
  where?: string;
  /** The text holds `value` URL-encoded (a query string): a mask written over it is encoded too. */
  urlEncoded?: boolean;
}

export const scoreToConfidence = (s: number): 'high' | 'medium' | 'low' => (s >= 0.8 ? 'high' : s >= 0.55 ? 'medium' : 'low');
export const CONFIDENCE_FLOOR = { high: 0.8, medium: 0.55, low: 0.35 } as const;
