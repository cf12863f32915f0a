/**
 * ASC X12 EDI (the HIPAA transaction sets: 837 claims, 270/271 eligibility, 276/277 claim status,
 * 834 enrolment, 835 remittance). Separators come from the fixed-width ISA header. Each NM1 segment
 * says whose the segments after it are (NM101: IL subscriber, QC patient, 82 rendering provider,
 * PR payer ...): the subscriber's and patient's name, member id, address, DMG birth date, REF SSN
 * and PER contacts are labelled fields; a provider's or payer's are marked not-patient, so their
 * names, addresses and phones are not reported. Each HL loop is one record.
 */
import { lineAt, type Field, type Structure } from './types.js';

/** NM101 entity codes of people whose data is PHI: subscriber/insured, patient, dependent, responsible party. */
const PERSON_ENTITIES = new Set(['IL', 'QC', '03', 'QD', '74', 'GD', 'S1']);
/** REF01 qualifier -> label, in a person's loop. */
const PERSON_REF: Record<string, string> = {
  SY: 'ssn', '1W': 'member_id', '23': 'member_id', IG: 'policy_number', EA: 'mrn', '0F': 'subscriber_number', '3H': 'case_number', Q4: 'prior_auth',
  // 834: a client-assigned member id (ZZ, ABB), the Medicare number (F6).
  ZZ: 'member_id', ABB: 'member_id', F6: 'medicare_id',
};
/** REF01 qualifier -> label, anywhere in a claim (they identify the patient's claim). */
const CLAIM_REF: Record<string, string> = { D9: 'claim_number', F8: 'claim_number', EA: 'mrn', '6R': 'encounter_number', G1: 'prior_auth', NT: 'prior_auth' };
/** DTM01 qualifier (835) -> label: the claim's dates of service. */
const DTM_LABEL: Record<string, string> = { '232': 'service_from', '233': 'service_to', '472': 'service_date', '150': 'service_from', '151': 'service_to' };
/** DTP01 qualifier -> label: the patient's own dates of care. */
const DTP_LABEL: Record<string, string> = {
  '472': 'service_date', '431': 'onset_date', '435': 'admission_date', '096': 'discharge_date', '454': 'service_date', '304': 'service_date', '439': 'accident_date', '360': 'service_from', '361': 'service_to',
  // 834: the member's eligibility, benefit, Medicare and Medicaid coverage dates; 278: the authorised service period.
  '356': 'enrollment_date', '357': 'enrollment_end_date', '348': 'enrollment_date', '349': 'enrollment_end_date', '338': 'enrollment_date', '339': 'enrollment_end_date',
  '473': 'enrollment_date', '474': 'enrollment_end_date', '303': 'enrollment_date',
  // 837I: the statement period (434); 278: the authorised service period (AAH).
  '434': 'service_from', AAH: 'service_from',
};
/** PER qualifiers: TE phone, FX fax, EM email. */
const PER_LABEL: Record<string, string> = { TE: 'phone', FX: 'fax', CP: 'mobile', HP: 'home_phone', WP: 'work_phone', EM: 'email' };

export const looksLikeX12 = (text: string): boolean => /^\s*ISA.{100,110}GS/s.test(text.slice(0, 400));

/**
 * An X12 interchange carrying a HIPAA transaction set about people: enrolment (834), claims (837),
 * remittance (835), premium payment (820), eligibility (270/271), claim status (276/277) and
 * authorisations (278). Such a file is patient data whatever it is named (`.x12`, `.edi`, `.txt`).
 */
export const hipaaTransaction = (text: string): boolean =>
  looksLikeX12(text) && /[~\n]\s*ST[*|:^](?:834|837|835|820|27[0-8])[*|:^]/.test(text.slice(0, 2000));

export function x12Fields(text: string): Structure {
  const fields: Field[] = [];
  const problems: Structure['problems'] = [];
  const start = text.search(/ISA/);
  if (start < 0 || text.length < start + 106) return { format: 'x12', fields, problems: [{ line: 1, detail: 'no ISA header: not an X12 interchange' }], clinical: false };
  // The element separator follows "ISA"; the segment terminator follows ISA16, one character after
  // the sixteenth separator. ISA is fixed width (the terminator at 105), but a hand-made or
  // re-padded header is a character off, and then every last element would keep its terminator.
  const es = text[start + 3]!;
  let sep = start + 3;
  for (let k = 1; k < 16 && sep !== -1; k++) sep = text.indexOf(es, sep + 1);
  const term = sep !== -1 && sep + 2 < text.length && !/[\w ]/.test(text[sep + 2]!) ? text[sep + 2]! : text[start + 105]!;
  let loop = 0;
  let whose: 'person' | 'other' | undefined;
  let txn = '';
  let at = start;
  while (at < text.length) {
    let end = text.indexOf(term, at);
    if (end === -1) end = text.length;
    // Segments are often one per line: the line break after a terminator is not part of the next one.
    let s = at;
    while (s < end && /\s/.test(text[s]!)) s++;
    const seg = text.slice(s, end);
    at = end + 1;
    if (seg === '') continue;
    const els = seg.split(es);
    const id = els[0]!;
    if (!/^[A-Z][A-Z0-9]{1,2}$/.test(id)) {
      if (problems.length < 5) problems.push({ line: lineAt(text, s), detail: `not an X12 segment: "${id.slice(0, 8)}"` });
      continue;
    }
    // Offsets of each element in the text.
    const offs: number[] = [];
    let p = s;
    for (const e of els) {
      offs.push(p);
      p += e.length + 1;
    }
    // RD8: a period, `20240604-20240630`: each date is a field of its own.
    const addRange = (i: number, label: string) => {
      const v = els[i] ?? '';
      const dash = v.indexOf('-');
      if (dash < 0) return add(i, label);
      const mk = (a: number, b: number) => fields.push({ label, start: offs[i]! + a, end: offs[i]! + b, record: `e${loop}`, where: `${id}${String(i).padStart(2, '0')}`, patient: true });
      mk(0, dash);
      mk(dash + 1, v.length);
    };
    const add = (i: number, label: string, nonPatient = false) => {
      const v = els[i];
      if (!v) return;
      fields.push({ label, start: offs[i]!, end: offs[i]! + v.length, record: `e${loop}`, where: `${id}${String(i).padStart(2, '0')}`, ...(nonPatient ? { nonPatient: true } : { patient: true }) });
    };
    if (id === 'HL') loop++;
    // 834: INS opens a member's loop (no HL there); the REF and DTP segments before its NM1 are the member's.
    if (id === 'INS') {
      loop++;
      whose = 'person';
      continue;
    }
    if (id === 'NM1') {
      whose = PERSON_ENTITIES.has(els[1] ?? '') && els[2] === '1' ? 'person' : 'other';
      if (whose === 'person') {
        add(3, 'last_name');
        add(4, 'first_name');
        add(9, els[8] === 'MI' || els[8] === 'II' ? 'member_id' : els[8] === '34' ? 'ssn' : 'patient_id');
      } else {
        for (let i = 3; i < els.length; i++) if (i !== 9 || els[8] !== 'XX') add(i, 'provider', true);
        // NM108 XX: NM109 is the provider's NPI (reported as one, though not the patient's).
        if (els[8] === 'XX') add(9, 'npi', true);
      }
      continue;
    }
    if (id === 'ST') txn = els[1] ?? '';
    // 278: the request's trace number and the certification number identify the member's authorisation.
    if (txn === '278' && (id === 'TRN' || id === 'HCR')) {
      add(2, 'prior_auth');
      continue;
    }
    const other = whose !== 'person';
    if (id === 'N3') {
      add(1, other ? 'provider' : 'address_line_1', other);
      add(2, other ? 'provider' : 'address_line_2', other);
    } else if (id === 'N4') {
      add(1, other ? 'provider' : 'address_city', other);
      add(3, other ? 'provider' : 'zip', other);
    } else if (id === 'PER') {
      for (let i = 3; i + 1 < els.length; i += 2) add(i + 1, other ? 'provider' : (PER_LABEL[els[i]!] ?? 'contact'), other);
      if (other) add(2, 'provider', true);
    } else if (id === 'DMG' && !other) {
      add(2, 'date_of_birth');
    } else if (id === 'REF') {
      const label = (!other ? PERSON_REF[els[1] ?? ''] : undefined) ?? CLAIM_REF[els[1] ?? ''];
      if (label) add(2, label);
      else if (other) add(2, 'provider', true);
    } else if (id === 'DTP') {
      const label = DTP_LABEL[els[1] ?? ''];
      if (label && els[2] === 'RD8') addRange(3, label);
      else if (label) add(3, label);
    } else if (id === 'DTM') {
      // 835 remittances date the claim with DTM: 232/233 the statement period, 472 the service (DTM*405 is the file's production date).
      const label = DTM_LABEL[els[1] ?? ''];
      if (label) add(2, label);
    } else if (id === 'CLM') {
      // CLM01: the patient control number the provider assigned (an account number).
      add(1, 'patient_account_number');
    }
  }
  return { format: 'x12', fields, problems, clinical: true };
}
