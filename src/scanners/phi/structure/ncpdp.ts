/**
 * NCPDP Telecommunication Standard vD.0, the HIPAA standard for pharmacy claims (B1 billing, B2
 * reversal, E1 eligibility), as switches and log tools print it: each field is its three-digit id,
 * its two-character qualifier and the value (`310-CA=WALTER`, `304-C4=19470613`), segments on lines
 * or separated by `|`, a transaction per blank-line-separated block (or one `TXN` header each).
 * The field dictionary says what each value is; the prescriber and the pharmacy are not the patient
 * (their NPIs are still reported as NPIs).
 */
import type { Field, Structure } from './types.js';

/** Field id -> label, for the fields of a claim that identify the patient or the cardholder. */
const PATIENT_FIELDS: Record<string, string> = {
  '302': 'member_id', // cardholder id
  '304': 'date_of_birth',
  '310': 'first_name',
  '311': 'last_name',
  '312': 'first_name', // cardholder
  '313': 'last_name',
  '322': 'street_address',
  '323': 'city',
  '325': 'zip',
  '326': 'phone',
  '350': 'email',
  '332': 'patient_id',
  '401': 'service_date', // date of service
  '414': 'service_date', // date the prescription was written
  '402': 'rx_number', // prescription / service reference number
  '503': 'prior_auth', // the payer's authorisation number
  '462': 'prior_auth', // prior authorisation number submitted
};
/** Fields of the prescriber or the pharmacy: ids are NPIs when they pass the check, the rest are staff. */
const PROVIDER_FIELDS = new Set(['201', '411', '427', '364', '367', '498', '444', '465', '468', '421']);
const PROVIDER_NPI_FIELDS = new Set(['201', '411', '444']);

const FIELD_RE = /(?<![\w-])(\d{3})-([A-Z0-9]{2})=([^|\n\r]*)/g;

/** At least a handful of `NNN-XX=` fields, ids of the patient segment among them. */
export function looksLikeNcpdp(text: string): boolean {
  const head = text.slice(0, 8000);
  // Every file of a scan meets this test: a plain substring search rules out nearly all of them.
  if (!head.includes('-C4=') && !head.includes('-C2=') && !head.includes('-CA=')) return false;
  FIELD_RE.lastIndex = 0;
  let n = 0;
  let patient = false;
  let m: RegExpExecArray | null;
  while ((m = FIELD_RE.exec(head)) !== null) {
    n++;
    if (m[1] === '304' || m[1] === '302' || m[1] === '310') patient = true;
    if (n >= 6 && patient) return true;
  }
  return false;
}

export function ncpdpFields(text: string): Structure {
  const fields: Field[] = [];
  let record = 0;
  let lastEnd = 0;
  FIELD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIELD_RE.exec(text)) !== null) {
    // A blank line or a TXN header between two fields starts the next transaction.
    const between = text.slice(lastEnd, m.index);
    if (/\n[ \t]*\r?\n|(?:^|\n)TXN\b/.test(between)) record++;
    lastEnd = m.index + m[0].length;
    const raw = m[3]!;
    const value = raw.replace(/\s+(?:#.*)?$/, '');
    if (value === '') continue;
    const start = m.index + m[0].length - raw.length;
    const id = m[1]!;
    const where = `${id}-${m[2]}`;
    if (PROVIDER_FIELDS.has(id)) {
      const label = PROVIDER_NPI_FIELDS.has(id) && /^\d{10}$/.test(value) ? 'npi' : 'provider';
      fields.push({ label, start, end: start + value.length, record: `ncpdp${record}`, where, nonPatient: true });
      continue;
    }
    const label = PATIENT_FIELDS[id];
    if (label) fields.push({ label, start, end: start + value.length, record: `ncpdp${record}`, where, patient: true });
  }
  return { format: 'ncpdp-d0', fields, problems: [], clinical: true };
}
