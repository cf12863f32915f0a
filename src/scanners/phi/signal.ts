/**
 * File-level signals, one regex pass each: can this file hold an identifier at all, and is it about
 * patients? Most source files fail the first and cost nothing more.
 *
 * Words match as label tokens, not only as whole words: `patient_id`, `admitDate`, `PATIENT_DOB` and
 * `Patients` count, `outpatient` or `dobby` do not. The boundary is "no letter before, no lower-case
 * letter after", which needs a case-sensitive regex (see `caseForms`).
 */
import { CODE_EXT_RE } from './code.js';
import { CLINICAL_PATH_RE } from './labels.js';

/**
 * Lower, Capitalised and UPPER spellings of regex fragments (whose letters are all word letters),
 * factored by first letter (`[pP](?:atients?|ATIENTS?)`) so irregexp rejects most positions on the
 * first character. The leading boundary consumes a character rather than using a lookbehind, which
 * made the pass about 30% slower.
 */
export function caseForms(fragments: readonly string[]): string {
  const byFirst = new Map<string, Set<string>>();
  for (const f of fragments) {
    const first = f.charAt(0).toLowerCase();
    const rests = byFirst.get(first) ?? new Set<string>();
    rests.add(f.slice(1));
    rests.add(f.slice(1).toUpperCase());
    byFirst.set(first, rests);
  }
  // Longest first, so `patients` is tried before `patient` (the trailing boundary needs the whole token).
  const groups = [...byFirst].map(([c, rests]) => `[${c}${c.toUpperCase()}](?:${[...rests].sort((x, y) => y.length - x.length).join('|')})`);
  return `(?:^|[^A-Za-z])(?:${groups.join('|')})(?![a-z])`;
}

/** Words that only occur in code about patients (not "chart" or "treatment", everyday words in code). */
// No `phi`: in code it is far more often an angle or an SSA phi node (three.js, compilers) than
// protected health information, and one such identifier made a whole 9 MB bundle "clinical".
const CODE_WORDS = [
  'patients?', 'mrn', 'dob', 'ssn', 'medicare', 'medicaid', 'hl7', 'fhir', 'ehr', 'emr', 'hipaa', 'npi', 'beneficiary', 'diagnos[ie]s',
  'date_?of_?birth', 'date[oO]f[bB]irth', 'birth_?date', 'birth[dD]ate', 'guarantor',
];
/** Words that say a data file or document is about patients. */
const CLINICAL_WORDS = [
  ...CODE_WORDS, 'phi', 'pharmacy', 'physician', 'prescriptions?', 'medications?', 'member[ _]?[iI]d', 'date of birth', 'discharged?', 'dosage',
  'social security', 'symptoms?', 'hospital', 'encounters?', 'insured', 'icd-?10', 'insurance', 'nurse', 'admission', 'admit(?:ted)?',
  'allerg(?:y|ies)', 'appointments?', 'clinic(?:al)?', 'chart', 'clinician', 'treatment', 'triage', 'lab[ _]results?', 'vitals', 'year-old', 'diagnosed', 'medical',
  // EMS patient care reports (and PCR lab tests: clinical either way).
  'pcr', 'epcr',
  // Work injuries and illnesses (OSHA 300/301 logs, workers' compensation first reports).
  'injury', 'injuries', 'illness', 'illnesses',
  // Biometric enrolments (a voiceprint or fingerprint template per person) are identifiers by themselves (164.514(b)(2)(i)(P)).
  'voiceprints?', 'biometrics?',
];

const CODE_SIGNAL_RE = new RegExp(caseForms(CODE_WORDS));
// A record keyed by its member (`"member":"CCH283602042"` in a plan's portal log) is about that member.
const CLINICAL_SIGNAL_RE = new RegExp(`${caseForms(CLINICAL_WORDS)}|"member"\\s*:\\s*"`);
/** An HL7 v2 patient segment pasted anywhere (a test string, a comment). */
const HL7_PID_RE = /(?<![A-Za-z0-9])PID\|/;
/** Any clinical word, an HL7 patient segment, or the shape of an identifier that is sensitive alone (SSN, Medicare MBI). */
const GATE_RE = new RegExp(
  `${CLINICAL_SIGNAL_RE.source}|PID\\||\\b\\d{3}[- .]?\\d{2}[- .]?\\d{4}\\b|\\b[1-9][A-Za-z][A-Za-z0-9]\\d-?[A-Za-z][A-Za-z0-9]\\d-?[A-Za-z]{2}\\d{2}\\b`,
);

/** Can the file hold anything at all: a clinical word, or a standalone identifier's shape. */
export function worthScanning(text: string): boolean {
  return GATE_RE.test(text);
}

/**
 * Does the file say anything clinical (or sit in a clinical folder)? Source code needs a stronger
 * word than prose.
 */
export function clinicalSignal(text: string, path?: string): boolean {
  if (path !== undefined && CLINICAL_PATH_RE.test(path)) return true;
  if (HL7_PID_RE.test(text)) return true;
  return path !== undefined && CODE_EXT_RE.test(path) ? CODE_SIGNAL_RE.test(text) : CLINICAL_SIGNAL_RE.test(text);
}
