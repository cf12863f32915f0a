import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskTail4 } from '../mask.js';
import { syntheticId } from '../synthetic.js';
import { parseDate } from '../validators.js';
import { idLike, phiRule } from './common.js';

export const recognizer: Recognizer = {
  kind: 'other-id',
  meta: phiRule('other-id', 'Other unique identifying number', 'medium', 'A claim, encounter, visit, accession, case or passport number with patient context (Safe Harbor catch-all identifier).', undefined, ['164.312(c)(1)']),
  labels: labelRe([
    'claim(?:_id|_number|_no|_num)', 'claim', 'encounter(?:_id|_number|_no)?', 'visit(?:_id|_number|_no)?', 'pv1_19', 'accession(?:_number|_no|_id)?', 'specimen(?:_id|_number)?',
    'admission(?:_id|_number)', 'episode(?:_id|_number)?', 'case(?:_number|_no)', 'fin', 'fin_number', 'csn', 'passport(?:_number|_no)?', 'itin', 'alien_number',
    'a_number', 'tax_id', 'prescription(?:_number|_no|_id)', 'rx(?:_number|_no)', 'referral(?:_id|_number)?', 'authorization(?:_number|_no)', 'prior_auth(?:_number)?',
    '(?:placer|filler)_order(?:_number|_no)?',
    // EMS: the patient care report (PCR / ePCR) and the incident or run it belongs to.
    'e?pcr(?:_id|_number|_no|_num)?', 'incident(?:_id|_number|_no|_num)', 'run(?:_number|_no)', 'study_id', 'subject_id', 'record_id',
    // A prescription's number (`"rx": "6284710"`, `rx_numbers`), a refill, an appointment, a police report of an accident.
    'rx', 'rx_numbers', 'refill(?:_id|_number|_no)', 'appointment(?:_id|_number|_no)', 'appt_id', 'police_report(?:_number|_no)?',
    // A FHIR Patient's server id, and references to it (structure/json.ts); a lab's accession, abbreviated.
    'patient_reference', 'acc', 'accn', 'acc_no', 'acc_num',
    // A school health program's student, and a newborn-screening or immunization-registry record.
    'student_(?:id|number|no)', 'iis_(?:id|patient_id)', 'kit_(?:id|number)', 'nbs_(?:id|number|kit)',
    // A patient's imaging study, series or image (DICOM instance UIDs; a SOP class UID names a kind of object, not this one).
    '(?:study|series|sop)_(?:instance_)?uid', 'study_instance_id',
    // A patient's treatment cycle, a gamete or organ donor's registry id, a case, an authorization, a
    // lab or imaging order and an invoice: all but the cycle only with a patient in view (judge()).
    'cycle(?:_id|_number|_no)?', '(?:treatment|ivf)_cycle(?:_id)?', 'donor(?:_id|_number|_no|_code)?', 'case(?:_id)?', 'authorization', 'auth(?:_id|_no)',
    // A patient's signed consent, hospice election and a dental plan's predetermination (a prior authorization).
    'consent(?:_id|_number|_no)', '(?:hospice_)?election(?:_id|_number|_no)', 'predetermination(?:_id|_number|_no)?',
    'order(?:_id|_number|_no|_num)?', 'invoice(?:_id|_number|_no|_num)?',
  ]),
  antiLabels: /(?:^|_)(?:test_case|use_case|jwt_claim|token_claim|claims_key|oauth|github|jira|ticket)(?:_id|_number)?$/,
  pattern:
    /\b(?:Claim|Encounter|Visit|Accession|Specimen|Admission|Episode|Case|FIN|CSN|Passport|Prescription|Rx|Referral|Authorization|Order|Consent|Election|Predetermination)[ _]?(?:ID|No\.?|Number|Num|#)(?:[ \t]*[:#=][ \t]*|[ \t]+)["']?([A-Z0-9][A-Z0-9-]{3,36})(?![\w-])/dgi,
  // "encounter ENC-88120455", "claim #2024001188": the word alone labels an id with a prefix or a '#'.
  // `Rx 6293911`, `Rx: 6295012`, `Rx #6388104`: a prescription number after the abbreviation.
  labelPattern:
    /\b(?:[Cc]laim|[Ee]ncounter|[Vv]isit|[Aa]dmission|[Aa]ccession|[Ss]pecimen|[Ee]pisode|[Rr]eferral|[Cc]ase|[Cc]ycle|[Dd]onor|CLAIM|ENCOUNTER|VISIT|ADMISSION|CASE|CYCLE|DONOR)[ \t]+(?:#[ \t]?([A-Z0-9][A-Z0-9-]{4,36})|([A-Z]{1,5}(?:-[A-Z]{1,3})?\d{0,4}-?\d{3,}(?:-\d+)*[A-Z0-9-]*))(?![\w-])|\b(?:Rx|RX)[ \t]*[:#]?[ \t]*#?(\d{6,12})(?![\w-])/dg,
  trigger: /claim|encounter|visit|accession|\bacc(?:n|_no)?\b|specimen|admission|episode|case|\bfin\b|csn|passport|prescription|\brx|referral|authori[sz]ation|pv1|cycle|donor|order|invoice|auth|consent|election|predetermination/i,
  judge(v, ctx) {
    // A DICOM instance UID (`2.25.3335...`, up to 64 characters) is longer than other ids.
    const uid = /^\d+(?:\.\d+){2,}$/.test(v) && v.length <= 64 && /(?:^|_)uid$/.test(ctx.label ?? '');
    if (!uid && !idLike(v, 3)) return 0;
    // "LastVisit: 03/12/2024", "edVisit": a date under a visit or claim key is a date (patient-date), not an id.
    if (parseDate(v)?.day !== undefined) return 0;
    if (!ctx.labelled) return 0;
    // `acc=` is an accession in a lab's log and an accuracy or an account elsewhere: only with a patient in view.
    if (/(?:^|_)acc(?:n|_no|_num)?$/.test(ctx.label ?? '') && !ctx.patient) return 0;
    // Orders, invoices, cases, authorizations and donors belong to shops, courts, OAuth and charities
    // as often: only with a patient in view; a bare `cycle` (a billing cycle `202403`) only for a prefixed id.
    if (/(?:^|_)(?:order(?:_id|_number|_no|_num)?|donor|invoice(?:_id|_number|_no|_num)?|case(?:_id)?|authorization|auth_(?:id|no))$/.test(ctx.label ?? '') && !ctx.patient) return 0;
    if (/(?:^|_)cycle$/.test(ctx.label ?? '') && !/[A-Za-z]/.test(v)) return 0;
    return ctx.patient || ctx.structured ? 0.88 : 0.7;
  },
  mask: maskTail4,
  synthetic: syntheticId,
};
