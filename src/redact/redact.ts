/**
 * Redaction: mask identifiers in free text (logs, support tickets, exports) with the same
 * recognizers as the scanner. Line structure is kept (masks never contain or remove newlines), so
 * `hipaa-gate redact` can sit in a log pipe. Aggressive by default: a health application's logs
 * are clinical context, so values need no "patient" word nearby, and documented test values are
 * masked too.
 */
import { detect } from '../scanners/phi/detect.js';
import { loadNames } from '../scanners/phi/names.js';
import { BY_KIND, RECOGNIZERS } from '../scanners/phi/recognizers/index.js';
import { CONFIDENCE_FLOOR } from '../scanners/phi/types.js';

export interface RedactOptions {
  /** Lowest confidence that is masked (default `low`: when in doubt, mask). */
  minConfidence?: 'low' | 'medium' | 'high';
  /** Only these kinds (`us-ssn`, `person-name` ...; default all). */
  kinds?: readonly string[];
  /** Treat every line as clinical context (default true). Set false for general-purpose text. */
  assumeClinical?: boolean;
  /** Year used for birth-date plausibility (default: the current year). */
  nowYear?: number;
}

/** Identifier kinds `redact` knows (recognizer kinds, e.g. `us-ssn`). */
export const REDACT_KINDS: readonly string[] = RECOGNIZERS.map((r) => r.kind);

let namesLoaded = false;

/** One span of a text to mask: [start, end) in the text's UTF-16 offsets, and what goes there. */
export interface Redaction {
  start: number;
  end: number;
  mask: string;
}

/** The spans `redact` masks in `text`, in order and not overlapping. */
export function redactions(text: string, options: RedactOptions = {}): Redaction[] {
  if (text.length === 0) return [];
  if (!namesLoaded) {
    loadNames();
    namesLoaded = true;
  }
  const floor = CONFIDENCE_FLOOR[options.minConfidence ?? 'low'];
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const found = detect(text, {
    textClass: 'log',
    nowYear: options.nowYear ?? new Date().getUTCFullYear(),
    clinical: options.assumeClinical ?? true,
    markTestValues: false,
    ...(kinds ? { kinds } : {}),
  });
  const out: Redaction[] = [];
  let last = 0;
  for (const d of found) {
    if (d.score < floor || d.start < last) continue;
    const mask = BY_KIND.get(d.kind)!.mask(d.value);
    // Masks are `*` and the value's own punctuation; encoded, they keep a query string a query string.
    out.push({ start: d.start, end: d.end, mask: d.urlEncoded ? encodeURIComponent(mask) : mask });
    last = d.end;
  }
  return out;
}

/** Mask every identifier found in `text`; everything else (including newlines) is unchanged. */
export function redact(text: string, options: RedactOptions = {}): string {
  const rs = redactions(text, options);
  if (rs.length === 0) return text;
  // Pieces joined once: a batch is 60K characters and holds hundreds of masks.
  const parts: string[] = [];
  let last = 0;
  for (const r of rs) {
    parts.push(text.slice(last, r.start), r.mask);
    last = r.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/**
 * Mask the string values of a structured log record. Keys act as labels (`{ dob: '1961-03-04' }`
 * is masked although a bare date is not); numbers under identifier keys become masked strings.
 */
export function redactObject<T>(value: T, options: RedactOptions = {}, depth = 0): T {
  if (depth > 16 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? redact(v, options) : redactObject(v, options, depth + 1))) as T;
  if (value instanceof Date || value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') out[k] = redactLabelled(k, String(v), v, options);
    else out[k] = redactObject(v, options, depth + 1);
  }
  return out as T;
}

function redactLabelled(key: string, s: string, original: unknown, options: RedactOptions): unknown {
  // The key becomes an inline label ("dob: ..."), so a labelled value is judged as one.
  const prefix = `${key.replace(/[\r\n:]/g, ' ')}: `;
  const masked = redact(prefix + s, options);
  if (masked.startsWith(prefix)) {
    const rest = masked.slice(prefix.length);
    return rest === s ? original : rest;
  }
  return redact(s, options);
}
