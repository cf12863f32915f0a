import type { Recognizer } from '../types.js';
import { labelRe } from '../labels.js';
import { maskDate } from '../mask.js';
import { syntheticDate } from '../synthetic.js';
import { parseDate } from '../validators.js';
import { phiRule, wordsRegex } from './common.js';
import { CODE_DATE_PATTERN, DATE_PATTERN, PARTIAL_DATE_PATTERN, unlabelledAtLineStart } from './dates.js';

const PHARMACY_EVENTS = ['fill(?:ed)?_(?:date|dt|on|at)', 'date_(?:filled|dispensed|picked_up|delivered)', 'dispensed?(?:_date|_dt|_on|_at)', 'picked_up(?:_date|_dt|_on|_at)', 'pickup_(?:date|dt|at)', 'delivered_(?:date|dt|on|at)'];
/** FHIR's clinical timestamps (Observation.effectiveDateTime, MedicationRequest.authoredOn ...). */
const FHIR_EVENTS = ['effective_date_time', 'effective_instant', 'authored_on', 'recorded_date', 'performed_date_time', 'occurrence_date_time', 'onset_date_time', 'abatement_date_time'];
/**
 * Words like `delivered_at` or `recordedDate` also stamp webhooks, e-mails and audit rows: these
 * labels count only with a patient in view (a patient column in the table, a patient key in the
 * record, a clinical word on the line, a clinical format).
 */
const PHARMACY_EVENT_RE = labelRe([...PHARMACY_EVENTS, ...FHIR_EVENTS]);

/**
 * Any other date column of a patient record (`soc_date`, `recert_dt`, `last_call_dt`, `fu_contact_date`):
 * Safe Harbor counts every date directly related to the individual. Only in structured records that
 * are about a patient and name one (a name, MRN or SSN in the same row or object), and never the
 * record's own bookkeeping (created, updated, loaded ...).
 */
const GENERIC_DATE = ['date', 'dt', 'datetime', 'day', '[a-z]+(?:ed|en)_on', '(?:taken|collected|drawn|obtained|performed|administered|given|observed)_(?:at|time|ts|timestamp|datetime)', '(?:starts?|ends?)_(?:at|time|date|datetime|ts)', 'scheduled_(?:at|for|time|start|date)', 'slot_(?:start|end|time)'];

/**
 * A care event written just before a date in prose: "pump therapy started 2024-02-11", "follow-up
 * on 3/18/2024", "visit 2024-03-08", "rescheduled to 3/13/2024". Below the reporting floor on its
 * own; a name, MRN or SSN on the same line raises it (co-occurrence).
 */
const PROSE_EVENT_RE =
  /(?<![A-Za-z])(?:visit(?:ed)?|seen|follow[- ]?up|appointment|appt|admitted|admission|discharged?|surgery|procedure|placed|implanted|started|stopped|began|rescheduled|scheduled|booked|transferred|referred|died|deceased|passed away|delivered|vaccinated|biopsy|scan|x-ray|mri|holter|infusion|dialysis|therapy|treated|injured|fell|collected|drawn|tested|filled|dispensed|picked up)\b[^.;\n]{0,24}$/i;
/** The labels that name a patient's date outright. */
const SPECIFIC_LABELS = [
  'admit(?:ted)?(?:_date|_dt)?', 'admission(?:_date|_dt)?', 'discharge(?:d)?(?:_date|_dt)?', 'death(?:_date|_dt)?', 'deathdate', 'date_of_death', 'dod', 'deceased(?:_date(?:_time)?)?',
  'expired(?:_date)?', 'date_of_service', 'dos', 'service_date', 'visit_date', 'encounter_date', 'procedure_date', 'surgery_date', 'appointment_date',
  'appt_date', 'admit_date_time', 'pv1_44', 'pv1_45', 'pid_29', 'study_date', 'date_of_admission', 'date_of_discharge', 'date_of_visit', 'seen_on', 'period_start', 'period_end',
  // Claims and legacy exports (`ServiceFrom`, `svc_to_dt`, `last_visit_dt`) and clinical events tied to the patient.
  'visit(?:_dt)?', 'admit_dt', 'disch(?:arge)?_dt', 'dod_dt', '(?:service|svc)_(?:from|to|start|end|thru|through)(?:_date|_dt)?', 'dos_(?:from|to)',
  '(?:implant|implanted|incident|injury|accident|onset|collection|collected|specimen|vaccination|immunization|procedure|surgery|transfusion|delivery)(?:_date|_dt|_on|_at|_ts|_time|_datetime|_date_time|_timestamp)?',
  '(?:admit|admission|discharge|death|visit|encounter|service)_(?:ts|time|datetime|date_time|timestamp)',
  // Past participles with a time suffix (`admittedAt`, `discharged_on`, `died_on`, `seenAt`).
  '(?:admitted|discharged|died|expired|seen|visited)_(?:on|at|date|dt|ts|time|datetime|date_time|timestamp)',
  'date_of_(?:injury|incident|accident|onset|procedure|surgery|delivery)', 'orc_9', 'obr_7', 'obr_22', 'obx_14', 'spm_17', 'rxa_3', 'rxa_4', 'pd1_13', 'pd1_17', 'pd1_18',
  // Obstetric, fertility and pathology events of one patient (`lmp`, `edd`, `biopsy_at`, `frozen_on` in a cryo inventory).
  '(?:lmp|edd|biopsy|conception|insemination|iui|ivf|egg_retrieval|oocyte_retrieval|retrieval|embryo_transfer|fet|thaw(?:ed)?|frozen|freeze|vitrified|cryopreserved)(?:_date|_dt|_on|_at|_ts|_time)?',
  // EMS and research events: a cardiac arrest, a crash, an enrolment of one person.
  '(?:arrest|crash|enrol(?:l)?ment|enrolled|consent)(?:_date|_dt|_time|_at|_on)?',
  // Pharmacy events: a fill, a dispense, a pickup or a delivery is a service to one patient.
  ...PHARMACY_EVENTS,
  ...FHIR_EVENTS,
];
const SPECIFIC_RE = labelRe(SPECIFIC_LABELS);
const SYSTEM_DATE_RE =
  /(?:^|_)(?:created|updated|modified|inserted|deleted|synced|sync|processed|imported|exported|loaded|ingested|extracted|refreshed|run|job|batch|build|release|version|expires?|expiry|expiration|valid|issued|printed|generated|report|file|log|audit|last_login|login|etl|as_of|snapshot|cutoff|period|plan_year|effective|termination|term|hire|hired|cal|calibrated|calibration|maintenance|maint|inspected|inspection|qc)(?:_|$)/;

export const recognizer: Recognizer = {
  kind: 'patient-date',
  meta: phiRule('patient-date', 'Admission, discharge, death or service date', 'medium', 'A date tied to an individual other than the birth date: admission, discharge, death, date of service, procedure or visit date.'),
  labels: labelRe([...SPECIFIC_LABELS, ...GENERIC_DATE]),
  // A report's own dates (`Run date: 03/15/2024 06:45 AM`, `printed_on`) are when it was made, not a patient's.
  antiLabels: /(?:^|_)(?:run|print|printed|report|generated|export|exported|extract|extracted)_(?:date|dt|on|at|time|timestamp)$/,
  pattern: DATE_PATTERN,
  // `DateOfService = new DateTime(2024, 3, 18)`: the label is read before the call.
  codePattern: CODE_DATE_PATTERN,
  valuePattern: PARTIAL_DATE_PATTERN,
  trigger: wordsRegex([
    'admi', 'disch', 'death', 'deceased', 'dod', 'dos\\b', 'service', 'svc', 'visit', 'encounter', 'procedure', 'surgery',
    'appointment', 'appt', 'expired', 'pv1', 'study', 'seen', 'period', 'implant', 'incident', 'injur', 'accident', 'onset',
    'collect', 'specimen', 'vaccin', 'immuniz', 'transfus', 'deliver', 'obr', 'obx', 'spm', 'fill', 'dispens', 'pick',
    'arrest', 'crash', 'enrol', 'consent', 'effective', 'authored', 'recorded', 'performed', 'occurrence', 'schedul', 'booked', 'follow.?up',
    'placed', 'started', 'stopped', 'began', 'referr', 'transferr', 'biops', 'scan', 'x-ray', 'mri', 'holter', 'infusion',
    'dialysis', 'therap', 'treated', 'died', 'passed away', 'fell', 'drawn', 'tested', 'lmp', 'edd', 'conception', 'insemination',
    'iui', 'ivf', 'retrieval', 'fet\\b', 'thaw', 'frozen', 'freeze', 'vitrified', 'cryopreserved', 'ed_on', 'en_on',
  ], 'i'),
  // Free text needs a label (judge() below); a date that starts its line has none.
  quick: (_v, before) => !unlabelledAtLineStart(before),
  judge(v, ctx) {
    const p = parseDate(v);
    if (!p) return 0;
    if (ctx.valueMode) return 0.9;
    if (!ctx.labelled && p.year !== undefined && p.day !== undefined && !ctx.structured && ctx.patient) {
      return PROSE_EVENT_RE.test(ctx.line.slice(Math.max(0, ctx.col - 48), ctx.col)) ? 0.3 : 0;
    }
    if (!ctx.labelled || p.year === undefined) return 0;
    const label = ctx.label ?? '';
    // Below the reporting floor on its own: a name, MRN or SSN in the same record raises it (coOccur).
    if (!SPECIFIC_RE.test(label)) return ctx.structured && ctx.patient && p.day !== undefined && !SYSTEM_DATE_RE.test(label) ? 0.3 : 0;
    if (PHARMACY_EVENT_RE.test(label)) return ctx.patient ? 0.85 : 0;
    return ctx.patient || ctx.structured ? 0.9 : 0.7;
  },
  mask: maskDate,
  synthetic: syntheticDate,
  boostable: true,
};
