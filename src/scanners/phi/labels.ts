/**
 * Label handling: keys, headers and inline labels are normalised to lower-case tokens joined by `_`
 * (`patientDOB` -> `patient_dob`, `Date of Birth` -> `date_of_birth`), so one regex per kind covers
 * JSON keys, CSV headers, SQL columns and "DOB:" in prose.
 */

/**
 * Keys and label words repeat on every line of a log or every row of a file, so normalisations are
 * remembered (bounded: cleared when full, a plain cache of a pure function).
 */
const MEMO_MAX = 4096;
const normalized = new Map<string, string>();
/** Raw label text -> its label; '' where the words make no label (one lookup, no `has`). */
const inline = new Map<string, string>();

export function normalizeLabel(raw: string): string {
  let v = normalized.get(raw);
  if (v === undefined) {
    if (normalized.size >= MEMO_MAX) normalized.clear();
    v = normalizeUncached(raw);
    normalized.set(raw, v);
  }
  return v;
}

function normalizeUncached(raw: string): string {
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Build an end-anchored label regex from alternatives written with `_` between tokens. */
export function labelRe(alts: string[]): RegExp {
  return new RegExp(`(?:^|_)(?:${alts.join('|')})(?:_(?:no|num|number|nbr|id|value|text|val|str|string|code))?${QUALIFIER}$`);
}

/**
 * Which of several, or when: `phone_primary`, `email_personal`, `dob_verified`, `age_at_enroll`
 * (REDCap and warehouse column names put the qualifier last).
 */
const QUALIFIER = '(?:_(?:primary|secondary|home|mobile|cell|work|alt|alternate|other|personal|main|verified|raw|orig|original|[1-9]|at_(?:enroll|enrollment|admit|admission|arrival|intake|visit|death|incident|event)))?';

/**
 * The label written just before a value on the same line: `DOB: `, `"dob": "`, `ssn=`, `MRN #`,
 * `Patient name - `. Returns the normalised label or undefined.
 */
const LOOKBACK = 56;
const FILLER = new Set(['is', 'was', 'are', 'be', 'of', 'the', 'a', 'an', 'to', 'at', 'on', 'for', 'with', 'as', 'in', 'by']);
const isLabelChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 32 || c === 46 || c === 39 || c === 45;
// Quotes, brackets, and `*` of Markdown emphasis (`**Authors:** ...`).
const isSkippable = (c: number): boolean => c === 32 || c === 9 || c === 34 || c === 39 || c === 96 || c === 40 || c === 91 || c === 123 || c === 60 || c === 42;
export function inlineLabel(line: string, col: number): string | undefined {
  // Walk back from the value: quotes/brackets/spaces, one separator (: = # | - _ . => ->), quotes/spaces, then the label words.
  let i = col - 1;
  const stop = Math.max(0, col - LOOKBACK);
  while (i >= stop && isSkippable(line.charCodeAt(i))) i--;
  if (i >= stop) {
    const c = line.charCodeAt(i);
    if (c === 62 && (line[i - 1] === '=' || line[i - 1] === '-')) i -= 2;
    else if (c === 61 && line[i - 1] === ':') i -= 2;
    else if (c === 58 || c === 61 || c === 35 || c === 124 || c === 45 || c === 95 || c === 46) i--;
  }
  while (i >= stop && isSkippable(line.charCodeAt(i))) i--;
  // `Order #:`, `Acct # =`: the number sign before the separator is part of the label's punctuation.
  if (line.charCodeAt(i) === 35) {
    i--;
    while (i >= stop && isSkippable(line.charCodeAt(i))) i--;
  }
  // A short qualifier between the label and its separator (`MRN (MVH): 00628145`) is not the label.
  if (line.charCodeAt(i) === 41) {
    const open = line.lastIndexOf('(', i);
    if (open >= stop && i - open <= 16) {
      i = open - 1;
      while (i >= stop && isSkippable(line.charCodeAt(i))) i--;
    }
  }
  const end = i + 1;
  while (i >= stop && isLabelChar(line.charCodeAt(i))) i--;
  // The label starts with a letter and ends with a letter, digit, ')' or "'".
  let from = i + 1;
  while (from < end && !isLetter(line.charCodeAt(from))) from++;
  if (from >= end) return undefined;
  const raw = line.slice(from, end);
  const known = inline.get(raw);
  if (known !== undefined) return known || undefined;
  const label = labelOf(raw);
  if (inline.size >= MEMO_MAX) inline.clear();
  inline.set(raw, label ?? '');
  return label;
}

const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** The label words of `raw` (starts with a letter), normalised. */
function labelOf(raw: string): string | undefined {
  // "DOB is", "number is:", "email of the": filler words after the label are not the label.
  const all = raw.split(/[\s.]+/).filter(Boolean);
  while (all.length > 1 && FILLER.has(all[all.length - 1]!.toLowerCase())) all.pop();
  const words = all.slice(-4).join(' ');
  const label = normalizeLabel(words);
  return label.length > 0 ? label : undefined;
}

/** Words that place a line or record in a clinical context. */
export const PATIENT_RE =
  /(?<![A-Za-z])(?:patient|patients|pt|mrn|dob|d\.o\.b|diagnos[ie]s|dx|admit(?:ted)?|admission|discharged?|member|beneficiary|insured|subscriber|medicare|medicaid|enrollee|encounter|chart|clinic|hospital|ehr|emr|hl7|fhir|icd-?10|prescri\w*|rx|allerg\w*|vitals|appointment|appt|visit|triage|lab result|claim|physician|nurse|guarantor|next of kin|nok|deceased|ssn|social security)(?![A-Za-z])/i;

/** Path segments of clinical data (seed data, fixtures copied from production, exports). */
// Not members, subscribers, visits or claims: class members, pub/sub subscribers, AST visitors and
// JWT claims fill ordinary code (babel's helper-member-expression-to-functions).
export const CLINICAL_PATH_RE = /(?:^|[/_.-])(?:patients?|beneficiar(?:y|ies)|encounters?|ehr|emr|fhir|hl7|phi|clinical|admissions?|discharges?|intake|mrn|enrollees?|appointments?|lab-?results?)(?:$|[/_.-])/i;

const PATIENT_TOKEN = /(?:^|_)patients?(?=_|$)/g;
/**
 * Does a recognizer's anti-label veto this label? The words nearest the value decide: after a
 * `patient` token only the rest of the label counts, so `submitted_by_patient_name` is a patient's
 * name although `by` (`signed_by`) vetoes names, while `patient_provider_name` stays a provider's.
 */
export function antiLabelled(anti: RegExp | undefined, label: string): boolean {
  if (!anti || !anti.test(label)) return false;
  let last = -1;
  for (const m of label.matchAll(PATIENT_TOKEN)) last = m.index;
  return last < 0 || anti.test(label.slice(last));
}
