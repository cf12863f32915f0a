import { normalizeLabel } from '../labels.js';

/**
 * FHIR and similar models put the kind of a value beside it, not in its key: an `identifier` with
 * `system: http://hl7.org/fhir/sid/us-ssn`, a `telecom` with `system: phone`. Turn those sibling
 * strings into a label suffix, so `identifier.value` becomes `identifier_ssn`.
 */
const HINTS: Array<[RegExp, string]> = [
  [/us-ssn|\bssn\b|social.?security|\bss\b/i, 'ssn'],
  [/\bnpi\b|us-npi/i, 'npi'],
  [/\bmbi\b|medicare|\bmb\b|\bmc\b|\bma\b|member|subscriber|medicaid/i, 'mbi'],
  [/\bdl\b|driver/i, 'dl'],
  [/passport|\bppn\b/i, 'passport'],
  [/\bdea\b/i, 'dea'],
  [/\ban\b|account/i, 'account'],
  [/\bmr\b|\bmrn\b|medical.?record|patient.?(?:id|identifier)|\bpi\b/i, 'mr'],
  [/^(?:phone|tel)$|\bphone\b/i, 'phone'],
  [/^fax$/i, 'fax'],
  [/^sms$/i, 'sms'],
  [/^email$/i, 'email'],
  [/^url$/i, 'url'],
];

export function suffixFromHints(hints: string[]): string | undefined {
  for (const [re, suffix] of HINTS) if (hints.some((h) => re.test(h))) return suffix;
  return undefined;
}

/** Keys whose short string values describe their siblings. */
export const HINT_KEYS = new Set(['system', 'code', 'use', 'type', 'text', 'display', 'kind', 'name_type']);

/** FHIR resources that are not about the patient: their names, telecoms and identifiers are staff or places. */
export const NON_PATIENT_RESOURCES = new Set([
  'Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Endpoint', 'HealthcareService', 'Medication', 'Substance', 'ValueSet', 'CodeSystem',
  'StructureDefinition', 'CapabilityStatement', 'OperationOutcome', 'SearchParameter', 'Questionnaire', 'PlanDefinition', 'ActivityDefinition', 'Library',
]);

/**
 * Keys of containers that hold staff, organisations and places, not patients (`providers:` in a
 * credentialing roster, `careTeam`, `pharmacy`): every value under them is theirs. Plan `members`,
 * portal `users` and `contacts` are not here: in a health application they are patients and their
 * relatives.
 */
const STAFF_CONTAINER_RE =
  /^(?:providers?|practitioners?|physicians?|doctors?|clinicians?|nurses?|staff|staff_members|employees?|care_?team|care_team_members|attending|prescribers?|pharmacists?|technicians?|organi[sz]ations?|facilit(?:y|ies)|vendors?|payers?|insurers?|pharmac(?:y|ies)|laborator(?:y|ies)|department|departments|on_?call|roster|credentialing)$/;
export const staffContainer = (key: string | undefined): boolean => key !== undefined && STAFF_CONTAINER_RE.test(normalizeLabel(key));

/** Label of a value from its container key, its own key and sibling hints. */
export function fieldLabel(containerKey: string | undefined, key: string, hints: string[]): string {
  const k = normalizeLabel(key);
  if (k === 'value' || k === 'id_value' || k === '') {
    const suffix = suffixFromHints(hints);
    return normalizeLabel(`${containerKey ?? ''}_${suffix ?? 'value'}`);
  }
  return containerKey ? normalizeLabel(`${containerKey}_${key}`) : k;
}
