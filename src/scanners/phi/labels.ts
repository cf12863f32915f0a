/**
 * Label handling: keys, headers and inline labels are normalised to lower-case tokens joined by `_`
 * (`patientDOB` -> `patient_dob`, `Date of Birth` -> `date_of_birth`), so one regex per kind covers
 * JSON keys, CSV headers, SQL columns and "DOB:" in prose.
 */

export function normalizeLabel(raw: string): string {
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Build an end-anchored label regex from alternatives written with `_` between tokens. */
export function labelRe(alts: string[]): RegExp {
  return new RegExp(`(?:^|_)(?:${alts.join('|')})(?:_(?:no|num|number|nbr|id|value|text|val|str|string|code))?$`);
}

/**
 * The label written just before a value on the same line: `DOB: `, `"dob": "`, `ssn=`, `MRN #`,
 * `Patient name - `. Returns the normalised label or undefined.
 */
const LOOKBACK = 56;
const INLINE_LABEL_RE = /([A-Za-z][A-Za-z0-9_.' -]{0,44}?[A-Za-z0-9)\]'])\s*["'`]?\s*(?::=|=>|->|[:=#|_.-]|\s-\s|\()?\s*["'`(\[{]?\s*$/;
export function inlineLabel(line: string, col: number): string | undefined {
  if (col === 0) return undefined;
  const before = line.slice(Math.max(0, col - LOOKBACK), col);
  const m = INLINE_LABEL_RE.exec(before);
  if (!m) return undefined;
  // Only the last few words: "Today the patient's DOB:" -> "patient_s_dob".
  const words = m[1]!.split(/[\s.]+/).slice(-4).join(' ');
  const label = normalizeLabel(words);
  return label.length > 0 ? label : undefined;
}

/** Words that place a line or record in a clinical context. */
export const PATIENT_RE =
  /\b(?:patient|patients|pt|mrn|dob|d\.o\.b|diagnos[ie]s|dx|admit(?:ted)?|admission|discharged?|member|beneficiary|insured|subscriber|medicare|medicaid|enrollee|encounter|chart|clinic|hospital|ehr|emr|hl7|fhir|icd-?10|prescri\w*|rx|allerg\w*|vitals|appointment|appt|visit|triage|lab result|claim|physician|nurse|guarantor|next of kin|nok|deceased|ssn|social security)\b/i;

/** Path segments of clinical data (seed data, fixtures copied from production, exports). */
export const CLINICAL_PATH_RE = /(?:^|[/_.-])(?:patients?|members?|beneficiar(?:y|ies)|claims?|encounters?|ehr|emr|fhir|hl7|phi|clinical|admissions?|discharges?|intake|mrn|enrollees?|subscribers?|visits?|appointments?|lab-?results?)(?:$|[/_.-])/i;
